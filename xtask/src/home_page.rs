//! The home page ships without the explorer app: it is prerendered in full, so it gets the
//! small `home-page` wasm (reader settings, panic screen) in place of Trunk's loader. This
//! keeps its first view far under budget; the app loads on the next page a reader opens.

use crate::{dist::sri, root, run, tools, Result};
use sha2::{Digest, Sha384};
use std::path::Path;
use std::process::Command;

/// Removes the first `<open …>` tag (through `close`) whose text contains `needle`.
fn remove_tag(html: &str, open: &str, needle: &str, close: &str) -> Result<String> {
    let mut from = 0;
    while let Some(i) = html[from..].find(open).map(|i| from + i) {
        let end = html[i..]
            .find(close)
            .map(|e| i + e + close.len())
            .ok_or_else(|| format!("unterminated {open}"))?;
        if html[i..end].contains(needle) {
            return Ok(format!("{}{}", &html[..i], &html[end..]));
        }
        from = end;
    }
    Err(format!("no {open}…{needle}… in the home page"))
}

pub fn install(dist: &Path) -> Result {
    run(Command::new("cargo").args([
        "build",
        "--release",
        "--locked",
        "--offline",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "home-page",
    ]))?;
    let out = root().join("target/home-page");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(root().join("target/wasm32-unknown-unknown/release/home-page.wasm"))
        .env("PATH", tools::path_with_node_bin()))?;
    let optimized = out.join("home-page.opt.wasm");
    run(Command::new("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(out.join("home-page_bg.wasm"))
        .arg("-o")
        .arg(&optimized)
        .env("PATH", tools::path_with_node_bin()))?;
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let wasm = read(&optimized)?;
    let glue = read(&out.join("home-page.js"))?;
    let hash: String = Sha384::digest([wasm.as_slice(), glue.as_slice()].concat())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let (wasm_name, glue_name, boot_name) = (
        format!("home-page-{hash}_bg.wasm"),
        format!("home-page-{hash}.js"),
        format!("home-boot-{hash}.js"),
    );
    let boot = format!(
        "import init, * as bindings from './{glue_name}';\nawait init({{ module_or_path: './{wasm_name}' }});\nwindow.wasmBindings = bindings;\n"
    );
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dist.join(name), bytes).map_err(|e| format!("{name}: {e}"))
    };
    write(&wasm_name, &wasm)?;
    write(&glue_name, &glue)?;
    write(&boot_name, boot.as_bytes())?;

    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| e.to_string())?;
    if !html.contains("data-prerendered") {
        return Err("the home page is not prerendered; it cannot go without the app".into());
    }
    let html = remove_tag(&html, "<script type=\"module\"", "boot-", "</script>")?;
    let html = remove_tag(&html, "<link rel=\"modulepreload\"", "policy-explorer", ">")?;
    let tags = format!(
        "<script type=\"module\" src=\"./{boot_name}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>\n  <link rel=\"modulepreload\" href=\"./{glue_name}\" integrity=\"{}\" crossorigin=\"anonymous\">\n  <link rel=\"preload\" href=\"./{wasm_name}\" as=\"fetch\" type=\"application/wasm\" integrity=\"{}\" crossorigin=\"anonymous\">\n</head>",
        sri(boot.as_bytes()),
        sri(&glue),
        sri(&wasm)
    );
    let html = html.replacen("</head>", &tags, 1);
    std::fs::write(&index, html).map_err(|e| e.to_string())?;
    eprintln!(
        "home page: {} KB wasm, {} KB glue, in place of the app",
        wasm.len() / 1024,
        glue.len() / 1024
    );
    Ok(())
}
