//! `cargo xtask draft`: draft facts of a document from its text (`prep::draft`), or score
//! the drafts of every document against the curated facts (`--score`).
//!
//! - `draft --doc <id> [--out <dir>]` writes `<dir>/<id>/draft.toml`, by default
//!   `data/facts/<id>/draft.toml` (which the build ignores until records are moved out of it)
//! - `draft --accept --doc <id> [--ids t-1,p-3] [--into facts.toml]` moves the reviewed
//!   records (all, or those named) from `draft.toml` into a curated file of the document
//! - `draft --score [--misses]` drafts every document and prints recall and precision per kind
//! - `--corpus DIR` works on another corpus laid out like `data/` (a scratch copy)

use crate::data::load_inputs;
use crate::{read, root, Result};
use prep::departments::DepartmentsFile;
use prep::draft::{self, score};
use std::path::{Path, PathBuf};

/// The flags of `cargo xtask draft`.
#[derive(clap::Args)]
pub struct Flags {
    /// The document to draft or accept.
    #[arg(long, value_name = "ID")]
    doc: Option<String>,
    /// Where to write `<id>/draft.toml` (default `data/facts/`).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Draft every document and score the drafts against the curated facts.
    #[arg(long)]
    score: bool,
    /// With `--score`: list what the drafts missed or got wrong.
    #[arg(long)]
    misses: bool,
    /// Move the reviewed records from `draft.toml` into a curated file.
    #[arg(long)]
    accept: bool,
    /// With `--accept`: only these records (comma-separated ids, e.g. t-1,p-3).
    #[arg(long, value_name = "IDS")]
    ids: Option<String>,
    /// With `--accept`: the curated file to move them into (default `facts.toml`).
    #[arg(long, value_name = "FILE")]
    into: Option<String>,
    /// Another corpus laid out like `data/` (a scratch copy).
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
}

pub fn run(flags: &Flags) -> Result {
    let data = flags
        .corpus
        .as_ref()
        .map_or_else(|| root().join("data"), |d| root().join(d));
    if flags.score {
        return score_all(&data, flags.misses);
    }
    let doc = flags
        .doc
        .as_deref()
        .ok_or("draft 需要 --doc <文件编号>（或 --score）")?;
    if flags.accept {
        return accept(&data, doc, flags);
    }
    let out = flags
        .out
        .as_ref()
        .map(|d| root().join(d))
        .unwrap_or_else(|| data.join("facts"));
    let started = std::time::Instant::now();
    let (text, report) = draft_text(&data, doc)?;
    let dir = out.join(doc);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(draft::DRAFT_FILE);
    std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!(
        "已写出 {}：{report}（{:.1} 秒）",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Everything drafting reads: the document list, the sources, the theme rules, the
/// departments. Never the curated facts.
struct Sources {
    spec: String,
    sources: std::collections::BTreeMap<String, Vec<u8>>,
    rules: Vec<prep::themes::Rules>,
    departments: DepartmentsFile,
}

fn sources(data: &Path) -> Result<Sources> {
    let mut inputs = load_inputs(data)?;
    inputs.facts.clear();
    let taxonomy = prep::themes::parse_taxonomy(&inputs.themes).map_err(|e| format!("{e:?}"))?;
    let rules = taxonomy
        .theme
        .iter()
        .map(|t| prep::themes::Rules::new(t.get_ref()))
        .collect();
    let departments = toml::from_str(&read(&data.join("departments.toml"))?)
        .map_err(|e| format!("data/departments.toml: {e}"))?;
    Ok(Sources {
        spec: inputs.spec,
        sources: inputs.sources,
        rules,
        departments,
    })
}

/// Moves reviewed records from `draft.toml` into a curated file of the document.
fn accept(data: &Path, doc: &str, flags: &Flags) -> Result {
    let dir = data.join("facts").join(doc);
    let draft_path = dir.join(draft::DRAFT_FILE);
    let draft_text = read(&draft_path)?;
    let into = flags.into.as_deref().unwrap_or("facts.toml");
    if draft::is_draft(into) || !into.ends_with(".toml") {
        return Err(format!(
            "--into 须是 .toml 文件名，且不能是 {}",
            draft::DRAFT_FILE
        ));
    }
    let ids: Option<Vec<String>> = flags.ids.as_ref().map(|l| {
        l.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    let mut curated = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".toml") && !draft::is_draft(&name) {
            curated.push(read(&path)?);
        }
    }
    let refs: Vec<&str> = curated.iter().map(String::as_str).collect();
    let done = draft::accept::accept(&draft_text, &refs, ids.as_deref());
    if done.count == 0 {
        return Err("草稿中没有要接受的记录（检查 --ids）".into());
    }
    let target = dir.join(into);
    let mut text = std::fs::read_to_string(&target).unwrap_or_default();
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push('\n');
    }
    text.push_str(&done.appended);
    std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))?;
    // A draft with no record left is done with.
    let left = done.draft.lines().any(|l| l.trim().starts_with("[["));
    let written = if left {
        std::fs::write(&draft_path, &done.draft)
    } else {
        std::fs::remove_file(&draft_path)
    };
    written.map_err(|e| format!("{}: {e}", draft_path.display()))?;
    eprintln!("已将 {} 条记录移入 {}", done.count, target.display());
    if !left {
        eprintln!("草稿已全部处理，已删除 {}", draft_path.display());
    }
    for (old, new) in &done.renamed {
        eprintln!("  草稿编号 {old} 改为 {new}（按顺序编号，删去的记录不留空号）");
    }
    eprintln!("下一步：cargo xtask data（核验全部记录并生成数据）");
    Ok(())
}

fn draft_text(data: &Path, doc: &str) -> Result<(String, String)> {
    let s = sources(data)?;
    let (text, verified) = draft_checked(&s, doc)?;
    let report = format!(
        "{} 个重点领域、{} 个项目、{} 个目标，均已通过核验",
        verified.fields.len(),
        verified.projects.len(),
        verified.targets.len()
    );
    Ok((text, report))
}

fn draft_checked(s: &Sources, doc: &str) -> Result<(String, prep::verify::Verified)> {
    let sections = draft::document_sections(&s.spec, &s.sources, doc).map_err(joined)?;
    let drafted = draft::draft(doc, &sections, &s.rules, &s.departments);
    let text = draft::to_toml(&drafted)?;
    let label = format!("data/facts/{doc}/{}", draft::DRAFT_FILE);
    let (verified, problems) = draft::verify_draft(doc, &label, &text, &sections, &s.departments);
    if !problems.is_empty() {
        return Err(joined(problems));
    }
    Ok((text, verified))
}

fn joined(problems: Vec<prep::Diagnostic>) -> String {
    let mut msg = format!("{} 个问题：\n", problems.len());
    for p in problems {
        msg.push_str(&format!("  {p}\n"));
    }
    msg
}

/// Drafts every document (from its text alone) and scores it against the curated facts.
fn score_all(data: &Path, misses: bool) -> Result {
    let s = sources(data)?;
    let curated = crate::data::build_outputs(data)?;
    let mut rows = Vec::new();
    for meta in &curated.index.documents {
        let (_, drafted) = draft_checked(&s, &meta.id)?;
        let of_doc = prep::verify::Verified {
            fields: curated
                .facts
                .fields
                .iter()
                .filter(|f| f.doc == meta.id)
                .cloned()
                .collect(),
            projects: curated
                .facts
                .projects
                .iter()
                .filter(|f| f.doc == meta.id)
                .cloned()
                .collect(),
            targets: curated
                .facts
                .targets
                .iter()
                .filter(|f| f.doc == meta.id)
                .cloned()
                .collect(),
            lists: Vec::new(),
        };
        rows.extend(score::score(&meta.id, &of_doc, &drafted));
    }
    print_table(&rows, misses);
    score::check_tables(&rows)
}

fn print_table(rows: &[score::Row], misses: bool) {
    println!("| 文件 | 类别 | 人工 | 草稿 | 匹配 | 召回率 | 准确率 | 数字不同 |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    let mut totals: Vec<score::Row> = Vec::new();
    for r in rows {
        print_score_row(&r.doc, r);
        match totals.iter_mut().find(|t| t.kind == r.kind) {
            Some(t) => {
                t.curated += r.curated;
                t.drafted += r.drafted;
                t.matched += r.matched;
                t.numbers_differ += r.numbers_differ;
            }
            None => totals.push(score::Row {
                doc: "合计".into(),
                missed: Vec::new(),
                differ: Vec::new(),
                ..r.clone()
            }),
        }
    }
    for t in &totals {
        print_score_row("**合计**", t);
    }
    if misses {
        for r in rows.iter().filter(|r| !r.differ.is_empty()) {
            let what = if r.kind == score::FIELDS || r.kind == score::PROJECTS {
                "草稿多出"
            } else {
                "数字不同"
            };
            println!("\n{} {} {what}：", r.doc, r.kind);
            for m in &r.differ {
                println!("  - {m}");
            }
        }
        for r in rows.iter().filter(|r| !r.missed.is_empty()) {
            println!("\n{} {} 未匹配：", r.doc, r.kind);
            for m in &r.missed {
                println!("  - {m}");
            }
        }
    }
}

/// One line of the score table: a document's (or the total's) counts of one kind.
fn print_score_row(doc: &str, r: &score::Row) {
    println!(
        "| {doc} | {} | {} | {} | {} | {:.0}% | {:.0}% | {} |",
        r.kind,
        r.curated,
        r.drafted,
        r.matched,
        r.recall() * 100.0,
        r.precision() * 100.0,
        r.numbers_differ
    );
}
