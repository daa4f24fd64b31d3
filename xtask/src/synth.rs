//! `cargo xtask synth`: a synthetic corpus made from `data/`, for the scale benchmarks.

use crate::data::load_inputs;
use crate::{root, Result};
use std::path::PathBuf;

/// `cargo xtask synth --docs N [--out DIR]`: writes a synthetic corpus of N documents made
/// from `data/` (`prep::synth`) into DIR (default `target/synth-N`), laid out like `data/`.
pub fn run(docs: usize, out: Option<PathBuf>) -> Result {
    let out = out.unwrap_or_else(|| root().join(format!("target/synth-{docs}")));
    let real = load_inputs(&root().join("data"))?;
    let synth = prep::synth::synthesize(&real, docs).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    // A directory written before by this task is replaced; any other is left alone.
    const MARK: &str = "SYNTHETIC";
    if out.exists() {
        if !out.join(MARK).is_file() {
            return Err(format!(
                "{} exists and is not a synthetic corpus; choose another --out",
                out.display()
            ));
        }
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let write = |rel: &str, bytes: &[u8]| -> Result {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    let inputs = &synth.inputs;
    write(
        MARK,
        format!("A synthetic corpus of {docs} documents: `cargo xtask synth --docs {docs}`.\n")
            .as_bytes(),
    )?;
    write("documents.toml", inputs.spec.as_bytes())?;
    write("departments.toml", inputs.departments.as_bytes())?;
    write("comparisons.toml", inputs.comparisons.as_bytes())?;
    write("results.toml", inputs.results.as_bytes())?;
    write("themes.toml", inputs.themes.as_bytes())?;
    write("theme-overrides.toml", inputs.theme_overrides.as_bytes())?;
    for (name, bytes) in &inputs.sources {
        write(&format!("sources/{name}"), bytes)?;
    }
    for (label, text) in &inputs.facts {
        write(&format!("facts/{label}"), text.as_bytes())?;
    }
    for (id, n) in &synth.moved {
        eprintln!("{id}: {n} sibling sections shuffled");
    }
    if !synth.unshuffled.is_empty() {
        eprintln!(
            "kept in the real order (no shuffle parsed the same): {}",
            synth.unshuffled.join(" ")
        );
    }
    eprintln!(
        "wrote {docs} documents ({} sources, {} facts files) to {}",
        inputs.sources.len(),
        inputs.facts.len(),
        out.display()
    );
    Ok(())
}
