//! The shipped search index (`public/data/search/`) answers exactly what the brute-force
//! search answers over the same entries (built from `public/data/` as the app builds them
//! today): same groups, totals, hits, scores, order, titles and snippets, for random
//! substrings of the real texts and titles, multi-word queries, and queries that find
//! nothing, each read from only the files the app fetches for it. The same holds for
//! indexes built from the same entries with most bigrams split (every bigram with more than
//! [`SPLIT_LOW`] positions), so that terms meet split bigrams at their start, middle and
//! end, at the ends of texts and titles; and with most count-only keys common (more than
//! [`COMMON_LOW`] integers), so that one-term queries are answered by ranked files and
//! others by the common keys' postings. A list page's text filter, which reads a common
//! key's matches in its list for a query of that key alone and the postings otherwise,
//! gives exactly the records the brute-force search finds, in each index.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use model::search::{self, Entry, Kind};
use model::search_index::{self as si, Built, Manifest, Shard};
use model::{Document, Facts, Index};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

mod common;
use common::read;

struct Shipped {
    entries: Vec<Entry>,
    /// The shipped index, then those built here: `(split over, common over, index)`.
    indexes: Vec<(u32, usize, Built)>,
}

/// The split threshold of the other indexes: thousands of the real corpus's bigrams.
const SPLIT_LOW: u32 = 4;

/// The common threshold of the other indexes: thousands of the real corpus's characters
/// and split bigrams.
const COMMON_LOW: usize = 16;

/// The shipped index, from its files.
fn read_built() -> Built {
    let manifest: Manifest = read(si::MANIFEST);
    let shards: Vec<Shard> = (0..manifest.shards)
        .map(|i| read::<Shard>(&si::shard_file(i)))
        .collect();
    let count = shards
        .iter()
        .flat_map(|s| s.common.values())
        .map(|(n, _)| n + 1)
        .max()
        .unwrap_or(0);
    let lists = (0..count)
        .flat_map(|n| si::list_matches_files(&manifest, n))
        .map(|(_, file)| {
            let matches = read(&file);
            (file, matches)
        })
        .collect();
    Built {
        common: (0..count)
            .flat_map(|n| {
                let kinds = Kind::ALL
                    .into_iter()
                    .filter(|k| manifest.ranges.iter().any(|r| r.kind == *k));
                kinds
                    .map(move |k| si::common_file(n, k))
                    .collect::<Vec<_>>()
            })
            .map(|f| read(&f))
            .collect(),
        top: (0..count).map(|n| read(&si::top_file(n))).collect(),
        lists,
        manifest,
        shards,
    }
}

/// The entries as the app's search page builds them, and the shipped index.
fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        // The full index: the app's leaves out the part list of a document in one file.
        let index: Index = read(model::files::ALL_DOCUMENTS);
        let facts: Facts = read(model::files::ALL_FACTS);
        let mut parts: BTreeMap<String, Document> = BTreeMap::new();
        for d in &index.documents {
            for p in &d.parts {
                parts.insert(p.file.clone(), read(&model::files::document_part(&p.file)));
            }
        }
        let corpus = si::corpus(&facts, &index, |f| parts.get(f));
        let built = read_built();
        assert_eq!(
            built.manifest.ranges, corpus.ranges,
            "the manifest lists the entries"
        );
        let mut indexes = vec![(si::SPLIT_POSITIONS, si::COMMON_INTEGERS, built)];
        for (split, common) in [
            (SPLIT_LOW, usize::MAX),
            (SPLIT_LOW, COMMON_LOW),
            (si::SPLIT_POSITIONS, COMMON_LOW),
        ] {
            let b = si::build(&corpus, si::SHARD_TARGET_BYTES, split, common);
            if split == SPLIT_LOW {
                assert!(
                    b.manifest.split.len() > 1000,
                    "{} split",
                    b.manifest.split.len()
                );
            }
            if common == COMMON_LOW {
                assert!(b.top.len() > 1000, "{} common", b.top.len());
            }
            indexes.push((split, common, b));
        }
        Shipped {
            entries: corpus.entries,
            indexes,
        }
    })
}

/// Hits a kind: the search page's first view, more, and a ranked file's cap and past it.
const PER_GROUP: [usize; 5] = [10, 30, 50, si::TOP_HITS, si::TOP_HITS + 1];

/// Both searches, as comparable values: per group its kind, total and hits (entry number,
/// score, highlighted title, snippet).
fn compare(query: &str, per_group: usize) {
    let s = shipped();
    let position = |e: &Entry| s.entries.iter().position(|x| std::ptr::eq(x, e)).unwrap();
    let expected: Vec<_> = model::oracle::search(&s.entries, query, per_group)
        .into_iter()
        .map(|g| {
            let hits: Vec<_> = g
                .hits
                .into_iter()
                .map(|h| (position(h.entry), h.score, h.title, h.snippet))
                .collect();
            (g.kind, g.total, hits)
        })
        .collect();
    let terms = search::terms(query);
    // Every kind, and all but the text (a page that puts the text off).
    let records = [Kind::Target, Kind::Project, Kind::Field, Kind::Department];
    for ((split, common, built), kinds) in s
        .indexes
        .iter()
        .flat_map(|i| [(i, &Kind::ALL[..]), (i, &records[..])])
    {
        let expected: Vec<_> = expected
            .iter()
            .filter(|(kind, _, _)| kinds.contains(kind))
            .cloned()
            .collect();
        // Only the files the query names, as the app fetches them.
        let (groups, _) = built.answer(query, per_group, kinds).unwrap();
        let got: Vec<_> = groups
            .into_iter()
            .map(|g| {
                let hits: Vec<_> = g
                    .hits
                    .into_iter()
                    .map(|(e, score)| {
                        let h = search::hit(&s.entries[e as usize], score, &terms);
                        (e as usize, h.score, h.title, h.snippet)
                    })
                    .collect();
                (g.kind, g.total, hits)
            })
            .collect();
        assert_eq!(
            got,
            expected,
            "query {query:?}, {per_group} a kind of {kinds:?}, split over {split} ({} bigrams), \
             common over {common} ({} keys)",
            built.manifest.split.len(),
            built.top.len()
        );
    }
}

/// A list page's text filter ([`si::text_ordinals`], from only the files it fetches) gives
/// the places in its kind's list of exactly the records the brute-force search finds.
fn compare_ordinals(query: &str) {
    let s = shipped();
    let found = model::oracle::search(&s.entries, query, usize::MAX);
    for kind in [Kind::Target, Kind::Project, Kind::Field] {
        let start = s.entries.iter().position(|e| e.kind == kind).unwrap_or(0);
        let expected = (!search::terms(query).is_empty()).then(|| {
            let mut places: Vec<u32> = found
                .iter()
                .filter(|g| g.kind == kind)
                .flat_map(|g| &g.hits)
                .map(|h| {
                    let i = s.entries.iter().position(|x| std::ptr::eq(x, h.entry));
                    (i.unwrap() - start) as u32
                })
                .collect();
            places.sort_unstable();
            places
        });
        for (split, common, built) in &s.indexes {
            assert_eq!(
                built.ordinals(query, kind).unwrap().0,
                expected,
                "query {query:?}, {kind:?}, split over {split}, common over {common}"
            );
        }
    }
}

/// A substring of 1–8 characters of a real entry's text or title.
fn substring() -> impl Strategy<Value = String> {
    (
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        1usize..=8,
        prop::bool::weighted(0.2),
    )
        .prop_map(|(entry, start, len, title)| {
            let entries = &shipped().entries;
            let e = &entries[entry.index(entries.len())];
            let chars: Vec<char> = if title { &e.title } else { &e.text }.chars().collect();
            if chars.is_empty() {
                return String::new();
            }
            let start = start.index(chars.len());
            chars[start..(start + len).min(chars.len())]
                .iter()
                .collect()
        })
}

/// The last 2–6 characters of a real entry's text or title: where a bigram has no
/// following character.
fn suffix() -> impl Strategy<Value = String> {
    (any::<prop::sample::Index>(), 2usize..=6, prop::bool::ANY).prop_map(|(entry, len, title)| {
        let entries = &shipped().entries;
        let e = &entries[entry.index(entries.len())];
        let chars: Vec<char> = if title { &e.title } else { &e.text }.chars().collect();
        chars[chars.len().saturating_sub(len)..].iter().collect()
    })
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => substring(),
        1 => suffix(),
        2 => prop::collection::vec(substring(), 2..=3).prop_map(|v| v.join(" ")),
        // A real substring next to characters the corpus does not hold.
        1 => (substring(), prop::sample::select(vec!["龘", "😀", "ß", "ｚｚｑ", "\u{3000}"]))
            .prop_map(|(s, odd)| format!("{s}{odd}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn index_search_equals_brute_force(q in query(), per_group in prop::sample::select(PER_GROUP.to_vec())) {
        compare(&q, per_group);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn list_text_filter_equals_brute_force(q in query()) {
        compare_ordinals(&q);
    }
}

#[test]
fn fixed_queries() {
    for q in [
        "",
        " ",
        "   \u{3000} ",
        "，、；",
        "龘",
        "😀",
        "zzqx",
        "养老",
        "业",
        "国际消费中心城市",
        "养老 床位",
        "养老,床位",
        "5G",
        "ＡＰＰ",
        "的",
        "发展 的 建设 推进",
        "2025",
        // Common bigrams (split in the shipped index) at the start, middle and end of terms,
        // and three-character terms.
        "服务业",
        "现代服务",
        "发展服务业",
        "消费中心",
        "国际消费",
        "中心城市",
        "城市",
        "服务",
        "的发展",
        "养老服务",
        // Common characters and split bigrams alone (ranked files), and with other terms.
        "发",
        "展",
        "发展",
        "的 发展",
        "业 服务",
        "的，的",
    ] {
        for per_group in PER_GROUP {
            compare(q, per_group);
        }
        compare_ordinals(q);
    }
}

/// A list's text filter reads the matches in the list of each of its terms that is a
/// common key, and never a common key's postings; it gives what the brute-force search
/// gives.
#[test]
fn a_list_filter_reads_its_common_terms_matches_in_the_list_not_their_postings() {
    let s = shipped();
    let (_, _, built) = s
        .indexes
        .iter()
        .find(|(_, common, _)| *common == COMMON_LOW)
        .unwrap();
    let kind = Kind::Target;
    let mut keys = built
        .top
        .iter()
        .filter(|t| t.key.chars().count() == 1 && t.groups.iter().any(|g| g.kind == kind))
        .map(|t| t.key.as_str());
    let (key, other) = (keys.next().unwrap(), keys.next().unwrap());
    let reads = |query: &str| {
        let (_, files) = built.ordinals(query, kind).unwrap();
        let lists = files
            .iter()
            .filter(|f| f.starts_with("search/list/"))
            .count();
        let postings = files
            .iter()
            .filter(|f| f.starts_with("search/common/"))
            .count();
        (lists, postings)
    };
    assert_eq!(reads(key), (1, 0), "{key}");
    let two = format!("{key} {other}");
    assert_eq!(reads(&two), (2, 0), "{two}");
    let with_bigram = format!("{key} {key}的");
    assert!(reads(&with_bigram).0 >= 1, "{with_bigram}");
    assert_eq!(reads(&with_bigram).1, 0, "{with_bigram}");
    for q in [key, &two, &with_bigram] {
        compare_ordinals(q);
    }
}

#[test]
fn every_entry_is_located_in_its_file() {
    use model::lists::Chunk;
    use model::{Field, Project, Target};
    let s = shipped();
    let facts: Facts = read(model::files::ALL_FACTS);
    for (n, e) in s.entries.iter().enumerate() {
        let l = s.indexes[0].2.manifest.locate(n as u32).unwrap();
        // Each entry from the one file the search page fetches for it.
        let rebuilt = match e.kind {
            Kind::Text => {
                let c: si::TextChunk = read(&l.file);
                l.from_text(&c)
            }
            Kind::Target => {
                let c: Chunk<Target> = read(&l.file);
                l.from_records(&[], &[], &c.records, &[])
            }
            Kind::Project => {
                let c: Chunk<Project> = read(&l.file);
                l.from_records(&[], &c.records, &[], &[])
            }
            Kind::Field => {
                let c: Chunk<Field> = read(&l.file);
                l.from_records(&c.records, &[], &[], &[])
            }
            Kind::Department => l.from_records(&[], &[], &[], &facts.departments),
        };
        assert_eq!(rebuilt.as_ref(), Some(e), "entry {n}");
    }
    assert!(s.indexes[0]
        .2
        .manifest
        .locate(s.entries.len() as u32)
        .is_none());
}
