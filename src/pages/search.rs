//! 搜索: full-text search over every document's text and every record, grouped by kind,
//! with the matches highlighted and the query in the URL.

use crate::app::{url, PageMeta};
use crate::data::{fetch_data, store, LoadError};
use crate::pages::records::use_query_value;
use crate::pages::{LoadFailed, Loading};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use model::search::{record_entries, search, text_entries, Entry, Kind, Piece};
use model::Document;
use std::sync::Arc;

const PER_GROUP: usize = 30;

/// Every searchable entry, built once the index, the facts and all document texts are in.
async fn load_entries(
    index: Arc<model::Index>,
    facts: Arc<model::Facts>,
) -> Result<Arc<Vec<Entry>>, LoadError> {
    let mut entries = record_entries(&facts);
    for d in &index.documents {
        for part in &d.parts {
            if !model::is_safe_id(&part.file) {
                continue;
            }
            let doc: Arc<Document> = fetch_data(format!("doc/{}", part.file)).await?;
            entries.extend(text_entries(&doc, &d.short_title));
        }
    }
    let entries = Arc::new(entries);
    LOADED.with(|l| *l.borrow_mut() = Some(entries.clone()));
    Ok(entries)
}

thread_local! {
    /// The entries of the last loaded search page, for the benchmark hooks below.
    static LOADED: std::cell::RefCell<Option<Arc<Vec<Entry>>>> = const { std::cell::RefCell::new(None) };
}

/// Benchmark hook (`cargo xtask bench`): mean milliseconds of one search over the whole
/// corpus, measured inside the wasm; -1 before the search page has loaded its data.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_search(query: &str, runs: u32) -> f64 {
    let Some(entries) = LOADED.with(|l| l.borrow().clone()) else {
        return -1.0;
    };
    let perf = web_sys::window().and_then(|w| w.performance());
    let now = || perf.as_ref().map(|p| p.now()).unwrap_or_default();
    let runs = runs.max(1);
    let started = now();
    let mut found = 0usize;
    for _ in 0..runs {
        found += search(&entries, query, PER_GROUP)
            .iter()
            .map(|g| g.total)
            .sum::<usize>();
    }
    std::hint::black_box(found);
    (now() - started) / f64::from(runs)
}

/// Benchmark hook: the searchable text, for a JavaScript `indexOf` baseline over the same data.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_corpus() -> Vec<String> {
    LOADED.with(|l| {
        l.borrow()
            .as_ref()
            .map(|e| {
                e.iter()
                    .map(|e| format!("{}\n{}", e.title, e.text))
                    .collect()
            })
            .unwrap_or_default()
    })
}

fn pieces(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.mark {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}

fn hit_href(e: &Entry) -> String {
    let id = model::query::encode(&e.id);
    match e.kind {
        Kind::Target => url(&format!("/target/?id={id}")),
        Kind::Project => url(&format!("/project/?id={id}")),
        Kind::Field => url(&format!("/field/?id={id}")),
        Kind::Department => url(&format!("/department/?id={id}")),
        Kind::Text => url(&format!(
            "/document/?id={id}&at={}",
            model::query::encode(&e.anchor)
        )),
    }
}

#[component]
pub fn Search() -> impl IntoView {
    let q = use_query_value("q");
    let store = store();
    let entries = LocalResource::new(move || async move {
        let index = store.index.await?;
        let facts = store.facts().await?;
        load_entries(index, facts).await
    });
    let retry = Callback::new(move |_| {
        store.index.refetch();
        store.refetch_facts();
        entries.refetch();
    });
    let navigate = use_navigate();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = input.get().map(|i| i.value()).unwrap_or_default();
        let value = model::query::clean_value(&value);
        navigate(
            &url(&format!("/search/?q={}", model::query::encode(&value))),
            crate::app::as_given(),
        );
    };
    let title = Signal::derive(move || {
        let q = q.get();
        if q.is_empty() {
            "搜索".to_string()
        } else {
            format!("搜索：{q}")
        }
    });
    view! {
        <PageMeta title=title column="搜索" />
        <h1>"搜索"</h1>
        <form class="search-box" on:submit=on_submit role="search">
            <label for="search-q">"搜索文件原文和全部条目"</label>
            <input id="search-q" name="q" type="search" node_ref=input prop:value=move || q.get() placeholder="例如：养老服务 床位" />
            <button type="submit">"搜索"</button>
        </form>
        <p class="hint">"多个词用空格分开，结果须同时包含所有词。"</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let query = q.get();
                match entries.await {
                    Err(error) => view! { <LoadFailed error retry /> }.into_any(),
                    Ok(_) if query.is_empty() => ().into_any(),
                    Ok(entries) => {
                        let groups = search(&entries, &query, PER_GROUP);
                        if groups.is_empty() {
                            return view! { <p class="empty" role="status">"没有找到包含“" {query} "”的内容。请换一个词或减少关键词。"</p> }.into_any();
                        }
                        let total: usize = groups.iter().map(|g| g.total).sum();
                        let sections = groups
                            .into_iter()
                            .map(|g| {
                                let shown = g.hits.len();
                                let more = (g.total > shown).then(|| format!("（显示前 {shown} 条）"));
                                let hits = g
                                    .hits
                                    .into_iter()
                                    .map(|h| {
                                        let href = hit_href(h.entry);
                                        view! {
                                            <li class="record hit">
                                                <A href=href>{pieces(h.title)}</A>
                                                <p class="snippet">{pieces(h.snippet)}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <section class="hit-group">
                                        <h2>{g.kind.label()} "（" {g.total} "）" {more}</h2>
                                        <ul class="records">{hits}</ul>
                                    </section>
                                }
                            })
                            .collect_view();
                        view! { <p class="count" role="status">"共找到 " {total} " 处"</p> {sections} }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
