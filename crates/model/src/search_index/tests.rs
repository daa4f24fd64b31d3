use super::build::*;
use super::format::*;
use super::query::*;
use crate::lists::Members;
use crate::oracle::search as brute;
use crate::search::{Entry, Kind};

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
    let groups = search(&manifest, &shards, none, None, "养老", 3, &Kind::ALL).unwrap_or_default();
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
