//! A prebuilt, sharded inverted index that answers exactly what [`crate::search::search`]
//! answers, fetching only the shards of the query's terms (the Pagefind model).
//!
//! # Files (paths under `data/`)
//!
//! - [`MANIFEST`] (`search/manifest.json`, [`Manifest`]): the number of shards and where
//!   each entry comes from (`ranges`: the entries in the order search ranks ties, a range
//!   per record kind and one for all document text, each in chunk files), and the split
//!   bigrams (`split`, see below: none for the real corpus, 1 153 at 1 000 documents, some
//!   3 KB brotli).
//! - [`shard_file`]`(i)` (`search/<i>.json`, [`Shard`]): the postings of every key whose
//!   [`shard_of`] is `i`, but the common keys (below), which it names with their numbers
//!   and the size of their postings in the document text.
//! - [`common_file`]`(n, kind)` (`search/common/<n>-<kind>.json`, a [`Shard`] of one key,
//!   numbered `n`, of one kind): the postings of common key `n` in the entries of `kind`,
//!   a file for each kind the manifest has.
//! - [`top_file`]`(n)` (`search/top/<n>.json`, [`Top`]): the answer to a query of common
//!   key `n` alone, per kind its total and first [`TOP_HITS`] hits with their scores.
//! - [`list_matches_files`]`(manifest, n)` (`search/list/<n>-<kind>.json`, a
//!   [`Members`]): the places in each record kind's list of the
//!   records matching common key `n`, what a list page's text filter reads for that key
//!   ([`list_matches_files_for`]).
//!
//! # How the app searches
//!
//! 1. Fetch the manifest once.
//! 2. [`shard_files`]`(&manifest, query)`: the shard files the query needs (none for an
//!    empty query; which keys a term needs depends on the manifest's split bigrams); fetch
//!    them.
//! 3. [`top_file_for`]`(&manifest, &shards, query, per_group)`: for a query of one term
//!    that is a common key, its ranked file; else [`common_files_for`]: the postings of the
//!    common keys its terms need (usually none), of the kinds it answers
//!    ([`kinds_at_once`]: every kind, or all but the document text when that would need
//!    large postings; the page searches the text too when asked). Fetch them.
//! 4. [`search`]`(&manifest, &shards, &common, top, query, per_group, &kinds)`: the hits of
//!    those kinds, grouped by kind and in the same order, with the same totals and scores,
//!    as `search::search` over all entries (`search::Ranked<u32>`: each hit is an entry
//!    number and its score).
//! 5. [`hit_files`]`(&manifest, &groups)`: the files that hold the entries shown (chunks of
//!    the record lists, `lists`, and of the documents' text, [`TextChunk`], a few kilobytes
//!    each); fetch them, then for each hit [`Manifest::locate`] the entry, rebuild it with
//!    [`Located::from_text`] or [`Located::from_records`], and make the displayed hit with
//!    `search::hit(&entry, score, &search::terms(query))` — the same highlighting and
//!    snippet as the brute-force search.
//!
//! # Keys and postings
//!
//! Text is folded (`search::fold`, one character to one, so positions carry over). The keys
//! are every single character and every pair of adjacent characters (bigram) of the folded
//! title and text, except pairs and characters holding a term separator
//! (`search::is_separator`), which no term can contain; and, for the common bigrams, the
//! trigrams that hold them (below). A one-character term is looked up as its character, a
//! two-character term as its bigram, a longer term as a set of keys that covers it, and a
//! match is where all of them sit at their offsets. Matching is exact substring matching.
//!
//! Each key has two flat integer arrays ([`Postings`]), delta-encoded so the JSON stays
//! small:
//!
//! - text: per entry holding the key, `entry − previous entry, n` and, for a key with
//!   positions, its `n` positions (in characters of the folded text; the first absolute,
//!   then differences). A key without positions (a single character, a split bigram) has
//!   only the count: the occurrences as `str::matches` counts them, what ranking needs of a
//!   term that is the key itself.
//! - titles: per run of consecutive entries sharing one title (a document's paragraphs all
//!   carry its short title), `run start − previous run start, run length` and, for a key
//!   with positions, `n` and the positions in the folded title.
//!
//! # Split bigrams
//!
//! A bigram with more than [`SPLIT_POSITIONS`] positions over all texts and title runs is
//! *split* ([`Manifest::split`] lists them): its postings keep only counts, and a
//! trigram — three adjacent characters, no separator — is a key, with positions, when
//! either of its two bigrams is split. So every occurrence of such a trigram is indexed,
//! wherever its split bigram sits in it, including a bigram at the end of a text or title,
//! which no trigram starts. A term of `n ≥ 3` characters is covered from its start: the
//! trigram at an offset when it is a key (three characters on), else the bigram (two on);
//! a last pair that is split is covered by the trigram ending the term (offset `n − 3`).
//! With no split bigram this is offsets 0, 2, 4, … and the last pair, `ceil(n / 2)` keys.
//! A term then costs what its keys cost: a bigram it needs has at most 2 048 positions;
//! a trigram can still be common (at 1 000 documents 202 has 75 703 integers, 服务业
//! 64 709), which splitting trigrams the same way would bound in turn.
//!
//! Measured with the synthetic library of 1 000 documents (`cargo xtask synth --docs 1000`,
//! `bench-data`; 220 116 entries, 16 384 shards, the most the builder makes), shard bytes a
//! query fetches, brotli 11, measured on the synthetic copies / estimated at the real
//! corpus's ratio, for 养老 / 业 / 国际消费中心城市 / 养老 床位, and all shards on disk:
//!
//! | split over | split bigrams | shard bytes a query fetches | largest shard raw | shards raw |
//! |---|---|---|---|---|
//! | never | 0 | 3.9 / 9.9 / 24.2 / 6.5 KB (est. 43.9 / 173.6 / 366.5 / 53.7 KB) | 845 KB | 174.5 MB |
//! | **2 048** | 1 153 | 5.4 / 10.2 / 6.7 / 8.6 KB (est. 26.4 / 174.2 / 24.2 / 38.2 KB) | 502 KB | 239.7 MB |
//! | 512 | 5 405 | 5.6 / 10.5 / 7.9 / 8.5 KB (est. 27.3 / 174.9 / 26.5 / 35.1 KB) | 503 KB | 250.7 MB |
//!
//! 2 048: below it the keys a long term needs hardly shrink (each shard also holds other
//! keys), while the list of split bigrams in the manifest, which every search fetches,
//! grows fast (5 405 bigrams at 512 add some 9 KB brotli to it). The real corpus (11
//! documents) has no bigram above 2 048 positions (服务 has some 1 700), so its index is as
//! before. (These measurements predate common keys, below.) One- and two-character terms
//! cost what their matches cost: every matching entry's count (业 at 1 000 documents:
//! 242 586 integers, some 175 KB at the real ratio), unless the key is common.
//!
//! # Common keys
//!
//! A count-only key (a single character, a split bigram) with more than
//! [`COMMON_INTEGERS`] integers of postings is *common*. Its postings move out of its shard
//! into [`common_file`]`(n, kind)`, a shard of that one key numbered `n` for each kind; its
//! shard names it in `common` (`key: [n, bytes of its text file]`). And the builder writes into [`top_file`]`(n)` ([`Top`]) what
//! [`search`] answers to a query of that key alone with [`TOP_HITS`] hits a kind (the most
//! the search page shows): per kind, in rank order, the total and the first hits as
//! `entry, score` pairs. A query of one term that is a common key then fetches the
//! manifest, the shard that names it, the ranked file and the chunks of the hits shown,
//! never the postings; a search with more hits a kind than [`TOP_HITS`] reads the
//! postings instead. A list page's text filter ([`text_ordinals`]) needs every match of its
//! kind, not the first, but no count: a record matches when it holds every term, so the
//! filter keeps the places that each term's matches share, and for a term that is a common
//! key it reads that key's matches in its list ([`list_matches_files_for`]: at 1 000
//! documents 养老's in the projects is 3.0 KB raw against 54.6 KB of postings, 业's 37.9 KB
//! against 499 KB; 6 408 such files, 15.3 MB raw), never its postings.
//!
//! A query of several terms of which one is common (业 发展) reads the common key's
//! postings: its totals and ranking need, for every entry holding all the terms, how often
//! each occurs. Those of 业 at 1 000 documents are 499 KB raw (8 KB brotli measured on the
//! synthetic copies, some 100 KB at the real corpus's ratio of such files, 0.201), 发展's
//! 249 KB; re-encoded (one integer an entry, or a bitmap with the counts apart) they
//! compress no better. So they are split by kind, and a search reads the kinds it answers:
//! every kind's but the document text's when the common keys' text
//! postings it needs exceed [`TEXT_AT_ONCE_BYTES`] (业 and 发展: 51 158 and 41 071 of their
//! entries are paragraphs). The page then answers the records, whose answer is complete,
//! and offers to search the document text, which reads the text postings when asked.
//!
//! Count-only keys at 1 000 documents by integers of postings (`bench-data`, then counted
//! over its output), with the mean of their postings and, for the common ones, of their
//! ranked files, raw JSON:
//!
//! | integers | keys | postings | ranked file |
//! |---|---|---|---|
//! | ≤ 512 | 407 | 0.7 KB | |
//! | 512–1 024 | 292 | 1.9 KB | |
//! | 1 024–2 048 | 278 | 4.0 KB | |
//! | 2 048–4 096 | 371 | 8.1 KB | 4.3 KB |
//! | 4 096–8 192 | 797 | 13.6 KB | 5.2 KB |
//! | 8 192–32 768 | 706 | 36.6 KB | 6.9 KB |
//! | > 32 768 | 262 | 143.2 KB | 8.5 KB |
//!
//! 2 048: there a key's postings (some 5.6 KB raw) are already larger than its ranked file
//! (1.8–4.0 KB for the keys just above it) and the gap grows with the key, while below it
//! the postings are no larger than a ranked file would be, which costs a request after the
//! shard. The real corpus has three common keys, 业, 区 and 建 (2 158–2 674 integers), whose
//! ranked files are as large as their postings (4.4–5.9 KB raw): it neither gains nor loses
//! much. At 1 000 documents 2 136 keys are common; data a search fetches (manifest, index
//! files, hit chunks; brotli 11, measured / at the real corpus's ratio), the shards, and
//! the index's share of the build:
//!
//! | | before (no common keys) | **common over 2 048** |
//! |---|---|---|
//! | 养老 | 51.7 / 77.2 KB | 50.4 / 60.5 KB |
//! | 业 | 95.9 / 268.1 KB | 89.8 / 100.7 KB |
//! | 国际消费中心城市 | 79.1 / 99.4 KB | 79.1 / 99.5 KB |
//! | 养老 床位 | 67.5 / 102.2 KB | 67.6 / 94.5 KB |
//! | 的 | 110.9 / 222.7 KB | 103.7 / 118.8 KB |
//! | 发展 | 80.7 / 164.7 KB | 75.9 / 82.2 KB |
//! | 服务 | 84.5 / 208.1 KB | 75.1 / 82.4 KB |
//! | shards raw (brotli 5), largest | 239.7 MB (33.2 MB), 502 KB | 164.4 MB (26.0 MB), 169 KB |
//! | common postings / ranked files raw | | 75.5 MB / 12.5 MB |
//! | search index build (release, timed again) / data build | 55.6 s / 81.4 s | 59.8–73.5 s / 96.8–100.6 s (two runs) |
//!
//! Of what 业 fetches now, the index files (its shard and ranked file) are 4.1 / 6.8 KB and
//! the rest is the 41 chunks holding its hits; before, its shard alone was 10.2 / 174.2 KB.
//! Its ranked file is 9.4 KB raw, 1.7 KB brotli (unlike postings, ranked files are not
//! repeats of the synthetic copies: measured and estimated agree).
//!
//! # Shards
//!
//! A key lives in shard `fnv1a(key) % shards`. The builder picks `shards`, a power of two,
//! so that the average shard stays under [`SHARD_TARGET_BYTES`] of JSON. Measured on the
//! real corpus (11 documents, 2 469 entries, 35 808 keys, 2.5 MB of shards in all), brotli
//! bytes of shards fetched for 养老 / 业 / 国际消费中心城市 / 养老 床位:
//!
//! | shards | mean shard raw | largest raw | shard bytes a query fetches (brotli) |
//! |---|---|---|---|
//! | 128 | 19.6 KB | 31.6 KB | 6.1 / 7.7 / 27.5 / 14.9 KB |
//! | 256 | 9.8 KB | 21.1 KB | 3.8 / 4.4 / 15.3 / 9.3 KB |
//! | **512** | 4.9 KB | 15.0 KB | 2.6 / 2.6 / 9.6 / 4.4 KB |
//! | 1024 | 2.5 KB | 12.7 KB | 1.4 / 1.7 / 6.8 / 2.5 KB |
//!
//! 8 KB gives 512: past it the largest shards are single common keys (服务 is 8.7 KB) and
//! each halving of the bytes doubles the files. A query fetches at most one shard per key.
//! (Measured before common keys; with them the real corpus still has 512 shards, the
//! largest 14.7 KB raw. The shards' size counts what stays in them.)

use crate::files::{DepartmentsFile, RecordFile};
use crate::lists::{ListKind, Listed, Members};
use crate::search::{is_separator, rank, record_entries, terms, text_entries, Entry, Kind, Ranked};
use crate::wire::{Department, Document, Facts, Field, Index, Project, Target};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// `data/search/manifest.json`.
pub const MANIFEST: &str = "search/manifest.json";

/// The file of shard `i`, under `data/`.
pub fn shard_file(i: u32) -> String {
    format!("search/{i}.json")
}

/// `data/search/text/<c>.json` ([`TextChunk`]): the document text entries `c * TEXT_CHUNK ..`.
pub const TEXT_DIR: &str = "search/text";

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

/// The text chunk files of a corpus, numbered from 0.
pub fn text_chunks(corpus: &Corpus) -> Vec<TextChunk> {
    let texts: Vec<&Entry> = corpus
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Text)
        .collect();
    texts
        .chunks(TEXT_CHUNK as usize)
        .enumerate()
        .map(|(c, es)| TextChunk {
            schema_version: crate::SCHEMA_VERSION,
            start: c as u32 * TEXT_CHUNK,
            entries: es
                .iter()
                .map(|e| TextEntry {
                    doc: e.doc.clone(),
                    anchor: e.anchor.clone(),
                    title: e.title.clone(),
                    text: e.text.clone(),
                })
                .collect(),
        })
        .collect()
}

/// The average shard size (bytes of JSON) the builder keeps under: 512 shards for today's
/// corpus, averaging 4.9 KB raw and 1.7 KB brotli (see the table above).
pub const SHARD_TARGET_BYTES: usize = 8 * 1024;

/// A bigram with more positions than this over every text and title run is split: its
/// postings keep only counts, and its positions are in the trigrams that hold it (see the
/// module documentation for the measurements behind the number).
pub const SPLIT_POSITIONS: u32 = 2048;

/// Most shards the builder makes, whatever the corpus: beyond this, the per-file overhead
/// of requests outweighs the bytes saved.
const MAX_SHARDS: u32 = 1 << 14;

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

/// The entries of the whole corpus, in search order, and the ranges that say where each
/// comes from. Both the index and the brute-force search run over these.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub entries: Vec<Entry>,
    pub ranges: Vec<EntryRange>,
}

/// The entries the app's search builds today: every record (from `facts`), then every
/// document part (`part(file)` gives the part `index` names) with its document's short
/// title. Parts that `part` does not give are left out.
pub fn corpus<'a>(
    facts: &Facts,
    index: &Index,
    part: impl Fn(&str) -> Option<&'a Document>,
) -> Corpus {
    // Records in list order, so that a record's entry number, less its range's start, is
    // its place in its kind's list (`lists`): the text filter of the list pages reads it so.
    let (fields, projects, targets) = (
        Field::in_order(facts, index),
        Project::in_order(facts, index),
        Target::in_order(facts, index),
    );
    let mut entries = record_entries(&fields, &projects, &targets, &facts.departments);
    let list = |kind: Kind, list: ListKind, count: usize| EntryRange {
        kind,
        file: format!("lists/{}", list.dir()),
        count: count as u32,
        chunk: crate::lists::CHUNK,
    };
    // The order of `record_entries`.
    let mut ranges: Vec<EntryRange> = vec![
        list(Kind::Target, ListKind::Targets, targets.len()),
        list(Kind::Project, ListKind::Projects, projects.len()),
        list(Kind::Field, ListKind::Fields, fields.len()),
        EntryRange {
            kind: Kind::Department,
            file: DepartmentsFile::PATH.to_string(),
            count: facts.departments.len() as u32,
            chunk: 0,
        },
    ];
    // Every paragraph and table row, in the order of `index.json`'s documents and parts:
    // one range, in chunk files of `TEXT_CHUNK` entries, so that a hit's snippet costs one
    // small file, not its document's part.
    let mut text = 0usize;
    for d in &index.documents {
        for span in &d.parts {
            let Some(doc) = part(&span.file) else {
                continue;
            };
            let more = text_entries(doc, &d.short_title);
            text += more.len();
            entries.extend(more);
        }
    }
    ranges.push(EntryRange {
        kind: Kind::Text,
        file: TEXT_DIR.to_string(),
        count: text as u32,
        chunk: TEXT_CHUNK,
    });
    Corpus { entries, ranges }
}

/// Whether a character can be part of a key: a term never holds a separator.
fn indexable(c: char) -> bool {
    !is_separator(c)
}

/// How a key's postings are written: with positions (bigrams that are not split, and
/// trigrams), or only a count per entry and no positions in titles (single characters and
/// split bigrams: a term that is the key itself needs no position check).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Counted,
    Positioned,
}

/// The keys of a folded text: `(key, position, shape)` for every single character, every
/// bigram and every trigram with a split bigram in it, in text order.
fn keys_of(folded: &[char], split: &Split) -> Vec<(String, u32, Shape)> {
    let mut out = Vec::new();
    for (i, &c) in folded.iter().enumerate() {
        if !indexable(c) {
            continue;
        }
        out.push((c.to_string(), i as u32, Shape::Counted));
        let Some(&next) = folded.get(i + 1).filter(|n| indexable(**n)) else {
            continue;
        };
        let first_split = split.has(c, next);
        let shape = if first_split {
            Shape::Counted
        } else {
            Shape::Positioned
        };
        out.push(([c, next].iter().collect(), i as u32, shape));
        if let Some(&third) = folded.get(i + 2).filter(|t| indexable(**t)) {
            if first_split || split.has(next, third) {
                out.push((
                    [c, next, third].iter().collect(),
                    i as u32,
                    Shape::Positioned,
                ));
            }
        }
    }
    out
}

/// The split bigrams of a build.
#[derive(Default)]
struct Split(std::collections::HashSet<(char, char)>);

impl Split {
    fn has(&self, a: char, b: char) -> bool {
        self.0.contains(&(a, b))
    }
}

/// Postings being built: the arrays and the last entry (or run start) written to each.
#[derive(Default)]
struct Builder {
    postings: Postings,
    last_entry: u32,
    last_run: u32,
}

/// Appends one entry's (or run's) occurrences of every key it holds.
fn add(
    builders: &mut BTreeMap<String, Builder>,
    folded: &[char],
    split: &Split,
    at: u32,
    run_len: Option<u32>,
) {
    let mut by_key: HashMap<String, (Shape, Vec<u32>)> = HashMap::new();
    for (key, pos, shape) in keys_of(folded, split) {
        by_key.entry(key).or_insert((shape, Vec::new())).1.push(pos);
    }
    for (key, (shape, positions)) in by_key {
        let len = key.chars().count() as u32;
        let b = builders.entry(key).or_default();
        let (list, last) = match run_len {
            None => (&mut b.postings.0, &mut b.last_entry),
            Some(_) => (&mut b.postings.1, &mut b.last_run),
        };
        list.push(at - *last);
        *last = at;
        match (run_len, shape) {
            // A text's count: occurrences as `str::matches` counts them (a split bigram
            // such as 哈哈 overlaps itself in 哈哈哈).
            (None, Shape::Counted) => list.push(non_overlapping(&positions, len)),
            (Some(len), Shape::Counted) => list.push(len),
            (None, Shape::Positioned) => list.push(positions.len() as u32),
            (Some(len), Shape::Positioned) => {
                list.push(len);
                list.push(positions.len() as u32);
            }
        }
        if shape == Shape::Positioned {
            let mut prev = 0;
            for p in positions {
                list.push(p - prev);
                prev = p;
            }
        }
    }
}

/// The entries' texts and titles as the index sees them: each text, and each title once per
/// run of consecutive entries that share it, as `(folded characters, entry or run start,
/// run length for a title)`.
fn indexed_texts(corpus: &Corpus) -> impl Iterator<Item = (Vec<char>, u32, Option<u32>)> + '_ {
    let mut run_start = 0usize;
    corpus.entries.iter().enumerate().flat_map(move |(i, e)| {
        let mut out = vec![(e.folded_text.chars().collect(), i as u32, None)];
        // A title is indexed once per run of consecutive entries that share it.
        let next_differs = corpus
            .entries
            .get(i + 1)
            .is_none_or(|n| n.folded_title != e.folded_title);
        if next_differs {
            out.push((
                e.folded_title.chars().collect(),
                run_start as u32,
                Some((i + 1 - run_start) as u32),
            ));
            run_start = i + 1;
        }
        out
    })
}

/// The bigrams with more than `split_positions` positions over every text and title run.
fn split_bigrams(corpus: &Corpus, split_positions: u32) -> Split {
    let mut counts: HashMap<(char, char), u32> = HashMap::new();
    for (folded, _, _) in indexed_texts(corpus) {
        for w in folded.windows(2) {
            if let [a, b] = *w {
                if indexable(a) && indexable(b) {
                    *counts.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    Split(
        counts
            .into_iter()
            .filter(|&(_, n)| n > split_positions)
            .map(|(k, _)| k)
            .collect(),
    )
}

/// A built index: what `cargo xtask data` writes under `data/search/` (but the text chunks,
/// [`text_chunks`]).
#[derive(Debug, Clone)]
pub struct Built {
    pub manifest: Manifest,
    pub shards: Vec<Shard>,
    /// The common keys' postings, one [`Shard`] a key and a kind ([`common_file_of`]).
    pub common: Vec<Shard>,
    /// The common keys' ranked answers, `n` at index `n`.
    pub top: Vec<Top>,
    /// The common keys' matches in each record kind's list: `(file, places)`, the file as
    /// [`list_matches_files_for`] names it.
    pub lists: Vec<(String, Members)>,
}

/// Builds the manifest and the shards over `corpus`, with as many shards (a power of two)
/// as keep the average shard under `target_bytes` of JSON, splitting every bigram with more
/// than `split_positions` positions, and making every count-only key with more than
/// `common_integers` integers of postings common (its postings and its ranked answer in
/// files of their own).
pub fn build(
    corpus: &Corpus,
    target_bytes: usize,
    split_positions: u32,
    common_integers: usize,
) -> Built {
    let split = split_bigrams(corpus, split_positions);
    let mut builders: BTreeMap<String, Builder> = BTreeMap::new();
    for (folded, at, run_len) in indexed_texts(corpus) {
        add(&mut builders, &folded, &split, at, run_len);
    }
    // Count-only keys (a single character, a split bigram) with long postings are common.
    let counted = |k: &str| {
        let mut c = k.chars();
        match (c.next(), c.next(), c.next()) {
            (Some(_), None, _) => true,
            (Some(a), Some(b), None) => split.has(a, b),
            _ => false,
        }
    };
    let mut keys: Vec<(String, Postings)> = Vec::new();
    let mut common: Vec<(String, Postings)> = Vec::new();
    for (k, b) in builders {
        let p = b.postings;
        if counted(&k) && p.0.len() + p.1.len() > common_integers {
            common.push((k, p));
        } else {
            keys.push((k, p));
        }
    }
    // Each common key's postings, a file a kind, and the bytes of its text file.
    let by_kind: Vec<Vec<Shard>> = common
        .iter()
        .enumerate()
        .map(|(n, (key, postings))| {
            kinds_of(&corpus.ranges)
                .into_iter()
                .map(|kind| Shard {
                    schema_version: crate::SCHEMA_VERSION,
                    shard: n as u32,
                    keys: BTreeMap::from([(
                        key.clone(),
                        postings_in(postings, &spans_of(&corpus.ranges, kind)),
                    )]),
                    common: BTreeMap::new(),
                    kind: Some(kind),
                })
                .collect()
        })
        .collect();
    // As written: the JSON and its newline.
    let text_bytes: Vec<u32> = by_kind
        .iter()
        .map(|files| {
            files
                .iter()
                .filter(|s| s.kind == Some(Kind::Text))
                .map(|s| serde_json::to_string(s).map_or(0, |j| j.len() as u32 + 1))
                .sum()
        })
        .collect();
    // What stays in the shards: the postings, and a number per common key.
    let total: usize = keys
        .iter()
        .map(|(k, p)| serde_json::to_string(&(k, p)).map_or(0, |s| s.len()))
        .chain(common.iter().enumerate().map(|(n, (k, _))| {
            serde_json::to_string(&(k, (n, text_bytes[n]))).map_or(0, |s| s.len())
        }))
        .sum();
    let mut shards = 1u32;
    while total.div_ceil(shards as usize) > target_bytes.max(1) && shards < MAX_SHARDS {
        shards *= 2;
    }
    let mut files: Vec<Shard> = (0..shards)
        .map(|i| Shard {
            schema_version: crate::SCHEMA_VERSION,
            shard: i,
            keys: BTreeMap::new(),
            common: BTreeMap::new(),
            kind: None,
        })
        .collect();
    for (k, p) in keys {
        if let Some(s) = files.get_mut(shard_of(&k, shards) as usize) {
            s.keys.insert(k, p);
        }
    }
    for (n, (k, _)) in common.iter().enumerate() {
        if let Some(s) = files.get_mut(shard_of(k, shards) as usize) {
            s.common.insert(k.clone(), (n as u32, text_bytes[n]));
        }
    }
    let mut split: Vec<String> = split
        .0
        .iter()
        .map(|(a, b)| [*a, *b].iter().collect())
        .collect();
    split.sort();
    let manifest = Manifest {
        schema_version: crate::SCHEMA_VERSION,
        shards,
        split,
        ranges: corpus.ranges.clone(),
    };
    // Each common key's answer, ranked from its postings as `search` ranks a query of it,
    // and its matches in each record kind's list.
    let mut top = Vec::with_capacity(common.len());
    let mut lists = Vec::new();
    for (n, (key, postings)) in common.iter().enumerate() {
        let found = [find_term(&manifest, key, &|k| {
            (k == key).then_some(postings).into_iter().collect()
        })];
        let groups = ranked(&manifest, &found, usize::MAX, &Kind::ALL);
        for (kind, file) in list_matches_files(&manifest, n as u32) {
            let start = list_range(&manifest, kind).map_or(0, |(start, _)| start);
            let mut ordinals: Vec<u32> = groups
                .iter()
                .filter(|g| g.kind == kind)
                .flat_map(|g| g.hits.iter().filter_map(|(e, _)| e.checked_sub(start)))
                .collect();
            ordinals.sort();
            ordinals.dedup();
            lists.push((file, Members::of(&ordinals)));
        }
        top.push(Top {
            schema_version: crate::SCHEMA_VERSION,
            key: key.clone(),
            groups: groups
                .into_iter()
                .map(|g| TopGroup {
                    kind: g.kind,
                    total: g.total as u32,
                    hits: g
                        .hits
                        .iter()
                        .take(TOP_HITS)
                        .flat_map(|&(e, s)| [e, s])
                        .collect(),
                })
                .collect(),
        });
    }
    let common = by_kind.into_iter().flatten().collect();
    Built {
        manifest,
        shards: files,
        common,
        top,
        lists,
    }
}

/// The kinds of entries the ranges hold, in search order, each once.
fn kinds_of(ranges: &[EntryRange]) -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| ranges.iter().any(|r| r.kind == *k))
        .collect()
}

/// Those of `kinds` that the manifest's entries hold, in search order.
fn kinds_in(manifest: &Manifest, kinds: &[Kind]) -> Vec<Kind> {
    kinds_of(&manifest.ranges)
        .into_iter()
        .filter(|k| kinds.contains(k))
        .collect()
}

/// The entries `[start, end)` of each range of `kind`, ascending.
fn spans_of(ranges: &[EntryRange], kind: Kind) -> Vec<(u32, u32)> {
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

/// The part of a count-only key's postings that lies in `spans` (ascending): its texts
/// there and its title runs cut to them, encoded as the module documentation says.
fn postings_in(p: &Postings, spans: &[(u32, u32)]) -> Postings {
    let inside = |e: u32| spans.iter().any(|&(s, end)| s <= e && e < end);
    let mut text = Vec::new();
    let mut last = 0u32;
    for (e, n, _) in decode_list(&p.0, false, false) {
        if inside(e) {
            text.extend([e - last, n]);
            last = e;
        }
    }
    let mut titles = Vec::new();
    let mut last = 0u32;
    for (start, len, _) in decode_list(&p.1, true, false) {
        let end = start.saturating_add(len);
        for &(a, b) in spans {
            let (s, e) = (start.max(a), end.min(b));
            if s < e {
                titles.extend([s - last, e - s]);
                last = s;
            }
        }
    }
    Postings(text, titles)
}

/// The keys that find a term, each with its offset in the term, which together cover every
/// character: a term of one or two characters is its own key; a longer one is covered from
/// the start by the trigram at each offset when it is a key (one of its pairs is split: the
/// next offset is three on), else the bigram (two on), and a split last pair by the
/// trigram that ends the term. With no split bigram: offsets 0, 2, 4, … and the last pair.
fn term_keys(manifest: &Manifest, term: &str) -> Vec<(u32, String)> {
    let chars: Vec<char> = term.chars().collect();
    let n = chars.len();
    if n <= 2 {
        return vec![(0, term.to_string())];
    }
    let key = |o: usize, len: usize| (o as u32, chars[o..o + len].iter().collect::<String>());
    let split = |o: usize| manifest.is_split(&key(o, 2).1);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if i + 3 <= n && (split(i) || split(i + 1)) {
            out.push(key(i, 3));
            i += 3;
        } else {
            // A pair at `i`, or the last pair when one character is left.
            let at = i.min(n - 2);
            out.push(if split(at) { key(n - 3, 3) } else { key(at, 2) });
            i = at + 2;
        }
    }
    out
}

/// The shard numbers a query needs, ascending, without repeats.
pub fn shards_for(manifest: &Manifest, query: &str) -> Vec<u32> {
    let mut shards: Vec<u32> = terms(query)
        .iter()
        .flat_map(|t| term_keys(manifest, t))
        .map(|(_, k)| shard_of(&k, manifest.shards))
        .collect();
    shards.sort();
    shards.dedup();
    shards
}

/// The shard files (paths under `data/`) a query needs; none for an empty query.
pub fn shard_files(manifest: &Manifest, query: &str) -> Vec<String> {
    shards_for(manifest, query)
        .into_iter()
        .map(shard_file)
        .collect()
}

/// What a query needs once its shards are in, as their `common` maps say: the ranked file
/// of its one common key, or the postings of the common keys its terms need.
#[derive(Debug, Default, PartialEq)]
struct Plan {
    top: Option<u32>,
    /// `(key, n)`, each once.
    common: Vec<(String, u32)>,
    /// The bytes of the text postings of those common keys.
    text_bytes: u64,
}

/// Whether a term is looked up as one count-only key (a single character, a split bigram).
fn is_counted(manifest: &Manifest, term: &str) -> bool {
    let len = term.chars().count();
    len < 2 || (len == 2 && manifest.is_split(term))
}

/// A common key's number and the bytes of its text postings, as its shard (among
/// `shards`) names it; None for a key that is not common.
fn common_key<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    key: &str,
) -> Option<(u32, u32)> {
    let n = shard_of(key, manifest.shards);
    shards
        .iter()
        .map(|s| s.borrow())
        .find(|s| s.shard == n)
        .and_then(|s| s.common.get(key).copied())
}

fn plan<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    query: &str,
    per_group: usize,
) -> Plan {
    let common_of = |key: &str| common_key(manifest, shards, key);
    let terms = terms(query);
    let mut out = Plan::default();
    if let [term] = terms.as_slice() {
        if per_group <= TOP_HITS && is_counted(manifest, term) {
            if let Some((n, _)) = common_of(term) {
                out.top = Some(n);
                return out;
            }
        }
    }
    for t in &terms {
        for (_, key) in term_keys(manifest, t) {
            if let Some((n, bytes)) = common_of(&key) {
                if !out.common.iter().any(|(_, m)| *m == n) {
                    out.common.push((key, n));
                    out.text_bytes += u64::from(bytes);
                }
            }
        }
    }
    out
}

/// The kinds a search page answers at once: every kind, but the document text when the
/// text postings of the common keys the query needs are more than [`TEXT_AT_ONCE_BYTES`]
/// (a query of several very common terms, at a library of hundreds of documents). The page
/// then offers to search the text; its answer of the other kinds is complete.
pub fn kinds_at_once<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    query: &str,
    per_group: usize,
) -> Vec<Kind> {
    let plan = plan(manifest, shards, query, per_group);
    kinds_of(&manifest.ranges)
        .into_iter()
        .filter(|k| *k != Kind::Text || plan.text_bytes <= u64::from(TEXT_AT_ONCE_BYTES))
        .collect()
}

/// The ranked file ([`top_file`]) a query needs once its shards (`shards`, those
/// [`shards_for`] names) are in: for a query of one term that is a common key, when it
/// shows at most [`TOP_HITS`] hits a kind. Then no postings file is needed.
pub fn top_file_for<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    query: &str,
    per_group: usize,
) -> Option<String> {
    plan(manifest, shards, query, per_group).top.map(top_file)
}

/// The postings files ([`common_file`]) a query answered for `kinds` needs once its
/// shards are in: those of the common keys its terms need, of those kinds, unless a ranked
/// file answers it ([`top_file_for`]).
pub fn common_files_for<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    query: &str,
    per_group: usize,
    kinds: &[Kind],
) -> Vec<String> {
    let kinds = kinds_in(manifest, kinds);
    plan(manifest, shards, query, per_group)
        .common
        .into_iter()
        .flat_map(|(_, n)| kinds.iter().map(move |&k| common_file(n, k)))
        .collect()
}

/// The first entry of `kind`'s list (`lists`) and the number of its records: its range in
/// the manifest. None for a kind without a chunked list.
fn list_range(manifest: &Manifest, kind: Kind) -> Option<(u32, &EntryRange)> {
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
fn list_matches_file(n: u32, range: &EntryRange) -> String {
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

/// The common key a term is, if any: a term of one or two characters is looked up as
/// itself, a longer one through keys with positions, which are never common.
fn common_term<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    term: &str,
) -> Option<u32> {
    if !is_counted(manifest, term) {
        return None;
    }
    common_key(manifest, shards, term).map(|(n, _)| n)
}

/// The files a list page's text filter of `kind` reads once its shards are in: for each
/// term of the query that is a common key, that key's matches in the list, never its
/// postings (which a common key's matches in every kind and every text make large).
pub fn list_matches_files_for<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    query: &str,
    kind: Kind,
) -> Vec<String> {
    let Some((_, range)) = list_range(manifest, kind) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for term in terms(query) {
        if let Some(n) = common_term(manifest, shards, &term) {
            let file = list_matches_file(n, range);
            if !out.contains(&file) {
                out.push(file);
            }
        }
    }
    out
}

/// Why the index could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchError {
    /// A shard the query needs was not passed in.
    MissingShard(u32),
    /// A common key's file (postings or ranked answer) the query needs was not passed in.
    MissingFile(String),
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SearchError::MissingShard(i) => write!(f, "搜索索引不完整（缺少 {}）", shard_file(*i)),
            SearchError::MissingFile(file) => write!(f, "搜索索引不完整（缺少 {file}）"),
        }
    }
}

/// One key's decoded postings: per entry (or per title run) the positions, or for a single
/// character only the count (as `positions.len()` would be, kept in `count`).
#[derive(Default)]
struct Decoded {
    /// `(entry, count, positions)`, entries ascending.
    text: Vec<(u32, u32, Vec<u32>)>,
    /// `(run start, run length, positions)`, starts ascending.
    titles: Vec<(u32, u32, Vec<u32>)>,
}

/// Reads a flat array into `(entry or run start, count or run length, positions)`: text
/// arrays carry a count (`with_len` false), title arrays a run length; bigrams carry
/// positions. A truncated or malformed array yields what was read before the fault, never
/// a panic.
fn decode_list(list: &[u32], with_len: bool, with_positions: bool) -> Vec<(u32, u32, Vec<u32>)> {
    let mut out = Vec::new();
    let mut it = list.iter().copied();
    let mut at: u32 = 0;
    while let Some(delta) = it.next() {
        at = at.saturating_add(delta);
        // A text array's count, or a title run's length.
        let Some(second) = it.next() else { break };
        let mut positions = Vec::new();
        if with_positions {
            // In a text array `second` was the count of positions; a title run's count
            // follows its length.
            let n = if with_len {
                let Some(n) = it.next() else { break };
                n
            } else {
                second
            };
            let mut p: u32 = 0;
            for _ in 0..n {
                let Some(d) = it.next() else { break };
                p = p.saturating_add(d);
                positions.push(p);
            }
        }
        out.push((at, second, positions));
    }
    out
}

fn decode(p: &Postings, positions: bool) -> Decoded {
    Decoded {
        text: decode_list(&p.0, false, positions),
        titles: decode_list(&p.1, true, positions),
    }
}

/// Where one term occurs.
#[derive(Default)]
struct TermMatches {
    /// Entry → non-overlapping occurrences in its text (only entries with some).
    text: BTreeMap<u32, u32>,
    /// Runs of entries whose title holds the term: start → end (past the last).
    titles: BTreeMap<u32, u32>,
}

impl TermMatches {
    fn in_title(&self, e: u32) -> bool {
        self.titles
            .range(..=e)
            .next_back()
            .is_some_and(|(_, &end)| e < end)
    }

    fn has(&self, e: u32) -> bool {
        self.text.contains_key(&e) || self.in_title(e)
    }

    /// How many entries this term matches (a bound; used to start from the rarest term).
    fn size(&self) -> u64 {
        self.text.len() as u64
            + self
                .titles
                .iter()
                .map(|(&s, &e)| u64::from(e - s))
                .sum::<u64>()
    }

    /// Every entry this term matches, ascending.
    fn entries(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self.text.keys().copied().collect();
        for (&s, &e) in &self.titles {
            out.extend(s..e);
        }
        out.sort();
        out.dedup();
        out
    }
}

/// Starts of a term in one text or title: the positions of the first key where every other
/// key sits at its offset.
fn starts(first: &[u32], others: &[(u32, &[u32])]) -> Vec<u32> {
    first
        .iter()
        .copied()
        .filter(|&p| {
            others
                .iter()
                .all(|(o, ps)| ps.binary_search(&p.saturating_add(*o)).is_ok())
        })
        .collect()
}

/// Non-overlapping occurrences, leftmost first, as `str::matches` counts them.
fn non_overlapping(starts: &[u32], len: u32) -> u32 {
    let mut count = 0;
    let mut next = 0;
    for &p in starts {
        if p >= next {
            count += 1;
            next = p.saturating_add(len);
        }
    }
    count
}

/// Finds one term through its keys' postings.
/// `lookup` gives a key's postings: one list, or for a common key one a kind.
fn find_term<'a>(
    manifest: &Manifest,
    term: &str,
    lookup: &dyn Fn(&str) -> Vec<&'a Postings>,
) -> TermMatches {
    let len = term.chars().count() as u32;
    let mut out = TermMatches::default();
    // A single character or a split bigram: the term is the key, its counts are the answer.
    if len < 2 || (len == 2 && manifest.is_split(term)) {
        for p in lookup(term) {
            let d = decode(p, false);
            out.text.extend(
                d.text
                    .iter()
                    .filter(|(_, n, _)| *n > 0)
                    .map(|(e, n, _)| (*e, *n)),
            );
            out.titles
                .extend(d.titles.iter().map(|(s, l, _)| (*s, s.saturating_add(*l))));
        }
        return out;
    }
    let decoded: Vec<(u32, Decoded)> = term_keys(manifest, term)
        .iter()
        .map(|(o, k)| {
            (
                *o,
                lookup(k)
                    .first()
                    .map(|p| decode(p, true))
                    .unwrap_or_default(),
            )
        })
        .collect();
    let Some(((_, first), rest)) = decoded.split_first() else {
        return out;
    };
    // Positions of the other keys in one entry (or run), looked up by binary search.
    let find = |list: &[(u32, u32, Vec<u32>)], at: u32| -> Option<usize> {
        list.binary_search_by_key(&at, |(e, _, _)| *e).ok()
    };
    for (e, _, positions) in &first.text {
        let others: Option<Vec<(u32, &[u32])>> = rest
            .iter()
            .map(|(o, d)| find(&d.text, *e).map(|i| (*o, d.text[i].2.as_slice())))
            .collect();
        let Some(others) = others else { continue };
        let n = non_overlapping(&starts(positions, &others), len);
        if n > 0 {
            out.text.insert(*e, n);
        }
    }
    for (s, l, positions) in &first.titles {
        let others: Option<Vec<(u32, &[u32])>> = rest
            .iter()
            .map(|(o, d)| find(&d.titles, *s).map(|i| (*o, d.titles[i].2.as_slice())))
            .collect();
        let Some(others) = others else { continue };
        if !starts(positions, &others).is_empty() {
            out.titles.insert(*s, s.saturating_add(*l));
        }
    }
    out
}

impl Manifest {
    /// Whether `bigram` is split (its postings hold counts, not positions).
    pub fn is_split(&self, bigram: &str) -> bool {
        self.split
            .binary_search_by(|s| s.as_str().cmp(bigram))
            .is_ok()
    }

    /// The kind of each entry: `(end, kind)` per range, ends ascending.
    fn kind_ends(&self) -> Vec<(u32, Kind)> {
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

/// The hits of `query` of the `kinds` asked for, grouped and ranked exactly as
/// `search::search` ranks the corpus's entries (same groups, totals, scores and order),
/// each hit an entry number. `shards` must hold every shard [`shards_for`] names, then
/// `top` the file [`top_file_for`] names, if any, else `common` every file
/// [`common_files_for`] names for those kinds (others are ignored).
pub fn search<S: std::borrow::Borrow<Shard>>(
    manifest: &Manifest,
    shards: &[S],
    common: &[S],
    top: Option<&Top>,
    query: &str,
    per_group: usize,
    kinds: &[Kind],
) -> Result<Vec<Ranked<u32>>, SearchError> {
    let terms = terms(query);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let mut by_number: HashMap<u32, &Shard> = HashMap::new();
    for s in shards {
        let s = s.borrow();
        by_number.insert(s.shard, s);
    }
    for n in shards_for(manifest, query) {
        if !by_number.contains_key(&n) {
            return Err(SearchError::MissingShard(n));
        }
    }
    let plan = plan(manifest, shards, query, per_group);
    if let Some(n) = plan.top {
        // The one term's answer, as built: the first `per_group` hits of each kind.
        let top = top
            .filter(|t| terms.first() == Some(&t.key))
            .ok_or_else(|| SearchError::MissingFile(top_file(n)))?;
        return Ok(top
            .groups
            .iter()
            .filter(|g| kinds.contains(&g.kind))
            .map(|g| Ranked {
                kind: g.kind,
                total: g.total as usize,
                hits: g
                    .hits
                    .chunks_exact(2)
                    .take(per_group)
                    .map(|h| (h[0], h[1]))
                    .collect(),
            })
            .collect());
    }
    // A common key's postings: in the one-key shards passed for it, one a kind.
    let kinds = kinds_in(manifest, kinds);
    let passed = |n: u32, kind: Kind| {
        common
            .iter()
            .map(|c| c.borrow())
            .find(|c| c.shard == n && c.kind == Some(kind))
    };
    let mut moved: Vec<(&str, &Postings)> = Vec::new();
    for (key, n) in &plan.common {
        for &kind in &kinds {
            let postings = passed(*n, kind)
                .and_then(|c| c.keys.get(key))
                .ok_or_else(|| SearchError::MissingFile(common_file(*n, kind)))?;
            moved.push((key, postings));
        }
    }
    let lookup = |key: &str| -> Vec<&Postings> {
        match by_number
            .get(&shard_of(key, manifest.shards))
            .and_then(|s| s.keys.get(key))
        {
            Some(p) => vec![p],
            None => moved
                .iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, p)| *p)
                .collect(),
        }
    };
    let found: Vec<TermMatches> = terms
        .iter()
        .map(|t| find_term(manifest, t, &lookup))
        .collect();
    Ok(ranked(manifest, &found, per_group, &kinds))
}

/// The entries of `kinds` every term matches, scored and ranked as `search::search` does.
fn ranked(
    manifest: &Manifest,
    found: &[TermMatches],
    per_group: usize,
    kinds: &[Kind],
) -> Vec<Ranked<u32>> {
    let Some(rarest) = found.iter().min_by_key(|m| m.size()) else {
        return Vec::new();
    };
    let ends = manifest.kind_ends();
    let kind_of = |e: u32| -> Option<Kind> {
        let i = ends.partition_point(|&(end, _)| end <= e);
        ends.get(i).map(|&(_, k)| k)
    };
    let mut scored: Vec<(Kind, u32, u32)> = Vec::new();
    for e in rarest.entries() {
        if !found.iter().all(|m| m.has(e)) {
            continue;
        }
        let Some(kind) = kind_of(e).filter(|k| kinds.contains(k)) else {
            continue;
        };
        let in_title = found.iter().filter(|m| m.in_title(e)).count();
        let occurrences: usize = found
            .iter()
            .map(|m| m.text.get(&e).copied().unwrap_or(0) as usize)
            .sum();
        scored.push((kind, crate::search::score(in_title, occurrences), e));
    }
    rank(scored, per_group)
}

/// The places in `kind`'s list (`lists`) of every record of that kind matching `query`,
/// ascending: the text filter of a list page. None when the query has no terms (no filter).
/// A record matches when it holds every term, so these are the places that each term's
/// matches share: a common key's from its file in `matches` (`(file, matches)`, the files
/// [`list_matches_files_for`] names), another term's from `shards` (as for [`search`]).
pub fn text_ordinals<S: std::borrow::Borrow<Shard>, M: std::borrow::Borrow<Members>>(
    manifest: &Manifest,
    shards: &[S],
    matches: &[(String, M)],
    query: &str,
    kind: Kind,
) -> Result<Option<Vec<u32>>, SearchError> {
    let terms = terms(query);
    if terms.is_empty() {
        return Ok(None);
    }
    let Some((start, range)) = list_range(manifest, kind) else {
        return Ok(Some(Vec::new()));
    };
    let none: &[S] = &[];
    let mut out: Option<Vec<u32>> = None;
    for term in &terms {
        let places = match common_term(manifest, shards, term) {
            Some(n) => {
                let file = list_matches_file(n, range);
                let (_, m) = matches
                    .iter()
                    .find(|(f, _)| *f == file)
                    .ok_or(SearchError::MissingFile(file))?;
                m.borrow().ordinals(range.count)
            }
            None => {
                let groups = search(manifest, shards, none, None, term, usize::MAX, &[kind])?;
                let mut places: Vec<u32> = groups
                    .iter()
                    .flat_map(|g| g.hits.iter().filter_map(|(e, _)| e.checked_sub(start)))
                    .collect();
                places.sort();
                places.dedup();
                places
            }
        };
        out = Some(match out {
            None => places,
            Some(before) => before
                .into_iter()
                .filter(|o| places.binary_search(o).is_ok())
                .collect(),
        });
    }
    Ok(out)
}

/// The files (paths under `data/`) that hold the entries of the hits shown, each once, in
/// the order of first use: fetch these to build titles and snippets.
pub fn hit_files(manifest: &Manifest, groups: &[Ranked<u32>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for g in groups {
        for (e, _) in &g.hits {
            if let Some(l) = manifest.locate(*e) {
                if !out.contains(&l.file) {
                    out.push(l.file);
                }
            }
        }
    }
    out
}

impl Built {
    /// The shards of `query`'s keys, and their files (paths under `data/`).
    fn query_shards(&self, query: &str) -> (Vec<&Shard>, Vec<String>) {
        let numbers = shards_for(&self.manifest, query);
        let shards = numbers
            .iter()
            .filter_map(|&n| self.shards.get(n as usize))
            .collect();
        (shards, numbers.into_iter().map(shard_file).collect())
    }

    /// The files named (paths under `data/`) among the common keys' postings.
    fn common_named(&self, files: &[String]) -> Vec<&Shard> {
        self.common
            .iter()
            .filter(|c| files.contains(&common_file_of(c)))
            .collect()
    }

    /// Answers `query` for `kinds` as the app does, from only the files it would fetch: the
    /// shards of its keys, then the ranked file or the common postings of those kinds they
    /// name. Gives the hits and those files (paths under `data/`), in that order.
    pub fn answer(
        &self,
        query: &str,
        per_group: usize,
        kinds: &[Kind],
    ) -> Result<(Vec<Ranked<u32>>, Vec<String>), SearchError> {
        let (shards, mut files) = self.query_shards(query);
        let plan = plan(&self.manifest, &shards, query, per_group);
        let top = plan.top.and_then(|n| self.top.get(n as usize));
        files.extend(plan.top.map(top_file));
        let postings = common_files_for(&self.manifest, &shards, query, per_group, kinds);
        let common = self.common_named(&postings);
        files.extend(postings);
        let groups = search(
            &self.manifest,
            &shards,
            &common,
            top,
            query,
            per_group,
            kinds,
        )?;
        Ok((groups, files))
    }

    /// What a search page shows at first ([`kinds_at_once`]), as [`Built::answer`] gives it.
    pub fn first_view(
        &self,
        query: &str,
        per_group: usize,
    ) -> Result<(Vec<Ranked<u32>>, Vec<String>), SearchError> {
        let (shards, _) = self.query_shards(query);
        self.answer(
            query,
            per_group,
            &kinds_at_once(&self.manifest, &shards, query, per_group),
        )
    }

    /// The places in `kind`'s list matching `query`, as a list page finds them
    /// ([`text_ordinals`]), from only the files it fetches; and those files (paths under
    /// `data/`): the shards, then the list's matches of the common keys among its terms.
    pub fn ordinals(
        &self,
        query: &str,
        kind: Kind,
    ) -> Result<(Option<Vec<u32>>, Vec<String>), SearchError> {
        let (shards, mut files) = self.query_shards(query);
        let named = list_matches_files_for(&self.manifest, &shards, query, kind);
        let matches: Vec<(String, &Members)> = self
            .lists
            .iter()
            .filter(|(file, _)| named.contains(file))
            .map(|(file, m)| (file.clone(), m))
            .collect();
        files.extend(named);
        let ordinals = text_ordinals(&self.manifest, &shards, &matches, query, kind)?;
        Ok((ordinals, files))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::search as brute;

    fn corpus() -> Corpus {
        let entries = vec![
            Entry::new(
                Kind::Target,
                "d.t-1",
                "d",
                "p-2",
                "养老机构床位",
                "到2022年养老床位达到5万张。",
            ),
            Entry::new(
                Kind::Project,
                "d.p-1",
                "d",
                "p-3",
                "哈哈哈工程",
                "哈哈哈哈哈，ＡＰＰ 5G",
            ),
            Entry::new(
                Kind::Text,
                "d",
                "d",
                "p-1",
                "文件",
                "推进养老服务发展，建设养老机构。",
            ),
            Entry::new(Kind::Text, "d", "d", "p-3", "文件", "发展服务业。养老养老"),
            Entry::new(Kind::Text, "e", "e", "p-1", "养老文件", "别的内容"),
        ];
        let ranges = vec![
            EntryRange {
                kind: Kind::Target,
                file: "t".into(),
                count: 1,
                chunk: 0,
            },
            EntryRange {
                kind: Kind::Project,
                file: "p".into(),
                count: 1,
                chunk: 0,
            },
            EntryRange {
                kind: Kind::Text,
                file: "doc/d.json".into(),
                count: 2,
                chunk: 0,
            },
            EntryRange {
                kind: Kind::Text,
                file: "doc/e.json".into(),
                count: 1,
                chunk: 0,
            },
        ];
        Corpus { entries, ranges }
    }

    /// A group as compared: kind, total, and (entry number, score) per hit.
    type Compared = (Kind, usize, Vec<(usize, u32)>);

    fn check(corpus: &Corpus, target: usize, split: u32, common: usize, query: &str) {
        let built = build(corpus, target, split, common);
        // A few hits a kind (a ranked file answers a common key), and more than a ranked
        // file holds (the common postings do).
        // Every kind, all but the text (a page that puts the text off), one kind (a list's
        // text filter), the text alone.
        let kinds: [&[Kind]; 4] = [
            &Kind::ALL,
            &[Kind::Target, Kind::Project, Kind::Field, Kind::Department],
            &[Kind::Project],
            &[Kind::Text],
        ];
        for (per_group, kinds) in [3, TOP_HITS + 1]
            .into_iter()
            .flat_map(|n| kinds.map(|k| (n, k)))
        {
            let expected: Vec<Compared> = brute(&corpus.entries, query, per_group)
                .into_iter()
                .filter(|g| kinds.contains(&g.kind))
                .map(|g| {
                    let hits = g
                        .hits
                        .iter()
                        .map(|h| {
                            let i = corpus.entries.iter().position(|e| std::ptr::eq(e, h.entry));
                            (i.unwrap_or(usize::MAX), h.score)
                        })
                        .collect();
                    (g.kind, g.total, hits)
                })
                .collect();
            // Only the files the query names, as the app fetches them.
            let got: Vec<Compared> = built
                .answer(query, per_group, kinds)
                .map(|(groups, _)| groups)
                .unwrap_or_default()
                .into_iter()
                .map(|g| {
                    (
                        g.kind,
                        g.total,
                        g.hits.iter().map(|&(e, s)| (e as usize, s)).collect(),
                    )
                })
                .collect();
            assert_eq!(
                got, expected,
                "query {query:?}, {} shards, split over {split}, common over {common}, \
                 {per_group} a kind of {kinds:?}: {:?}",
                built.manifest.shards, built.manifest.split
            );
        }
    }

    #[test]
    fn equals_the_brute_force_search() {
        let c = corpus();
        // Split over 0: every bigram; 1 and 2: those that recur (养老, 哈哈, 床位, …), so that
        // terms mix split and whole bigrams; u32::MAX: none.
        // Common over 0: every count-only key; 4: those of the characters and split bigrams
        // that recur; usize::MAX: none.
        for (split, target, common) in [0, 1, 2, 3, u32::MAX]
            .into_iter()
            .flat_map(|s| [1, 100, 1 << 20].map(|t| (s, t)))
            .flat_map(|(s, t)| [0, 4, usize::MAX].map(|c| (s, t, c)))
        {
            {
                for q in [
                    "养老",
                    "养",
                    "养老 服务",
                    "哈哈",
                    "哈哈哈",
                    "哈哈哈哈",
                    "哈哈哈哈哈",
                    "哈哈哈工程",
                    "app",
                    "ａｐｐ 5g",
                    "pp",
                    "文件",
                    "养老文件",
                    "老文件",
                    "床位 养老",
                    "。养老",
                    "老养",
                    "",
                    "  ",
                    "龘",
                    "龘养老",
                    "养老龘",
                    "养老，服务",
                    "发展服务业。养老养老",
                    // A split bigram at the start, the middle and the end of a term, and a
                    // term that is one trigram.
                    "养老床",
                    "养老床位",
                    "年养老床",
                    "推进养老",
                    "进养老",
                    "构床位",
                    "机构床位",
                    "。养老养老",
                    "老养老",
                    "养老养",
                    "务发展",
                    "服务发展",
                    "务业",
                ] {
                    check(&c, target, split, common, q);
                }
            }
        }
    }

    fn manifest(split: &[&str]) -> Manifest {
        Manifest {
            schema_version: crate::SCHEMA_VERSION,
            shards: 1,
            split: split.iter().map(|s| s.to_string()).collect(),
            ranges: Vec::new(),
        }
    }

    #[test]
    fn keys_cover_every_character() {
        let keys = |m: &Manifest, t: &str| term_keys(m, t);
        let offsets = |t: &str| {
            term_keys(&manifest(&[]), t)
                .into_iter()
                .map(|(o, _)| o)
                .collect::<Vec<_>>()
        };
        assert_eq!(offsets("养"), [0]);
        assert_eq!(offsets("养老"), [0]);
        assert_eq!(offsets("养老床"), [0, 1]);
        assert_eq!(offsets("国际消费中心城市"), [0, 2, 4, 6]);
        assert_eq!(offsets("国际消费中心城"), [0, 2, 4, 5]);
        let k = |pairs: &[(u32, &str)]| -> Vec<(u32, String)> {
            pairs.iter().map(|(o, s)| (*o, s.to_string())).collect()
        };
        let m = manifest(&["中心", "国际", "城市", "消费"]);
        // A split pair at each offset: the trigram there, then on from its end; the split
        // last pair: the trigram that ends the term.
        assert_eq!(
            keys(&m, "国际消费中心城市"),
            k(&[(0, "国际消"), (3, "费中心"), (5, "心城市")])
        );
        assert_eq!(keys(&m, "中心城"), k(&[(0, "中心城")]));
        assert_eq!(keys(&m, "中心"), k(&[(0, "中心")]));
        assert_eq!(keys(&m, "进城市"), k(&[(0, "进城市")]));
        assert_eq!(keys(&m, "推进城市"), k(&[(0, "推进"), (1, "进城市")]));
        assert_eq!(keys(&m, "推进城"), k(&[(0, "推进"), (1, "进城")]));
        assert_eq!(keys(&m, "推进城市x"), k(&[(0, "推进"), (2, "城市x")]));
        // One character left after a trigram, its pair whole or split.
        assert_eq!(keys(&m, "国际消费"), k(&[(0, "国际消"), (1, "际消费")]));
        assert_eq!(keys(&m, "国际消x"), k(&[(0, "国际消"), (2, "消x")]));
        assert_eq!(keys(&m, "国际城市"), k(&[(0, "国际城"), (1, "际城市")]));
    }

    #[test]
    fn split_bigrams_are_counts_and_their_trigrams_positions() {
        let Built {
            manifest, shards, ..
        } = build(&corpus(), 1 << 20, 2, usize::MAX);
        assert_eq!(manifest.split, ["养老", "哈哈"]);
        let json = serde_json::to_string(&shards[0]).unwrap_or_default();
        // 养老 in entries 0, 2 and 3, once, twice and twice; in the title runs [0, 1) and
        // [4, 5). Counts only, as a single character's.
        assert!(
            json.contains(r#""养老":[[0,1,2,2,1,2],[0,1,4,1]]"#),
            "{json}"
        );
        // 哈哈 four times in 哈哈哈哈哈, twice as `str::matches` counts; in 哈哈哈工程 at 0 and 1.
        assert!(json.contains(r#""哈哈":[[1,2],[1,1]]"#), "{json}");
        // The trigrams that hold a split bigram, at either end, with positions; none for 老
        // at the end of a text (养老养老), none with a separator.
        assert!(json.contains(r#""进养老":[[2,1,1]]"#), "{json}");
        assert!(json.contains(r#""老养老":[[3,1,7]]"#), "{json}");
        assert!(!json.contains(r#""老。"#), "{json}");
        assert!(!json.contains(r#""老文件""#), "{json}");
    }

    #[test]
    fn wire_is_compact_and_round_trips() {
        let Built {
            manifest, shards, ..
        } = build(&corpus(), 1 << 20, u32::MAX, usize::MAX);
        assert_eq!(manifest.shards, 1);
        let json = serde_json::to_string(&shards[0]).unwrap_or_default();
        // 养老 occurs in entry 0 at 6, entry 2 at 2 and 11, entry 3 at 6 and 8; in the title
        // runs [0, 1) and [4, 5), at 0 in both.
        assert!(
            json.contains(r#""养老":[[0,1,6,2,2,2,9,1,2,6,2],[0,1,1,0,4,1,1,0]]"#),
            "{json}"
        );
        // A character no title holds: the titles array is left out.
        assert!(json.contains(r#""服":[[2,1,1,1]]"#), "{json}");
        let back: Shard = serde_json::from_str(&json).unwrap_or_else(|_| shards[0].clone());
        assert_eq!(back, shards[0]);
    }

    #[test]
    fn missing_shards_and_locations() {
        let Built {
            manifest, shards, ..
        } = build(&corpus(), 1, u32::MAX, usize::MAX);
        assert!(manifest.shards > 1);
        let none: &[Shard] = &[];
        assert!(matches!(
            search(&manifest, none, none, None, "养老", 3, &Kind::ALL),
            Err(SearchError::MissingShard(_))
        ));
        assert_eq!(
            search(&manifest, none, none, None, "  ", 3, &Kind::ALL),
            Ok(Vec::new())
        );
        assert!(shard_files(&manifest, "").is_empty());
        assert_eq!(shard_files(&manifest, "养老 养老").len(), 1);
        let l = manifest.locate(3);
        assert_eq!(
            l.map(|l| (l.range.file.as_str(), l.k)),
            Some(("doc/d.json", 1))
        );
        assert_eq!(manifest.locate(5), None);
        // The text hit whose title holds the term comes first.
        let groups =
            search(&manifest, &shards, none, None, "养老", 3, &Kind::ALL).unwrap_or_default();
        assert_eq!(
            hit_files(&manifest, &groups),
            ["t", "doc/e.json", "doc/d.json"]
        );
    }

    #[test]
    fn common_keys_move_out_and_are_ranked() {
        // Common over 4 integers: 养 (6 in texts, 4 in titles), 老, 哈, …; not 养老, whose
        // positions are not counts, nor 服 (4).
        let built = build(&corpus(), 1 << 20, u32::MAX, 4);
        let shard = &built.shards[0];
        let json = serde_json::to_string(shard).unwrap_or_default();
        let (n, text_bytes) = shard.common.get("养").copied().unwrap_or((u32::MAX, 0));
        assert!(!shard.keys.contains_key("养"), "{json}");
        assert!(shard.keys.contains_key("养老") && shard.keys.contains_key("服"));
        assert!(
            json.contains(&format!(r#""养":[{n},{text_bytes}]"#)),
            "{json}"
        );
        // Its postings (texts 0, 2 and 3; titles 0 and 4), a file a kind of the corpus, the
        // text's bytes as the shard gives them.
        let of_kind = |kind: Kind| {
            built
                .common
                .iter()
                .find(|c| c.shard == n && c.kind == Some(kind))
                .unwrap()
        };
        let postings = |kind: Kind| of_kind(kind).keys.get("养").cloned();
        assert_eq!(
            postings(Kind::Target),
            Some(Postings(vec![0, 1], vec![0, 1]))
        );
        assert_eq!(postings(Kind::Project), Some(Postings::default()));
        assert_eq!(
            postings(Kind::Text),
            Some(Postings(vec![2, 2, 1, 2], vec![4, 1]))
        );
        assert_eq!(
            built.common.iter().filter(|c| c.shard == n).count(),
            3,
            "target, project, text"
        );
        let text_json = serde_json::to_string(of_kind(Kind::Text)).unwrap_or_default();
        assert_eq!(text_bytes as usize, text_json.len() + 1, "{text_json}");
        // The answer to 养 alone: the target (title and text: 1001), then the texts: 养老文件
        // by its title (1000), then twice in each of two paragraphs, in document order.
        let top = &built.top[n as usize];
        assert_eq!(
            serde_json::to_string(top).unwrap_or_default(),
            format!(
                r#"{{"schema_version":{},"key":"养","groups":[{{"kind":"target","total":1,"hits":[0,1001]}},{{"kind":"text","total":3,"hits":[4,1000,2,2,3,2]}}]}}"#,
                crate::SCHEMA_VERSION
            )
        );
        // What a query fetches: the shard, then the ranked file for the key alone (however
        // written), its postings for more hits than a ranked file holds, or with other terms:
        // of the kinds asked for.
        let all = [Kind::Target, Kind::Project, Kind::Text].map(|k| common_file(n, k));
        let files = |q: &str, per_group: usize, kinds: &[Kind]| {
            built
                .answer(q, per_group, kinds)
                .map(|(_, files)| files)
                .unwrap_or_default()
        };
        let (lao, _) = shard.common.get("老").copied().unwrap_or((u32::MAX, 0));
        assert_eq!(files("养", 3, &Kind::ALL), [shard_file(0), top_file(n)]);
        assert_eq!(
            files(" 养，养 ", TOP_HITS, &Kind::ALL),
            [shard_file(0), top_file(n)]
        );
        assert_eq!(
            files("养", TOP_HITS + 1, &Kind::ALL),
            [vec![shard_file(0)], all.to_vec()].concat()
        );
        assert_eq!(
            files("养", TOP_HITS + 1, &[Kind::Text, Kind::Department]),
            [shard_file(0), common_file(n, Kind::Text)]
        );
        assert_eq!(
            files("养 老", 3, &[Kind::Project]),
            [
                shard_file(0),
                common_file(n, Kind::Project),
                common_file(lao, Kind::Project)
            ]
        );
        assert_eq!(files("养老", 3, &Kind::ALL), [shard_file(0)]);
        assert_eq!(files("养老 服", 3, &Kind::ALL), [shard_file(0)]);
        // The text is put off when the common keys' text postings a query needs are large.
        let at_once = |q: &str| kinds_at_once(&built.manifest, &built.shards, q, 3);
        let every = vec![Kind::Target, Kind::Project, Kind::Text];
        assert_eq!(at_once("养 老"), every);
        assert_eq!(at_once("养"), every, "a ranked file answers it");
        let mut heavy = built.shards.clone();
        for s in &mut heavy {
            for (_, bytes) in s.common.values_mut() {
                *bytes = TEXT_AT_ONCE_BYTES / 2 + 1;
            }
        }
        let at_once = |q: &str| kinds_at_once(&built.manifest, &heavy, q, 3);
        assert_eq!(at_once("养 老"), [Kind::Target, Kind::Project]);
        assert_eq!(at_once("养 养老"), every, "one common key");
        assert_eq!(at_once("养"), every);
        // Without the file the shard names, no answer rather than a wrong one.
        let none: &[Shard] = &[];
        assert_eq!(
            search(
                &built.manifest,
                &built.shards,
                none,
                None,
                "养",
                3,
                &Kind::ALL
            ),
            Err(SearchError::MissingFile(top_file(n)))
        );
        assert_eq!(
            search(
                &built.manifest,
                &built.shards,
                none,
                None,
                "养 老",
                3,
                &Kind::ALL
            ),
            Err(SearchError::MissingFile(common_file(n, Kind::Target)))
        );
        // Every kind's file asked for, and only those.
        let text = [of_kind(Kind::Text).clone()];
        let with_text = |kinds: &[Kind]| {
            search(
                &built.manifest,
                &built.shards,
                &text,
                None,
                "养",
                TOP_HITS + 1,
                kinds,
            )
            .map(|groups| groups.len())
        };
        assert_eq!(
            with_text(&Kind::ALL),
            Err(SearchError::MissingFile(common_file(n, Kind::Target)))
        );
        assert_eq!(with_text(&[Kind::Text]), Ok(1));
        let other = built.top.iter().find(|t| t.key != "养");
        assert!(matches!(
            search(
                &built.manifest,
                &built.shards,
                none,
                other,
                "养",
                3,
                &Kind::ALL
            ),
            Err(SearchError::MissingFile(_))
        ));
        // A list's text filter (the targets in a chunked list) reads each common term's
        // matches in that list, never its postings, and keeps the places every term shares.
        let mut listed = built.manifest.clone();
        listed.ranges[0].chunk = 1;
        let file = |n: u32| list_matches_file(n, &listed.ranges[0]);
        let files = |q: &str| list_matches_files_for(&listed, &built.shards, q, Kind::Target);
        assert_eq!(files("养"), [file(n)]);
        assert_eq!(files("养 老 养"), [file(n), file(lao)]);
        assert_eq!(files("养 养老"), [file(n)]);
        assert_eq!(files("养老"), Vec::<String>::new());
        let places = |q: &str, matches: &[(String, Members)]| {
            text_ordinals(&listed, &built.shards, matches, q, Kind::Target)
        };
        let (target, nothing) = (Members::of(&[0]), Members::of(&[]));
        assert_eq!(places("养", &[]), Err(SearchError::MissingFile(file(n))));
        assert_eq!(
            places("养", &[(file(n), target.clone())]),
            Ok(Some(vec![0]))
        );
        assert_eq!(
            places("养 老", &[(file(n), target.clone())]),
            Err(SearchError::MissingFile(file(lao)))
        );
        assert_eq!(
            places(
                "养 老",
                &[(file(n), target.clone()), (file(lao), nothing.clone())]
            ),
            Ok(Some(vec![]))
        );
        assert_eq!(
            places(
                "养 老",
                &[(file(n), target.clone()), (file(lao), target.clone())]
            ),
            Ok(Some(vec![0]))
        );
        // 养老 from its shard (the target holds it), 养 from its file.
        assert_eq!(
            places("养 养老", &[(file(n), target.clone())]),
            Ok(Some(vec![0]))
        );
        assert_eq!(places("养 养老", &[(file(n), nothing)]), Ok(Some(vec![])));
        assert_eq!(places("  ", &[]), Ok(None));
    }

    #[test]
    fn garbage_postings_do_not_panic() {
        for list in [
            vec![],
            vec![5],
            vec![1, 9],
            vec![u32::MAX, 3, u32::MAX, u32::MAX, 1],
        ] {
            let _ = decode_list(&list, true, true);
            let _ = decode_list(&list, false, true);
            let _ = decode_list(&list, false, false);
        }
    }
}
