//! Reading the shipped data (`public/data/`) in the model's tests.
#![allow(clippy::panic)] // test code: a failure is the report

use std::path::{Path, PathBuf};

pub fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// `public/data/<rel>`, parsed as the app parses it (schema version checked).
#[allow(dead_code)] // not every test file reads a typed file
pub fn read<T: serde::de::DeserializeOwned>(rel: &str) -> T {
    let text = std::fs::read_to_string(data().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    model::parse_versioned(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A kind's list index as the app assembles it: its index file with, for a record kind,
/// the documents' names.
#[allow(dead_code)] // not every test file reads a list
pub fn read_list(kind: model::lists::ListKind) -> model::lists::ListIndex {
    let file: model::lists::ListIndexFile = read(&kind.index_file());
    let names: Option<model::lists::DocNames> =
        kind.has_doc_runs().then(|| read(model::lists::DOC_NAMES));
    model::lists::ListIndex::assemble(&file, names.as_ref())
        .unwrap_or_else(|e| panic!("{}: {e}", kind.index_file()))
}
