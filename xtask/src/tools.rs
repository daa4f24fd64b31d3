//! Installs the tools the build and the tests need, only when they are missing, so that a
//! fresh machine gets them and a prepared one is left alone.

use crate::{root, run, Result};
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen not found in Cargo.lock".into())
}

/// `node_modules/.bin` first on PATH, so Trunk finds the npm `wasm-opt` (binaryen 132;
/// Debian's binaryen 108 produces a wasm that dies at start).
pub fn path_with_node_bin() -> String {
    let bin = root().join("node_modules/.bin");
    let cargo_bin = std::env::var("CARGO_HOME")
        .map(|h| format!("{h}/bin"))
        .unwrap_or_else(|_| format!("{}/.cargo/bin", std::env::var("HOME").unwrap_or_default()));
    format!(
        "{}:{}:{}",
        bin.display(),
        cargo_bin,
        std::env::var("PATH").unwrap_or_default()
    )
}

fn ensure_npm_packages() -> Result {
    let marker = root().join("node_modules/.package-lock.json");
    let lock = root().join("package-lock.json");
    let fresh = match (
        std::fs::metadata(&marker).and_then(|m| m.modified()),
        std::fs::metadata(&lock).and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if fresh && root().join("node_modules/.bin/wasm-opt").exists() {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

/// The wasm32 target, for the app's build and its clippy run.
pub fn ensure_wasm_target() -> Result {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    if output("trunk", &["--version"]).is_none_or(|v| !v.ends_with(TRUNK_VERSION)) {
        run(Command::new("cargo").args([
            "install",
            &format!("trunk@{TRUNK_VERSION}"),
            "--locked",
        ]))?;
    }
    let wbg = locked_wasm_bindgen()?;
    if output("wasm-bindgen", &["--version"]).is_none_or(|v| !v.ends_with(&wbg)) {
        // `--locked` fails for this version: one locked dependency is gone from the registry.
        run(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={wbg}"),
        ]))?;
    }
    ensure_npm_packages()
}

/// Debian's Chromium and a CJK font for the browser tests and screenshots.
pub fn ensure_test_tools() -> Result {
    ensure_debian_packages(&["chromium", "fonts-wqy-microhei"])
}

/// Java for the HTML checker, only if the machine has none.
pub fn ensure_java() -> Result {
    if output("java", &["-version"]).is_some() {
        return Ok(());
    }
    ensure_debian_packages(&["default-jre-headless"])
}

/// Installs those of `packages` that are missing, with apt-get.
fn ensure_debian_packages(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| {
            output("dpkg-query", &["-W", "-f=${Status}", p])
                .is_none_or(|s| !s.contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = if output("id", &["-u"]).as_deref() == Some("0") {
        vec![]
    } else {
        vec!["sudo"]
    };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.clone();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut cmd = Command::new(all[0]);
        cmd.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(missing);
    apt(&args)
}

/// Lighthouse for the benchmark only, kept out of the test tools (it is large).
pub fn ensure_lighthouse() -> Result {
    let dir = root().join("target/bench-tools");
    if dir.join("node_modules/lighthouse/cli/index.js").exists() {
        return Ok(());
    }
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    run(Command::new("npm").args([
        "install",
        "--no-audit",
        "--no-fund",
        "--prefix",
        "target/bench-tools",
        "lighthouse@12.8.2",
    ]))
}

/// twiggy (the wasm size profiler) under `target/bench-tools`, for the benchmark's size
/// breakdown; returns its path.
pub fn ensure_twiggy() -> Result<std::path::PathBuf> {
    let dir = root().join("target/bench-tools");
    let twiggy = dir.join("bin/twiggy");
    if !twiggy.exists() {
        run(Command::new("cargo").args([
            "install",
            "--locked",
            "--version",
            "0.8.0",
            "--root",
            "target/bench-tools",
            "twiggy",
        ]))?;
    }
    Ok(twiggy)
}
