//! Every HTML file of the build through the W3C's Nu Html Checker (`vnu.jar`, npm
//! `vnu-jar`, run with the machine's Java): the test command fails on any error, naming file,
//! line and message; warnings are counted, not failed. With thousands of pages a seeded
//! sample is checked.

use crate::{root, run, tools, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// More pages than this are checked as a sample of this many (the checker takes about 0.1 s
/// a page on this machine).
const MOST_PAGES: usize = 2_000;

/// Every `.html` file under `dir` (also the sitemap's pages).
pub fn html_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            html_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}

/// Every page, or a sample of [`MOST_PAGES`] chosen by a fixed hash of their paths (the
/// same sample on every run), always with the top-level pages.
fn pages_to_check(dist: &Path) -> Result<Vec<PathBuf>> {
    let mut all = Vec::new();
    html_files(dist, &mut all)?;
    all.sort();
    if all.len() <= MOST_PAGES {
        return Ok(all);
    }
    use sha2::{Digest, Sha256};
    let key = |p: &PathBuf| Sha256::digest(p.to_string_lossy().as_bytes()).to_vec();
    all.sort_by_cached_key(|p| {
        (
            p.components().count() > dist.components().count() + 2,
            key(p),
        )
    });
    all.truncate(MOST_PAGES);
    Ok(all)
}

#[derive(serde::Deserialize)]
struct Report {
    messages: Vec<Message>,
}

#[derive(serde::Deserialize)]
struct Message {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    url: String,
    #[serde(rename = "lastLine", default)]
    line: u32,
    message: String,
}

/// Runs the checker over `dist/`; fails on any error.
pub fn check_dist() -> Result {
    tools::ensure_java()?;
    let dist = root().join("dist");
    let pages = pages_to_check(&dist)?;
    let jar = root().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let started = std::time::Instant::now();
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--also-check-svg"])
        .args(&pages)
        .output()
        .map_err(|e| format!("java -jar {}: {e}", jar.display()))?;
    let report: Report =
        serde_json::from_slice(&out.stderr).map_err(|e| format!("the checker's report: {e}"))?;
    let shown = |url: &str| url.rsplit("/dist/").next().unwrap_or(url).to_string();
    let errors: Vec<String> = report
        .messages
        .iter()
        .filter(|m| m.kind == "error" || m.kind == "non-document-error")
        .map(|m| format!("{}:{}: {}", shown(&m.url), m.line, m.message))
        .collect();
    let warnings = report.messages.iter().filter(|m| m.kind == "info").count();
    let line = format!(
        "Nu Html Checker: {} pages, {} errors, {warnings} warnings and notes, {:.1} s",
        pages.len(),
        errors.len(),
        started.elapsed().as_secs_f64()
    );
    if errors.is_empty() {
        eprintln!("{line}");
        return Ok(());
    }
    let listed: Vec<&str> = errors.iter().take(40).map(String::as_str).collect();
    Err(format!("{line}\n  {}", listed.join("\n  ")))
}

/// `cargo xtask validate`: the checker over the current `dist/` (after a build).
pub fn run_task() -> Result {
    if !root().join("node_modules/vnu-jar").exists() {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    check_dist()
}
