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

mod build;
mod resolve;
#[cfg(test)]
mod tests;
mod topic;

pub use build::*;
pub use topic::*;
