//! Developer tasks as code. `cargo xtask <task>`:
//!
//! - `serve`     install what is missing, build the release app, serve it on 127.0.0.1
//! - `test`      install what the tests need and run every check CI runs
//! - `check`     the quick tier: fmt, clippy (native and wasm32), the data, native tests
//! - `data`      generate `public/data/` (build output, not in git) from `data/` (`--check`:
//!   fail if it is stale;
//!   `--corpus DIR --out DIR2`: another corpus laid out like `data/`, into another directory)
//! - `synth`     `--docs N [--out DIR]`: a synthetic corpus of N documents made from `data/`
//!   (default `target/synth-N`), for the scale benchmark (`prep::synth`)
//! - `bench-data` `--corpus DIR`: time and size the data build of a corpus, the bytes each
//!   page and search fetches, native search times (`target/bench/scale-N.md`)
//! - `bench-scale` `--corpus DIR [--no-build]`: the release app served with that corpus's data,
//!   each route's bytes and time to results at 4× CPU slowdown in Chromium
//!   (`target/bench/scale-browser-N.md`)
//! - `bench-pages` `--corpus DIR`: the pages of every document and record of that corpus,
//!   written into the last build's shells: files, bytes, time (`target/bench/pages-N.md`)
//! - `coverage`  print how many records each document has, and each theme
//! - `themes`    print the theme coverage table and every record's themes with the keyword or
//!   override reason that put it there (`--theme=<id>` for one theme), for review
//! - `draft`     `--doc ID [--out DIR]`: draft facts of a document from its text; `--score`:
//!   every document's draft against the curated facts (`draft.rs`)
//! - `audit`     print suspicious records by rule, and fail on any the reviewed allow-list
//!   (`data/audit-allow.toml`) does not acknowledge or on entries that match nothing
//! - `build`     release build into `dist/` (with the post-build step); `--site-url` also
//!   writes `sitemap.xml`
//! - `bench`     sizes, Lighthouse and in-browser timings against the budgets
//!   (`target/bench/report.md`), and the app's wasm by crate (`target/bench/wasm-size.md`)
//! - `wasm-size` only the wasm by crate, after a build
//! - `validate`  every built page through the Nu Html Checker, after a build
//! - `pages`     write the page table for the browser tests (`target/pages.json`)

mod bench_data;
mod bench_pages;
mod budget;
mod dist;
mod draft;
mod sitemap;
mod tools;
mod validate;
mod wasm_size;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let result = match task {
        "data" => corpus_args(rest)
            .and_then(|(corpus, out)| data(rest.iter().any(|a| a == "--check"), &corpus, &out)),
        "synth" => synth(rest),
        "bench-data" => bench_data::run(rest),
        "bench-scale" => bench_scale(rest),
        "bench-pages" => bench_pages::run_task(rest),
        "coverage" => coverage(),
        "themes" => themes(rest),
        "audit" => audit(),
        "draft" => draft::run(rest),
        "build" => public_url(rest).and_then(|url| {
            build(url.as_deref())?;
            match flag(rest, "--site-url")? {
                Some(site) => sitemap::write(&root().join("dist"), site),
                None => Ok(()),
            }
        }),
        "serve" => serve(rest),
        "test" => test(),
        "check" => {
            let targets = tools::ensure_wasm_target();
            targets.and_then(|()| check())
        }
        "bench" => bench(),
        "wasm-size" => wasm_size::run(),
        "validate" => validate::run_task(),
        "pages" => write_page_table(),
        _ => {
            eprintln!("usage: cargo xtask <serve|test|check|bench|data [--check] [--corpus DIR] [--out DIR]|synth --docs N [--out DIR]|bench-data [--corpus DIR]|bench-scale [--corpus DIR] [--no-build]|bench-pages [--corpus DIR]|wasm-size|validate|coverage|themes|audit|draft --doc ID [--out DIR] [--score]|pages|build [--public-url /a/b/] [--site-url https://…/a/b/]>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: {e}");
            ExitCode::FAILURE
        }
    }
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("{}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program().to_string_lossy().into_owned())
        .chain(cmd.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The value after `--name` (or in `--name=value`), if given.
fn flag<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Ok(Some(v));
        }
        if a == name {
            return it
                .next()
                .map(|v| Some(v.as_str()))
                .ok_or_else(|| format!("{name} needs a value"));
        }
    }
    Ok(None)
}

/// A directory argument: relative paths are taken from the repository root.
fn dir_flag(args: &[String], name: &str) -> Result<Option<PathBuf>> {
    Ok(flag(args, name)?.map(|d| root().join(d)))
}

/// `--corpus DIR` (default `data/`) and `--out DIR` (default `public/data/`).
fn corpus_args(args: &[String]) -> Result<(PathBuf, PathBuf)> {
    Ok((
        dir_flag(args, "--corpus")?.unwrap_or_else(|| root().join("data")),
        dir_flag(args, "--out")?.unwrap_or_else(|| root().join("public/data")),
    ))
}

/// Loads everything the pipeline reads from a corpus directory laid out like `data/`.
fn load_inputs(data: &Path) -> Result<prep::Inputs> {
    prep::load::load_inputs(data)
}

fn build_outputs(corpus: &Path) -> Result<prep::Outputs> {
    let inputs = load_inputs(corpus)?;
    build_inputs(&inputs)
}

fn build_inputs(inputs: &prep::Inputs) -> Result<prep::Outputs> {
    prep::build(inputs).map_err(|errors| {
        let mut msg = format!("{} 个问题：\n", errors.len());
        for e in &errors {
            msg.push_str(&format!("  {e}\n"));
        }
        msg
    })
}

/// The generated files, path relative to `public/data/` → contents.
fn rendered(outputs: &prep::Outputs) -> Result<Vec<(String, String)>> {
    let json = |v: &dyn erased::Json| v.to_json();
    let mut files = vec![
        (
            model::files::ALL_DOCUMENTS.to_string(),
            json(&outputs.index)?,
        ),
        (model::files::ALL_FACTS.to_string(), json(&outputs.facts)?),
        // A download, not a file the app reads: written here, at build time.
        (model::files::RESULTS_CSV.to_string(), {
            let rows: Vec<&model::Reported> = outputs.facts.results.iter().collect();
            model::csv::results_csv(&rows, &outputs.index.documents)
        }),
    ];
    // The small files of the app's Store (`src/data.rs`).
    use model::files::{DepartmentsFile, DocBucket, DocMetaFile, RecordFile, ThemesFile};
    let facts = &outputs.facts;
    files.push((
        DepartmentsFile::PATH.into(),
        json(&DepartmentsFile::from_facts(facts))?,
    ));
    files.push((
        ThemesFile::PATH.into(),
        json(&ThemesFile::from_facts(facts))?,
    ));
    // Each document's own records (with the comparisons of its targets) and metadata, for
    // its reader and its records' pages; the
    // ids in buckets, so that an address's id is checked before anything of it is fetched.
    for d in &outputs.index.documents {
        let records = model::files::DocRecordsFile::of(facts, &outputs.index, &d.id);
        files.push((model::files::DocRecordsFile::path(&d.id), json(&records)?));
        files.push((DocMetaFile::path(&d.id), json(&DocMetaFile::of(d))?));
    }
    for (n, bucket) in DocBucket::all(&outputs.index).iter().enumerate() {
        files.push((DocBucket::path(n as u32), json(bucket)?));
    }
    for (file, part) in &outputs.document_parts {
        files.push((model::files::document_part(file), json(part)?));
    }
    // The paged list indexes: a list page fetches its kind's index (with the documents'
    // names, one file for every kind), the member files of its filters and the chunks of
    // the cards it shows; a theme's or department's page its topic file and chunks.
    use model::lists::{self, DocNames, ListIndex, ListKind, Members, Topic};
    fn list<R: lists::Listed>(
        files: &mut Vec<(String, String)>,
        outputs: &prep::Outputs,
    ) -> Result<(ListIndex, Vec<(String, Members)>)> {
        let built = lists::build::<R>(&outputs.facts, &outputs.index);
        files.push((
            R::KIND.index_file(),
            erased::Json::to_json(&built.index.to_file())?,
        ));
        for (c, chunk) in built.chunks.iter().enumerate() {
            files.push((R::KIND.chunk_file(c as u32), erased::Json::to_json(chunk)?));
        }
        for (path, members) in &built.members {
            files.push((path.clone(), erased::Json::to_json(members)?));
        }
        Ok((built.index, built.members))
    }
    files.push((
        lists::DOC_NAMES.into(),
        json(&DocNames::of(&outputs.index))?,
    ));
    let fields = list::<model::Field>(&mut files, outputs)?;
    let projects = list::<model::Project>(&mut files, outputs)?;
    let targets = list::<model::Target>(&mut files, outputs)?;
    list::<model::DocumentMeta>(&mut files, outputs)?;
    let kinds = [
        (ListKind::Fields, &fields.0, fields.1.as_slice()),
        (ListKind::Projects, &projects.0, projects.1.as_slice()),
        (ListKind::Targets, &targets.0, targets.1.as_slice()),
    ];
    let themes: Vec<&str> = facts.themes.iter().map(|t| t.id.as_str()).collect();
    let depts: Vec<&str> = facts.departments.iter().map(|d| d.id.as_str()).collect();
    for (key, values) in [("theme", &themes), ("dept", &depts)] {
        for (path, topic) in Topic::all(key, values, &kinds) {
            files.push((path, json(&topic)?));
        }
    }
    // The prebuilt search index: a query fetches the manifest and its terms' shards, then a
    // common key's ranked answer or postings.
    let (built, text) = &outputs.search;
    files.push((model::search_index::MANIFEST.into(), json(&built.manifest)?));
    for s in &built.shards {
        files.push((model::search_index::shard_file(s.shard), json(s)?));
    }
    for c in &built.common {
        files.push((model::search_index::common_file_of(c), json(c)?));
    }
    for (file, matches) in &built.lists {
        files.push((file.clone(), json(matches)?));
    }
    for (n, t) in built.top.iter().enumerate() {
        files.push((model::search_index::top_file(n as u32), json(t)?));
    }
    for (c, chunk) in text.iter().enumerate() {
        files.push((model::search_index::text_chunk_file(c as u32), json(chunk)?));
    }
    Ok(files)
}

mod erased {
    pub trait Json {
        fn to_json(&self) -> crate::Result<String>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> crate::Result<String> {
            serde_json::to_string(self)
                .map(|s| s + "\n")
                .map_err(|e| e.to_string())
        }
    }
}

/// The data build of `corpus` into `out_dir` (default: `data/` into `public/data/`); with
/// `check`, fails instead of writing when `out_dir` differs.
fn data(check: bool, corpus: &Path, out_dir: &Path) -> Result {
    let outputs = build_outputs(corpus)?;
    let warnings = outputs.warnings.len();
    for w in outputs.warnings.iter().take(20) {
        eprintln!("warning: {w}");
    }
    if warnings > 20 {
        eprintln!("… {} more warnings", warnings - 20);
    }
    write_outputs(&rendered(&outputs)?, out_dir, check)
}

/// Writes the files that differ into `out_dir` and removes the files no output names any
/// more (only `.json` files outside `public/data/`); with `check`, fails naming them instead.
fn write_outputs(files: &[(String, String)], out_dir: &Path, check: bool) -> Result {
    let default_out = out_dir == root().join("public/data");
    let shown = out_dir
        .strip_prefix(root())
        .unwrap_or(out_dir)
        .display()
        .to_string();
    let mut written = 0usize;
    let mut stale = Vec::new();
    for (rel, contents) in files {
        let path = out_dir.join(rel);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != *contents {
            if check {
                stale.push(rel.clone());
            } else {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
                written += 1;
                if written <= 40 {
                    eprintln!("wrote {shown}/{rel}");
                }
            }
        }
    }
    // Files no document produces any more are stale too.
    let expected: std::collections::HashSet<&str> = files.iter().map(|(r, _)| r.as_str()).collect();
    for (dir, prefix) in [
        (out_dir.to_path_buf(), ""),
        (out_dir.join("doc"), "doc/"),
        (out_dir.join("records"), "records/"),
        (out_dir.join("search"), "search/"),
        (out_dir.join("search/text"), "search/text/"),
        (out_dir.join("search/common"), "search/common/"),
        (out_dir.join("search/top"), "search/top/"),
        (out_dir.join("lists/fields"), "lists/fields/"),
        (out_dir.join("lists/projects"), "lists/projects/"),
        (out_dir.join("lists/targets"), "lists/targets/"),
    ] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten().filter(|e| e.path().is_file()) {
            let rel = format!("{prefix}{}", e.file_name().to_string_lossy());
            if !default_out && !rel.ends_with(".json") {
                continue;
            }
            if !expected.contains(rel.as_str()) {
                if check {
                    stale.push(rel);
                } else {
                    std::fs::remove_file(e.path()).map_err(|e| e.to_string())?;
                }
            }
        }
    }
    if written > 40 {
        eprintln!("… wrote {written} files in all");
    }
    if !stale.is_empty() {
        stale.truncate(40);
        return Err(format!(
            "{shown} is stale ({}); run `cargo xtask data`",
            stale.join(", ")
        ));
    }
    if check {
        eprintln!("{shown} is up to date ({} files)", files.len());
    }
    Ok(())
}

/// `cargo xtask synth --docs N [--out DIR]`: writes a synthetic corpus of N documents made
/// from `data/` (`prep::synth`) into DIR (default `target/synth-N`), laid out like `data/`.
fn synth(args: &[String]) -> Result {
    let docs: usize = flag(args, "--docs")?
        .ok_or("--docs N is required")?
        .parse()
        .map_err(|e| format!("--docs: {e}"))?;
    let out =
        dir_flag(args, "--out")?.unwrap_or_else(|| root().join(format!("target/synth-{docs}")));
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

fn coverage() -> Result {
    let o = build_outputs(&root().join("data"))?;
    println!("| document | sections | paragraphs | table rows | key fields | projects | targets (table / prose) | departments |");
    println!("|---|---|---|---|---|---|---|---|");
    for d in &o.index.documents {
        let targets: Vec<_> = o.facts.targets.iter().filter(|t| t.doc == d.id).collect();
        let table = targets
            .iter()
            .filter(|t| t.origin == model::Origin::Table)
            .count();
        let mut deps = std::collections::BTreeSet::new();
        for f in o.facts.fields.iter().filter(|f| f.doc == d.id) {
            deps.extend(f.departments.iter());
        }
        for p in o.facts.projects.iter().filter(|p| p.doc == d.id) {
            deps.extend(p.departments.iter());
        }
        println!(
            "| {} | {} | {} | {} | {} | {} | {} ({} / {}) | {} |",
            d.id,
            d.counts.sections,
            d.counts.paragraphs,
            d.counts.table_rows,
            d.counts.fields,
            d.counts.projects,
            targets.len(),
            table,
            targets.len() - table,
            deps.len()
        );
    }
    println!(
        "\nall departments: {}, lists: {}",
        o.facts.departments.len(),
        o.facts.lists.len()
    );
    println!();
    print_theme_table(&o);
    Ok(())
}

/// Records per theme per kind, and how many of them an override put there.
fn print_theme_table(o: &prep::Outputs) {
    println!("| theme | name | key fields | projects | targets | all | by override |");
    println!("|---|---|---|---|---|---|---|");
    for t in &o.facts.themes {
        let c = t.counts;
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            t.id,
            t.name,
            c.fields,
            c.projects,
            c.targets,
            c.fields + c.projects + c.targets,
            c.by_override
        );
    }
    let records = o.themes.assignments.len();
    let assigned: usize = o.themes.assignments.iter().map(|a| a.themes.len()).sum();
    let overridden = o
        .themes
        .assignments
        .iter()
        .filter(|a| {
            !a.removed.is_empty()
                || a.themes
                    .iter()
                    .any(|(_, w)| matches!(w, prep::themes::Why::Override { .. }))
        })
        .count();
    println!(
        "\n{records} records, {assigned} theme assignments ({:.2} a record); {overridden} records changed by an override",
        assigned as f64 / records.max(1) as f64
    );
}

/// The coverage table, then each theme's records with why they are there.
fn themes(args: &[String]) -> Result {
    let o = build_outputs(&root().join("data"))?;
    print_theme_table(&o);
    let only = args.iter().find_map(|a| a.strip_prefix("--theme="));
    for t in &o.facts.themes {
        if only.is_some_and(|id| id != t.id) {
            continue;
        }
        println!("\n## {} {}", t.id, t.name);
        for a in &o.themes.assignments {
            if let Some((_, why)) = a.themes.iter().find(|(id, _)| *id == t.id) {
                println!(
                    "  {:<8} {:<28} {}  — {why}",
                    a.kind.label(),
                    a.record,
                    a.name
                );
            }
        }
    }
    let removed: Vec<_> = o
        .themes
        .assignments
        .iter()
        .flat_map(|a| a.removed.iter().map(move |r| (a, r)))
        .collect();
    if only.is_none() && !removed.is_empty() {
        println!("\n## removed by an override");
        for (a, (theme, reason)) in removed {
            println!("  {:<28} {}  − {theme}  — {reason}", a.record, a.name);
        }
    }
    Ok(())
}

fn audit() -> Result {
    use prep::audit::{self, Rule};
    let o = build_outputs(&root().join("data"))?;
    let label = "data/audit-allow.toml";
    let text = read(&root().join(label))?;
    let allow = audit::parse_allow_list(label, &text).map_err(|e| e.to_string())?;
    let findings = audit::audit(&o.facts, &o.documents);
    let review = audit::review(&findings, &allow, label, &text);
    for rule in Rule::ALL {
        let of_rule: Vec<_> = review
            .findings
            .iter()
            .filter(|(f, _)| f.rule == rule)
            .collect();
        println!("\n## {} ({})", rule.name(), of_rule.len());
        for (f, reason) in of_rule {
            match reason {
                Some(r) => println!("  ok   {}  {}  — {r}", f.records.join(" "), f.detail),
                None => println!("  NEW  {}  {}", f.records.join(" "), f.detail),
            }
        }
    }
    let new = review.unacknowledged().count();
    println!(
        "\n{} findings, {} acknowledged, {new} new; {} stale allow-list entries",
        findings.len(),
        findings.len() - new,
        review.stale.len()
    );
    for s in &review.stale {
        println!("  {s}");
    }
    if new > 0 || !review.stale.is_empty() {
        return Err(format!(
            "review the new findings (fix the record or acknowledge it in {label} with a reason) and remove stale entries"
        ));
    }
    Ok(())
}

/// `--public-url /a/b/` (or `--public-url=/a/b/`): where the site will be hosted. The pages
/// work under any sub-path without it; with it the build also writes `404.html`, whose links
/// must be absolute because a server shows it at any unknown address.
fn public_url(args: &[String]) -> Result<Option<String>> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(v) = a.strip_prefix("--public-url=") {
            return Ok(Some(v.to_string()));
        }
        if a == "--public-url" {
            return it
                .next()
                .map(|v| Some(v.clone()))
                .ok_or_else(|| "--public-url needs a value, e.g. /zwgk/zcdl/".to_string());
        }
    }
    Ok(None)
}

/// Where `serve`, the tests and the benchmark host the site.
const TEST_PUBLIC_URL: &str = "/zwgk/zcdl/";

/// The release output in `dist/`: Trunk, the post-build step, the native prerender of the
/// first views, and the home page's small wasm. No browser runs.
fn build(public_url: Option<&str>) -> Result {
    tools::ensure_build_tools()?;
    data(false, &root().join("data"), &root().join("public/data"))?;
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
const PRERENDER_BUILD: &[&str] = &[
    "build",
    "--quiet",
    "--locked",
    "--offline",
    "-p",
    "prerender",
];
const PRERENDER_BINARY: &str = "debug/prerender";

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

/// Writes the page table for the browser tests (`model::pages::table_json`).
fn write_page_table() -> Result {
    let path = root().join("target/pages.json");
    std::fs::create_dir_all(root().join("target")).map_err(|e| e.to_string())?;
    std::fs::write(&path, model::pages::table_json())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn serve(args: &[String]) -> Result {
    build(Some(TEST_PUBLIC_URL))?;
    let port = args
        .iter()
        .find_map(|a| a.strip_prefix("--port="))
        .unwrap_or("8080")
        .to_string();
    let prefix = TEST_PUBLIC_URL;
    println!("Serving dist/ at http://127.0.0.1:{port}{prefix}  (Ctrl-C to stop)");
    run(Command::new("node").args(["tests/browser/server.mjs", "dist", &port, prefix]))
}

/// The quick tier: formatting, clippy (native and wasm32), the data build and the native
/// tests. No release build, no browser.
fn check() -> Result {
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
    data(false, &root().join("data"), &root().join("public/data"))?;
    run(Command::new("cargo").args(["test", "--workspace", "--locked"]))
}

/// Every check CI runs: the quick tier, two release builds that must be byte-identical
/// (the generated data included), and the browser tests.
fn test() -> Result {
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

/// `cargo xtask bench-scale [--corpus DIR] [--no-build]`: builds the release app (unless
/// `--no-build`), builds the corpus's data into `target/bench/site-N/data`, puts the app
/// beside it and runs `tests/browser/bench-scale.mjs` over it.
fn bench_scale(args: &[String]) -> Result {
    let corpus = dir_flag(args, "--corpus")?.unwrap_or_else(|| root().join("data"));
    tools::ensure_test_tools()?;
    if !args.iter().any(|a| a == "--no-build") {
        build(Some(TEST_PUBLIC_URL))?;
    }
    write_page_table()?;
    let started = std::time::Instant::now();
    let outputs = build_outputs(&corpus)?;
    let docs = outputs.index.documents.len();
    let site = root().join(format!("target/bench/site-{docs}"));
    if site.exists() {
        std::fs::remove_dir_all(&site).map_err(|e| e.to_string())?;
    }
    let files = rendered(&outputs)?;
    write_outputs(&files, &site.join("data"), false)?;
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    eprintln!(
        "data of {docs} documents built and written in {:.1} s (profile {}): {} files, {:.1} MB",
        started.elapsed().as_secs_f64(),
        if cfg!(debug_assertions) {
            "dev"
        } else {
            "release"
        },
        files.len(),
        bytes as f64 / 1e6
    );
    // The app: every built file but the real corpus's data.
    let dist = root().join("dist");
    fn copy(from: &Path, to: &Path, skip: &Path) -> Result {
        std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
        for e in std::fs::read_dir(from)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let path = e.path();
            if path == skip {
                continue;
            }
            let target = to.join(e.file_name());
            if path.is_dir() {
                copy(&path, &target, skip)?;
            } else {
                std::fs::copy(&path, &target).map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }
    copy(&dist, &site, &dist.join("data"))?;
    let mut node = Command::new("node");
    node.arg("tests/browser/bench-scale.mjs")
        .arg(&site)
        .arg(docs.to_string());
    // A synthetic corpus is also measured at the real corpus's compression ratios (from the
    // real corpus's site, which `bench-scale` without `--corpus` writes).
    let is_real = corpus == root().join("data");
    let real = root().join("target/bench/site-11");
    if !is_real && real.exists() {
        node.arg(&real);
    }
    node.env("SCALE_REAL", if is_real { "1" } else { "0" });
    run(node.env("PATH", tools::path_with_node_bin()))
}

fn bench() -> Result {
    tools::ensure_test_tools()?;
    build(Some(TEST_PUBLIC_URL))?;
    write_page_table()?;
    tools::ensure_lighthouse()?;
    run(Command::new("node")
        .arg("tests/browser/bench.mjs")
        .env("PATH", tools::path_with_node_bin()))?;
    wasm_size::run()
}
