//! Fetching the static JSON: one shared, typed resource per file, errors in plain Chinese.

use futures::future::{try_join, try_join_all};
use leptos::prelude::*;
use model::files::{
    self, DepartmentsFile, DocBucket, DocEntry, DocMetaFile, DocRecordsFile, RecordFile, ThemesFile,
};
use model::lists::{self, ListIndex, ListPage, Listed};
use model::query::Filter;
use model::search_index;
use model::{Document, DocumentMeta, Field, Index, Project, Target};
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// A data file that could not be used, with the file name and the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "数据加载失败：{}（{}）", self.reason, self.file)
    }
}

impl std::error::Error for LoadError {}

pub type Loaded<T> = Result<Arc<T>, LoadError>;

/// How long a data file may take before the page gives up and offers a retry.
pub const TIMEOUT_MS: u32 = 10_000;

/// Fetches `data/<file>` relative to the page's `<base>`, so the app works under any sub-path.
pub async fn fetch_data<T: DeserializeOwned + Send + Sync + 'static>(file: String) -> Loaded<T> {
    fetch_erased(file, parse_any::<T>, false)
        .await
        .and_then(typed::<T>)
}

/// A file's value, of whatever type its parser made.
type AnyValue = Arc<dyn std::any::Any + Send + Sync>;

/// `text` parsed as a `T`, as an [`AnyValue`].
fn parse_any<T: DeserializeOwned + Send + Sync + 'static>(text: &str) -> Result<AnyValue, String> {
    model::parse_versioned::<T>(text)
        .map(|t| Arc::new(t) as AnyValue)
        .map_err(|e| e.to_string())
}

/// The fetch of every data file, for every type: one async state machine, not one per type
/// (a smaller app); only `parse` knows the type. With `keep`, the value is kept for the
/// visit ([`fetch_kept`]).
async fn fetch_erased(
    file: String,
    parse: fn(&str) -> Result<AnyValue, String>,
    keep: bool,
) -> Result<AnyValue, LoadError> {
    if keep {
        if let Some(kept) = KEPT.with(|k| k.borrow().get(&file).cloned()) {
            return Ok(kept);
        }
    }
    let text = fetch_text(&file).await?;
    let parsed = parse(&text).map_err(|reason| LoadError {
        file: file.clone(),
        reason,
    });
    // Parsing a large file and drawing the page from it are two long pieces of work; the
    // browser gets the main thread back in between, to paint and to answer the reader.
    yield_to_browser().await;
    if let (true, Ok(value)) = (keep, &parsed) {
        KEPT.with(|k| k.borrow_mut().insert(file, value.clone()));
    }
    parsed
}

/// The text of `data/<file>`, or why it could not be had, in words a resident can read.
async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let url = format!("data/{file}");
    let fail = |reason: String| LoadError {
        file: file.to_string(),
        reason,
    };
    // A stalled connection ends in a message, not an endless "loading".
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let response = gloo_net::http::Request::get(&url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| {
            if signal.aborted() {
                fail("网络太慢，数据未能按时加载".into())
            } else {
                fail("网络连接失败，请检查网络后重试".into())
            }
        })?;
    match response.status() {
        200 => {}
        404 => return Err(fail("数据文件不存在（404）".into())),
        s if s >= 500 => return Err(fail(format!("服务器出错（{s}）"))),
        s => return Err(fail(format!("服务器返回异常状态（{s}）"))),
    }
    response.text().await.map_err(|_| {
        if signal.aborted() {
            fail("网络太慢，数据未能按时加载".into())
        } else {
            fail("数据传输中断".into())
        }
    })
}

/// Resolves on a fresh task of the event loop.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|w| w.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// What every data resource holds inside: the loaded value with its type erased.
type Erased = Result<Arc<dyn std::any::Any + Send + Sync>, LoadError>;
type ErasedFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Erased>>>;

/// A resource of data of type `T` (a file, or a page of a list), awaited as `Loaded<T>`.
/// Inside, every one is the same `LocalResource` of an erased value: the reactive
/// machinery of a resource is compiled once, not once per data type (a smaller app).
pub struct Data<T> {
    inner: LocalResource<Erased>,
    kind: std::marker::PhantomData<fn() -> T>,
}

impl<T> Clone for Data<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Data<T> {}

impl<T: Send + Sync + 'static> Data<T> {
    /// Calls `fetch` now and whenever a signal it reads changes.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: std::future::Future<Output = Loaded<T>> + 'static,
    {
        let erased = move || -> ErasedFuture {
            let fut = fetch();
            Box::pin(async move { fut.await.map(|t| t as Arc<dyn std::any::Any + Send + Sync>) })
        };
        Data {
            inner: erased_resource(Box::new(erased)),
            kind: std::marker::PhantomData,
        }
    }

    pub fn refetch(&self) {
        self.inner.refetch();
    }

    /// The value if it is in (tracked, like a signal's `get`).
    pub fn get(&self) -> Option<Loaded<T>> {
        self.inner.get().map(|r| r.and_then(typed::<T>))
    }
}

/// The value a [`Data<T>`] made, as the `T` it is.
fn typed<T: Send + Sync + 'static>(value: AnyValue) -> Loaded<T> {
    value.downcast::<T>().map_err(|_| LoadError {
        file: String::new(),
        reason: "数据类型不符".into(),
    })
}

/// The one resource type behind every [`Data`].
fn erased_resource(fetch: Box<dyn Fn() -> ErasedFuture>) -> LocalResource<Erased> {
    LocalResource::new(fetch)
}

impl<T: Send + Sync + 'static> std::future::IntoFuture for Data<T> {
    type Output = Loaded<T>;
    type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Loaded<T>> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        let inner = self.inner;
        Box::pin(async move { inner.await.and_then(typed::<T>) })
    }
}

/// The small data files, fetched once per visit when a page first asks, and shared through
/// context. Records come through the lists (`load_list`) and per document
/// (`records_of_id`), documents through their list and their own files (`doc_entry`,
/// `DocMetaFile`), in resources of the page that shows them; those follow [`Store::retry`]
/// through [`Store::track_retry`].
#[derive(Clone, Copy)]
pub struct Store {
    departments: StoredValue<Option<Data<DepartmentsFile>>>,
    themes: StoredValue<Option<Data<ThemesFile>>>,
    owner: StoredValue<Owner>,
    /// Bumped by a retry: the pages' own resources read it, so a retry fetches them again.
    retries: RwSignal<u32>,
}

impl Store {
    pub fn provide() {
        let store = Store {
            departments: StoredValue::new(None),
            themes: StoredValue::new(None),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            retries: RwSignal::new(0),
        };
        provide_context(store);
    }

    /// The resource of one record file, made on first use under the app's owner, so that it
    /// outlives the page that asked.
    fn lazy<F: DeserializeOwned + Send + Sync + 'static>(
        &self,
        slot: StoredValue<Option<Data<F>>>,
        path: &'static str,
    ) -> Data<F> {
        if let Some(r) = slot.get_value() {
            return r;
        }
        let r = self
            .owner
            .with_value(|o| o.with(|| Data::new(move || fetch_data::<F>(path.into()))));
        slot.set_value(Some(r));
        r
    }

    pub fn departments(&self) -> Data<DepartmentsFile> {
        self.lazy(self.departments, DepartmentsFile::PATH)
    }

    pub fn themes(&self) -> Data<ThemesFile> {
        self.lazy(self.themes, ThemesFile::PATH)
    }

    /// Makes the resource whose fetcher calls this fetch again on a retry.
    pub fn track_retry(&self) {
        self.retries.track();
    }

    /// Fetches again every file that was asked for, after a failure.
    pub fn refetch(&self) {
        self.retries.update(|n| *n += 1);
        if let Some(r) = self.departments.get_value() {
            r.refetch();
        }
        if let Some(r) = self.themes.get_value() {
            r.refetch();
        }
    }

    /// A retry button's action.
    pub fn retry(&self) -> Callback<()> {
        let store = *self;
        Callback::new(move |_| store.refetch())
    }
}

pub fn store() -> Store {
    expect_context::<Store>()
}

/// The document an id from an address names, from the id's bucket (`ids/<n>.json`, kept
/// for the visit): None for an id the library does not have, which is then never asked
/// for, and for an id not safe in a path, for which nothing is fetched at all.
pub async fn doc_entry(id: &str) -> Result<Option<DocEntry>, LoadError> {
    let Some(path) = DocBucket::path_of(id) else {
        return Ok(None);
    };
    let bucket: Arc<DocBucket> = fetch_kept(path).await?;
    Ok(bucket.entry(id).cloned())
}

/// Why a file of an unknown document is not shown.
fn missing() -> LoadError {
    LoadError {
        file: String::new(),
        reason: "没有这个文件".into(),
    }
}

/// A document's metadata (`meta/<id>.json`), fetched only for an id its bucket names:
/// None for an unknown id.
pub async fn doc_meta(id: &str) -> Result<Option<Arc<DocMetaFile>>, LoadError> {
    match doc_entry(id).await? {
        Some(entry) => Ok(Some(fetch_kept(DocMetaFile::path(&entry.id)).await?)),
        None => Ok(None),
    }
}

/// A document's own records (`records/<id>.json`), fetched only for an id its bucket names;
/// an unknown id is a "no such file" failure, never a request.
pub async fn doc_records(id: &str) -> Loaded<DocRecordsFile> {
    let entry = doc_entry(id).await?.ok_or_else(missing)?;
    fetch_kept(DocRecordsFile::path(&entry.id)).await
}

/// The metadata of `docs`, in that order, for a download: from the one file of every
/// document's metadata (`documents.json`, itself a download), fetched only when a resident
/// asks for a download, rather than a request per document of the download.
pub async fn doc_metas(docs: &[String]) -> Result<Vec<DocumentMeta>, LoadError> {
    let all: Arc<Index> = fetch_kept(files::ALL_DOCUMENTS.into()).await?;
    Ok(docs.iter().filter_map(|d| all.doc(d).cloned()).collect())
}

/// The part of a document's text that a reader asked for (`at` anchor, else `part`
/// number), fetched only for an id its bucket names: an unknown id never turns into a
/// request for a file that does not exist.
pub fn document_resource(
    request: impl Fn() -> (String, String, String) + 'static,
) -> Data<Document> {
    Data::new(move || {
        let (id, at, part) = request();
        async move {
            let entry = doc_entry(&id).await?.ok_or_else(missing)?;
            let parts = entry.part_files();
            let k = model::parts::requested_part(&parts, &at, &part);
            let file = parts
                .get(k)
                .map(|p| p.file.clone())
                .filter(|f| model::is_safe_id(f))
                .ok_or_else(missing)?;
            fetch_data::<Document>(files::document_part(&file)).await
        }
    })
}

thread_local! {
    /// Files that never change during a visit (list indexes, the search manifest and
    /// shards), kept once fetched: the next filter or query that needs one makes no request.
    static KEPT: std::cell::RefCell<std::collections::HashMap<String, AnyValue>> =
        Default::default();
}

/// `data/<file>`, from this visit's copy if it was fetched before.
pub async fn fetch_kept<T: DeserializeOwned + Send + Sync + 'static>(file: String) -> Loaded<T> {
    fetch_erased(file, parse_any::<T>, true)
        .await
        .and_then(typed::<T>)
}

/// Every one of `files`, fetched at once rather than one after another (a page of a list
/// or of search hits needs several small files; on a phone each round trip counts).
pub async fn fetch_all<T: DeserializeOwned + Send + Sync + 'static>(
    files: Vec<String>,
) -> Result<Vec<Arc<T>>, LoadError> {
    let values = fetch_all_erased(files, parse_any::<T>).await?;
    values.into_iter().map(typed::<T>).collect()
}

/// Every file at once, parsed by `parse`: the joining of the fetches compiled once, not once
/// per type (as [`fetch_erased`]).
async fn fetch_all_erased(
    files: Vec<String>,
    parse: fn(&str) -> Result<AnyValue, String>,
) -> Result<Vec<AnyValue>, LoadError> {
    try_join_all(
        files
            .into_iter()
            .map(|file| fetch_erased(file, parse, false)),
    )
    .await
}

/// The files of the search index a query needs (`model::search_index`).
pub struct SearchFiles {
    pub manifest: Arc<search_index::Manifest>,
    pub shards: Vec<Arc<search_index::Shard>>,
    /// The postings of the common keys the query needs (each a shard of one key), unless
    /// `top` answers it.
    pub common: Vec<Arc<search_index::Shard>>,
    /// The ranked answer of a one-term query of a common key.
    pub top: Option<Arc<search_index::Top>>,
    /// The kinds these files answer: every kind, or all but the text when it is put off.
    pub kinds: Vec<model::search::Kind>,
}

/// The search index's files for `query` with `per_group` hits a kind: the manifest, then
/// every shard of the query's keys at once (which keys a term needs depends on the bigrams
/// the manifest lists as split), then the ranked file or the common postings the shards
/// name, of every kind (`with_text`) or of the kinds answered at once. The manifest, shards
/// and postings are kept for the visit.
pub async fn search_files(
    query: &str,
    per_group: usize,
    with_text: bool,
) -> Result<SearchFiles, LoadError> {
    let (manifest, shards) = manifest_and_shards(query).await?;
    let top = match search_index::top_file_for(&manifest, &shards, query, per_group) {
        Some(file) => Some(fetch_data(file).await?),
        None => None,
    };
    let kinds = if with_text {
        model::search::Kind::ALL.to_vec()
    } else {
        search_index::kinds_at_once(&manifest, &shards, query, per_group)
    };
    let common = fetch_shards(search_index::common_files_for(
        &manifest, &shards, query, per_group, &kinds,
    ))
    .await?;
    Ok(SearchFiles {
        manifest,
        shards,
        common,
        top,
        kinds,
    })
}

/// The places in `kind`'s list matching the text filter `query`, from the search index:
/// the manifest and the shards of its terms, then the matches in the list of each term
/// that is a common key.
async fn text_ordinals(
    query: &str,
    kind: model::search::Kind,
) -> Result<Option<Vec<u32>>, LoadError> {
    let (manifest, shards) = manifest_and_shards(query).await?;
    let files = search_index::list_matches_files_for(&manifest, &shards, query, kind);
    let fetched: Vec<Arc<lists::Members>> = fetch_all(files.clone()).await?;
    let matches: Vec<(String, Arc<lists::Members>)> = files.into_iter().zip(fetched).collect();
    search_index::text_ordinals(&manifest, &shards, &matches, query, kind).map_err(|e| LoadError {
        file: search_index::MANIFEST.into(),
        reason: e.to_string(),
    })
}

/// The manifest (kept for the visit), then every shard of the query's keys at once.
async fn manifest_and_shards(
    query: &str,
) -> Result<(Arc<search_index::Manifest>, Vec<Arc<search_index::Shard>>), LoadError> {
    let manifest: Arc<search_index::Manifest> =
        fetch_kept(search_index::MANIFEST.to_string()).await?;
    let numbers = search_index::shards_for(&manifest, query);
    let shards = fetch_shards(numbers.into_iter().map(search_index::shard_file).collect()).await?;
    Ok((manifest, shards))
}

/// Shard files (and common keys' postings, which are shards of one key), all at once.
async fn fetch_shards(files: Vec<String>) -> Result<Vec<Arc<search_index::Shard>>, LoadError> {
    try_join_all(files.into_iter().map(fetch_kept)).await
}

/// The ordinals of `kind`'s list that pass `filter`: the kind's index, the member files of
/// the filters set and, for a text filter, the search index's shards of its terms. Not
/// generic over the record type: one copy of this for every kind (a smaller app).
pub async fn list_ordinals(
    kind: lists::ListKind,
    filter: &Filter,
) -> Result<(Arc<ListIndex>, Vec<u32>), LoadError> {
    let list = list_index(kind).await?;
    let Some(files) = list.member_files(kind, filter) else {
        return Ok((list, Vec::new()));
    };
    let fetched: Vec<Arc<lists::Members>> = fetch_all(files.clone()).await?;
    // Inserted, not collected: a map collected from an iterator sorts it with the standard
    // sort, a copy of its own in the wasm (`model::sort`).
    let mut members = std::collections::BTreeMap::new();
    for (file, m) in files.into_iter().zip(fetched) {
        members.insert(file, m);
    }
    let text = match kind.search_kind() {
        Some(search_kind) if !model::search::terms(&filter.q).is_empty() => {
            text_ordinals(&filter.q, search_kind).await?
        }
        _ => None,
    };
    let ordinals = list.resolve(kind, filter, &members, text.as_deref());
    Ok((list, ordinals))
}

/// A kind's list index, with the documents' names for a record kind (`lists/names.json`,
/// one file for every kind), both kept for the visit.
pub async fn list_index(kind: lists::ListKind) -> Loaded<ListIndex> {
    let file = kind.index_file();
    let index = fetch_kept::<lists::ListIndexFile>(file.clone());
    let assembled = if kind.has_doc_runs() {
        let names = fetch_kept::<lists::DocNames>(lists::DOC_NAMES.into());
        let (index, names) = try_join(index, names).await?;
        ListIndex::assemble(&index, Some(&names))
    } else {
        ListIndex::assemble(&*index.await?, None)
    };
    assembled
        .map(Arc::new)
        .map_err(|reason| LoadError { file, reason })
}

/// The chunks holding `ordinals`.
pub async fn chunks_of<R: Listed>(
    list: &ListIndex,
    ordinals: &[u32],
) -> Result<Vec<Arc<lists::Chunk<R>>>, LoadError> {
    fetch_all(lists::chunk_files(R::KIND, list.chunk, ordinals)).await
}

/// The page of `R`'s list that `filter` asks for: its index, the filters' member files and
/// the chunks of the records shown, never every record of the kind.
pub async fn load_list<R: Listed + Send + Sync>(filter: Filter) -> Loaded<ListPage<R>> {
    let (list, ordinals) = list_ordinals(R::KIND, &filter).await?;
    let (_, shown) = ListPage::<R>::shown(&ordinals, &filter.page);
    let chunks = chunks_of::<R>(&list, &shown).await?;
    Ok(Arc::new(ListPage::new(
        list,
        ordinals,
        &filter.page,
        &chunks,
    )))
}

/// What a theme's or a department's page shows: its topic file (`lists::Topic`) and the
/// first records of each kind, never a list index or member file (each of those names the
/// whole library). Empty for a value that is not known.
#[derive(Default)]
pub struct TopicRecords {
    pub topic: Arc<lists::Topic>,
    pub fields: Vec<Field>,
    pub projects: Vec<Project>,
    pub targets: Vec<Target>,
}

/// How much of its topic a theme's or a department's page shows: the filter key of its
/// topic files, and how many of the first fields and projects and of the first targets.
/// The app fetches exactly these records, and the prerender reads the same ones.
#[derive(Clone, Copy, Debug)]
pub struct TopicWant {
    pub key: &'static str,
    pub shown: usize,
    pub targets: usize,
}

impl TopicWant {
    /// The ordinals of the `kind` records the page shows, from its topic file.
    pub fn first(self, topic: &lists::Topic, kind: lists::ListKind) -> &[u32] {
        let n = match kind {
            lists::ListKind::Targets => self.targets,
            _ => self.shown,
        };
        topic.first(kind, n)
    }
}

/// The topic of `value` with the records `want` says the page shows; `known` says that the
/// themes or departments file has the value (else nothing is fetched and the page says
/// 未找到).
pub async fn topic_records(want: TopicWant, value: &str, known: bool) -> Loaded<TopicRecords> {
    if !known {
        return Ok(Arc::new(TopicRecords::default()));
    }
    let topic: Arc<lists::Topic> = fetch_data(lists::Topic::path(want.key, value)).await?;
    let fields = first_records::<Field>(want.first(&topic, lists::ListKind::Fields));
    let projects = first_records::<Project>(want.first(&topic, lists::ListKind::Projects));
    let targets = first_records::<Target>(want.first(&topic, lists::ListKind::Targets));
    let (fields, (projects, targets)) = try_join(fields, try_join(projects, targets)).await?;
    Ok(Arc::new(TopicRecords {
        topic,
        fields,
        projects,
        targets,
    }))
}

/// The records at `ordinals` of `R`'s list, from their chunks.
async fn first_records<R: Listed>(ordinals: &[u32]) -> Result<Vec<R>, LoadError> {
    let chunks: Vec<Arc<lists::Chunk<R>>> =
        fetch_all(lists::chunk_files(R::KIND, lists::CHUNK, ordinals)).await?;
    Ok(lists::records_at(&chunks, ordinals)
        .into_iter()
        .cloned()
        .collect())
}

/// Every record at `ordinals` (a download of the whole filtered list).
pub async fn records_of<R: Listed>(
    list: &ListIndex,
    ordinals: &[u32],
) -> Result<Vec<R>, LoadError> {
    let chunks = chunks_of::<R>(list, ordinals).await?;
    Ok(lists::records_at(&chunks, ordinals)
        .into_iter()
        .cloned()
        .collect())
}

/// A record's document: its records and its metadata.
pub struct DocFiles {
    pub records: Arc<DocRecordsFile>,
    /// None for a record of no known document.
    pub meta: Option<DocumentMeta>,
}

impl DocFiles {
    /// The document's short title, empty when it is unknown.
    pub fn short_title(&self) -> String {
        self.meta
            .as_ref()
            .map(|m| m.short_title.clone())
            .unwrap_or_default()
    }
}

/// The records and metadata of the document a record id names
/// (`model::route::record_doc`), for that record's page: one document's files, not the
/// whole kind. An id of no known document gives no records (the page says 未找到) and never
/// turns into a request for a file that does not exist.
pub fn records_of_id(id: Memo<String>) -> Data<DocFiles> {
    let store = store();
    Data::new(move || {
        store.track_retry();
        let id = id.get();
        async move {
            let doc = model::route::record_doc(&id).unwrap_or_default();
            let Some(entry) = doc_entry(doc).await? else {
                return Ok(Arc::new(DocFiles {
                    records: Arc::new(DocRecordsFile::default()),
                    meta: None,
                }));
            };
            let records = fetch_kept(DocRecordsFile::path(&entry.id));
            let meta = fetch_kept::<DocMetaFile>(DocMetaFile::path(&entry.id));
            let (records, meta) = try_join(records, meta).await?;
            Ok(Arc::new(DocFiles {
                records,
                meta: Some(meta.document.clone()),
            }))
        }
    })
}
