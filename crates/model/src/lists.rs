//! Paged list indexes: what a list page fetches instead of every record of a kind, so that
//! its bytes do not grow with the library.
//!
//! # Files (paths under `data/`, per kind: `fields`, `projects`, `targets`)
//!
//! - `lists/<kind>/index.json` ([`ListIndexFile`]): how many records, how many each
//!   document holds, and every filter's options with their counts (the facets).
//! - [`DOC_NAMES`] (`lists/names.json`, [`DocNames`]): every document's id, short title and
//!   region, once for all kinds. The app joins it with a kind's index into a [`ListIndex`].
//! - `lists/<kind>/<c>.json` ([`Chunk`]): records `c * CHUNK ..` in list order, whole.
//! - `lists/<kind>/<key>-<n>.json` ([`Members`]): the list positions (ordinals) of the
//!   records having the `n`-th value of facet `key`.
//! - `lists/topics/<key>-<value>.json` ([`Topic`]): one theme's or department's records of
//!   every kind, counted, the first of each kind and the documents they come from: all its
//!   page needs besides the chunks of the records it shows.
//!
//! # How a list page loads
//!
//! 1. Fetch the kind's index and the names (kept for the visit), [`ListIndex::assemble`].
//! 2. [`ListIndex::member_files`]: the member files of the filters set; fetch them (and, for
//!    a text filter, the search index's shards: [`crate::search_index::text_ordinals`]).
//! 3. [`ListIndex::resolve`]: the ordinals that pass every filter, in list order.
//! 4. Page them ([`crate::query::page_of`]) and fetch the chunks of the page shown
//!    ([`chunk_files`]).
//!
//! The list order is the order of `documents.json`'s documents and, within a document,
//! reading order (targets: the indicator table first, then prose). A document's records are
//! one run of ordinals, so the document filter needs no member file, and a run is written
//! as its length alone. The names cover every document (a document without records of a
//! kind has an empty run): the cards, the document filter and the region filter need
//! nothing else about the documents.
//!
//! The documents themselves are a list too (`lists/documents/`, [`ListKind::Documents`]):
//! its chunks hold each document's metadata, its facets are region and type, and its index
//! has no runs, so it stays small as the library grows.
//!
//! [`ListIndex::resolve`] gives exactly what the brute-force filters of `oracle` (test code)
//! give over the whole kind, and each [`Topic`] what the filter of its theme or department
//! gives (tested over the real records).

use crate::query::{target_year, Filter};
use crate::wire::{DocumentMeta, Facts, Field, Index, Project, Target};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Records per chunk file: a page of 50 cards in list order needs five or six small
/// files. A filter whose matches are scattered (a text filter, a theme with a kind, a
/// theme's page) needs a chunk per card, about 1 KB each: at 1 000 synthetic documents
/// `projects/?q=养老` fetched 27 chunks of 25 records, 50 KB at the real corpus's ratio,
/// and 30 chunks of 10, 29 KB (`cargo xtask bench-scale`).
pub const CHUNK: u32 = 10;

/// The kinds of record that have list pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Fields,
    Projects,
    Targets,
    /// The documents' metadata (the 文件 page and the home page).
    Documents,
}

impl ListKind {
    /// The record kinds.
    pub const ALL: [ListKind; 3] = [ListKind::Fields, ListKind::Projects, ListKind::Targets];

    pub fn dir(self) -> &'static str {
        match self {
            ListKind::Fields => "fields",
            ListKind::Projects => "projects",
            ListKind::Targets => "targets",
            ListKind::Documents => "documents",
        }
    }

    /// The search index's kind of these records (their entries are numbered in list order);
    /// None for the documents, which have no text filter.
    pub fn search_kind(self) -> Option<crate::search::Kind> {
        match self {
            ListKind::Fields => Some(crate::search::Kind::Field),
            ListKind::Projects => Some(crate::search::Kind::Project),
            ListKind::Targets => Some(crate::search::Kind::Target),
            ListKind::Documents => None,
        }
    }

    /// Whether the index holds every document's run ([`ListIndex::docs`]): the record
    /// kinds; the documents' own list answers region by a member file instead.
    pub fn has_doc_runs(self) -> bool {
        self != ListKind::Documents
    }

    /// `lists/<kind>/index.json`.
    pub fn index_file(self) -> String {
        format!("lists/{}/index.json", self.dir())
    }

    /// `lists/<kind>/<c>.json`: the chunk holding ordinals `c * CHUNK ..`.
    pub fn chunk_file(self, chunk: u32) -> String {
        format!("lists/{}/{chunk}.json", self.dir())
    }

    /// `lists/<kind>/<key>-<n>.json`.
    pub fn member_file(self, key: &str, n: usize) -> String {
        format!("lists/{}/{key}-{n}.json", self.dir())
    }

    /// The filter keys that have member files, in the order of the filter panel. For the
    /// record kinds `doc` and `region` are answered from [`ListIndex::docs`], `q` from the
    /// search index.
    pub fn facet_keys(self) -> &'static [&'static str] {
        match self {
            ListKind::Fields => &["theme", "dept"],
            ListKind::Projects => &["theme", "domain", "kind", "place", "dept"],
            ListKind::Targets => &["theme", "category", "year", "attribute", "dept", "status"],
            ListKind::Documents => &["region", "kind"],
        }
    }
}

/// `lists/<kind>/index.json` on the wire: the runs as counts per document, in the order of
/// [`DocNames`] (each run starts where the one before ends), so that the documents' names
/// are written once for every kind. [`ListIndex::assemble`] joins the two.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListIndexFile {
    pub schema_version: u32,
    /// Records of this kind.
    pub total: u32,
    /// Records per chunk file.
    pub chunk: u32,
    /// Records of this kind per document of [`DocNames`] (empty in the documents' own list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<u32>,
    /// Targets only: per document, `[year, count]` per target year printed, ascending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<Vec<[u32; 2]>>,
    /// The options of each filter in [`ListKind::facet_keys`], with their counts.
    pub facets: Vec<Facet>,
}

/// `lists/names.json` ([`DOC_NAMES`]): every document in list order, with what a card or a
/// filter shows of it, shared by the record kinds' indexes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocNames {
    pub schema_version: u32,
    /// Each region once, in the order documents first name it.
    pub regions: Vec<String>,
    pub docs: Vec<DocName>,
}

/// `lists/names.json`.
pub const DOC_NAMES: &str = "lists/names.json";

/// On the wire `[id, short title, region]`, the region a number into [`DocNames::regions`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocName(pub String, pub String, pub u32);

impl DocNames {
    /// Every document of `index`, in its order.
    pub fn of(index: &Index) -> Self {
        let regions = crate::query::distinct(index.documents.iter(), |d| d.region.as_str());
        let docs = index
            .documents
            .iter()
            .map(|d| {
                let region = regions.iter().position(|r| *r == d.region).unwrap_or(0);
                DocName(d.id.clone(), d.short_title.clone(), region as u32)
            })
            .collect();
        DocNames {
            schema_version: crate::SCHEMA_VERSION,
            regions,
            docs,
        }
    }
}

/// A kind's list index as the app uses it: the index file with the documents' names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListIndex {
    /// Records of this kind.
    pub total: u32,
    /// Records per chunk file.
    pub chunk: u32,
    /// Every document, in list order, with its run of records of this kind (empty for a
    /// document without any); empty in the documents' own list.
    pub docs: Vec<DocSpan>,
    /// The options of each filter in [`ListKind::facet_keys`], with their counts.
    pub facets: Vec<Facet>,
}

/// One document's run of records in the list, and what a card or a filter shows of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocSpan {
    pub doc: String,
    /// The document's short title.
    pub title: String,
    pub region: String,
    /// First ordinal.
    pub start: u32,
    pub count: u32,
    /// Targets only: `[year, count]` per target year printed, ascending.
    pub years: Vec<[u32; 2]>,
}

/// One filter's options.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facet {
    pub key: String,
    pub values: Vec<FacetValue>,
}

/// An option: the value in the address, the words shown, and how many records have it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub count: u32,
}

impl FacetValue {
    pub fn label(&self) -> &str {
        if self.label.is_empty() {
            &self.value
        } else {
            &self.label
        }
    }
}

/// `lists/<kind>/<key>-<n>.json`: ordinals ascending, as runs of consecutive ordinals
/// (records of one section often share a theme or a department), each run written as
/// `gap, length`: the gap from the end of the run before (the first from 0). At 1 000
/// synthetic documents this halves the largest file (35 302 ordinals in 8 464 runs).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Members {
    pub schema_version: u32,
    pub runs: Vec<u32>,
}

impl Members {
    /// `ordinals` must be ascending.
    pub fn of(ordinals: &[u32]) -> Self {
        let mut runs = Vec::new();
        let mut end = 0u32;
        let mut i = 0;
        while let Some(&start) = ordinals.get(i) {
            let mut n = 1;
            while ordinals.get(i + n) == Some(&(start + n as u32)) {
                n += 1;
            }
            runs.extend([start - end, n as u32]);
            end = start + n as u32;
            i += n;
        }
        Members {
            schema_version: crate::SCHEMA_VERSION,
            runs,
        }
    }

    /// The ordinals below `total` (the list's length: a malformed file cannot make more).
    pub fn ordinals(&self, total: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut end = 0u32;
        for pair in self.runs.chunks(2) {
            let (gap, n) = (
                pair.first().copied().unwrap_or(0),
                pair.get(1).copied().unwrap_or(0),
            );
            let start = end.saturating_add(gap);
            end = start.saturating_add(n).min(total);
            out.extend(start..end);
            if end >= total {
                break;
            }
        }
        out
    }
}

/// `lists/<kind>/<c>.json`: whole records, so a card, a chart and a download need nothing else.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(bound = "R: Serialize + DeserializeOwned")]
pub struct Chunk<R> {
    pub schema_version: u32,
    /// Ordinal of the first record.
    pub start: u32,
    pub records: Vec<R>,
}

/// A record kind with a list page.
pub trait Listed: Clone + Serialize + DeserializeOwned + Send + Sync + 'static {
    const KIND: ListKind;
    fn id(&self) -> &str;
    fn doc(&self) -> &str;
    /// The values this record has for facet `key` (`dept`: from `depts`, record id → ids).
    fn values(&self, key: &str, depts: &HashMap<&str, Vec<&str>>) -> Vec<String>;
    /// The records of this kind, in list order.
    fn in_order(facts: &Facts, index: &Index) -> Vec<Self>;
}

impl Listed for DocumentMeta {
    const KIND: ListKind = ListKind::Documents;
    fn id(&self) -> &str {
        &self.id
    }
    fn doc(&self) -> &str {
        &self.id
    }
    fn values(&self, key: &str, _: &HashMap<&str, Vec<&str>>) -> Vec<String> {
        match key {
            "region" => one(&self.region),
            "kind" => one(&self.kind),
            _ => Vec::new(),
        }
    }
    /// What the app shows of each document ([`crate::files::app_meta`]), in the order of
    /// `documents.json`.
    fn in_order(_: &Facts, index: &Index) -> Vec<Self> {
        index.documents.iter().map(crate::files::app_meta).collect()
    }
}

/// A single-valued facet: the value, or none when the record leaves it empty.
fn one(v: &str) -> Vec<String> {
    if v.is_empty() {
        Vec::new()
    } else {
        vec![v.to_string()]
    }
}

fn dept_values(id: &str, depts: &HashMap<&str, Vec<&str>>) -> Vec<String> {
    depts
        .get(id)
        .map(|v| v.iter().map(|s| s.to_string()).collect())
        .unwrap_or_default()
}

/// Records of `items` ordered by their document's place in `index` (stable: reading order
/// within a document is kept).
fn by_document<T: Clone>(items: &[T], doc: impl Fn(&T) -> &str, index: &Index) -> Vec<T> {
    let position: HashMap<&str, usize> = index
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut out = items.to_vec();
    out.sort_by_key(|r| position.get(doc(r)).copied().unwrap_or(usize::MAX));
    out
}

impl Listed for Field {
    const KIND: ListKind = ListKind::Fields;
    fn id(&self) -> &str {
        &self.id
    }
    fn doc(&self) -> &str {
        &self.doc
    }
    fn values(&self, key: &str, _: &HashMap<&str, Vec<&str>>) -> Vec<String> {
        match key {
            "theme" => self.themes.clone(),
            "dept" => self.departments.clone(),
            _ => Vec::new(),
        }
    }
    fn in_order(facts: &Facts, index: &Index) -> Vec<Self> {
        by_document(&facts.fields, |r| &r.doc, index)
    }
}

impl Listed for Project {
    const KIND: ListKind = ListKind::Projects;
    fn id(&self) -> &str {
        &self.id
    }
    fn doc(&self) -> &str {
        &self.doc
    }
    fn values(&self, key: &str, _: &HashMap<&str, Vec<&str>>) -> Vec<String> {
        match key {
            "theme" => self.themes.clone(),
            "domain" => one(&self.domain),
            "kind" => one(self.kind.label()),
            "place" => one(&self.place),
            "dept" => self.departments.clone(),
            _ => Vec::new(),
        }
    }
    fn in_order(facts: &Facts, index: &Index) -> Vec<Self> {
        by_document(&facts.projects, |r| &r.doc, index)
    }
}

impl Listed for Target {
    const KIND: ListKind = ListKind::Targets;
    fn id(&self) -> &str {
        &self.id
    }
    fn doc(&self) -> &str {
        &self.doc
    }
    fn values(&self, key: &str, depts: &HashMap<&str, Vec<&str>>) -> Vec<String> {
        match key {
            "theme" => self.themes.clone(),
            "category" => one(&self.category),
            "year" => target_year(self)
                .map(|y| y.to_string())
                .into_iter()
                .collect(),
            "attribute" => self
                .attribute
                .map(|a| a.label().to_string())
                .into_iter()
                .collect(),
            "dept" => dept_values(&self.id, depts),
            // Only a target with linked results has a status (`Target::progress`).
            "status" => self
                .progress
                .as_ref()
                .map(|p| p.status.label().to_string())
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }
    fn in_order(facts: &Facts, index: &Index) -> Vec<Self> {
        let refs = crate::view::in_list_order(facts.targets.iter().collect(), index);
        refs.into_iter().cloned().collect()
    }
}

/// The files of one kind's list, built from every record.
#[derive(Debug, Clone)]
pub struct Built<R> {
    pub index: ListIndex,
    pub chunks: Vec<Chunk<R>>,
    /// `(path, members)`.
    pub members: Vec<(String, Members)>,
}

/// Builds one kind's list files. `labels` names ids shown in facets (themes, departments).
pub fn build<R: Listed>(facts: &Facts, index: &Index) -> Built<R> {
    let records = R::in_order(facts, index);
    let mut depts: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in &facts.departments {
        for t in &d.targets {
            depts.entry(t.as_str()).or_default().push(d.id.as_str());
        }
    }
    let docs = doc_spans(&records, index, &depts);
    let (facets, members) = facets_of(&records, facts, &depts);
    let chunks = records
        .chunks(CHUNK as usize)
        .enumerate()
        .map(|(c, rs)| Chunk {
            schema_version: crate::SCHEMA_VERSION,
            start: c as u32 * CHUNK,
            records: rs.to_vec(),
        })
        .collect();
    Built {
        index: ListIndex {
            total: records.len() as u32,
            chunk: CHUNK,
            docs,
            facets,
        },
        chunks,
        members,
    }
}

/// Every document's run of records in `records` (in document order), with the years of its
/// targets; none for the documents' own list.
fn doc_spans<R: Listed>(
    records: &[R],
    index: &Index,
    depts: &HashMap<&str, Vec<&str>>,
) -> Vec<DocSpan> {
    let mut docs: Vec<DocSpan> = Vec::new();
    if R::KIND.has_doc_runs() {
        let mut at = 0usize;
        for d in &index.documents {
            let start = at;
            while records.get(at).is_some_and(|r| r.doc() == d.id) {
                at += 1;
            }
            docs.push(DocSpan {
                doc: d.id.clone(),
                title: d.short_title.clone(),
                region: d.region.clone(),
                start: start as u32,
                count: (at - start) as u32,
                years: Vec::new(),
            });
        }
    }
    if R::KIND == ListKind::Targets {
        for span in &mut docs {
            let mut years: BTreeMap<u32, u32> = BTreeMap::new();
            let span_records = records.get(span.start as usize..(span.start + span.count) as usize);
            for r in span_records.unwrap_or_default() {
                for y in r.values("year", depts) {
                    if let Ok(y) = y.parse::<u32>() {
                        *years.entry(y).or_default() += 1;
                    }
                }
            }
            span.years = years.into_iter().map(|(y, n)| [y, n]).collect();
        }
    }
    docs
}

/// The facets of `records` (an option per value, with its label and count) and each
/// option's member file.
fn facets_of<R: Listed>(
    records: &[R],
    facts: &Facts,
    depts: &HashMap<&str, Vec<&str>>,
) -> (Vec<Facet>, Vec<(String, Members)>) {
    let label_of = |key: &str, value: &str| -> String {
        match key {
            "theme" => facts
                .themes
                .iter()
                .find(|t| t.id == value)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            "dept" => facts
                .departments
                .iter()
                .find(|d| d.id == value)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    let mut facets = Vec::new();
    let mut members = Vec::new();
    for &key in R::KIND.facet_keys() {
        let mut by_value: Vec<(String, Vec<u32>)> = Vec::new();
        for (i, r) in records.iter().enumerate() {
            for v in r.values(key, depts) {
                match by_value.iter_mut().find(|(value, _)| *value == v) {
                    Some((_, list)) => list.push(i as u32),
                    None => by_value.push((v, vec![i as u32])),
                }
            }
        }
        // Options in a stable, meaningful order: themes and departments as their files
        // list them, years ascending, other values in list order.
        let rank = |v: &str| -> usize {
            match key {
                "theme" => facts.themes.iter().position(|t| t.id == v),
                "dept" => facts.departments.iter().position(|d| d.id == v),
                "year" => v.parse::<usize>().ok(),
                "status" => crate::wire::Status::from_label(v)
                    .and_then(|s| crate::wire::Status::ALL.iter().position(|a| *a == s)),
                _ => Some(0),
            }
            .unwrap_or(usize::MAX)
        };
        by_value.sort_by_key(|(v, _)| rank(v));
        let values = by_value
            .iter()
            .enumerate()
            .map(|(n, (value, list))| {
                members.push((R::KIND.member_file(key, n), Members::of(list)));
                FacetValue {
                    value: value.clone(),
                    label: label_of(key, value),
                    count: list.len() as u32,
                }
            })
            .collect();
        facets.push(Facet {
            key: key.to_string(),
            values,
        });
    }
    (facets, members)
}

/// Records of each kind a [`Topic`] names first: what a theme or department page shows
/// (and charts) before linking to the whole list.
pub const TOPIC_FIRST: usize = 40;

/// One record kind's built list, as [`Topic::all`] reads it: the kind, its index and its
/// member files (path, members).
pub type BuiltKind<'a> = (ListKind, &'a ListIndex, &'a [(String, Members)]);

/// `lists/topics/<key>-<value>.json`: one theme's or department's records of every kind,
/// what its page needs besides the chunks of the records it shows, so that the page
/// fetches no list index and no member file (each names the whole library).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub schema_version: u32,
    /// Per record kind, in the order of [`ListKind::ALL`].
    pub kinds: Vec<TopicKind>,
    /// The documents holding any of the records, in list order, with how many they hold.
    pub documents: Vec<TopicDoc>,
    /// The topic's targets that have linked results, counted by status (in the order of
    /// the targets list's status filter; a status no target of the topic has is left out):
    /// the page's overview, each count a link to the targets list filtered by the topic
    /// and the status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<FacetValue>,
}

/// One kind's records of a topic: how many, and the list positions of the first
/// [`TOPIC_FIRST`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicKind {
    pub total: u32,
    pub first: Vec<u32>,
}

/// A document of a topic: `[id, short title, records of the topic]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicDoc(pub String, pub String, pub u32);

impl Topic {
    /// `lists/topics/<key>-<value>.json`. Only for a value its page has found in the
    /// themes or departments file: an address's id is never turned into a request before.
    pub fn path(key: &str, value: &str) -> String {
        format!("lists/topics/{key}-{value}.json")
    }

    /// The topic of every value of `key` in `values` (each theme, each department; one
    /// without records has an empty topic), from the record kinds' built lists
    /// (`[(kind, index, members)]`, in the order of [`ListKind::ALL`]).
    pub fn all(key: &str, values: &[&str], kinds: &[BuiltKind<'_>]) -> Vec<(String, Topic)> {
        values
            .iter()
            .map(|value| {
                let mut per_doc: HashMap<&str, u32> = HashMap::new();
                let mut statuses = Vec::new();
                let kinds_of = kinds
                    .iter()
                    .map(|(kind, index, members)| {
                        let f = Filter::default().with(key, value);
                        let ordinals = index
                            .member_files(*kind, &f)
                            .and_then(|files| {
                                let file = files.first()?;
                                members.iter().find(|(p, _)| p == file)
                            })
                            .map(|(_, m)| m.ordinals(index.total))
                            .unwrap_or_default();
                        for &o in &ordinals {
                            if let Some(span) = index.doc_of(o) {
                                *per_doc.entry(span.doc.as_str()).or_default() += 1;
                            }
                        }
                        if *kind == ListKind::Targets {
                            statuses = status_counts(index, members, &ordinals);
                        }
                        TopicKind {
                            total: ordinals.len() as u32,
                            first: ordinals.into_iter().take(TOPIC_FIRST).collect(),
                        }
                    })
                    .collect();
                let documents = kinds
                    .first()
                    .map(|(_, index, _)| {
                        index
                            .docs
                            .iter()
                            .filter_map(|d| {
                                let n = per_doc.get(d.doc.as_str())?;
                                Some(TopicDoc(d.doc.clone(), d.title.clone(), *n))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let topic = Topic {
                    schema_version: crate::SCHEMA_VERSION,
                    kinds: kinds_of,
                    documents,
                    statuses,
                };
                (Topic::path(key, value), topic)
            })
            .collect()
    }

    /// How many records of `kind` the topic has.
    pub fn total(&self, kind: ListKind) -> usize {
        self.kind(kind).map_or(0, |k| k.total as usize)
    }

    /// The list positions of the first `n` records of `kind` (at most [`TOPIC_FIRST`]).
    pub fn first(&self, kind: ListKind, n: usize) -> &[u32] {
        self.kind(kind)
            .map(|k| k.first.get(..n).unwrap_or(&k.first))
            .unwrap_or(&[])
    }

    fn kind(&self, kind: ListKind) -> Option<&TopicKind> {
        let i = ListKind::ALL.iter().position(|k| *k == kind)?;
        self.kinds.get(i)
    }

    /// The short title of a document of the topic, empty for another.
    pub fn short_title(&self, doc: &str) -> String {
        self.documents
            .iter()
            .find(|d| d.0 == doc)
            .map(|d| d.1.clone())
            .unwrap_or_default()
    }

    /// The topic's documents as its page lists them: every one, in library order, when
    /// there are at most `all_up_to`; else the `leading` with the most records first (ties
    /// in library order), then the others in library order, which the page folds away (a
    /// theme of a large library comes from hundreds of documents).
    pub fn documents_shown(
        &self,
        all_up_to: usize,
        leading: usize,
    ) -> (Vec<&TopicDoc>, Vec<&TopicDoc>) {
        let docs: Vec<&TopicDoc> = self.documents.iter().collect();
        if docs.len() <= all_up_to {
            return (docs, Vec::new());
        }
        let mut by_count = docs.clone();
        by_count.sort_by_key(|d| std::cmp::Reverse(d.2));
        by_count.truncate(leading);
        let rest = docs
            .into_iter()
            .filter(|d| !by_count.iter().any(|l| std::ptr::eq(*l, *d)))
            .collect();
        (by_count, rest)
    }
}

/// How many of the targets at `ordinals` (ascending) have each status, from the targets
/// list's status facet and its member files; statuses none of them has are left out.
fn status_counts(
    index: &ListIndex,
    members: &[(String, Members)],
    ordinals: &[u32],
) -> Vec<FacetValue> {
    let Some(facet) = index.facet("status") else {
        return Vec::new();
    };
    facet
        .values
        .iter()
        .enumerate()
        .filter_map(|(n, v)| {
            let file = ListKind::Targets.member_file("status", n);
            let (_, m) = members.iter().find(|(p, _)| *p == file)?;
            let count = m
                .ordinals(index.total)
                .iter()
                .filter(|o| ordinals.binary_search(o).is_ok())
                .count() as u32;
            (count > 0).then(|| FacetValue { count, ..v.clone() })
        })
        .collect()
}

/// The chunk files that hold `ordinals`, each once, ascending.
pub fn chunk_files(kind: ListKind, chunk: u32, ordinals: &[u32]) -> Vec<String> {
    let mut cs: Vec<u32> = ordinals.iter().map(|o| o / chunk.max(1)).collect();
    cs.dedup();
    cs.into_iter().map(|c| kind.chunk_file(c)).collect()
}

/// The records at `ordinals`, from the chunks fetched (others are skipped).
pub fn records_at<'a, R>(chunks: &'a [std::sync::Arc<Chunk<R>>], ordinals: &[u32]) -> Vec<&'a R> {
    ordinals
        .iter()
        .filter_map(|&o| {
            chunks.iter().find_map(|c| {
                o.checked_sub(c.start)
                    .and_then(|k| c.records.get(k as usize))
            })
        })
        .collect()
}

/// One page of a filtered list, as a list page shows it.
#[derive(Debug, Clone)]
pub struct ListPage<R> {
    pub list: std::sync::Arc<ListIndex>,
    /// Every ordinal that passes the filter, ascending (its length is the count shown).
    pub ordinals: Vec<u32>,
    pub page: crate::query::Page,
    /// The records of the page shown.
    pub records: Vec<R>,
}

impl<R: Clone> ListPage<R> {
    /// The ordinals of page `requested` (as the address gives it) of `ordinals`.
    pub fn shown(ordinals: &[u32], requested: &str) -> (crate::query::Page, Vec<u32>) {
        let page = crate::query::page_of(ordinals.len(), requested);
        let shown = ordinals.get(page.start..page.end).unwrap_or_default();
        (page, shown.to_vec())
    }

    /// The page from the chunks that hold it.
    pub fn new(
        list: std::sync::Arc<ListIndex>,
        ordinals: Vec<u32>,
        requested: &str,
        chunks: &[std::sync::Arc<Chunk<R>>],
    ) -> Self {
        let (page, shown) = Self::shown(&ordinals, requested);
        let records = records_at(chunks, &shown).into_iter().cloned().collect();
        ListPage {
            list,
            ordinals,
            page,
            records,
        }
    }

    pub fn count(&self) -> usize {
        self.ordinals.len()
    }
}

impl ListIndex {
    /// The index of `file`, its runs named by `names` (a record kind's); the documents'
    /// own list has no runs and needs no names. An error when the two files do not
    /// describe the same documents (say, one of them is from another build).
    pub fn assemble(file: &ListIndexFile, names: Option<&DocNames>) -> Result<Self, String> {
        let mismatch = || "列表索引与文件名单不一致".to_string();
        let mut docs = Vec::new();
        if let Some(names) = names {
            if file.counts.len() != names.docs.len()
                || !(file.years.is_empty() || file.years.len() == names.docs.len())
            {
                return Err(mismatch());
            }
            let mut start = 0u32;
            for (i, (DocName(doc, title, region), &count)) in
                names.docs.iter().zip(&file.counts).enumerate()
            {
                let region = names.regions.get(*region as usize).ok_or_else(mismatch)?;
                docs.push(DocSpan {
                    doc: doc.clone(),
                    title: title.clone(),
                    region: region.clone(),
                    start,
                    count,
                    years: file.years.get(i).cloned().unwrap_or_default(),
                });
                start = start.checked_add(count).ok_or_else(mismatch)?;
            }
            if start != file.total {
                return Err(mismatch());
            }
        }
        Ok(ListIndex {
            total: file.total,
            chunk: file.chunk,
            docs,
            facets: file.facets.clone(),
        })
    }

    /// The index file of this index (its documents' names go to [`DocNames`]).
    pub fn to_file(&self) -> ListIndexFile {
        let years = if self.docs.iter().any(|d| !d.years.is_empty()) {
            self.docs.iter().map(|d| d.years.clone()).collect()
        } else {
            Vec::new()
        };
        ListIndexFile {
            schema_version: crate::SCHEMA_VERSION,
            total: self.total,
            chunk: self.chunk,
            counts: self.docs.iter().map(|d| d.count).collect(),
            years,
            facets: self.facets.clone(),
        }
    }

    pub fn facet(&self, key: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.key == key)
    }

    /// The options of filter `key`: `(value, label)`.
    pub fn options(&self, key: &str) -> Vec<(String, String)> {
        self.facet(key)
            .map(|f| {
                f.values
                    .iter()
                    .map(|v| (v.value.clone(), v.label().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The member files the filters set in `f` need, or None when a filter names a value no
    /// record of this kind has (nothing can match: no file is worth fetching).
    pub fn member_files(&self, kind: ListKind, f: &Filter) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for &key in kind.facet_keys() {
            let wanted = f.get(key);
            if wanted.is_empty() {
                continue;
            }
            let n = self
                .facet(key)?
                .values
                .iter()
                .position(|v| v.value == wanted)?;
            out.push(kind.member_file(key, n));
        }
        Some(out)
    }

    /// The ordinals that pass every filter of `f`, ascending. `members` holds (at least)
    /// the files [`Self::member_files`] named, by path; `text` the ordinals matching `f.q`
    /// (None when the query has no terms).
    pub fn resolve(
        &self,
        kind: ListKind,
        f: &Filter,
        members: &BTreeMap<String, std::sync::Arc<Members>>,
        text: Option<&[u32]>,
    ) -> Vec<u32> {
        let Some(files) = self.member_files(kind, f) else {
            return Vec::new();
        };
        if !kind.has_doc_runs() {
            return self.resolve_members(&files, members);
        }
        let spans: Vec<&DocSpan> = self
            .docs
            .iter()
            .filter(|s| f.doc.is_empty() || s.doc == f.doc)
            .filter(|s| f.region.is_empty() || s.region == f.region)
            .collect();
        let mut sets: Vec<Vec<u32>> = Vec::new();
        for file in &files {
            match members.get(file) {
                Some(m) => sets.push(m.ordinals(self.total)),
                None => return Vec::new(),
            }
        }
        if let Some(t) = text {
            sets.push(t.to_vec());
        }
        sets.sort_by_key(|s| s.len());
        // Spans are in list order: the one that could hold `o` is found by bisection.
        let in_spans = |o: u32| {
            let i = spans.partition_point(|s| s.start + s.count <= o);
            spans.get(i).is_some_and(|s| o >= s.start)
        };
        let mut out: Vec<u32> = match sets.first() {
            Some(first) => first.iter().copied().filter(|&o| in_spans(o)).collect(),
            None => spans
                .iter()
                .flat_map(|s| s.start..s.start + s.count)
                .collect(),
        };
        for s in sets.iter().skip(1) {
            out.retain(|o| s.binary_search(o).is_ok());
        }
        out.sort();
        out.dedup();
        out
    }

    /// A list without document runs (the documents'): the ordinals in every member file
    /// named, or all of them when none is.
    fn resolve_members(
        &self,
        files: &[String],
        members: &BTreeMap<String, std::sync::Arc<Members>>,
    ) -> Vec<u32> {
        let mut out: Option<Vec<u32>> = None;
        for file in files {
            let Some(m) = members.get(file) else {
                return Vec::new();
            };
            let set = m.ordinals(self.total);
            out = Some(match out {
                None => set,
                Some(mut o) => {
                    o.retain(|x| set.binary_search(x).is_ok());
                    o
                }
            });
        }
        let mut out = out.unwrap_or_else(|| (0..self.total).collect());
        out.sort();
        out.dedup();
        out
    }

    /// The span of one document.
    pub fn doc(&self, doc: &str) -> Option<&DocSpan> {
        self.docs.iter().find(|s| s.doc == doc)
    }

    /// The short title of a document, empty for one the list does not name.
    pub fn short_title(&self, doc: &str) -> String {
        self.doc(doc).map(|s| s.title.clone()).unwrap_or_default()
    }

    /// The document filter's options, `(id, short title)`: every document, in list order.
    pub fn doc_options(&self) -> Vec<(String, String)> {
        self.docs
            .iter()
            .map(|s| (s.doc.clone(), s.title.clone()))
            .collect()
    }

    /// The region filter's options: each region once, in the order documents first name it.
    pub fn region_options(&self) -> Vec<String> {
        crate::query::distinct(self.docs.iter(), |s| s.region.as_str())
    }

    /// Which document holds ordinal `o`.
    pub fn doc_of(&self, o: u32) -> Option<&DocSpan> {
        let i = self.docs.partition_point(|s| s.start + s.count <= o);
        self.docs.get(i).filter(|s| o >= s.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_of_many_documents_leads_with_those_of_most_records() {
        let check =
            |counts: &[u32], all_up_to: usize, leading: usize, expected: (&[&str], &[&str])| {
                let topic = Topic {
                    documents: counts
                        .iter()
                        .enumerate()
                        .map(|(i, n)| TopicDoc(format!("d{i}"), format!("文件{i}"), *n))
                        .collect(),
                    ..Topic::default()
                };
                let (lead, rest) = topic.documents_shown(all_up_to, leading);
                let ids = |ds: Vec<&TopicDoc>| ds.iter().map(|d| d.0.clone()).collect::<Vec<_>>();
                assert_eq!(
                    (ids(lead), ids(rest)),
                    (
                        expected.0.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                        expected.1.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                    ),
                    "{counts:?}"
                );
            };
        check(&[1, 5, 2], 3, 1, (&["d0", "d1", "d2"], &[]));
        check(&[1, 5, 2, 5], 3, 2, (&["d1", "d3"], &["d0", "d2"]));
        check(&[3, 1, 3, 2], 2, 3, (&["d0", "d2", "d3"], &["d1"]));
        check(&[], 0, 2, (&[], &[]));
    }

    #[test]
    fn members_round_trip_through_runs() {
        let check = |ordinals: &[u32], runs: &[u32]| {
            let m = Members::of(ordinals);
            assert_eq!(m.runs, runs, "{ordinals:?}");
            assert_eq!(m.ordinals(1000), ordinals, "{ordinals:?}");
        };
        check(&[], &[]);
        check(&[0], &[0, 1]);
        check(&[3, 4, 5, 40, 41], &[3, 3, 34, 2]);
        check(&[1, 3, 5], &[1, 1, 1, 1, 1, 1]);
        check(&[0, 1, 2, 999], &[0, 3, 996, 1]);
        // A malformed file gives no ordinal past the list, however long its runs.
        let huge = Members {
            schema_version: 0,
            runs: vec![5, u32::MAX, 7],
        };
        assert_eq!(huge.ordinals(8), [5, 6, 7]);
        assert_eq!(Members::of(&[2, 3, 9]).ordinals(4), [2, 3]);
    }

    #[test]
    fn chunk_files_name_each_chunk_once() {
        let check = |ordinals: &[u32], expected: &[&str]| {
            assert_eq!(
                chunk_files(ListKind::Projects, 25, ordinals),
                expected,
                "{ordinals:?}"
            );
        };
        check(&[], &[]);
        check(&[0, 24], &["lists/projects/0.json"]);
        check(
            &[24, 25, 80],
            &[
                "lists/projects/0.json",
                "lists/projects/1.json",
                "lists/projects/3.json",
            ],
        );
    }
}
