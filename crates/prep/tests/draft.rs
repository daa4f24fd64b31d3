//! Drafting over the real corpus: every document's draft is TOML in the curated schema that
//! passes the curated verifier, drafted without the curated facts; the build ignores a
//! `draft.toml` beside the curated files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use prep::departments::DepartmentsFile;
use prep::draft::{self, score};
use prep::facts::CuratedFile;
use prep::themes::{parse_taxonomy, Rules};

mod common;
use common::inputs;

fn document_ids(spec: &str) -> Vec<String> {
    let spec: prep::Spec = toml::from_str(spec).unwrap();
    spec.documents.into_iter().map(|d| d.id).collect()
}

#[test]
fn every_documents_draft_passes_the_verifier() {
    let mut inputs = inputs();
    // Drafting never sees the curated facts.
    inputs.facts.clear();
    let rules: Vec<Rules> = parse_taxonomy(&inputs.themes)
        .unwrap()
        .theme
        .iter()
        .map(|t| Rules::new(t.get_ref()))
        .collect();
    let departments: DepartmentsFile = toml::from_str(&inputs.departments).unwrap();
    for doc in document_ids(&inputs.spec) {
        let sections = draft::document_sections(&inputs.spec, &inputs.sources, &doc).unwrap();
        let drafted = draft::draft(&doc, &sections, &rules, &departments);
        let text = draft::to_toml(&drafted).unwrap();
        // The curated loader reads it as it reads a curated file.
        let file: CuratedFile = toml::from_str(&text).unwrap();
        assert_eq!(file.target.len(), drafted.file.target.len(), "{doc}");
        let label = format!("data/facts/{doc}/draft.toml");
        let (verified, problems) =
            draft::verify_draft(&doc, &label, &text, &sections, &departments);
        assert!(problems.is_empty(), "{doc}: {problems:#?}");
        assert_eq!(verified.targets.len(), drafted.file.target.len(), "{doc}");
        assert_eq!(verified.fields.len(), drafted.file.field.len(), "{doc}");
        assert_eq!(verified.projects.len(), drafted.file.project.len(), "{doc}");
    }
}

#[test]
fn the_build_ignores_a_draft_beside_the_curated_facts() {
    let base = prep::build(&inputs()).unwrap();
    let mut with_draft = inputs();
    // A draft that would fail the verifier, and one that would add records: neither counts.
    with_draft.facts.push((
        "yanglao-fuwu/draft.toml".into(),
        "[[target]]\nid = \"t-1\"\nindicator = \"不在原文\"\norigin = \"prose\"\nquote = \"不在原文中的引文\"\n".into(),
    ));
    with_draft.facts.push((
        "haochaping/draft.toml".into(),
        "[[field]]\nid = \"f-900\"\ntitle = \"厘清事项清单\"\nlabel = \"事项清单\"\nquote = \"1.厘清事项清单。\"\n".into(),
    ));
    let built = prep::build(&with_draft).unwrap();
    assert_eq!(built.facts.fields.len(), base.facts.fields.len());
    assert_eq!(built.facts.targets.len(), base.facts.targets.len());
    assert!(draft::is_draft("yanglao-fuwu/draft.toml"));
    assert!(!draft::is_draft("yanglao-fuwu/facts.toml"));
}

#[test]
fn the_table_targets_of_the_corpus_are_all_drafted_with_their_numbers() {
    let all = inputs();
    let curated = prep::build(&all).unwrap();
    let rules: Vec<Rules> = parse_taxonomy(&all.themes)
        .unwrap()
        .theme
        .iter()
        .map(|t| Rules::new(t.get_ref()))
        .collect();
    let departments: DepartmentsFile = toml::from_str(&all.departments).unwrap();
    let mut rows = Vec::new();
    for doc in document_ids(&all.spec) {
        let sections = draft::document_sections(&all.spec, &all.sources, &doc).unwrap();
        let text = draft::to_toml(&draft::draft(&doc, &sections, &rules, &departments)).unwrap();
        let (drafted, _) = draft::verify_draft(&doc, "draft.toml", &text, &sections, &departments);
        let of_doc = prep::verify::Verified {
            targets: curated
                .facts
                .targets
                .iter()
                .filter(|t| t.doc == doc)
                .cloned()
                .collect(),
            ..Default::default()
        };
        rows.extend(score::score(&doc, &of_doc, &drafted));
    }
    score::check_tables(&rows).unwrap();
}
