//! The data layout: every family of files under `public/data/`, as one table of path
//! pattern → wire type → schema version. The build writes its files through the path
//! functions each family names; a test matches every shipped file against this table and
//! reads it as its type; another requires ARCHITECTURE.md's table to be [`table`].
//!
//! A pattern is a path whose segments may hold placeholders: `<n>` is a number, any other
//! `<name>` is text without `/`. A path belongs to the first family it matches.

use crate::SCHEMA_VERSION;

/// The wire type of a family's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// [`crate::Index`]
    Index,
    /// [`crate::Facts`]
    Facts,
    /// [`crate::files::DepartmentsFile`]
    Departments,
    /// [`crate::files::ThemesFile`]
    Themes,
    /// [`crate::Document`]
    Document,
    /// [`crate::files::DocRecordsFile`]
    DocRecords,
    /// [`crate::files::DocMetaFile`]
    DocMeta,
    /// [`crate::files::DocBucket`]
    DocBucket,
    /// [`crate::lists::DocNames`]
    DocNames,
    /// [`crate::lists::Topic`]
    Topic,
    /// [`crate::lists::ListIndexFile`]
    ListIndex,
    /// [`crate::lists::Chunk`] of [`crate::Field`]
    FieldChunk,
    /// [`crate::lists::Chunk`] of [`crate::Project`]
    ProjectChunk,
    /// [`crate::lists::Chunk`] of [`crate::Target`]
    TargetChunk,
    /// [`crate::lists::Chunk`] of [`crate::DocumentMeta`]
    DocumentChunk,
    /// [`crate::lists::Members`]
    Members,
    /// [`crate::search_index::Manifest`]
    Manifest,
    /// [`crate::search_index::Shard`]
    Shard,
    /// [`crate::search_index::Top`]
    Top,
    /// [`crate::search_index::TextChunk`]
    TextChunk,
}

/// One family of data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Family {
    /// Path under `public/data/`, with placeholders.
    pub pattern: &'static str,
    pub wire: Wire,
    /// The type's name as the table shows it.
    pub type_name: &'static str,
    /// The `schema_version` its files carry.
    pub schema_version: u32,
    /// Where the build takes its paths from.
    pub path_fn: &'static str,
}

const fn family(
    pattern: &'static str,
    wire: Wire,
    type_name: &'static str,
    path_fn: &'static str,
) -> Family {
    Family {
        pattern,
        wire,
        type_name,
        schema_version: SCHEMA_VERSION,
        path_fn,
    }
}

/// Every family, in the order a path is matched (the more specific first).
pub const LAYOUT: &[Family] = &[
    family(
        "documents.json",
        Wire::Index,
        "Index",
        "files::ALL_DOCUMENTS",
    ),
    family("facts.json", Wire::Facts, "Facts", "files::ALL_FACTS"),
    family(
        "facts-departments.json",
        Wire::Departments,
        "files::DepartmentsFile",
        "DepartmentsFile::PATH",
    ),
    family(
        "themes.json",
        Wire::Themes,
        "files::ThemesFile",
        "ThemesFile::PATH",
    ),
    family(
        "doc/<file>.json",
        Wire::Document,
        "Document",
        "files::document_part",
    ),
    family(
        "records/<id>.json",
        Wire::DocRecords,
        "files::DocRecordsFile",
        "DocRecordsFile::path",
    ),
    family(
        "meta/<id>.json",
        Wire::DocMeta,
        "files::DocMetaFile",
        "DocMetaFile::path",
    ),
    family(
        "ids/<n>.json",
        Wire::DocBucket,
        "files::DocBucket",
        "DocBucket::path",
    ),
    family(
        "lists/names.json",
        Wire::DocNames,
        "lists::DocNames",
        "lists::DOC_NAMES",
    ),
    family(
        "lists/topics/<key>-<value>.json",
        Wire::Topic,
        "lists::Topic",
        "Topic::path",
    ),
    family(
        "lists/<kind>/index.json",
        Wire::ListIndex,
        "lists::ListIndexFile",
        "ListKind::index_file",
    ),
    family(
        "lists/fields/<n>.json",
        Wire::FieldChunk,
        "lists::Chunk<Field>",
        "ListKind::chunk_file",
    ),
    family(
        "lists/projects/<n>.json",
        Wire::ProjectChunk,
        "lists::Chunk<Project>",
        "ListKind::chunk_file",
    ),
    family(
        "lists/targets/<n>.json",
        Wire::TargetChunk,
        "lists::Chunk<Target>",
        "ListKind::chunk_file",
    ),
    family(
        "lists/documents/<n>.json",
        Wire::DocumentChunk,
        "lists::Chunk<DocumentMeta>",
        "ListKind::chunk_file",
    ),
    family(
        "lists/<kind>/<key>-<n>.json",
        Wire::Members,
        "lists::Members",
        "ListKind::member_file",
    ),
    family(
        "search/manifest.json",
        Wire::Manifest,
        "search_index::Manifest",
        "search_index::MANIFEST",
    ),
    family(
        "search/<n>.json",
        Wire::Shard,
        "search_index::Shard",
        "search_index::shard_file",
    ),
    family(
        "search/common/<n>-<kind>.json",
        Wire::Shard,
        "search_index::Shard",
        "search_index::common_file",
    ),
    family(
        "search/top/<n>.json",
        Wire::Top,
        "search_index::Top",
        "search_index::top_file",
    ),
    family(
        "search/list/<n>-<list>.json",
        Wire::Members,
        "lists::Members",
        "search_index::list_matches_files",
    ),
    family(
        "search/text/<n>.json",
        Wire::TextChunk,
        "search_index::TextChunk",
        "search_index::text_chunk_file",
    ),
];

/// The family a path under `public/data/` belongs to; None for a path no family has.
pub fn family_of(path: &str) -> Option<&'static Family> {
    LAYOUT.iter().find(|f| matches(f.pattern, path))
}

/// Whether `path` matches `pattern`, segment by segment.
fn matches(pattern: &str, path: &str) -> bool {
    let (mut p, mut s) = (pattern.split('/'), path.split('/'));
    loop {
        match (p.next(), s.next()) {
            (None, None) => return true,
            (Some(p), Some(s)) if segment(p, s) => {}
            _ => return false,
        }
    }
}

/// Whether one segment matches: literal text and placeholders, a placeholder taking as
/// little as it can (`<key>-<n>` splits at the last `-` before a number).
fn segment(pattern: &str, text: &str) -> bool {
    let Some(open) = pattern.find('<') else {
        return pattern == text;
    };
    let (literal, rest) = pattern.split_at(open);
    let Some(text) = text.strip_prefix(literal) else {
        return false;
    };
    let Some((name, after)) = rest.strip_prefix('<').and_then(|r| r.split_once('>')) else {
        return false;
    };
    // Every split of `text` into the placeholder's value and what follows.
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .skip(1)
        .any(|i| {
            let (value, tail) = text.split_at(i);
            let fits = if name == "n" {
                value.bytes().all(|b| b.is_ascii_digit())
            } else {
                !value.contains('/')
            };
            fits && segment(after, tail)
        })
}

/// The layout as the Markdown table ARCHITECTURE.md holds.
pub fn table() -> String {
    let mut out = String::from(
        "| path under `public/data/` | wire type (`model::`) | schema | written through |\n|---|---|---|---|\n",
    );
    for f in LAYOUT {
        // The version every file shares, by name, so that a new version changes no table.
        let schema = if f.schema_version == SCHEMA_VERSION {
            "`SCHEMA_VERSION`".to_string()
        } else {
            f.schema_version.to_string()
        };
        out.push_str(&format!(
            "| `{}` | `{}` | {schema} | `{}` |\n",
            f.pattern, f.type_name, f.path_fn
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)] // test code
    use super::*;
    use crate::files::{
        self, DepartmentsFile, DocBucket, DocMetaFile, DocRecordsFile, RecordFile, ThemesFile,
    };
    use crate::lists::{self, ListKind, Topic};
    use crate::search::Kind;
    use crate::search_index as si;

    fn wire(path: &str) -> Wire {
        family_of(path)
            .map(|f| f.wire)
            .unwrap_or_else(|| panic!("{path}: no family"))
    }

    /// The writer's path functions give paths of the family that names them.
    #[test]
    fn the_path_functions_give_their_familys_paths() {
        let cases = [
            (files::ALL_DOCUMENTS.to_string(), Wire::Index),
            (files::ALL_FACTS.to_string(), Wire::Facts),
            (DepartmentsFile::PATH.to_string(), Wire::Departments),
            (ThemesFile::PATH.to_string(), Wire::Themes),
            (
                files::document_part("gongzuo-baogao-2020.2.json"),
                Wire::Document,
            ),
            (files::document_part("haochaping.json"), Wire::Document),
            (DocRecordsFile::path("yanglao-fuwu"), Wire::DocRecords),
            (DocMetaFile::path("yanglao-fuwu"), Wire::DocMeta),
            (DocBucket::path(7), Wire::DocBucket),
            (lists::DOC_NAMES.to_string(), Wire::DocNames),
            (Topic::path("dept", "d-015410eb"), Wire::Topic),
            (Topic::path("theme", "elderly-care"), Wire::Topic),
            (ListKind::Fields.chunk_file(3), Wire::FieldChunk),
            (ListKind::Projects.chunk_file(3), Wire::ProjectChunk),
            (ListKind::Targets.chunk_file(3), Wire::TargetChunk),
            (ListKind::Documents.chunk_file(0), Wire::DocumentChunk),
            (ListKind::Targets.member_file("year", 2), Wire::Members),
            (ListKind::Documents.member_file("region", 0), Wire::Members),
            (si::MANIFEST.to_string(), Wire::Manifest),
            (si::shard_file(511), Wire::Shard),
            (si::common_file(2, Kind::Text), Wire::Shard),
            (si::top_file(2), Wire::Top),
            (si::text_chunk_file(12), Wire::TextChunk),
        ];
        for kind in [
            ListKind::Fields,
            ListKind::Projects,
            ListKind::Targets,
            ListKind::Documents,
        ] {
            assert_eq!(wire(&kind.index_file()), Wire::ListIndex);
        }
        for (path, expected) in cases {
            assert_eq!(wire(&path), expected, "{path}");
        }
        assert_eq!(wire("search/list/2-targets.json"), Wire::Members);
        assert_eq!(family_of("search/other.json"), None);
        assert_eq!(family_of("lists/targets/x/0.json"), None);
    }

    #[test]
    fn architecture_shows_the_layout() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ARCHITECTURE.md");
        let text = std::fs::read_to_string(path).unwrap();
        assert!(
            text.contains(&table()),
            "ARCHITECTURE.md's data layout table differs from model::layout::table():\n{}",
            table()
        );
    }
}
