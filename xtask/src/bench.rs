//! The benchmarks in the browser: the budgets (`cargo xtask bench`) and the app at scale
//! (`bench-scale`).

use crate::build::{build, write_page_table, TEST_PUBLIC_URL};
use crate::data::{build_outputs, rendered, write_outputs};
use crate::{root, run, tools, wasm_size, Result};
use std::path::Path;
use std::process::Command;

/// `cargo xtask bench`: sizes, Lighthouse and in-browser timings against the budgets, then
/// the app's wasm by crate.
pub fn bench() -> Result {
    tools::ensure_test_tools()?;
    build(Some(TEST_PUBLIC_URL))?;
    write_page_table()?;
    tools::ensure_lighthouse()?;
    run(Command::new("node")
        .arg("tests/browser/bench.mjs")
        .env("PATH", tools::path_with_node_bin()))?;
    wasm_size::run()
}

/// `cargo xtask bench-scale [--corpus DIR] [--no-build]`: builds the release app (unless
/// `--no-build`), builds the corpus's data into `target/bench/site-N/data`, puts the app
/// beside it and runs `tests/browser/bench-scale.mjs` over it.
pub fn bench_scale(corpus: &Path, no_build: bool) -> Result {
    tools::ensure_test_tools()?;
    if !no_build {
        build(Some(TEST_PUBLIC_URL))?;
    }
    write_page_table()?;
    let started = std::time::Instant::now();
    let outputs = build_outputs(corpus)?;
    let docs = outputs.index.documents.len();
    let site = root().join(format!("target/bench/site-{docs}"));
    if site.exists() {
        std::fs::remove_dir_all(&site).map_err(|e| e.to_string())?;
    }
    let files = rendered(&outputs)?;
    write_outputs(&files, &site.join("data"), false)?;
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    eprintln!(
        "data of {docs} documents built and written in {:.1} s (profile {}): {} files, {:.1} MB",
        started.elapsed().as_secs_f64(),
        if cfg!(debug_assertions) {
            "dev"
        } else {
            "release"
        },
        files.len(),
        bytes as f64 / 1e6
    );
    // The app: every built file but the real corpus's data.
    let dist = root().join("dist");
    fn copy(from: &Path, to: &Path, skip: &Path) -> Result {
        std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
        for e in std::fs::read_dir(from)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let path = e.path();
            if path == skip {
                continue;
            }
            let target = to.join(e.file_name());
            if path.is_dir() {
                copy(&path, &target, skip)?;
            } else {
                std::fs::copy(&path, &target).map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }
    copy(&dist, &site, &dist.join("data"))?;
    let mut node = Command::new("node");
    node.arg("tests/browser/bench-scale.mjs")
        .arg(&site)
        .arg(docs.to_string());
    // A synthetic corpus is also measured at the real corpus's compression ratios (from the
    // real corpus's site, which `bench-scale` without `--corpus` writes).
    let is_real = corpus == root().join("data");
    let real = root().join("target/bench/site-11");
    if !is_real && real.exists() {
        node.arg(&real);
    }
    node.env("SCALE_REAL", if is_real { "1" } else { "0" });
    run(node.env("PATH", tools::path_with_node_bin()))
}
