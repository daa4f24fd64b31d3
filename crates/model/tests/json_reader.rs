//! Every shipped data file reads as its type, as the app reads it (serde_json, schema
//! version checked), and writes back to the same text.
#![allow(clippy::panic)] // test code: a failure is the report

mod common;

use model::files::{DepartmentsFile, DocBucket, DocMetaFile, DocRecordsFile, ThemesFile};
use model::layout::{self, Wire};
use model::lists::{Chunk, DocNames, ListIndexFile, Members, Topic};
use model::search_index::{Manifest, Shard, TextChunk, Top};
use model::{Document, DocumentMeta, Facts, Field, Index, Project, Target};
use serde::de::DeserializeOwned;
use std::path::Path;

fn same<T: DeserializeOwned + serde::Serialize>(rel: &str, text: &str) {
    let read: T = model::parse_versioned(text).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let written = serde_json::to_string(&read).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(
        written == text.trim_end(),
        "{rel}: reading and writing it again changes it"
    );
}

/// Which type a file under `data/` holds (its family in `model::layout`), and the check of it.
fn check(rel: &str, text: &str) {
    let Some(family) = layout::family_of(rel) else {
        panic!("{rel}: a data file of no family; add it to model::layout");
    };
    match family.wire {
        Wire::Index => same::<Index>(rel, text),
        Wire::Facts => same::<Facts>(rel, text),
        Wire::Departments => same::<DepartmentsFile>(rel, text),
        Wire::Themes => same::<ThemesFile>(rel, text),
        Wire::Document => same::<Document>(rel, text),
        Wire::DocRecords => same::<DocRecordsFile>(rel, text),
        Wire::DocMeta => same::<DocMetaFile>(rel, text),
        Wire::DocBucket => same::<DocBucket>(rel, text),
        Wire::DocNames => same::<DocNames>(rel, text),
        Wire::Topic => same::<Topic>(rel, text),
        Wire::ListIndex => same::<ListIndexFile>(rel, text),
        Wire::FieldChunk => same::<Chunk<Field>>(rel, text),
        Wire::ProjectChunk => same::<Chunk<Project>>(rel, text),
        Wire::TargetChunk => same::<Chunk<Target>>(rel, text),
        Wire::DocumentChunk => same::<Chunk<DocumentMeta>>(rel, text),
        Wire::Members => same::<Members>(rel, text),
        Wire::Manifest => same::<Manifest>(rel, text),
        Wire::Shard => same::<Shard>(rel, text),
        Wire::Top => same::<Top>(rel, text),
        Wire::TextChunk => same::<TextChunk>(rel, text),
    }
    assert_eq!(family.schema_version, model::SCHEMA_VERSION, "{rel}");
}

fn walk(dir: &Path, root: &Path, files: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            walk(&path, root, files);
        } else if path.extension().is_some_and(|e| e == "json") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            files.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn every_data_file_reads_as_its_type_and_back() {
    let root = common::data();
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    assert!(files.len() > 500, "only {} data files", files.len());
    for rel in &files {
        let text = std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        check(rel, &text);
    }
}

#[test]
fn a_record_broken_in_one_field_is_refused() {
    let text = std::fs::read_to_string(common::data().join("lists/targets/0.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    // A string where a number belongs, a missing required field, an unknown enum value.
    for (from, to) in [
        ("\"start\":0", "\"start\":\"0\""),
        ("\"indicator\":\"", "\"indicators\":\""),
        ("\"origin\":\"prose\"", "\"origin\":\"verse\""),
    ] {
        assert!(text.contains(from), "{from}");
        let broken = text.replacen(from, to, 1);
        assert!(
            model::parse_versioned::<Chunk<Target>>(&broken).is_err(),
            "{to}"
        );
    }
}
