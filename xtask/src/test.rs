//! The checks: the quick tier (`cargo xtask check`) and every check CI runs (`test`).

use crate::build::{build, write_page_table, TEST_PUBLIC_URL};
use crate::{budget, root, run, tools, validate, Result};
use std::path::Path;
use std::process::Command;

/// The quick tier: formatting, clippy (native and wasm32), the data build and the native
/// tests. No release build, no browser.
pub fn check() -> Result {
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Command::new("cargo").args([
        "clippy",
        "-p",
        "policy-explorer",
        "-p",
        "model",
        "-p",
        "web-shell",
        "-p",
        "home-page",
        "--features",
        "policy-explorer/csr,home-page/test-hooks",
        "--target",
        "wasm32-unknown-unknown",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The native tests read the generated data: build it first.
    crate::data::data(false, &root().join("data"), &root().join("public/data"))?;
    run(Command::new("cargo").args(["test", "--workspace", "--locked"]))
}

/// Every check CI runs: the quick tier, two release builds that must be byte-identical
/// (the generated data included), and the browser tests.
pub fn test() -> Result {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    check()?;
    build(Some(TEST_PUBLIC_URL))?;
    budget::check()?;
    validate::check_dist()?;
    let first = dist_digests()?;
    // The same inputs must give the same output, byte for byte.
    build(Some(TEST_PUBLIC_URL))?;
    same_output(&first, &dist_digests()?)?;
    write_page_table()?;
    build_test_hooks()?;
    let mut tests: Vec<String> = std::fs::read_dir(root().join("tests/browser"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .map(|n| format!("tests/browser/{n}"))
        .collect();
    tests.sort();
    run(Command::new("node")
        .arg("--test")
        .arg("--test-concurrency=1")
        .args(&tests)
        .env("PATH", tools::path_with_node_bin()))
}

/// Every file under `dist/` with the SHA-256 of its contents, in path order.
fn dist_digests() -> Result<std::collections::BTreeMap<String, String>> {
    use sha2::{Digest, Sha256};
    fn walk(
        dir: &Path,
        base: &Path,
        out: &mut std::collections::BTreeMap<String, String>,
    ) -> Result {
        for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                walk(&path, base, out)?;
            } else {
                let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                let rel = path
                    .strip_prefix(base)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                let hex: String = Sha256::digest(&bytes)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                out.insert(rel, hex);
            }
        }
        Ok(())
    }
    let dist = root().join("dist");
    let mut out = std::collections::BTreeMap::new();
    walk(&dist, &dist, &mut out)?;
    Ok(out)
}

/// Fails, naming the files, when two builds differ.
fn same_output(
    first: &std::collections::BTreeMap<String, String>,
    second: &std::collections::BTreeMap<String, String>,
) -> Result {
    let differing: Vec<&str> = first
        .keys()
        .chain(second.keys())
        .filter(|k| first.get(*k) != second.get(*k))
        .map(String::as_str)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if differing.is_empty() {
        let all: String = first.values().map(String::as_str).collect();
        use sha2::{Digest, Sha256};
        let hex: String = Sha256::digest(all.as_bytes())
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        eprintln!(
            "two builds gave identical dist/ ({} files, digest {hex})",
            first.len()
        );
        Ok(())
    } else {
        Err(format!(
            "two builds of the same inputs differ: {}",
            differing.join(", ")
        ))
    }
}

/// The home page built once more with the browser tests' hook (`test-hooks`: a way to set
/// off the panic screen) into `target/test-hooks/`, apart from the site in `dist/`.
fn build_test_hooks() -> Result {
    run(Command::new("trunk")
        .args([
            "build",
            "--release",
            "--offline",
            "--locked",
            "--features",
            "test-hooks",
            "--dist",
        ])
        .arg(root().join("target/test-hooks"))
        .arg("crates/home-page/index.html")
        .env("PATH", tools::path_with_node_bin()))
}
