//! 搜索: full-text search over every document's text and every record, grouped by kind,
//! with the matches highlighted and the query in the URL. Answered from the prebuilt index
//! (`model::search_index`): a query fetches the shards of its keys (and for a common
//! character or bigram alone its ranked answer) and the files of the hits shown, not the
//! whole library.

use crate::components::records::use_query_value;
use crate::components::status::Awaited;
use crate::data::{fetch_data, search_files, store, Data, LoadError, SearchFiles, Store};
use crate::head::PageMeta;
use crate::links::url;
use crate::router::{use_open, A};
use leptos::prelude::*;
use model::lists::Chunk;
use model::pages::Page;
use model::query::{encode, Filter};
use model::search::{department_entry, record_entries, Entry, Kind, Piece};
use model::search_index::{self, TextChunk, TextEntry};
use model::{Field, Project, Target};
use std::sync::Arc;

/// Hits shown per kind at first: each costs a chunk file for its snippet, so a phone
/// fetches a few small files, not one per hit of a long list.
const PER_GROUP: usize = 10;
/// Hits more that "显示更多" adds to each kind, and the most a page shows: what a common
/// key's ranked file holds, so that a query of one common character or bigram never needs
/// its postings.
const MORE: usize = 20;
const MOST: usize = search_index::TOP_HITS;

/// Hits shown per kind, from the address (`n`): at least [`PER_GROUP`], at most [`MOST`].
fn per_group(n: &str) -> usize {
    n.parse::<usize>()
        .unwrap_or(PER_GROUP)
        .clamp(PER_GROUP, MOST)
}

/// One kind's hits: `(kind, total, shown hits with their scores)`.
type Group = (Kind, usize, Vec<(Entry, u32)>);

/// The hits of one query.
#[derive(Default)]
struct Found {
    /// Grouped by kind.
    groups: Vec<Group>,
    /// The document text was not searched yet: its common words' postings are large
    /// (`search_index::kinds_at_once`), so the page offers to search it.
    text_later: bool,
}

/// Answers a query from the prebuilt index: the manifest, the shards of the query's keys,
/// a common key's ranked answer (a query of it alone) or postings (with other terms), then
/// only the files that hold the hits shown (for their titles and snippets).
async fn find(
    store: Store,
    query: String,
    per_group: usize,
    with_text: bool,
) -> Result<Arc<Found>, LoadError> {
    if model::search::terms(&query).is_empty() {
        return Ok(Arc::default());
    }
    let SearchFiles {
        manifest,
        shards,
        common,
        top,
        kinds,
    } = search_files(&query, per_group, with_text).await?;
    let text_later = !kinds.contains(&Kind::Text);
    let groups = timed(|| {
        search_index::search(
            &manifest,
            &shards,
            &common,
            top.as_deref(),
            &query,
            per_group,
            &kinds,
        )
    })
    .map_err(|e| LoadError {
        file: search_index::MANIFEST.into(),
        reason: e.to_string(),
    })?;
    // The files holding the hits shown, fetched at once: the chunks of the records' lists
    // and of the documents' text, and the departments through the shared store. Each file's
    // entries are built once, however many hits it holds.
    let files = search_index::hit_files(&manifest, &groups);
    let entries = files.iter().map(|file| {
        let kind = manifest
            .ranges
            .iter()
            .find(|r| *file == r.file || file.starts_with(&format!("{}/", r.file)))
            .map(|r| r.kind);
        hit_file_entries(store, file.clone(), kind)
    });
    let built: std::collections::HashMap<String, Vec<Entry>> = files
        .iter()
        .cloned()
        .zip(futures::future::try_join_all(entries).await?)
        .collect();
    let entry_of = |n: u32| -> Option<Entry> {
        let at = manifest.locate(n)?;
        built.get(&at.file)?.get(at.k).cloned()
    };
    let groups = groups
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
    Ok(Arc::new(Found { groups, text_later }))
}

/// The search entries of one file holding hits, of the kind its range says.
async fn hit_file_entries(
    store: Store,
    file: String,
    kind: Option<Kind>,
) -> Result<Vec<Entry>, LoadError> {
    Ok(match kind {
        Some(Kind::Text) => {
            let c: Arc<TextChunk> = fetch_data(file).await?;
            c.entries.iter().map(TextEntry::entry).collect()
        }
        Some(Kind::Target) => {
            let c: Arc<Chunk<Target>> = fetch_data(file).await?;
            record_entries(&[], &[], &c.records, &[])
        }
        Some(Kind::Project) => {
            let c: Arc<Chunk<Project>> = fetch_data(file).await?;
            record_entries(&[], &c.records, &[], &[])
        }
        Some(Kind::Field) => {
            let c: Arc<Chunk<Field>> = fetch_data(file).await?;
            record_entries(&c.records, &[], &[], &[])
        }
        Some(Kind::Department) => {
            let d = store.departments().await?;
            d.departments
                .iter()
                .map(|d| department_entry(&d.id, &d.name, &d.aliases))
                .collect()
        }
        None => Vec::new(),
    })
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
            return url(&Page::Document
                .record_with(&e.id, &format!("?at={}", model::query::encode(&e.anchor))))
        }
    };
    url(&page.record(&e.id))
}

#[component]
pub fn Search() -> impl IntoView {
    let q = use_query_value("q");
    let n = use_query_value("n");
    let text = use_query_value("text");
    let store = store();
    let found = Data::new(move || {
        store.track_retry();
        find(store, q.get(), per_group(&n.get()), text.get() == "1")
    });
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
            view=move |found| view! { <SearchResults found query=q.get_untracked() per_group=per_group(&n.get_untracked()) with_text=text.get_untracked() == "1" /> }
        />
    }
}

/// The search box and the hint below it.
#[component]
pub fn SearchForm(q: Memo<String>) -> impl IntoView {
    let open = use_open();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = input.get().map(|i| i.value()).unwrap_or_default();
        let value = model::query::clean_value(&value);
        open(&Page::Search.path_with(&format!("?q={}", model::query::encode(&value))));
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
fn SearchResults(
    found: Arc<Found>,
    query: String,
    per_group: usize,
    with_text: bool,
) -> impl IntoView {
    if query.is_empty() {
        return ().into_any();
    }
    if found.groups.is_empty() && !found.text_later {
        return view! { <p class="empty" role="status">"没有找到包含“" {query} "”的内容。请换一个词或减少关键词。"</p> }.into_any();
    }
    let terms = model::search::terms(&query);
    let total: usize = found.groups.iter().map(|(_, n, _)| n).sum();
    let text_later = found.text_later.then(|| {
        let href = search_href(&query, per_group, true);
        view! {
            <section class="hit-group">
                <h2>{Kind::Text.label()}</h2>
                <p>"这些词在文件原文中十分常见，查找原文要再下载较多数据，所以尚未查找。"</p>
                <p class="more"><A href=href>"在文件原文中查找"</A></p>
            </section>
        }
    });
    let more_href = search_href(&query, (per_group + MORE).min(MOST), with_text);
    let sections = found
        .groups
        .iter()
        .map(|group| {
            hit_group(
                group,
                &query,
                &terms,
                (per_group < MOST).then_some(&more_href),
            )
        })
        .collect_view();
    // Put off, the text is offered here too: the reader sees it before the records' hits.
    let (count, text_link) = if found.text_later {
        let href = search_href(&query, per_group, true);
        (
            format!("在文件原文以外共找到 {total} 处。"),
            Some(view! { <A href=href>"也查找文件原文"</A> }),
        )
    } else {
        (format!("共找到 {total} 处"), None)
    };
    view! { <p class="count" role="status">{count} {text_link}</p> {sections} {text_later} }
        .into_any()
}

/// The address of the search for `query` with more: `n` hits shown, or the text searched
/// too.
fn search_href(query: &str, n: usize, text: bool) -> String {
    let text = if text { "&text=1" } else { "" };
    url(&Page::Search.path_with(&format!("?q={}&n={n}{text}", encode(query))))
}

/// One kind's hits, each with its highlighted title and snippet, and a link to more: for
/// records, every one in its list, filtered by the same words; for the text, `more_href`
/// (more hits here; none when the page shows the most it can).
fn hit_group(
    (kind, n, hits): &Group,
    query: &str,
    terms: &[String],
    more_href: Option<&String>,
) -> impl IntoView {
    let shown = hits.len();
    let note = (*n > shown).then(|| format!("（显示前 {shown} 条）"));
    let list = match kind {
        Kind::Field => Some(Page::Fields),
        Kind::Project => Some(Page::Projects),
        Kind::Target => Some(Page::Targets),
        Kind::Department | Kind::Text => None,
    };
    let more = (*n > shown).then(|| match list {
        Some(page) => {
            let href = url(&page.path_with(&Filter::default().with("q", query).to_query()));
            let label = format!("在{}列表中查看全部 {n} 项", kind.label());
            view! { <p class="more"><A href=href>{label}</A></p> }.into_any()
        }
        None => more_href
            .map(|href| view! { <p class="more"><A href=href.clone()>"显示更多"</A></p> })
            .into_any(),
    });
    let items = hits
        .iter()
        .map(|(entry, score)| {
            let h = model::search::hit(entry, *score, terms);
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
            <h2>{kind.label()} "（" {*n} "）" {note}</h2>
            <ul class="records">{items}</ul>
            {more}
        </section>
    }
}
