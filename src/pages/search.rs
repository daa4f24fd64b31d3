//! 搜索: full-text search over every document's text and every record, grouped by kind,
//! with the matches highlighted and the query in the URL.

use crate::components::records::use_query_value;
use crate::components::status::Awaited;
use crate::data::{fetch_data, store, LoadError};
use crate::head::PageMeta;
use crate::links::{as_given, url};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use model::pages::Page;
use model::search::{record_entries, search, text_entries, Entry, Kind, Piece};
use model::{files, Document, Index};
use std::sync::Arc;

const PER_GROUP: usize = 30;

/// Every searchable entry, built once the index, the records and all document texts are in.
async fn load_entries() -> Result<Arc<Vec<Entry>>, LoadError> {
    let store = store();
    let (index, fields, projects, targets, departments) = (
        store.index,
        store.fields(),
        store.projects(),
        store.targets(),
        store.departments(),
    );
    let index: Arc<Index> = index.await?;
    let mut entries = record_entries(
        &fields.await?.fields,
        &projects.await?.projects,
        &targets.await?.targets,
        &departments.await?.departments,
    );
    for d in &index.documents {
        for part in &d.parts {
            if !model::is_safe_id(&part.file) {
                continue;
            }
            let doc: Arc<Document> = fetch_data(files::document_part(&part.file)).await?;
            entries.extend(text_entries(&doc, &d.short_title));
        }
    }
    Ok(Arc::new(entries))
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
    let page = match e.kind {
        Kind::Target => Page::Target,
        Kind::Project => Page::Project,
        Kind::Field => Page::Field,
        Kind::Department => Page::Department,
        Kind::Text => {
            return url(&Page::Document.path_with(&format!(
                "?id={}&at={}",
                model::query::encode(&e.id),
                model::query::encode(&e.anchor)
            )))
        }
    };
    url(&page.record(&e.id))
}

/// Runs a search, timed in the browser's performance timeline (`search` measures), which
/// the benchmark reads: the app carries no hook of its own for it.
fn timed_search<'a>(entries: &'a [Entry], query: &str) -> Vec<model::search::Group<'a>> {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("search-start");
    }
    let groups = search(entries, query, PER_GROUP);
    if let Some(p) = &performance {
        let _ = p.mark("search-end");
        let _ = p.measure_with_start_mark_and_end_mark("search", "search-start", "search-end");
    }
    groups
}

#[component]
pub fn Search() -> impl IntoView {
    let q = use_query_value("q");
    let entries = LocalResource::new(load_entries);
    let title = Signal::derive(move || {
        let q = q.get();
        if q.is_empty() {
            Page::Search.def().title.to_string()
        } else {
            format!("搜索：{q}")
        }
    });
    view! {
        <PageMeta title=title column=Page::Search.def().column />
        <SearchForm q />
        <Awaited
            load=move || async move { entries.await }
            view=move |entries| view! { <SearchResults entries query=q.get() /> }
        />
    }
}

/// The search box and the hint below it.
#[component]
pub fn SearchForm(q: Memo<String>) -> impl IntoView {
    let navigate = use_navigate();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = input.get().map(|i| i.value()).unwrap_or_default();
        let value = model::query::clean_value(&value);
        navigate(
            &url(&Page::Search.path_with(&format!("?q={}", model::query::encode(&value)))),
            as_given(),
        );
    };
    view! {
        <h1>"搜索"</h1>
        <form class="search-box" on:submit=on_submit role="search">
            <label for="search-q">"搜索文件原文和全部条目"</label>
            <input id="search-q" name="q" type="search" node_ref=input prop:value=move || q.get() placeholder="例如：养老服务 床位" />
            <button type="submit">"搜索"</button>
        </form>
        <p class="hint">"多个词用空格分开，结果须同时包含所有词。"</p>
    }
}

#[component]
fn SearchResults(entries: Arc<Vec<Entry>>, query: String) -> impl IntoView {
    if query.is_empty() {
        return ().into_any();
    }
    let groups = timed_search(&entries, &query);
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
                    view! {
                        <li class="record hit">
                            <A href=hit_href(h.entry)>{pieces(h.title)}</A>
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
