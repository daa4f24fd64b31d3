//! What the tests over the real corpus share: the inputs of `data/`, read as `xtask` reads them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)] // test code

use prep::Inputs;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

pub fn inputs() -> Inputs {
    let data = data_dir();
    let mut sources = BTreeMap::new();
    for e in std::fs::read_dir(data.join("sources")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            sources.insert(
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            );
        }
    }
    let mut facts = Vec::new();
    for d in std::fs::read_dir(data.join("facts")).unwrap() {
        let d = d.unwrap().path();
        if d.is_dir() {
            for f in std::fs::read_dir(&d).unwrap() {
                let f = f.unwrap().path();
                let label = format!(
                    "{}/{}",
                    d.file_name().unwrap().to_string_lossy(),
                    f.file_name().unwrap().to_string_lossy()
                );
                facts.push((label, std::fs::read_to_string(&f).unwrap()));
            }
        }
    }
    facts.sort();
    Inputs {
        spec: std::fs::read_to_string(data.join("documents.toml")).unwrap(),
        sources,
        facts,
        departments: std::fs::read_to_string(data.join("departments.toml")).unwrap(),
        comparisons: std::fs::read_to_string(data.join("comparisons.toml")).unwrap(),
        results: std::fs::read_to_string(data.join("results.toml")).unwrap(),
        themes: std::fs::read_to_string(data.join("themes.toml")).unwrap(),
        theme_overrides: std::fs::read_to_string(data.join("theme-overrides.toml")).unwrap(),
    }
}
