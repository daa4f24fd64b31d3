//! The consumer: which files a query needs, and its answer from only those files, the same
//! as the brute-force search over every entry.

use super::build::Built;
use super::format::*;
use crate::lists::Members;
use crate::search::{rank, terms, Kind, Ranked};
use std::collections::{BTreeMap, HashMap};

/// The keys that find a term, each with its offset in the term, which together cover every
/// character: a term of one or two characters is its own key; a longer one is covered from
/// the start by the trigram at each offset when it is a key (one of its pairs is split: the
/// next offset is three on), else the bigram (two on), and a split last pair by the
/// trigram that ends the term. With no split bigram: offsets 0, 2, 4, … and the last pair.
pub(super) fn term_keys(manifest: &Manifest, term: &str) -> Vec<(u32, String)> {
    let chars: Vec<char> = term.chars().collect();
    let n = chars.len();
    if n <= 2 {
        return vec![(0, term.to_string())];
    }
    let key = |o: usize, len: usize| {
        let key = chars.get(o..o + len).unwrap_or_default();
        (o as u32, key.iter().collect::<String>())
    };
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
pub(super) struct Plan {
    top: Option<u32>,
    /// `(key, n)`, each once.
    common: Vec<(String, u32)>,
    /// The bytes of the text postings of those common keys.
    text_bytes: u64,
}

/// Whether a term is looked up as one count-only key (a single character, a split bigram).
pub(super) fn is_counted(manifest: &Manifest, term: &str) -> bool {
    let len = term.chars().count();
    len < 2 || (len == 2 && manifest.is_split(term))
}

/// A common key's number and the bytes of its text postings, as its shard (among
/// `shards`) names it; None for a key that is not common.
pub(super) fn common_key<S: std::borrow::Borrow<Shard>>(
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

pub(super) fn plan<S: std::borrow::Borrow<Shard>>(
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

/// The common key a term is, if any: a term of one or two characters is looked up as
/// itself, a longer one through keys with positions, which are never common.
pub(super) fn common_term<S: std::borrow::Borrow<Shard>>(
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
pub(super) struct Decoded {
    /// `(entry, count, positions)`, entries ascending.
    text: Vec<(u32, u32, Vec<u32>)>,
    /// `(run start, run length, positions)`, starts ascending.
    titles: Vec<(u32, u32, Vec<u32>)>,
}

/// Reads a flat array into `(entry or run start, count or run length, positions)`: text
/// arrays carry a count (`with_len` false), title arrays a run length; bigrams carry
/// positions. A truncated or malformed array yields what was read before the fault, never
/// a panic.
pub(super) fn decode_list(
    list: &[u32],
    with_len: bool,
    with_positions: bool,
) -> Vec<(u32, u32, Vec<u32>)> {
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

pub(super) fn decode(p: &Postings, positions: bool) -> Decoded {
    Decoded {
        text: decode_list(&p.0, false, positions),
        titles: decode_list(&p.1, true, positions),
    }
}

/// Where one term occurs.
#[derive(Default)]
pub(super) struct TermMatches {
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
pub(super) fn starts(first: &[u32], others: &[(u32, &[u32])]) -> Vec<u32> {
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
pub(super) fn non_overlapping(starts: &[u32], len: u32) -> u32 {
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

/// The positions in entry (or run) `at` of a decoded list, looked up by binary search.
fn positions_at(list: &[(u32, u32, Vec<u32>)], at: u32) -> Option<&[u32]> {
    let i = list.binary_search_by_key(&at, |(e, _, _)| *e).ok()?;
    list.get(i).map(|(_, _, p)| p.as_slice())
}

/// Finds one term through its keys' postings.
/// `lookup` gives a key's postings: one list, or for a common key one a kind.
pub(super) fn find_term<'a>(
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
    for (e, _, positions) in &first.text {
        let others: Option<Vec<(u32, &[u32])>> = rest
            .iter()
            .map(|(o, d)| positions_at(&d.text, *e).map(|p| (*o, p)))
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
            .map(|(o, d)| positions_at(&d.titles, *s).map(|p| (*o, p)))
            .collect();
        let Some(others) = others else { continue };
        if !starts(positions, &others).is_empty() {
            out.titles.insert(*s, s.saturating_add(*l));
        }
    }
    out
}

/// The hits of `query` of the `kinds` asked for, grouped and ranked exactly as
/// `oracle::search` ranks the corpus's entries (same groups, totals, scores and order),
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
        return Ok(top_answer(top, per_group, kinds));
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

/// A ranked file's answer of `kinds`: the first `per_group` hits of each.
fn top_answer(top: &Top, per_group: usize, kinds: &[Kind]) -> Vec<Ranked<u32>> {
    top.groups
        .iter()
        .filter(|g| kinds.contains(&g.kind))
        .map(|g| Ranked {
            kind: g.kind,
            total: g.total as usize,
            hits: g
                .hits
                .chunks_exact(2)
                .take(per_group)
                .filter_map(|h| match *h {
                    [e, score] => Some((e, score)),
                    _ => None,
                })
                .collect(),
        })
        .collect()
}

/// The entries of `kinds` every term matches, scored and ranked as `oracle::search` does.
pub(super) fn ranked(
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
