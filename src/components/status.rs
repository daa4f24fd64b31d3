//! The states a page shows instead of its content: loading, a failed data file (with a
//! retry), and a record id that does not exist.

use crate::data::LoadError;
use crate::links::url;
use crate::router::A;
use crate::takeover::Ready;
use leptos::prelude::*;

/// Shown while a data file is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"正在加载数据…"</p> }
}

/// A data file failed: say what happened and offer a retry; the rest of the app keeps working.
#[component]
pub fn LoadFailed(error: LoadError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="load-failed" role="alert">
            <p>{error.to_string()}</p>
            <button type="button" on:click=move |_| retry.run(())>"重试"</button>
        </div>
        <Ready failed=true />
    }
}

/// A missing record: say what was asked for and link back to its list.
#[component]
pub fn NotFoundRecord(
    #[prop(into)] what: String,
    #[prop(into)] id: String,
    back: model::pages::Page,
    #[prop(into)] back_label: String,
) -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"未找到"</h1>
            <p>"没有编号为“" <span class="bad-id">{id}</span> "”的" {what} "。"</p>
            <p><A href=url(&back.path())>{back_label}</A></p>
        </section>
    }
}

/// Renders `view` with what `load` resolves to, once it has; a failure shows
/// [`LoadFailed`] with a retry of every data file. Either way the page is then ready for a
/// take-over of its prerendered view. The future is boxed before it meets `Transition` and
/// `Suspend`, so their code is compiled once, not once per page (a smaller app).
#[component]
pub fn Awaited<T, Fut, L, V, F>(load: L, view: F) -> impl IntoView
where
    L: Fn() -> Fut + Send + Sync + Copy + 'static,
    Fut: std::future::Future<Output = Result<T, LoadError>> + Send + 'static,
    T: Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + Copy + 'static,
    V: IntoView + 'static,
{
    let render = std::sync::Arc::new(move || -> ViewFuture {
        Box::pin(async move { load().await.map(|data| view(data).into_any()) })
    });
    suspended(render)
}

/// The page's view once its data is in, or why not; one type for every page.
type ViewFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, LoadError>> + Send>>;

/// The part of [`Awaited`] that does not depend on the page, compiled once.
fn suspended(render: std::sync::Arc<dyn Fn() -> ViewFuture + Send + Sync>) -> AnyView {
    let retry = crate::data::store().retry();
    view! {
        <Transition fallback=Loading>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match render().await {
                        Ok(page) => view! { {page} <Ready /> }.into_any(),
                        Err(error) => view! { <LoadFailed error retry /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}

/// A record whose id was merged into another (`DocRecordsFile::became`): says so, links to
/// the record it became and, with script, takes its address (an old link keeps working).
#[component]
pub fn MergedRecord(
    #[prop(into)] id: String,
    page: model::pages::Page,
    #[prop(into)] kept: String,
) -> impl IntoView {
    let path = page.record(&kept);
    let href = url(&path);
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        let replace = leptos_router::NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&path, replace);
    });
    view! {
        <section class="not-found">
            <h1>"已合并"</h1>
            <p>"编号为“" <span class="bad-id">{id}</span> "”的记录已不再单独列出，它说的事项并入了下面这条记录："</p>
            <p><A href=href>"查看这条记录"</A></p>
        </section>
    }
}

/// The page of an id no record of this kind has: the record it was merged into, or 未找到.
pub fn missing_record(
    records: &model::files::DocRecordsFile,
    id: String,
    what: &'static str,
    back: model::pages::Page,
    back_label: &'static str,
) -> AnyView {
    use model::pages::Page;
    use model::search::Kind;
    let became = records.became(&id).and_then(|(kind, kept)| {
        let page = match kind {
            Kind::Field => Page::Field,
            Kind::Project => Page::Project,
            Kind::Target => Page::Target,
            _ => return None,
        };
        Some((page, kept.to_string()))
    });
    let title = if became.is_some() {
        "已合并"
    } else {
        "未找到"
    };
    let meta = view! { <crate::head::PageMeta title=title.to_string() column=back.def().column /> };
    match became {
        Some((page, kept)) => view! { {meta} <MergedRecord id page kept /> }.into_any(),
        None => view! { {meta} <NotFoundRecord what id back back_label /> }.into_any(),
    }
}
