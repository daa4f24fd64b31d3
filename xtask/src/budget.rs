//! The app's wasm size budget, enforced by the test command after the release build: the
//! shipped wasm, brotli-compressed (quality 11, as a server would serve it), must stay
//! within [`APP_WASM_BROTLI`]. A size, measured; never a timing.

use crate::{root, Result};

/// 320 KB (of 1 024 bytes, as every figure of the benchmark) with the commissioned stack in
/// it: Leptos, leptos_router, serde/serde_json, gloo-net, plotters and plotters-canvas.
pub const APP_WASM_BROTLI: usize = 320 * 1024;

/// The app's wasm in `dist/` (the hashed `policy-explorer-*_bg.wasm`).
fn app_wasm() -> Result<std::path::PathBuf> {
    let dist = root().join("dist");
    std::fs::read_dir(&dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("policy-explorer-") && n.ends_with("_bg.wasm"))
        })
        .ok_or_else(|| "dist/ has no policy-explorer-*_bg.wasm: build first".to_string())
}

/// Fails when the app's wasm exceeds its budget; prints the size either way.
pub fn check() -> Result {
    let path = app_wasm()?;
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let brotli = crate::bench_data::brotli_len(&bytes, 11)?;
    let kb = |n: usize| n as f64 / 1024.0;
    let line = format!(
        "app wasm: {:.1} KB raw, {:.1} KB brotli (budget {:.0} KB)",
        kb(bytes.len()),
        kb(brotli),
        kb(APP_WASM_BROTLI)
    );
    if brotli > APP_WASM_BROTLI {
        return Err(format!("{line}: over budget"));
    }
    eprintln!("{line}");
    Ok(())
}
