//! The post-build step that makes Trunk's two outputs (the explorer app from `index.html`,
//! the home page's small wasm from `crates/home-page/index.html`) one site hostable as plain
//! files under any sub-path with a strict Content-Security-Policy:
//!
//! - adds SRI to the one script tag Trunk writes (`public/boot.js`, see `pattern_script` in
//!   Trunk.toml; Trunk itself puts SRI on the glue and the wasm it preloads);
//! - adds the CSP `<meta>` to every HTML file, and one inline script allowed by its hash
//!   that applies the reader settings before the first paint;
//! - writes a copy of the app's `index.html` at each route of the page table
//!   (`documents/index.html`, …) whose `<base>` points back to the root, so every route
//!   opens, reloads and bookmarks with no server rewrite rules; the home page is the home
//!   build's `index.html`.
//!
//! Nothing here edits what Trunk's scripts say: the pages get tags added, not cut.

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

/// The tag Trunk writes for `pattern_script` (Trunk.toml), up to the address's query.
const BOOT_TAG: &str = "<script type=\"module\" src=\"./boot.js?";

/// One page shell as Trunk wrote it, made ready to host: the boot script with SRI, the CSP
/// and the early script.
fn finish(html: &str, boot_js: &[u8], what: &str) -> Result<String> {
    if html.contains("<script>") || html.contains("<script type=\"module\">") {
        return Err(format!(
            "{what}: an inline script is left; the CSP would block it"
        ));
    }
    if html.matches(BOOT_TAG).count() != 1 {
        return Err(format!(
            "{what}: expected one `{BOOT_TAG}…` tag (Trunk.toml pattern_script)"
        ));
    }
    if !html.contains("<base href=\"./\"") {
        return Err(format!(
            "{what}: no <base href=\"./\">: Trunk's public_url must be \"./\""
        ));
    }
    let boot = format!(
        "<script type=\"module\" integrity=\"{}\" crossorigin=\"anonymous\" src=\"./boot.js?",
        sri(boot_js)
    );
    let early = model::settings::early_script();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        csp(&early)
    );
    // After `<base>`, which must come before any link or script (HTML: the base element).
    let html = html.replacen(BOOT_TAG, &boot, 1);
    let base_end = html
        .find("<base href=")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1))
        .ok_or_else(|| format!("{what}: no <base> element"))?;
    let (head, rest) = html.split_at(base_end);
    if head.contains("<script") || head.contains("<link") {
        return Err(format!(
            "{what}: a link or script comes before <base>; put <base> first in <head>"
        ));
    }
    Ok(format!(
        "{head}\n  {meta}\n  <script>{early}</script>{rest}"
    ))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// `dist` holds the app's build, `home` the home page's: the site is written into `dist`.
pub fn post_build(dist: &Path, home: &Path) -> Result {
    let boot_js = read(&dist.join("boot.js"))?;
    let app = String::from_utf8(read(&dist.join("index.html"))?).map_err(|e| e.to_string())?;
    let app = finish(&app, &boot_js, "index.html")?;
    let routes: Vec<&str> = model::pages::PAGES
        .iter()
        .map(|p| p.segment)
        .filter(|s| !s.is_empty())
        .collect();
    for route in &routes {
        let dir = dist.join(route);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let copy = app.replacen("<base href=\"./\"", "<base href=\"../\"", 1);
        write(&dir.join("index.html"), copy.as_bytes())?;
    }
    // The home build's files (its wasm and glue; the stylesheet, icon and boot script are
    // the same files as the app's), and its page as the site's index.
    let mut copied = 0;
    for entry in std::fs::read_dir(home).map_err(|e| format!("{}: {e}", home.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        if path.is_file() && name != "index.html" {
            write(&dist.join(&name), &read(&path)?)?;
            copied += 1;
        }
    }
    if read(&home.join("boot.js"))? != boot_js {
        return Err("the two builds copied different boot.js files".into());
    }
    let home_page =
        String::from_utf8(read(&home.join("index.html"))?).map_err(|e| e.to_string())?;
    write(
        &dist.join("index.html"),
        finish(&home_page, &boot_js, "crates/home-page/index.html")?.as_bytes(),
    )?;
    eprintln!(
        "post-build: CSP and SRI added, {} route pages written, the home page's {copied} files joined",
        routes.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<html><head><meta charset=\"utf-8\"><base href=\"./\">\
        <script type=\"module\" src=\"./boot.js?js=a.js&amp;wasm=a_bg.wasm\"></script></head></html>";

    #[test]
    fn a_shell_gets_sri_csp_and_the_early_script() {
        let out = finish(SHELL, b"boot", "t").unwrap_or_default();
        assert!(out.contains(&format!("integrity=\"{}\"", sri(b"boot"))));
        assert!(out.contains("src=\"./boot.js?js=a.js&amp;wasm=a_bg.wasm\""));
        assert!(out.contains("Content-Security-Policy"));
        assert_eq!(
            out.matches("<script>").count(),
            1,
            "only the hashed early script"
        );
        let base = out.find("<base").unwrap_or(usize::MAX);
        assert!(base < out.find("<script").unwrap_or(0), "<base> first");
    }

    #[test]
    fn inline_loaders_and_missing_pieces_are_refused() {
        let inline = SHELL.replace("</head>", "<script type=\"module\">init()</script></head>");
        assert!(finish(&inline, b"", "t").is_err());
        assert!(finish(&SHELL.replace("./boot.js", "./other.js"), b"", "t").is_err());
        assert!(finish(&SHELL.replace("<base href=\"./\">", ""), b"", "t").is_err());
        let link_first = SHELL.replace(
            "<meta charset=\"utf-8\">",
            "<meta charset=\"utf-8\"><link rel=\"icon\" href=\"i.svg\">",
        );
        assert!(
            finish(&link_first, b"", "t").is_err(),
            "a link before <base>"
        );
    }
}
