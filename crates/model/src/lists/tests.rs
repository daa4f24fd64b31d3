use super::*;

#[test]
fn a_topic_of_many_documents_leads_with_those_of_most_records() {
    let check = |counts: &[u32], all_up_to: usize, leading: usize, expected: (&[&str], &[&str])| {
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
