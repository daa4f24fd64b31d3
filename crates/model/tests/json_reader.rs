//! Every shipped data file reads as its type, as the app reads it (serde_json, schema
//! version checked), and writes back to the same text.
#![allow(clippy::panic)] // test code: a failure is the report

mod common;

use model::files::{DepartmentsFile, DocBucket, DocMetaFile, DocRecordsFile, ThemesFile};
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

/// Which type a file under `data/` holds, and the check of it.
fn check(rel: &str, text: &str) {
    let parts: Vec<&str> = rel.split('/').collect();
    let numbered = |name: &str| name.trim_end_matches(".json").parse::<u32>().is_ok();
    match parts.as_slice() {
        ["documents.json"] => same::<Index>(rel, text),
        ["facts.json"] => same::<Facts>(rel, text),
        ["facts-departments.json"] => same::<DepartmentsFile>(rel, text),
        ["themes.json"] => same::<ThemesFile>(rel, text),
        ["doc", _] => same::<Document>(rel, text),
        ["records", _] => same::<DocRecordsFile>(rel, text),
        ["meta", _] => same::<DocMetaFile>(rel, text),
        ["ids", name] if numbered(name) => same::<DocBucket>(rel, text),
        ["search", "manifest.json"] => same::<Manifest>(rel, text),
        ["search", "text", _] => same::<TextChunk>(rel, text),
        ["search", "common", _] => same::<Shard>(rel, text),
        ["search", "top", _] => same::<Top>(rel, text),
        ["search", "list", _] => same::<Members>(rel, text),
        ["search", name] if numbered(name) => same::<Shard>(rel, text),
        ["lists", "names.json"] => same::<DocNames>(rel, text),
        ["lists", "topics", _] => same::<Topic>(rel, text),
        ["lists", _, "index.json"] => same::<ListIndexFile>(rel, text),
        ["lists", "fields", name] if numbered(name) => same::<Chunk<Field>>(rel, text),
        ["lists", "projects", name] if numbered(name) => same::<Chunk<Project>>(rel, text),
        ["lists", "targets", name] if numbered(name) => same::<Chunk<Target>>(rel, text),
        ["lists", "documents", name] if numbered(name) => same::<Chunk<DocumentMeta>>(rel, text),
        ["lists", _, _] => same::<Members>(rel, text),
        _ => panic!("{rel}: a data file this test does not know; add its type"),
    }
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
