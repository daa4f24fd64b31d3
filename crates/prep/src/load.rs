//! The pipeline's one IO edge: reads a corpus directory laid out like `data/` into
//! [`Inputs`]. Everything else in `prep` is pure (`build(&Inputs)`), so the tests and every
//! `xtask` command read the inputs the same way through [`load_inputs`].

use crate::Inputs;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The name of a facts file the build never reads: records drafted by `cargo xtask draft`
/// (`data/facts/<id>/draft.toml`), not yet reviewed into a curated file.
pub const DRAFT_FILE: &str = "draft.toml";

/// Reads everything the pipeline reads from `data` (a directory laid out like `data/`):
/// `documents.toml`, the sources `sources/*.txt` (raw bytes, by file name), the curated
/// facts `facts/<id>/*.toml` but [`DRAFT_FILE`] (labelled `<id>/<file>`, directories then
/// files in name order), the departments, comparisons, themes and theme overrides, and
/// `results.toml` (optional: a corpus made before results existed has none).
pub fn load_inputs(data: &Path) -> Result<Inputs, String> {
    let mut sources = BTreeMap::new();
    for path in files_in(&data.join("sources"), "txt")? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        sources.insert(
            name,
            std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?,
        );
    }
    let facts_dir = data.join("facts");
    let mut doc_dirs: Vec<PathBuf> = std::fs::read_dir(&facts_dir)
        .map_err(|e| format!("{}: {e}", facts_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    doc_dirs.sort();
    let mut facts = Vec::new();
    for dir in doc_dirs {
        for f in files_in(&dir, "toml")? {
            if f.file_name().is_some_and(|n| n == DRAFT_FILE) {
                continue;
            }
            let label = f
                .strip_prefix(&facts_dir)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            facts.push((label, read(&f)?));
        }
    }
    Ok(Inputs {
        spec: read(&data.join("documents.toml"))?,
        sources,
        facts,
        departments: read(&data.join("departments.toml"))?,
        comparisons: read(&data.join("comparisons.toml"))?,
        results: match std::fs::read_to_string(data.join("results.toml")) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            other => other.map_err(|e| format!("data/results.toml: {e}"))?,
        },
        themes: read(&data.join("themes.toml"))?,
        theme_overrides: read(&data.join("theme-overrides.toml"))?,
    })
}

/// The files of `dir` with extension `ext`, sorted.
fn files_in(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == ext) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code
    use super::*;

    /// A small corpus in a fresh directory: `files` as `(path, text)`.
    fn corpus(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("prep-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    const COMMON: [(&str, &str); 7] = [
        ("documents.toml", "spec"),
        ("sources/a.txt", "text"),
        ("sources/notes.md", "not a source"),
        ("departments.toml", "departments"),
        ("comparisons.toml", "comparisons"),
        ("themes.toml", "themes"),
        ("theme-overrides.toml", "overrides"),
    ];

    #[test]
    fn reads_the_curated_facts_but_never_a_draft() {
        let mut files = COMMON.to_vec();
        files.extend([
            ("facts/b/targets.toml", "b targets"),
            ("facts/a/projects.toml", "a projects"),
            ("facts/a/draft.toml", "drafted, not reviewed"),
            ("facts/a/README.md", "not a facts file"),
            ("results.toml", "results"),
        ]);
        let dir = corpus("draft", &files);
        let inputs = load_inputs(&dir).unwrap();
        let labels: Vec<&str> = inputs.facts.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["a/projects.toml", "b/targets.toml"]);
        assert_eq!(inputs.sources.keys().collect::<Vec<_>>(), ["a.txt"]);
        assert_eq!(inputs.results, "results");
        assert_eq!(inputs.theme_overrides, "overrides");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn results_are_optional_the_rest_is_not() {
        let mut files = COMMON.to_vec();
        files.push(("facts/a/fields.toml", "a fields"));
        let dir = corpus("optional", &files);
        assert_eq!(load_inputs(&dir).unwrap().results, "");
        std::fs::remove_file(dir.join("themes.toml")).unwrap();
        let err = load_inputs(&dir).err().unwrap_or_default();
        assert!(err.contains("themes.toml"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
