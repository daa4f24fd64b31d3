//! The release build into `dist/` (`cargo xtask build`), serving it (`serve`) and the page
//! table of the browser tests (`pages`).

use crate::{dist, root, run, sitemap, tools, Result};
use std::process::Command;

/// `cargo xtask build [--public-url /a/b/] [--site-url https://…/a/b/]`: the release build;
/// with a site address, also its `sitemap.xml`.
///
/// `--public-url` is where the site will be hosted. The pages work under any sub-path
/// without it; with it the build also writes `404.html`, whose links must be absolute
/// because a server shows it at any unknown address.
pub fn build_site(public_url: Option<&str>, site_url: Option<&str>) -> Result {
    build(public_url)?;
    match site_url {
        Some(site) => sitemap::write(&root().join("dist"), site),
        None => Ok(()),
    }
}

/// Where `serve`, the tests and the benchmark host the site.
pub const TEST_PUBLIC_URL: &str = "/zwgk/zcdl/";

/// The release output in `dist/`: Trunk, the post-build step, the native prerender of the
/// first views, and the home page's small wasm. No browser runs.
pub fn build(public_url: Option<&str>) -> Result {
    tools::ensure_build_tools()?;
    crate::data::data(false, &root().join("data"), &root().join("public/data"))?;
    run(Command::new("cargo").args(["fetch", "--locked"]))?;
    run(Command::new("trunk")
        .args(["build", "--release", "--offline", "--locked"])
        .env("PATH", tools::path_with_node_bin()))?;
    // The home page's own small wasm, built by Trunk from its own shell.
    let home = root().join("target/home-dist");
    run(Command::new("trunk")
        .args(["build", "--release", "--offline", "--locked", "--dist"])
        .arg(&home)
        .arg("crates/home-page/index.html")
        .env("PATH", tools::path_with_node_bin()))?;
    dist::post_build(&root().join("dist"), &home)?;
    run(Command::new("cargo").args(PRERENDER_BUILD))?;
    run(Command::new(root().join("target").join(PRERENDER_BINARY))
        .args(["dist", "public/data"])
        .args(public_url))
}

/// How the native prerender is built (a part of every release build), and its binary under
/// `target/`.
pub const PRERENDER_BUILD: &[&str] = &[
    "build",
    "--quiet",
    "--locked",
    "--offline",
    "-p",
    "prerender",
];
pub const PRERENDER_BINARY: &str = "debug/prerender";

/// Writes the page table for the browser tests (`model::pages::table_json`).
pub fn write_page_table() -> Result {
    let path = root().join("target/pages.json");
    std::fs::create_dir_all(root().join("target")).map_err(|e| e.to_string())?;
    std::fs::write(&path, model::pages::table_json())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// `cargo xtask serve [--port N]`: the release build, served on 127.0.0.1 under
/// [`TEST_PUBLIC_URL`].
pub fn serve(port: &str) -> Result {
    build(Some(TEST_PUBLIC_URL))?;
    let prefix = TEST_PUBLIC_URL;
    println!("Serving dist/ at http://127.0.0.1:{port}{prefix}  (Ctrl-C to stop)");
    run(Command::new("node").args(["tests/browser/server.mjs", "dist", port, prefix]))
}
