//! The builder: the entries of a corpus in search order, and the index over them
//! (`cargo xtask data` writes what [`build`] returns).

use super::format::*;
use super::query::{decode_list, find_term, non_overlapping, ranked};
use crate::files::{DepartmentsFile, RecordFile};
use crate::lists::{ListKind, Listed, Members};
use crate::search::{is_separator, record_entries, text_entries, Entry, Kind};
use crate::wire::{Document, Facts, Field, Index, Project, Target};
use std::collections::{BTreeMap, HashMap};

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

/// Most shards the builder makes, whatever the corpus: beyond this, the per-file overhead
/// of requests outweighs the bytes saved.
pub(super) const MAX_SHARDS: u32 = 1 << 14;

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
pub(super) fn indexable(c: char) -> bool {
    !is_separator(c)
}

/// How a key's postings are written: with positions (bigrams that are not split, and
/// trigrams), or only a count per entry and no positions in titles (single characters and
/// split bigrams: a term that is the key itself needs no position check).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Shape {
    Counted,
    Positioned,
}

/// The keys of a folded text: `(key, position, shape)` for every single character, every
/// bigram and every trigram with a split bigram in it, in text order.
pub(super) fn keys_of(folded: &[char], split: &Split) -> Vec<(String, u32, Shape)> {
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
pub(super) struct Split(std::collections::HashSet<(char, char)>);

impl Split {
    fn has(&self, a: char, b: char) -> bool {
        self.0.contains(&(a, b))
    }
}

/// Postings being built: the arrays and the last entry (or run start) written to each.
#[derive(Default)]
pub(super) struct Builder {
    postings: Postings,
    last_entry: u32,
    last_run: u32,
}

/// Appends one entry's (or run's) occurrences of every key it holds.
pub(super) fn add(
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
pub(super) fn indexed_texts(
    corpus: &Corpus,
) -> impl Iterator<Item = (Vec<char>, u32, Option<u32>)> + '_ {
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
pub(super) fn split_bigrams(corpus: &Corpus, split_positions: u32) -> Split {
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
    let (keys, common) = common_apart(builders, &split, common_integers);
    let by_kind = common_by_kind(corpus, &common);
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
    let (shards, files) = shards_of(keys, &common, &text_bytes, target_bytes);
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
    let (top, lists) = answers(&manifest, &common);
    let common = by_kind.into_iter().flatten().collect();
    Built {
        manifest,
        shards: files,
        common,
        top,
        lists,
    }
}

/// A key and its postings.
type Keyed = (String, Postings);

/// The keys' postings, `(keys, common)`: count-only keys (a single character, a split
/// bigram) with more than `common_integers` integers of postings are common.
fn common_apart(
    builders: BTreeMap<String, Builder>,
    split: &Split,
    common_integers: usize,
) -> (Vec<Keyed>, Vec<Keyed>) {
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
    (keys, common)
}

/// Each common key's postings, a file a kind (the kinds of the corpus, in search order).
fn common_by_kind(corpus: &Corpus, common: &[(String, Postings)]) -> Vec<Vec<Shard>> {
    common
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
        .collect()
}

/// The number of shards and the shards: every key that is not common with its postings,
/// and each common key with its number and the bytes of its text postings (`text_bytes`).
fn shards_of(
    keys: Vec<(String, Postings)>,
    common: &[(String, Postings)],
    text_bytes: &[u32],
    target_bytes: usize,
) -> (u32, Vec<Shard>) {
    // What stays in the shards: the postings, and a number per common key.
    let total: usize = keys
        .iter()
        .map(|(k, p)| serde_json::to_string(&(k, p)).map_or(0, |s| s.len()))
        .chain(common.iter().enumerate().map(|(n, (k, _))| {
            let bytes = text_bytes.get(n).copied().unwrap_or(0);
            serde_json::to_string(&(k, (n, bytes))).map_or(0, |s| s.len())
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
            let bytes = text_bytes.get(n).copied().unwrap_or(0);
            s.common.insert(k.clone(), (n as u32, bytes));
        }
    }
    (shards, files)
}

/// Each common key's answer, ranked from its postings as `search` ranks a query of it,
/// and its matches in each record kind's list (`(file, places)`).
fn answers(
    manifest: &Manifest,
    common: &[(String, Postings)],
) -> (Vec<Top>, Vec<(String, Members)>) {
    let mut top = Vec::with_capacity(common.len());
    let mut lists = Vec::new();
    for (n, (key, postings)) in common.iter().enumerate() {
        let found = [find_term(manifest, key, &|k| {
            (k == key).then_some(postings).into_iter().collect()
        })];
        let groups = ranked(manifest, &found, usize::MAX, &Kind::ALL);
        for (kind, file) in list_matches_files(manifest, n as u32) {
            let start = list_range(manifest, kind).map_or(0, |(start, _)| start);
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
    (top, lists)
}

/// The part of a count-only key's postings that lies in `spans` (ascending): its texts
/// there and its title runs cut to them, encoded as the module documentation says.
pub(super) fn postings_in(p: &Postings, spans: &[(u32, u32)]) -> Postings {
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
