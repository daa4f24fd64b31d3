//! The index's files: their paths under `data/`, the constants the builder and the app
//! share, the wire types (each carries `schema_version`), and where an entry lives.

use crate::search::{record_entries, Entry, Kind};
use crate::wire::{Department, Field, Project, Target};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `data/search/manifest.json`.
pub const MANIFEST: &str = "search/manifest.json";

/// The file of shard `i`, under `data/`.
pub fn shard_file(i: u32) -> String {
    format!("search/{i}.json")
}

/// `data/search/text/<c>.json` ([`TextChunk`]): the document text entries `c * TEXT_CHUNK ..`.
pub const TEXT_DIR: &str = "search/text";

/// The file of text chunk `c` ([`TextChunk`]), under `data/`: `search/text/<c>.json`.
pub fn text_chunk_file(c: u32) -> String {
    format!("{TEXT_DIR}/{c}.json")
}

/// Text entries per chunk file: a paragraph averages some 200 characters, so a chunk is a
/// few kilobytes, what one snippet costs.
pub const TEXT_CHUNK: u32 = 8;

/// `data/search/text/<c>.json`: consecutive text entries (paragraphs and table rows), as
/// the search shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextChunk {
    pub schema_version: u32,
    pub start: u32,
    pub entries: Vec<TextEntry>,
}

/// One paragraph or table row: its document, anchor, the document's short title, the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextEntry {
    pub doc: String,
    pub anchor: String,
    pub title: String,
    pub text: String,
}

impl TextEntry {
    pub fn entry(&self) -> Entry {
        Entry::new(
            Kind::Text,
            &self.doc,
            &self.doc,
            &self.anchor,
            &self.title,
            &self.text,
        )
    }
}

/// The average shard size (bytes of JSON) the builder keeps under: 512 shards for today's
/// corpus, averaging 4.9 KB raw and 1.7 KB brotli (see the table above).
pub const SHARD_TARGET_BYTES: usize = 8 * 1024;

/// A bigram with more positions than this over every text and title run is split: its
/// postings keep only counts, and its positions are in the trigrams that hold it (see the
/// module documentation for the measurements behind the number).
pub const SPLIT_POSITIONS: u32 = 2048;

/// A count-only key (a single character, a split bigram) whose postings hold more integers
/// than this is *common*: its postings move out of its shard into [`common_file`], and the
/// builder writes the answer to a query of that one key into [`top_file`] (see the module
/// documentation for the measurements behind the number).
pub const COMMON_INTEGERS: usize = 2048;

/// Hits per kind a ranked file keeps: the most the search page shows of a kind
/// (`src/pages/search.rs` takes its cap from here). A query asking for more reads the full
/// postings.
pub const TOP_HITS: usize = 200;

/// The file of common key `n`'s postings in the entries of `kind`, under `data/`
/// (`search/common/<n>-<kind>.json`): a [`Shard`] numbered `n` of that one key and that
/// kind. What a query of several terms, or a list's text filter, reads for it: only the
/// kinds it answers.
pub fn common_file(n: u32, kind: Kind) -> String {
    format!("search/common/{n}-{}.json", kind.slug())
}

/// The file of a common key's postings of one kind ([`common_file`]).
pub fn common_file_of(postings: &Shard) -> String {
    common_file(postings.shard, postings.kind.unwrap_or(Kind::Text))
}

/// A search of the document text is put off ([`kinds_at_once`]) when the common keys'
/// text postings it needs are larger than this, in bytes of JSON: some 35 KB brotli at the
/// real corpus's ratio of such files (0.275), so that a common key's postings of the
/// records, the shards and the hits shown stay within a search's budget (150 KB) with a
/// rare word too (业 养老). At 1 000 documents 37 of the 2 136 common keys have more
/// (业 213 KB, 发展 168 KB); at 100 documents the largest has 28 KB, at 11 documents 2.4 KB.
pub const TEXT_AT_ONCE_BYTES: u32 = 128 * 1024;

/// The file of common key `n`'s ranked answer ([`Top`]), under `data/`.
pub fn top_file(n: u32) -> String {
    format!("search/top/{n}.json")
}

/// `data/search/top/<n>.json`: what [`search`] answers to a query of the one common key
/// `key`, for up to [`TOP_HITS`] hits a kind: per kind, in rank order, its total and first
/// hits. A one-term query of a common key reads this, never the key's postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Top {
    pub schema_version: u32,
    pub key: String,
    pub groups: Vec<TopGroup>,
}

/// One kind's part of a [`Top`]: all its matches and the first of them, best first, as
/// `entry, score` pairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopGroup {
    pub kind: Kind,
    pub total: u32,
    pub hits: Vec<u32>,
}

/// `data/search/manifest.json`: how many shards there are and where every entry comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    /// Number of shard files; key `k` is in shard [`shard_of`]`(k, shards)`.
    pub shards: u32,
    /// The split bigrams, sorted: each has only counts, and its positions are in the
    /// trigrams that hold it (see the module documentation).
    pub split: Vec<String>,
    /// The entries, numbered from 0 through these ranges in order (the order in which
    /// search breaks ties: the records as `search::record_entries` lists them, then every
    /// document's parts in the order of `index.json`).
    pub ranges: Vec<EntryRange>,
}

/// Consecutive entries that come from one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryRange {
    pub kind: Kind,
    /// Path under `data/`: a kind's list (`lists/targets`), the text chunks
    /// ([`TEXT_DIR`]) or the departments file.
    pub file: String,
    /// How many entries: `search::record_entries` of the records, or `search::text_entries`
    /// of every document part.
    pub count: u32,
    /// For a kind's list (`file` = `lists/<kind>`): the records are in its chunk files
    /// (`lists::CHUNK` a file), entry `k` of the range in chunk `k / chunk`. 0 otherwise.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub chunk: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// `data/search/<i>.json`: the postings of the keys in one shard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub schema_version: u32,
    /// Which shard this is (`i` in the file name).
    pub shard: u32,
    pub keys: BTreeMap<String, Postings>,
    /// The common keys of this shard, each with its number `n` and the bytes of its
    /// postings in the document text (`[n, bytes]`): its postings are in
    /// [`common_file`]`(n, kind)` a kind, the answer to a query of it alone in
    /// [`top_file`]`(n)`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub common: BTreeMap<String, (u32, u32)>,
    /// For a common key's postings ([`common_file`]): the kind of entries they cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
}

/// One key's postings, on the wire `[text, titles]` (titles left out when empty); see the
/// module documentation for the encoding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings(
    pub Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")] pub Vec<u32>,
);

/// The shard of a key: FNV-1a (32 bits) of its UTF-8 bytes, modulo the number of shards.
/// Spelled out here so the builder and the app agree on every platform.
pub fn shard_of(key: &str, shards: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % shards.max(1)
}

/// The kinds of entries the ranges hold, in search order, each once.
pub(super) fn kinds_of(ranges: &[EntryRange]) -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| ranges.iter().any(|r| r.kind == *k))
        .collect()
}

/// Those of `kinds` that the manifest's entries hold, in search order.
pub(super) fn kinds_in(manifest: &Manifest, kinds: &[Kind]) -> Vec<Kind> {
    kinds_of(&manifest.ranges)
        .into_iter()
        .filter(|k| kinds.contains(k))
        .collect()
}

/// The entries `[start, end)` of each range of `kind`, ascending.
pub(super) fn spans_of(ranges: &[EntryRange], kind: Kind) -> Vec<(u32, u32)> {
    let mut start = 0u32;
    let mut out = Vec::new();
    for r in ranges {
        let end = start.saturating_add(r.count);
        if r.kind == kind {
            out.push((start, end));
        }
        start = end;
    }
    out
}

/// The first entry of `kind`'s list (`lists`) and the number of its records: its range in
/// the manifest. None for a kind without a chunked list.
pub(super) fn list_range(manifest: &Manifest, kind: Kind) -> Option<(u32, &EntryRange)> {
    let mut first = 0u32;
    for r in &manifest.ranges {
        if r.kind == kind && r.chunk > 0 {
            return Some((first, r));
        }
        first = first.saturating_add(r.count);
    }
    None
}

/// The file of common key `n`'s matches in the list of `range` (a [`lists::Members`] of
/// the places in that list), under `data/`: `search/list/<n>-<kind>.json`.
pub(super) fn list_matches_file(n: u32, range: &EntryRange) -> String {
    let list = range.file.rsplit('/').next().unwrap_or_default();
    format!("search/list/{n}-{list}.json")
}

/// The files of common key `n`'s matches in each record kind's list, as the builder writes
/// them: `(kind, file)`.
pub fn list_matches_files(manifest: &Manifest, n: u32) -> Vec<(Kind, String)> {
    [Kind::Target, Kind::Project, Kind::Field]
        .into_iter()
        .filter_map(|kind| list_range(manifest, kind).map(|(_, r)| (kind, list_matches_file(n, r))))
        .collect()
}

impl Manifest {
    /// Whether `bigram` is split (its postings hold counts, not positions).
    pub fn is_split(&self, bigram: &str) -> bool {
        self.split
            .binary_search_by(|s| s.as_str().cmp(bigram))
            .is_ok()
    }

    /// The kind of each entry: `(end, kind)` per range, ends ascending.
    pub(super) fn kind_ends(&self) -> Vec<(u32, Kind)> {
        let mut end = 0u32;
        self.ranges
            .iter()
            .map(|r| {
                end = end.saturating_add(r.count);
                (end, r.kind)
            })
            .collect()
    }

    /// Where entry `n` comes from: its range and its index among that file's entries.
    pub fn locate(&self, entry: u32) -> Option<Located<'_>> {
        let mut first = 0u32;
        for range in &self.ranges {
            if entry < first.saturating_add(range.count) {
                let k = entry - first;
                // A kind's list: the chunk `k / chunk`, and the place in it.
                let (file, k) = match k.checked_div(range.chunk) {
                    Some(c) => (format!("{}/{c}.json", range.file), k % range.chunk),
                    None => (range.file.clone(), k),
                };
                return Some(Located {
                    range,
                    k: k as usize,
                    file,
                });
            }
            first = first.saturating_add(range.count);
        }
        None
    }
}

/// An entry's place: the file that holds it and its index among the entries of that file.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<'a> {
    pub range: &'a EntryRange,
    /// Path under `data/` (a chunk file for a kind's list).
    pub file: String,
    pub k: usize,
}

impl Located<'_> {
    /// The entry, from its text chunk (for text entries).
    pub fn from_text(&self, chunk: &TextChunk) -> Option<Entry> {
        chunk.entries.get(self.k).map(TextEntry::entry)
    }

    /// The entry, from the records of its kind (the others may be empty).
    pub fn from_records(
        &self,
        fields: &[Field],
        projects: &[Project],
        targets: &[Target],
        departments: &[Department],
    ) -> Option<Entry> {
        let (f, p, t, d): (&[Field], &[Project], &[Target], &[Department]) = match self.range.kind {
            Kind::Target => (&[], &[], targets, &[]),
            Kind::Project => (&[], projects, &[], &[]),
            Kind::Field => (fields, &[], &[], &[]),
            Kind::Department => (&[], &[], &[], departments),
            Kind::Text => return None,
        };
        record_entries(f, p, t, d).into_iter().nth(self.k)
    }
}
