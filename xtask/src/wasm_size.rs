//! The app's wasm by crate, for `cargo xtask bench`: where the bytes go. The release wasm
//! (before wasm-bindgen, with its names) goes through `wasm-bindgen --keep-debug` and
//! `wasm-opt -Oz -g` (names kept, sizes close to the shipped file's), then `twiggy top`; each
//! item is counted to the crate its name starts with. Written to `target/bench/wasm-size.md`.

use crate::{root, tools, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

/// The crate an item's name belongs to: the first path segment, with the serde and chart
/// crates recognised anywhere in the name (their generic code is named after its caller).
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") {
        return "(data segments)".into();
    }
    for special in ["serde_json", "serde_core", "charts"] {
        if name.contains(&format!("{special}::")) || name.contains(&format!("{special}[")) {
            return special.into();
        }
    }
    let trimmed = name
        .trim_start_matches(['<', '&', ' '])
        .trim_start_matches("mut ");
    let first: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if first.is_empty() {
        "(other)".into()
    } else {
        first
    }
}

pub fn run() -> Result {
    let twiggy = tools::ensure_twiggy()?;
    let wasm = root().join("target/wasm32-unknown-unknown/release/policy-explorer.wasm");
    let out = root().join("target/bench/wasm-size");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    crate::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--keep-debug", "--out-dir"])
            .arg(&out)
            .arg(&wasm),
    )?;
    let bound = out.join("policy-explorer_bg.wasm");
    let named = out.join("named.wasm");
    crate::run(
        Command::new("wasm-opt")
            .args([
                "-Oz",
                "-g",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
            ])
            .arg(&bound)
            .arg("-o")
            .arg(&named)
            .env("PATH", tools::path_with_node_bin()),
    )?;
    let csv = Command::new(&twiggy)
        .args(["top", "-n", "1000000", "-f", "csv"])
        .arg(&named)
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&csv.stdout);
    let mut by_crate: BTreeMap<String, usize> = BTreeMap::new();
    let mut total = 0usize;
    for line in text.lines().skip(1) {
        // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names may
        // hold commas, so from the right.
        let mut fields = line.rsplitn(5, ',').skip(3);
        let (size, name) = (fields.next(), fields.next());
        let (Some(size), Some(name)) = (size.and_then(|s| s.parse::<usize>().ok()), name) else {
            continue;
        };
        let name = name.trim_matches('"').replace("\"\"", "\"");
        if name.contains("function names") || name.contains("data names") {
            continue;
        }
        total += size;
        *by_crate.entry(crate_of(&name)).or_default() += size;
    }
    let mut rows: Vec<(String, usize)> = by_crate.into_iter().collect();
    rows.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), c.clone()));
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# The app's wasm by crate\n\n`{}` through wasm-bindgen and `wasm-opt -Oz -g`, twiggy's shallow sizes (names section left out): {:.1} KB in all.\n\n| crate | KB | share |\n|---|---|---|",
        wasm.strip_prefix(root()).unwrap_or(&wasm).display(),
        total as f64 / 1024.0
    );
    for (c, n) in rows.iter().take(25) {
        let _ = writeln!(
            md,
            "| {c} | {:.1} | {:.1} % |",
            *n as f64 / 1024.0,
            100.0 * *n as f64 / total.max(1) as f64
        );
    }
    print!("{md}");
    std::fs::write(root().join("target/bench/wasm-size.md"), md).map_err(|e| e.to_string())
}
