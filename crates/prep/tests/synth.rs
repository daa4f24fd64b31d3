//! The synthetic corpus made from the real one (`prep::synth`) builds and verifies like it:
//! every copy holds its real document's blocks, shuffled, and every curated fact.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use prep::build;
use prep::synth::{copy_id, synthesize};
use std::collections::BTreeMap;

mod common;
use common::inputs;

/// A document's paragraphs and table rows, sorted: what a shuffle of whole sections keeps.
fn blocks(d: &model::Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &d.sections {
        out.push(format!("{}{}", s.number, s.title));
        for b in &s.blocks {
            match b {
                model::Block::Paragraph(p) => out.push(p.text.clone()),
                model::Block::Table(t) => out.extend(t.rows.iter().map(|r| r.concat())),
            }
        }
    }
    out.sort();
    out
}

#[test]
fn three_copies_of_the_real_corpus_build_with_every_fact() {
    let real_inputs = inputs();
    let real = build(&real_inputs).unwrap();
    let n = real.index.documents.len();
    let synth = synthesize(&real_inputs, 3 * n).unwrap();
    assert!(
        synth.unshuffled.is_empty(),
        "copies left in the real order: {:?}",
        synth.unshuffled
    );
    let out = build(&synth.inputs).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(out.index.documents.len(), 3 * n);
    assert_eq!(out.facts.fields.len(), 3 * real.facts.fields.len());
    assert_eq!(out.facts.projects.len(), 3 * real.facts.projects.len());
    assert_eq!(out.facts.targets.len(), 3 * real.facts.targets.len());
    assert_eq!(out.facts.lists.len(), 3 * real.facts.lists.len());
    let by_id: BTreeMap<&str, &model::Document> =
        out.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut shuffled = 0;
    for d in &real.documents {
        for copy in 0..3 {
            let c = by_id[copy_id(&d.id, copy).as_str()];
            assert_eq!(blocks(c), blocks(d), "{} copy {copy}", d.id);
            if c.sections != d.sections {
                shuffled += 1;
            }
        }
    }
    // Documents with too few sections to shuffle stay as they are; most are shuffled.
    assert!(shuffled * 3 >= 2 * 3 * n, "only {shuffled} copies shuffled");
}
