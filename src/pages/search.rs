//! 搜索: full-text search over every document's text and every record, grouped by kind,
//! with the matches highlighted and the query in the URL. Answered from the prebuilt index
//! (`model::search_index`): a query fetches the shards of its keys and the files of the
//! hits shown, not the whole library.

use crate::components::records::use_query_value;
use crate::components::status::Awaited;
use crate::data::{fetch_data, store, LoadError, Store};
use crate::head::PageMeta;
use crate::links::{as_given, url};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use model::files::{DepartmentsFile, FieldsFile, ProjectsFile, RecordFile, TargetsFile};
use model::pages::Page;
use model::search::{record_entries, Entry, Kind, Piece};
use model::search_index::{self, Manifest, Shard};
use model::Document;
use std::sync::Arc;

const PER_GROUP: usize = 30;

/// The hits of one query, grouped by kind: `(kind, total, shown hits with their scores)`.
type Found = Vec<(Kind, usize, Vec<(Entry, u32)>)>;

thread_local! {
    /// Shards fetched in this visit: the next query with the same keys needs no request.
    static SHARDS: std::cell::RefCell<std::collections::HashMap<u32, Arc<Shard>>> = Default::default();
}

/// Answers a query from the prebuilt index: the manifest, the shards of the query's keys,
/// then only the files that hold the hits shown (for their titles and snippets).
async fn find(store: Store, query: String) -> Result<Arc<Found>, LoadError> {
    if model::search::terms(&query).is_empty() {
        return Ok(Arc::new(Vec::new()));
    }
    let manifest: Arc<Manifest> = fetch_data(search_index::MANIFEST.into()).await?;
    let mut shards: Vec<Arc<Shard>> = Vec::new();
    for n in search_index::shards_for(&manifest, &query) {
        let cached = SHARDS.with(|s| s.borrow().get(&n).cloned());
        let shard = match cached {
            Some(shard) => shard,
            None => {
                let shard: Arc<Shard> = fetch_data(search_index::shard_file(n)).await?;
                SHARDS.with(|s| s.borrow_mut().insert(n, shard.clone()));
                shard
            }
        };
        shards.push(shard);
    }
    let groups =
        timed(|| search_index::search(&manifest, &shards, &query, PER_GROUP)).map_err(|e| {
            LoadError {
                file: search_index::MANIFEST.into(),
                reason: e.to_string(),
            }
        })?;
    // The files holding the hits shown: record files through the shared store, document
    // parts fetched here.
    let mut parts: std::collections::HashMap<String, Arc<Document>> = Default::default();
    let (mut fields, mut projects, mut targets, mut departments) = (None, None, None, None);
    for file in search_index::hit_files(&manifest, &groups) {
        match file.as_str() {
            FieldsFile::PATH => fields = Some(store.fields().await?),
            ProjectsFile::PATH => projects = Some(store.projects().await?),
            TargetsFile::PATH => targets = Some(store.targets().await?),
            DepartmentsFile::PATH => departments = Some(store.departments().await?),
            part => {
                let doc: Arc<Document> = fetch_data(part.to_string()).await?;
                parts.insert(file, doc);
            }
        }
    }
    // Each file's entries are built once, however many hits it holds.
    let mut built: std::collections::HashMap<String, Vec<Entry>> = Default::default();
    let mut entry_of = |n: u32| -> Option<Entry> {
        let at = manifest.locate(n)?;
        let file = &at.range.file;
        if !built.contains_key(file) {
            let entries = match at.range.kind {
                Kind::Text => model::search::text_entries(parts.get(file)?, &at.range.title),
                Kind::Target => record_entries(
                    &[],
                    &[],
                    targets.as_ref().map_or(&[][..], |t| &t.targets),
                    &[],
                ),
                Kind::Project => record_entries(
                    &[],
                    projects.as_ref().map_or(&[][..], |p| &p.projects),
                    &[],
                    &[],
                ),
                Kind::Field => record_entries(
                    fields.as_ref().map_or(&[][..], |f| &f.fields),
                    &[],
                    &[],
                    &[],
                ),
                Kind::Department => record_entries(
                    &[],
                    &[],
                    &[],
                    departments.as_ref().map_or(&[][..], |d| &d.departments),
                ),
            };
            built.insert(file.clone(), entries);
        }
        built.get(file)?.get(at.k).cloned()
    };
    let found = groups
        .into_iter()
        .map(|g| {
            let hits = g
                .hits
                .iter()
                .filter_map(|&(n, score)| Some((entry_of(n)?, score)))
                .collect();
            (g.kind, g.total, hits)
        })
        .collect();
    Ok(Arc::new(found))
}

/// Runs the index search, timed in the browser's performance timeline (`search`
/// measures), which the benchmark reads: the app carries no hook of its own for it.
fn timed<T>(search: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("search-start");
    }
    let out = search();
    if let Some(p) = &performance {
        let _ = p.mark("search-end");
        let _ = p.measure_with_start_mark_and_end_mark("search", "search-start", "search-end");
    }
    out
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

#[component]
pub fn Search() -> impl IntoView {
    let q = use_query_value("q");
    let store = store();
    let found = LocalResource::new(move || find(store, q.get()));
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
            load=move || async move { found.await }
            view=move |found| view! { <SearchResults found query=q.get_untracked() /> }
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
fn SearchResults(found: Arc<Found>, query: String) -> impl IntoView {
    if query.is_empty() {
        return ().into_any();
    }
    if found.is_empty() {
        return view! { <p class="empty" role="status">"没有找到包含“" {query} "”的内容。请换一个词或减少关键词。"</p> }.into_any();
    }
    let terms = model::search::terms(&query);
    let total: usize = found.iter().map(|(_, n, _)| n).sum();
    let sections = found
        .iter()
        .map(|(kind, n, hits)| {
            let shown = hits.len();
            let more = (*n > shown).then(|| format!("（显示前 {shown} 条）"));
            let items = hits
                .iter()
                .map(|(entry, score)| {
                    let h = model::search::hit(entry, *score, &terms);
                    view! {
                        <li class="record hit">
                            <A href=hit_href(entry)>{pieces(h.title)}</A>
                            <p class="snippet">{pieces(h.snippet)}</p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="hit-group">
                    <h2>{kind.label()} "（" {*n} "）" {more}</h2>
                    <ul class="records">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! { <p class="count" role="status">"共找到 " {total} " 处"</p> {sections} }.into_any()
}
