//! The data build (`cargo xtask data`): a corpus laid out like `data/` through `prep` into
//! the JSON files of `public/data/`, which the other tasks reuse.

use crate::{root, Result};
use model::files::{DepartmentsFile, DocBucket, DocMetaFile, RecordFile, ThemesFile};
use model::lists::{self, DocNames, ListIndex, ListKind, Members, Topic};
use std::path::Path;

/// Generated files, path relative to `public/data/` → contents.
type Files = Vec<(String, String)>;

/// Loads everything the pipeline reads from a corpus directory laid out like `data/`.
pub fn load_inputs(data: &Path) -> Result<prep::Inputs> {
    prep::load::load_inputs(data)
}

pub fn build_outputs(corpus: &Path) -> Result<prep::Outputs> {
    let inputs = load_inputs(corpus)?;
    build_inputs(&inputs)
}

pub fn build_inputs(inputs: &prep::Inputs) -> Result<prep::Outputs> {
    prep::build(inputs).map_err(|errors| {
        let mut msg = format!("{} 个问题：\n", errors.len());
        for e in &errors {
            msg.push_str(&format!("  {e}\n"));
        }
        msg
    })
}

/// The generated files, path relative to `public/data/` → contents.
pub fn rendered(outputs: &prep::Outputs) -> Result<Files> {
    let mut files = Vec::new();
    store_files(&mut files, outputs)?;
    document_files(&mut files, outputs)?;
    list_files(&mut files, outputs)?;
    search_files(&mut files, outputs)?;
    Ok(files)
}

fn json(v: &dyn erased::Json) -> Result<String> {
    v.to_json()
}

/// The download files, and the small files of the app's Store (`src/data.rs`).
fn store_files(files: &mut Files, outputs: &prep::Outputs) -> Result {
    let facts = &outputs.facts;
    files.push((
        model::files::ALL_DOCUMENTS.to_string(),
        json(&outputs.index)?,
    ));
    files.push((model::files::ALL_FACTS.to_string(), json(facts)?));
    // A download the app never reads: every reported result as CSV, written here.
    let results: Vec<&model::Reported> = facts.results.iter().collect();
    files.push((
        model::files::RESULTS_CSV.to_string(),
        model::csv::results_csv(&results, &outputs.index.documents),
    ));
    files.push((
        DepartmentsFile::PATH.into(),
        json(&DepartmentsFile::from_facts(facts))?,
    ));
    files.push((
        ThemesFile::PATH.into(),
        json(&ThemesFile::from_facts(facts))?,
    ));
    Ok(())
}

/// Each document's own records (with the comparisons of its targets) and metadata, for its
/// reader and its records' pages; the ids in buckets, so that an address's id is checked
/// before anything of it is fetched; the parts of its text.
fn document_files(files: &mut Files, outputs: &prep::Outputs) -> Result {
    let facts = &outputs.facts;
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
    Ok(())
}

/// The paged list indexes: a list page fetches its kind's index (with the documents'
/// names, one file for every kind), the member files of its filters and the chunks of
/// the cards it shows; a theme's or department's page its topic file and chunks.
fn list_files(files: &mut Files, outputs: &prep::Outputs) -> Result {
    let facts = &outputs.facts;
    files.push((
        lists::DOC_NAMES.into(),
        json(&DocNames::of(&outputs.index))?,
    ));
    let fields = list::<model::Field>(files, outputs)?;
    let projects = list::<model::Project>(files, outputs)?;
    let targets = list::<model::Target>(files, outputs)?;
    list::<model::DocumentMeta>(files, outputs)?;
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
    Ok(())
}

/// One kind's list: its index, chunks and member files.
fn list<R: lists::Listed>(
    files: &mut Files,
    outputs: &prep::Outputs,
) -> Result<(ListIndex, Vec<(String, Members)>)> {
    let built = lists::build::<R>(&outputs.facts, &outputs.index);
    files.push((R::KIND.index_file(), json(&built.index.to_file())?));
    for (c, chunk) in built.chunks.iter().enumerate() {
        files.push((R::KIND.chunk_file(c as u32), json(chunk)?));
    }
    for (path, members) in &built.members {
        files.push((path.clone(), json(members)?));
    }
    Ok((built.index, built.members))
}

/// The prebuilt search index: a query fetches the manifest and its terms' shards, then a
/// common key's ranked answer or postings.
fn search_files(files: &mut Files, outputs: &prep::Outputs) -> Result {
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
    Ok(())
}

/// The data build of `corpus` into `out_dir` (default: `data/` into `public/data/`); with
/// `check`, fails instead of writing when `out_dir` differs.
pub fn data(check: bool, corpus: &Path, out_dir: &Path) -> Result {
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
pub fn write_outputs(files: &[(String, String)], out_dir: &Path, check: bool) -> Result {
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
