//! Pieces the record pages share: filter controls bound to the URL, record cards, the link
//! back to the source paragraph, the result count with downloads, and the pager.

use crate::components::progress::StatusBadge;
use crate::dom::download;
use crate::links::url;
pub use crate::router::use_query_value;
use crate::router::{use_open, A};
use leptos::prelude::*;
use model::pages::Page;
use model::query::{Filter, Page as ListPage};
use model::view::figure_text;
use model::{Field, Project, Target};
use std::sync::Arc;

/// The current filter, read from the URL.
pub fn use_filter() -> Memo<Filter> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        let pairs: Vec<(&str, String)> = Filter::KEYS
            .iter()
            .map(|k| (*k, q.get(k).unwrap_or_default()))
            .collect();
        Filter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    })
}

/// A labelled `<select>` that rewrites one filter key in the URL.
#[component]
pub fn FilterSelect(
    #[prop(into)] label: String,
    key: &'static str,
    options: Vec<(String, String)>,
    filter: Memo<Filter>,
    page: Page,
) -> impl IntoView {
    let open = use_open();
    let id = format!("filter-{key}");
    let current = move || filter.get().get(key).to_string();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let next = filter.get_untracked().with(key, &value);
        open(&page.path_with(&next.to_query()));
    };
    // The options are static: a change of filter draws the page anew. As one piece of HTML
    // (`options_html`), a select of a thousand documents is one call into the page.
    let options = model::view::options_html(&options, &current_untracked(filter, key));
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=on_change prop:value=current inner_html=options></select>
        </div>
    }
}

fn current_untracked(filter: Memo<Filter>, key: &str) -> String {
    filter.get_untracked().get(key).to_string()
}

/// A text filter; submitting it rewrites `q` in the URL.
#[component]
pub fn FilterText(
    filter: Memo<Filter>,
    page: Page,
    #[prop(into)] placeholder: String,
) -> impl IntoView {
    let open = use_open();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = input.get().map(|i| i.value()).unwrap_or_default();
        let next = filter.get_untracked().with("q", &value);
        open(&page.path_with(&next.to_query()));
    };
    view! {
        <form class="filter filter-text" on:submit=on_submit role="search">
            <label for="filter-q">"关键词"</label>
            <div class="inline">
                <input id="filter-q" type="search" node_ref=input placeholder=placeholder prop:value=move || filter.get().q />
                <button type="submit" class="button">"筛选"</button>
            </div>
        </form>
    }
}

/// One `<select>` of a filter panel.
#[derive(Debug, Clone)]
pub struct SelectSpec {
    pub label: &'static str,
    pub key: &'static str,
    /// `(value, text)`.
    pub options: Vec<(String, String)>,
}

impl SelectSpec {
    pub fn new(label: &'static str, key: &'static str, options: Vec<(String, String)>) -> Self {
        SelectSpec {
            label,
            key,
            options,
        }
    }
}

/// The filters that are set, as `(label: value text, address without it)`: the chips that
/// say what the list is filtered by and remove one filter each.
pub fn active_filters(
    filter: &Filter,
    selects: &[SelectSpec],
    page: Page,
) -> Vec<(String, String)> {
    let mut chips: Vec<(String, String)> = selects
        .iter()
        .filter(|s| !filter.get(s.key).is_empty())
        .map(|s| {
            let value = filter.get(s.key);
            // An unknown value (a hand-edited address) is shown as it came.
            let text = s
                .options
                .iter()
                .find(|(v, _)| v == value)
                .map_or(value, |(_, t)| t.as_str());
            (
                format!("{}：{text}", s.label),
                page.path_with(&filter.with(s.key, "").to_query()),
            )
        })
        .collect();
    if !filter.q.is_empty() {
        chips.push((
            format!("关键词：{}", filter.q),
            page.path_with(&filter.with("q", "").to_query()),
        ));
    }
    chips
}

/// The filters of a list page. On a phone they fold behind a 筛选 button so that the
/// results come first; the filters that are set show as chips that remove them. From
/// 700 px wide the controls are always shown.
#[component]
pub fn FilterPanel(
    filter: Memo<Filter>,
    page: Page,
    selects: Vec<SelectSpec>,
    #[prop(into)] placeholder: String,
    /// Leaves out the text filter (a list the search index does not cover).
    #[prop(optional)]
    no_text: bool,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let chips = active_filters(&filter.get_untracked(), &selects, page);
    let n = chips.len();
    let chip_views = (!chips.is_empty()).then(|| {
        let items = chips
            .into_iter()
            .map(|(text, href)| {
                let label = format!("取消筛选：{text}");
                view! { <li><a class="chip" href=url(&href) aria-label=label>{text} <span aria-hidden="true">"×"</span></a></li> }
            })
            .collect_view();
        view! { <ul class="chips" aria-label="已选筛选条件">{items}</ul> }
    });
    let controls = selects
        .into_iter()
        .map(|s| view! { <FilterSelect label=s.label key=s.key options=s.options filter page /> })
        .collect_view();
    let button_text = if n == 0 {
        "筛选".to_string()
    } else {
        format!("筛选（已选 {n} 项）")
    };
    view! {
        <div class="filter-panel" class:open=move || open.get()>
            <div class="filter-bar">
                <button
                    type="button"
                    class="button secondary filter-toggle"
                    aria-controls="filter-body"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {button_text}
                </button>
                {chip_views}
            </div>
            <div class="filters" id="filter-body">
                {controls}
                {(!no_text).then(|| view! { <FilterText filter page placeholder /> })}
            </div>
        </div>
    }
}

/// Theme options for a filter: `(id, name)`.
pub fn theme_options(themes: &model::files::ThemesFile) -> Vec<(String, String)> {
    themes
        .themes
        .iter()
        .map(|t| (t.id.clone(), t.name.clone()))
        .collect()
}

/// "查看全部 N 项…": the link to the whole filtered list, when a page shows only its first
/// `shown` of `total` records.
pub fn see_all(
    page: Page,
    filter: &Filter,
    total: usize,
    shown: usize,
    what: &'static str,
) -> Option<impl IntoView> {
    let href = url(&page.path_with(&filter.to_query()));
    (total > shown).then(|| {
        view! { <p class="more"><A href=href>{format!("查看全部 {total} 项{what}")}</A></p> }
    })
}

pub fn plain_options(values: Vec<String>) -> Vec<(String, String)> {
    values.into_iter().map(|v| (v.clone(), v)).collect()
}

/// The link from a record to its source paragraph, highlighted in the reader.
#[component]
pub fn SourceLink(
    doc: String,
    block: String,
    quote: String,
    #[prop(into)] doc_title: String,
) -> impl IntoView {
    let href =
        url(&Page::Document.record_with(&doc, &format!("?at={}", model::query::encode(&block))));
    view! {
        <blockquote class="quote">
            <p>"原文：“" {quote} "”"</p>
            <footer>
                <A href=href>"查看原文出处：" {doc_title}</A>
            </footer>
        </blockquote>
    }
}

/// Every place a record is stated: the primary quote, then the others ("另见").
#[component]
pub fn Sources(
    /// Primary first.
    sources: Vec<model::Provenance>,
    #[prop(into)] doc_title: String,
) -> impl IntoView {
    let mut sources = sources.into_iter();
    let first = sources.next().map(|s| {
        view! { <SourceLink doc=s.doc block=s.block quote=s.quote doc_title=doc_title.clone() /> }
    });
    let others: Vec<_> = sources
        .map(|s| view! { <SourceLink doc=s.doc block=s.block quote=s.quote doc_title=doc_title.clone() /> })
        .collect();
    let more = (!others.is_empty()).then(|| {
        view! {
            <h2>"原文另见（" {others.len()} "处）"</h2>
            {others}
        }
    });
    view! { {first} {more} }
}

#[component]
pub fn TargetCard(target: Target, #[prop(into)] doc_title: String) -> impl IntoView {
    let href = url(&Page::Target.record(&target.id));
    let baseline = target
        .baseline
        .as_ref()
        .map(|f| figure_text(f, &target.unit));
    let goal = target.target.as_ref().map(|f| figure_text(f, &target.unit));
    let status = target.progress.as_ref().map(|p| {
        view! { <p class="record-status">"进度：" <StatusBadge status=p.status /></p> }
    });
    view! {
        <li class="record">
            <A href=href>{target.indicator.clone()}</A>
            {status}
            <p class="meta">{doc_title} " · " {target.category.clone()} {target.attribute.map(|a| format!(" · {}", a.label()))}</p>
            <dl class="figures">
                {baseline.map(|b| view! { <dt>"基期"</dt><dd>{b}</dd> })}
                {goal.map(|g| view! { <dt>"目标"</dt><dd>{g}</dd> })}
                {(!target.qualitative.is_empty()).then(|| view! { <dt>"定性目标"</dt><dd>{target.qualitative.clone()}</dd> })}
                {target.cumulative.then(|| view! { <dt>"说明"</dt><dd>"五年累计数"</dd> })}
            </dl>
        </li>
    }
}

#[component]
pub fn ProjectCard(project: Project, #[prop(into)] doc_title: String) -> impl IntoView {
    let href = url(&Page::Project.record(&project.id));
    view! {
        <li class="record">
            <A href=href>{project.name.clone()}</A>
            <p class="meta">
                {project.kind.label()} " · " {doc_title}
                {(!project.domain.is_empty()).then(|| format!(" · {}", project.domain))}
                {(!project.place.is_empty()).then(|| format!(" · {}", project.place))}
            </p>
        </li>
    }
}

/// A key field in a list; `label` (the field's short label) is left out where the list
/// already says more.
#[component]
pub fn FieldCard(
    field: Field,
    #[prop(into)] doc_title: String,
    #[prop(optional)] label: bool,
) -> impl IntoView {
    let href = url(&Page::Field.record(&field.id));
    view! {
        <li class="record">
            <A href=href>{field.title.clone()}</A>
            <p class="meta">{doc_title} {label.then(|| format!(" · {}", field.label))}</p>
        </li>
    }
}

/// Every record the filter finds (their chunks) and the metadata of their documents (one
/// small file each), for a download.
async fn download_rows<R: model::lists::Listed + Send + Sync>(
    page: &model::lists::ListPage<R>,
) -> Result<(Vec<R>, Vec<model::DocumentMeta>), crate::data::LoadError> {
    let rows = crate::data::records_of::<R>(&page.list, &page.ordinals).await?;
    // A document's records are one run of the list: its id once per run.
    let mut docs: Vec<String> = rows.iter().map(|r| r.doc().to_string()).collect();
    docs.dedup();
    let metas = crate::data::doc_metas(&docs).await?;
    Ok((rows, metas))
}

/// The CSV download action of a filtered list: pressing it fetches every record the filter
/// finds (their chunks) and their documents' metadata, then writes the file; a failure is
/// said, not swallowed. (Every record as JSON is one static file, `data/facts.json`.)
pub fn list_downloads<R: model::lists::Listed + Send + Sync>(
    page: Arc<model::lists::ListPage<R>>,
    stem: &'static str,
    csv: fn(&[&R], &model::lists::ListIndex, &[model::DocumentMeta]) -> String,
) -> Callback<()> {
    Callback::new(move |_| {
        let page = page.clone();
        leptos::task::spawn_local(async move {
            match download_rows(&page).await {
                Ok((rows, docs)) => {
                    let rows: Vec<&R> = rows.iter().collect();
                    let text = csv(&rows, &page.list, &docs);
                    download(&format!("{stem}.csv"), "text/csv;charset=utf-8", &text);
                }
                Err(e) => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.alert_with_message(&format!("下载失败：{e}"));
                    }
                }
            }
        });
    })
}

/// The count of a filtered list and, for lists that offer them, its downloads.
#[component]
pub fn ResultBar(
    count: usize,
    /// The page of the list on show.
    page: ListPage,
    /// The CSV download handler, when the list offers downloads.
    #[prop(optional)]
    downloads: Option<Callback<()>>,
) -> impl IntoView {
    let shown = (page.pages > 1).then(|| format!("，显示第 {}–{} 项", page.start + 1, page.end));
    view! {
        <div class="result-bar">
            <p class="count" role="status">"共 " {count} " 项" {shown}</p>
            {downloads.map(|csv| view! {
                <span class="downloads" role="group" aria-label="下载">
                    <button type="button" class="button secondary" aria-label="下载筛选结果（CSV）" on:click=move |_| csv.run(())>"下载 CSV"</button>
                    <a class="button secondary" href=url(&format!("/data/{}", model::files::ALL_FACTS)) download>"全部数据 JSON"</a>
                </span>
            })}
        </div>
    }
}

/// The cards of a filtered list, or an empty state that says so and clears the filter.
pub fn records_or_empty(
    cards: Vec<AnyView>,
    what: &str,
    page: Page,
    list_page: ListPage,
    filter: &Filter,
) -> AnyView {
    if cards.is_empty() {
        let message = format!("没有符合条件的{what}。");
        view! { <p class="empty">{message} <A href=url(&page.path())>"清除筛选"</A></p> }.into_any()
    } else {
        view! { <ul class="records">{cards}</ul> {pager(list_page, filter, page)} }.into_any()
    }
}

/// Links to the neighbouring pages of a list, keeping its filters.
pub fn pager(list_page: ListPage, filter: &Filter, page: Page) -> Option<impl IntoView> {
    if list_page.pages <= 1 {
        return None;
    }
    let link = |n: usize| {
        let value = if n <= 1 { String::new() } else { n.to_string() };
        url(&page.path_with(&filter.with("page", &value).to_query()))
    };
    // Plain links: `A` marks every link to the same path as the current page.
    let previous = (list_page.number > 1)
        .then(|| view! { <a href=link(list_page.number - 1) rel="prev">"上一页"</a> });
    let next = (list_page.number < list_page.pages)
        .then(|| view! { <a href=link(list_page.number + 1) rel="next">"下一页"</a> });
    Some(view! {
        <nav class="pager" aria-label="分页">
            {previous}
            <span>"第 " {list_page.number} " / " {list_page.pages} " 页"</span>
            {next}
        </nav>
    })
}
