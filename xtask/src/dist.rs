//! The post-build step that makes Trunk's output hostable as plain files under any
//! sub-path with a strict Content-Security-Policy:
//!
//! - moves Trunk's inline module loader into an external file with SRI, so `script-src`
//!   needs no `'unsafe-inline'`;
//! - adds the CSP `<meta>` to every HTML file, and one inline script allowed by its hash
//!   that applies the reader settings before the first paint;
//! - writes a copy of `index.html` at each route (`documents/index.html`, …) whose `<base>`
//!   points back to the root, so every route opens, reloads and bookmarks with no server
//!   rewrite rules.

use crate::Result;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::path::Path;

/// The policy, with the hash of the one inline script (`model::settings::early_script`).
pub fn csp(early_script: &str) -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(early_script));
    format!("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
}

pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Makes Trunk's loader fetch and start the wasm only once the page has painted: the first
/// view is in the HTML (prerendered), so the wasm must not compete with it for the network
/// or the main thread. A page that never paints (a background tab) starts after 3 s.
fn start_after_first_paint(loader: &str) -> Result<String> {
    let init = "const wasm = await init(";
    if !loader.contains(init) {
        return Err(format!(
            "Trunk's loader has changed; expected `{init}` in it"
        ));
    }
    let wait = "await new Promise((go) => {\n  try {\n    new PerformanceObserver((list, seen) => { seen.disconnect(); go(); }).observe({ type: \"paint\", buffered: true });\n  } catch (e) {\n    go();\n  }\n  setTimeout(go, 3000);\n});\n";
    Ok(loader.replacen(init, &format!("{wait}{init}"), 1))
}

/// Replaces the first inline `<script type="module">…</script>` with an external file.
fn externalize_loader(html: &str, dist: &Path) -> Result<String> {
    let open = "<script type=\"module\">";
    let Some(start) = html.find(open) else {
        return Ok(html.to_string());
    };
    let body_start = start + open.len();
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or("unterminated loader script")?;
    let body = start_after_first_paint(html[body_start..end].trim())?;
    let body = body.as_str();
    let hash = Sha384::digest(body.as_bytes());
    let name = format!(
        "boot-{}.js",
        hash.iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    std::fs::write(dist.join(&name), body).map_err(|e| e.to_string())?;
    let tag = format!("<script type=\"module\" src=\"./{name}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>", sri(body.as_bytes()));
    Ok(format!(
        "{}{}{}",
        &html[..start],
        tag,
        &html[end + "</script>".len()..]
    ))
}

fn add_csp_and_early_script(html: &str) -> String {
    let early = model::settings::early_script();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        csp(&early)
    );
    html.replacen(
        "<meta charset=\"utf-8\">",
        &format!("<meta charset=\"utf-8\">\n  {meta}\n  <script>{early}</script>"),
        1,
    )
}

pub fn post_build(dist: &Path) -> Result {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    if html.contains("<script>") {
        return Err("index.html already has an inline script; the CSP would block it".into());
    }
    let html = externalize_loader(&html, dist)?;
    if html.contains("<script type=\"module\">") {
        return Err("an inline script is left in index.html; the CSP would block it".into());
    }
    let html = add_csp_and_early_script(&html);
    if !html.contains("<base href=\"./\"") {
        return Err(
            "index.html has no <base href=\"./\">: Trunk's public_url must be \"./\"".into(),
        );
    }
    std::fs::write(&index_path, &html).map_err(|e| e.to_string())?;
    let routes: Vec<&str> = model::pages::PAGES
        .iter()
        .map(|p| p.segment)
        .filter(|s| !s.is_empty())
        .collect();
    for route in &routes {
        let dir = dist.join(route);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let copy = html.replacen("<base href=\"./\"", "<base href=\"../\"", 1);
        std::fs::write(dir.join("index.html"), copy).map_err(|e| e.to_string())?;
    }
    eprintln!(
        "post-build: loader externalised, CSP added, {} route pages written",
        routes.len()
    );
    Ok(())
}
