//! The shipped list indexes (`public/data/lists/`) give every list page exactly the records
//! the brute-force filters of `model::query` give over all records of the kind (`facts.json`),
//! in the same order: every option of every filter alone, documents and regions, text
//! queries answered by the search index, and combinations of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use model::lists::{chunk_files, records_at, Chunk, ListIndex, ListKind, Listed, Members};
use model::oracle::ListOracle;
use model::query::Filter;
use model::search_index::{self as si, Manifest, Shard};
use model::{DocumentMeta, Facts, Field, Index, Project, Target};
use std::collections::BTreeMap;
use std::sync::Arc;

mod common;
use common::{read, read_list};

/// What a list page does: the member files and the text filter's shards, then the chunks.
fn by_index<R: Listed>(list: &ListIndex, manifest: &Manifest, f: &Filter) -> Vec<String> {
    let kind = R::KIND;
    let members: BTreeMap<String, Arc<Members>> = list
        .member_files(kind, f)
        .unwrap_or_default()
        .into_iter()
        .map(|file| {
            let m: Members = read(&file);
            (file, Arc::new(m))
        })
        .collect();
    let shards: Vec<Shard> = si::shards_for(manifest, &f.q)
        .into_iter()
        .map(|i| read(&si::shard_file(i)))
        .collect();
    let text = match kind.search_kind() {
        Some(search_kind) => {
            let matches: Vec<(String, Members)> =
                si::list_matches_files_for(manifest, &shards, &f.q, search_kind)
                    .into_iter()
                    .map(|file| {
                        let m = read(&file);
                        (file, m)
                    })
                    .collect();
            si::text_ordinals(manifest, &shards, &matches, &f.q, search_kind).unwrap()
        }
        None => None,
    };
    let ordinals = list.resolve(kind, f, &members, text.as_deref());
    let chunks: Vec<Arc<Chunk<R>>> = chunk_files(kind, list.chunk, &ordinals)
        .iter()
        .map(|file| Arc::new(read::<Chunk<R>>(file)))
        .collect();
    let records = records_at(&chunks, &ordinals);
    assert_eq!(records.len(), ordinals.len(), "{f:?}: every ordinal found");
    records.iter().map(|r| r.id().to_string()).collect()
}

fn by_brute_force<R: ListOracle>(
    records: &[R],
    facts: &Facts,
    index: &Index,
    f: &Filter,
) -> Vec<String> {
    R::filter(f, records, &facts.departments, index)
        .into_iter()
        .map(|r| r.id().to_string())
        .collect()
}

/// Filters to try for one kind: each option alone, each document and region, text queries,
/// and pseudo-random combinations of two or three of them.
fn filters(list: &ListIndex, index: &Index) -> Vec<Filter> {
    let mut singles: Vec<(String, String)> = Vec::new();
    for facet in &list.facets {
        for v in &facet.values {
            singles.push((facet.key.clone(), v.value.clone()));
        }
        singles.push((facet.key.clone(), "没有这个值".into()));
    }
    for d in &index.documents {
        singles.push(("doc".into(), d.id.clone()));
        singles.push(("region".into(), d.region.clone()));
    }
    singles.push(("doc".into(), "no-such-doc".into()));
    for q in [
        "养老",
        "业",
        "床位 养老",
        "5G",
        "发展 建设",
        "龘",
        "2025",
        "，",
    ] {
        singles.push(("q".into(), q.into()));
    }
    let mut out: Vec<Filter> = vec![Filter::default()];
    out.extend(singles.iter().map(|(k, v)| Filter::default().with(k, v)));
    // A fixed linear congruential sequence: the same combinations every run.
    let mut seed: u64 = 20_261_201;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize % n
    };
    for _ in 0..300 {
        let mut f = Filter::default();
        for _ in 0..2 + next(2) {
            let (k, v) = &singles[next(singles.len())];
            f = f.with(k, v);
        }
        out.push(f);
    }
    out
}

fn check_kind<R: ListOracle>() {
    let index: Index = read(model::files::ALL_DOCUMENTS);
    let facts: Facts = read(model::files::ALL_FACTS);
    let manifest: Manifest = read(si::MANIFEST);
    let list: ListIndex = read_list(R::KIND);
    let records = R::in_order(&facts, &index);
    assert_eq!(list.total as usize, records.len());
    let mut nonempty = 0;
    for f in filters(&list, &index) {
        let expected = by_brute_force(&records, &facts, &index, &f);
        nonempty += usize::from(!expected.is_empty());
        assert_eq!(
            by_index::<R>(&list, &manifest, &f),
            expected,
            "{}{}",
            R::KIND.dir(),
            f.to_query()
        );
    }
    assert!(nonempty > 20, "the filters tried find records");
}

#[test]
fn field_lists_equal_the_brute_force_filter() {
    check_kind::<Field>();
}

#[test]
fn project_lists_equal_the_brute_force_filter() {
    check_kind::<Project>();
}

#[test]
fn target_lists_equal_the_brute_force_filter() {
    check_kind::<Target>();
}

#[test]
fn document_lists_equal_the_brute_force_filter() {
    check_kind::<DocumentMeta>();
}

/// What every page needs about every document is in each record list's index: the short
/// titles of the cards and of the document filter, and the regions of the region filter,
/// for every document (also one without records of that kind), in the documents' order.
#[test]
fn every_list_index_names_every_document() {
    let index: Index = read(model::files::ALL_DOCUMENTS);
    let options: Vec<(String, String)> = index
        .documents
        .iter()
        .map(|d| (d.id.clone(), d.short_title.clone()))
        .collect();
    let regions = model::query::distinct(index.documents.iter(), |d| d.region.as_str());
    for kind in ListKind::ALL {
        let list: ListIndex = read_list(kind);
        assert_eq!(list.doc_options(), options, "{}", kind.dir());
        assert_eq!(list.region_options(), regions, "{}", kind.dir());
        for d in &index.documents {
            assert_eq!(list.short_title(&d.id), d.short_title);
        }
        let runs: u32 = list.docs.iter().map(|s| s.count).sum();
        assert_eq!(runs, list.total, "{}: the runs cover the list", kind.dir());
    }
    assert!(
        ListKind::ALL.iter().any(|k| {
            let list: ListIndex = read_list(*k);
            list.docs.iter().any(|s| s.count == 0)
        }),
        "a document without records of some kind is still named"
    );
    let documents: ListIndex = read_list(ListKind::Documents);
    assert!(documents.docs.is_empty(), "the documents list names no run");
    assert_eq!(documents.total as usize, index.documents.len());
}

/// A reader's metadata, the documents list's and the id buckets say the same of every
/// document, and each document is in the bucket of its id.
#[test]
fn each_document_has_its_own_files_and_is_in_its_bucket() {
    use model::files::{app_meta, bucket_of, DocBucket, DocMetaFile, DOC_BUCKETS};
    let index: Index = read(model::files::ALL_DOCUMENTS);
    let list: ListIndex = read_list(ListKind::Documents);
    let all: Vec<u32> = (0..list.total).collect();
    let chunks: Vec<Arc<Chunk<DocumentMeta>>> = chunk_files(ListKind::Documents, list.chunk, &all)
        .iter()
        .map(|f| Arc::new(read::<Chunk<DocumentMeta>>(f)))
        .collect();
    let listed = records_at(&chunks, &all);
    let buckets: Vec<DocBucket> = (0..DOC_BUCKETS)
        .map(|n| read(&DocBucket::path(n)))
        .collect();
    for (d, in_list) in index.documents.iter().zip(&listed) {
        let meta: DocMetaFile = read(&DocMetaFile::path(&d.id));
        assert_eq!(meta.document, app_meta(d));
        assert_eq!(**in_list, app_meta(d));
        // The reader chooses the file of an anchor from the bucket's entry: the same files
        // and spans (a part's title is the metadata's to show).
        let spans = |parts: Vec<model::PartSpan>| -> Vec<(String, String, [u32; 3])> {
            parts
                .into_iter()
                .map(|p| {
                    let last = [p.last_section, p.last_paragraph, p.last_table];
                    (p.file, p.first_anchor, last)
                })
                .collect()
        };
        let entry = buckets[bucket_of(&d.id) as usize].entry(&d.id);
        assert_eq!(
            entry.map(|e| spans(e.part_files())),
            Some(spans(app_meta(d).part_files())),
            "{}",
            d.id
        );
    }
    assert_eq!(listed.len(), index.documents.len());
    let bucketed: usize = buckets.iter().map(|b| b.docs.len()).sum();
    assert_eq!(
        bucketed,
        index.documents.len(),
        "no id in a bucket but the documents'"
    );
}

#[test]
fn the_chunks_hold_every_record_once_in_list_order() {
    let index: Index = read(model::files::ALL_DOCUMENTS);
    let facts: Facts = read(model::files::ALL_FACTS);
    let list: ListIndex = read_list(ListKind::Targets);
    let all: Vec<u32> = (0..list.total).collect();
    let chunks: Vec<Arc<Chunk<Target>>> = chunk_files(ListKind::Targets, list.chunk, &all)
        .iter()
        .map(|f| Arc::new(read::<Chunk<Target>>(f)))
        .collect();
    let got: Vec<&str> = records_at(&chunks, &all)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let expected = Target::in_order(&facts, &index);
    let expected: Vec<&str> = expected.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(got, expected);
    // A document's targets are one run, the indicator table first.
    let span = list.doc("lixia-shisiwu").unwrap();
    assert_eq!(
        list.doc_of(span.start).map(|s| s.doc.as_str()),
        Some("lixia-shisiwu")
    );
    assert_eq!(list.doc_of(list.total), None);
}

#[test]
fn the_targets_overview_from_the_index_equals_the_one_from_every_target() {
    let index: Index = read(model::files::ALL_DOCUMENTS);
    let facts: Facts = read(model::files::ALL_FACTS);
    let list: ListIndex = read_list(ListKind::Targets);
    let from_index = model::view::targets_overview_of(&list);
    assert_eq!(
        from_index,
        model::view::targets_overview(&facts.targets, &index)
    );
    assert!(from_index.rows.len() > 5 && from_index.years.len() > 3);
}

/// The ids of the brute-force filter `key` = `value` over every record of `R`, in list order.
fn filtered<R: ListOracle>(facts: &Facts, index: &Index, key: &str, value: &str) -> Vec<R> {
    let f = Filter::default().with(key, value);
    R::filter(&f, &R::in_order(facts, index), &facts.departments, index)
        .into_iter()
        .cloned()
        .collect()
}

/// A theme's or department's page reads its topic file and the chunks of its first
/// records: the counts, the first records and the documents equal the brute-force filter
/// over every record, for every theme and every department.
#[test]
fn each_topic_file_equals_the_brute_force_filter_of_its_theme_or_department() {
    use model::files::{DepartmentsFile, RecordFile, ThemesFile};
    use model::lists::{Topic, TopicDoc, TOPIC_FIRST};
    let index: Index = read(model::files::ALL_DOCUMENTS);
    let facts: Facts = read(model::files::ALL_FACTS);
    let themes: ThemesFile = read(ThemesFile::PATH);
    let departments: DepartmentsFile = read(DepartmentsFile::PATH);
    let first_ids = |kind: ListKind, ordinals: &[u32]| -> Vec<String> {
        match kind {
            ListKind::Fields => ids_at::<Field>(ordinals),
            ListKind::Projects => ids_at::<Project>(ordinals),
            _ => ids_at::<Target>(ordinals),
        }
    };
    let values = themes
        .themes
        .iter()
        .map(|t| ("theme", t.id.as_str()))
        .chain(
            departments
                .departments
                .iter()
                .map(|d| ("dept", d.id.as_str())),
        );
    let mut seen = 0;
    let mut with_status = 0;
    for (key, value) in values {
        let topic: Topic = read(&Topic::path(key, value));
        let fields = filtered::<Field>(&facts, &index, key, value);
        let projects = filtered::<Project>(&facts, &index, key, value);
        let targets = filtered::<Target>(&facts, &index, key, value);
        let expected: [Vec<String>; 3] = [
            fields.iter().map(|r| r.id.clone()).collect(),
            projects.iter().map(|r| r.id.clone()).collect(),
            targets.iter().map(|r| r.id.clone()).collect(),
        ];
        for (kind, ids) in ListKind::ALL.into_iter().zip(&expected) {
            assert_eq!(topic.total(kind), ids.len(), "{key} {value} {kind:?}");
            let first = topic.first(kind, TOPIC_FIRST);
            let n = ids.len().min(TOPIC_FIRST);
            assert_eq!(first_ids(kind, first), ids[..n], "{key} {value} {kind:?}");
            assert_eq!(topic.first(kind, 3).len(), n.min(3));
        }
        let docs: Vec<TopicDoc> = index
            .documents
            .iter()
            .filter_map(|d| {
                let n = fields.iter().filter(|r| r.doc == d.id).count()
                    + projects.iter().filter(|r| r.doc == d.id).count()
                    + targets.iter().filter(|r| r.doc == d.id).count();
                (n > 0).then(|| TopicDoc(d.id.clone(), d.short_title.clone(), n as u32))
            })
            .collect();
        assert_eq!(topic.documents, docs, "{key} {value}");
        // The overview by status counts what the status filter of the targets list gives.
        let statuses: Vec<(String, u32)> = topic
            .statuses
            .iter()
            .map(|s| (s.value.clone(), s.count))
            .collect();
        let expected: Vec<(String, u32)> = model::progress::status_counts(&targets)
            .into_iter()
            .map(|(s, n)| (s.label().to_string(), n))
            .collect();
        assert_eq!(statuses, expected, "{key} {value}");
        with_status += usize::from(!statuses.is_empty());
        if key == "theme" {
            // The theme page's documents, as the one built from every record lists them.
            let theme = model::oracle::theme_records(
                value,
                &facts.fields,
                &facts.projects,
                &facts.targets,
                &facts.departments,
                &index,
            );
            let listed: Vec<(String, String, usize)> = topic
                .documents
                .iter()
                .map(|d| (d.0.clone(), d.1.clone(), d.2 as usize))
                .collect();
            assert_eq!(listed, theme.documents, "{value}");
        }
        seen += 1;
    }
    assert!(seen > 20, "only {seen} topics");
    assert!(with_status > 0, "no topic has a target with a status");
}

/// The ids of the records at `ordinals` of `R`'s list, read from its chunks.
fn ids_at<R: Listed>(ordinals: &[u32]) -> Vec<String> {
    let chunks: Vec<Arc<Chunk<R>>> = chunk_files(R::KIND, model::lists::CHUNK, ordinals)
        .iter()
        .map(|f| Arc::new(read::<Chunk<R>>(f)))
        .collect();
    records_at(&chunks, ordinals)
        .iter()
        .map(|r| r.id().to_string())
        .collect()
}

/// A list index and the documents' names are refused when they do not describe the same
/// documents (say, files of two builds).
#[test]
fn an_index_and_names_of_two_builds_are_refused() {
    use model::lists::{DocNames, ListIndexFile};
    let file: ListIndexFile = read(&ListKind::Targets.index_file());
    let names: DocNames = read(model::lists::DOC_NAMES);
    assert!(ListIndex::assemble(&file, Some(&names)).is_ok());
    let mut fewer = names.clone();
    fewer.docs.pop();
    assert!(ListIndex::assemble(&file, Some(&fewer)).is_err());
    let mut more = file.clone();
    more.total += 1;
    assert!(ListIndex::assemble(&more, Some(&names)).is_err());
    let mut region = names.clone();
    region.docs[0].2 = 99;
    assert!(ListIndex::assemble(&file, Some(&region)).is_err());
    // And an assembled index writes back to the same file.
    assert_eq!(
        ListIndex::assemble(&file, Some(&names)).unwrap().to_file(),
        file
    );
}

/// Every target a curated comparison holds finds, in its own document's records file, that
/// comparison with all its members and their documents' names (what its page shows), and
/// no records file carries a comparison none of its targets is in.
#[test]
fn each_records_file_carries_the_comparisons_of_its_targets() {
    use model::files::DocRecordsFile;
    let facts: Facts = read(model::files::ALL_FACTS);
    let index: Index = read(model::files::ALL_DOCUMENTS);
    assert!(!facts.comparisons.is_empty());
    for d in &index.documents {
        let file: DocRecordsFile = read(&DocRecordsFile::path(&d.id));
        for c in &file.compared.comparisons {
            assert!(
                c.members
                    .iter()
                    .any(|m| file.targets.iter().any(|t| &t.id == m)),
                "{}: {} compares none of its targets",
                d.id,
                c.title
            );
        }
        for t in &file.targets {
            let Some(c) = facts.comparisons.iter().find(|c| c.members.contains(&t.id)) else {
                continue;
            };
            assert!(
                file.compared.comparisons.contains(c),
                "{}: {}",
                t.id,
                c.title
            );
            for m in &c.members {
                let member = facts.targets.iter().find(|x| &x.id == m).unwrap();
                assert!(file.compared.targets.contains(member), "{}: {m}", t.id);
                assert!(
                    file.compared.documents.iter().any(|n| n.id == member.doc),
                    "{}: document of {m}",
                    t.id
                );
            }
        }
    }
}

/// Every reported result is in its own document's records file; every linked target
/// carries its results oldest first, each of its own region and scope and unit, and the
/// status `model::progress` computes from them (what its page shows).
#[test]
fn each_linked_target_carries_its_results_and_their_status() {
    use model::files::DocRecordsFile;
    let facts: Facts = read(model::files::ALL_FACTS);
    let index: Index = read(model::files::ALL_DOCUMENTS);
    assert!(!facts.results.is_empty());
    for d in &index.documents {
        let file: DocRecordsFile = read(&DocRecordsFile::path(&d.id));
        let own: Vec<&model::Reported> = facts.results.iter().filter(|r| r.doc == d.id).collect();
        assert_eq!(file.results.iter().collect::<Vec<_>>(), own, "{}", d.id);
        for t in &file.targets {
            let Some(p) = &t.progress else { continue };
            let region = &d.region;
            let years: Vec<Option<u16>> = p.results.iter().map(|l| l.result.value.year).collect();
            let mut sorted = years.clone();
            sorted.sort();
            assert_eq!(years, sorted, "{}: oldest first", t.id);
            for l in &p.results {
                let r = &l.result;
                assert_eq!(&r.region, region, "{} ← {}", t.id, r.id);
                assert_eq!(
                    r.scope,
                    model::Scope::of_region(region),
                    "{} ← {}",
                    t.id,
                    r.id
                );
                assert_eq!(r.unit, t.unit, "{} ← {}", t.id, r.id);
                assert!(facts.results.contains(r), "{} ← {}", t.id, r.id);
            }
            assert_eq!(
                p.status,
                model::progress::assess_target(t).status,
                "{}",
                t.id
            );
        }
    }
    let linked = facts
        .targets
        .iter()
        .filter(|t| t.progress.is_some())
        .count();
    assert!(linked > 0, "no target has a linked result");
}
