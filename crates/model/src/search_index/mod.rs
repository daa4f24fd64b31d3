//! A prebuilt, sharded inverted index that answers exactly what the brute-force search
//! (`oracle::search`, test code) answers, fetching only the shards of the query's terms
//! (the Pagefind model). The format, file by file, with why each family exists and the
//! measurements behind its constants: `docs/search-index.md`.
//!
//! - `format`: paths, constants and wire types (what the builder writes, what the app reads).
//! - `build`: the entries of the corpus ([`corpus`], [`text_chunks`]) and the index ([`build`]).
//! - `query`: what a query needs to fetch and its answer from those files ([`search`],
//!   [`text_ordinals`]).
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
//!    as `oracle::search` over all entries (`search::Ranked<u32>`: each hit is an entry
//!    number and its score).
//! 5. [`hit_files`]`(&manifest, &groups)`: the files that hold the entries shown (chunks of
//!    the record lists, `lists`, and of the documents' text, [`TextChunk`], a few kilobytes
//!    each); fetch them, then for each hit [`Manifest::locate`] the entry, rebuild it with
//!    [`Located::from_text`] or [`Located::from_records`], and make the displayed hit with
//!    `search::hit(&entry, score, &search::terms(query))` — the same highlighting and
//!    snippet as the brute-force search.

mod build;
mod format;
mod query;
#[cfg(test)]
mod tests;

pub use build::*;
pub use format::*;
pub use query::*;
