//! `cargo xtask bench-pages [--corpus DIR]`: the static pages of every document, record,
//! theme and department for a corpus (a synthetic one from `cargo xtask synth`), written by
//! the prerender from that corpus's data into the route shells of the last build: how many
//! files, how many bytes, how long. Writes `target/bench/pages-<n>.md`.

use crate::build::{PRERENDER_BINARY, PRERENDER_BUILD};
use crate::data::{build_outputs, rendered, write_outputs};
use crate::{root, run, Result};
use model::pages::PAGES;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Files and bytes under `dir`, `data/` left out.
fn count(dir: &Path, skip: &Path) -> Result<(usize, u64)> {
    let mut total = (0, 0);
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path == skip {
            continue;
        }
        if path.is_dir() {
            let (n, b) = count(&path, skip)?;
            total = (total.0 + n, total.1 + b);
        } else {
            let len = path.metadata().map_err(|e| e.to_string())?.len();
            total = (total.0 + 1, total.1 + len);
        }
    }
    Ok(total)
}

pub fn run_task(corpus: &Path) -> Result {
    let dist = root().join("dist");
    let outputs = build_outputs(corpus)?;
    let docs = outputs.index.documents.len();
    let site = root().join(format!("target/bench/pages-{docs}"));
    if site.exists() {
        std::fs::remove_dir_all(&site).map_err(|e| e.to_string())?;
    }
    write_outputs(&rendered(&outputs)?, &site.join("data"), false)?;
    // The shells of the record pages, as the build left them (never prerendered themselves).
    for def in PAGES.iter().filter(|d| d.takes_id) {
        let shell = dist.join(def.segment).join("index.html");
        if !shell.exists() {
            return Err(format!("{}: run cargo xtask build first", shell.display()));
        }
        std::fs::create_dir_all(site.join(def.segment)).map_err(|e| e.to_string())?;
        std::fs::copy(&shell, site.join(def.segment).join("index.html"))
            .map_err(|e| e.to_string())?;
    }
    run(Command::new("cargo").args(PRERENDER_BUILD))?;
    let started = Instant::now();
    run(Command::new(root().join("target").join(PRERENDER_BINARY))
        .arg("--records")
        .arg(&site)
        .arg(site.join("data")))?;
    let seconds = started.elapsed().as_secs_f64();
    let (files, bytes) = count(&site, &site.join("data"))?;
    let report = format!(
        "# Record pages at {docs} documents\n\n\
         | pages written | bytes | time (s) |\n|---|---|---|\n\
         | {files} | {:.1} MB | {seconds:.1} |\n\n\
         The prerender (`{}`) over the data of `{}`, into the route shells of `dist/`.\n",
        bytes as f64 / 1e6,
        PRERENDER_BINARY,
        corpus.display()
    );
    let out = root().join(format!("target/bench/pages-{docs}.md"));
    std::fs::write(&out, &report).map_err(|e| format!("{}: {e}", out.display()))?;
    eprint!("{report}");
    Ok(())
}
