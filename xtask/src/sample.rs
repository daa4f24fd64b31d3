//! `cargo xtask sample`: a seeded random sample of the shipped records, printed as Markdown
//! for a reader who re-reads each one against its source (the record re-reads of
//! `data/facts/curation-log.md`). The same seed gives the same sample of the same data.

use crate::data::build_outputs;
use crate::{root, Result};
use model::{Facts, Figure, Provenance};
use std::fmt::Write;

/// How many records of each kind, and the seed.
#[derive(clap::Args)]
pub struct Flags {
    /// The seed; state it with the sample's findings.
    #[arg(long)]
    seed: u64,
    #[arg(long, default_value = "30")]
    projects: usize,
    #[arg(long, default_value = "30")]
    targets: usize,
    #[arg(long, default_value = "20")]
    fields: usize,
}

pub fn run(flags: &Flags) -> Result {
    let o = build_outputs(&root().join("data"))?;
    let mut rng = fastrand::Rng::with_seed(flags.seed);
    let facts = &o.facts;
    let doc_title = |doc: &str| {
        o.index
            .documents
            .iter()
            .find(|d| d.id == doc)
            .map_or(doc.to_string(), |d| d.short_title.clone())
    };
    let mut out = format!("# Sample, seed {}\n", flags.seed);
    out.push_str("\n## Projects\n");
    for (n, i) in pick(&mut rng, facts.projects.len(), flags.projects).enumerate() {
        let p = &facts.projects[i];
        let _ = write!(
            out,
            "\n### P{} {} — {}\n- 名称：{}；类别：{}；领域：{}；地点：{}\n- 说明：{}\n- 责任单位：{}\n- 关联指标：{}\n",
            n + 1,
            p.id,
            doc_title(&p.doc),
            p.name,
            p.kind.label(),
            p.domain,
            p.place,
            p.description,
            departments(facts, &p.departments),
            p.targets.join("、"),
        );
        common(&mut out, &o, &p.themes, &p.source, &p.also, &p.merged);
    }
    out.push_str("\n## Targets\n");
    for (n, i) in pick(&mut rng, facts.targets.len(), flags.targets).enumerate() {
        target(&mut out, &o, n + 1, i, &doc_title);
    }
    out.push_str("\n## Key fields\n");
    for (n, i) in pick(&mut rng, facts.fields.len(), flags.fields).enumerate() {
        let f = &facts.fields[i];
        let _ = write!(
            out,
            "\n### F{} {} — {}\n- 标题：{}；简称：{}\n- 摘要：{}\n- 责任单位：{}\n",
            n + 1,
            f.id,
            doc_title(&f.doc),
            f.title,
            f.label,
            f.summary,
            departments(facts, &f.departments),
        );
        common(&mut out, &o, &f.themes, &f.source, &f.also, &f.merged);
    }
    print!("{out}");
    Ok(())
}

/// `count` distinct indices below `len`, in the order drawn.
fn pick(rng: &mut fastrand::Rng, len: usize, count: usize) -> impl Iterator<Item = usize> {
    let mut all: Vec<usize> = (0..len).collect();
    rng.shuffle(&mut all);
    all.into_iter().take(count)
}

fn target(
    out: &mut String,
    o: &prep::Outputs,
    n: usize,
    i: usize,
    doc_title: &dyn Fn(&str) -> String,
) {
    let t = &o.facts.targets[i];
    let _ = write!(
        out,
        "\n### T{n} {} — {}\n- 指标：{}；单位：{}；类别：{}；属性：{}；来源：{}；五年累计：{}\n- 基期：{}\n- 目标：{}\n- 年均增长：{}\n- 定性目标：{}\n",
        t.id,
        doc_title(&t.doc),
        t.indicator,
        t.unit,
        t.category,
        t.attribute.map_or("", |a| a.label()),
        t.origin.label(),
        if t.cumulative { "是" } else { "否" },
        figure(t.baseline.as_ref()),
        figure(t.target.as_ref()),
        figure(t.growth.as_ref()),
        t.qualitative,
    );
    if let Some(m) = &t.unit_misprint {
        let _ = writeln!(out, "- 单位误印：印作“{}”，{}", m.printed, m.note);
    }
    common(out, o, &t.themes, &t.source, &t.also, &t.merged);
}

fn figure(f: Option<&Figure>) -> String {
    let Some(f) = f else {
        return String::new();
    };
    let year = match (f.year, f.year_source) {
        (Some(y), Some(s)) => format!("{y}年（{}） ", s.label()),
        (Some(y), None) => format!("{y}年 "),
        _ => String::new(),
    };
    let value = f.value.map_or(String::new(), |v| v.to_string());
    let note = if f.note.is_empty() {
        String::new()
    } else {
        format!("；注：{}", f.note)
    };
    let printed = if f.text.is_empty() {
        String::new()
    } else {
        format!("（印作“{}”）", f.text)
    };
    format!("{year}{} {value}{printed}{note}", f.comparator)
}

fn departments(facts: &Facts, ids: &[String]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| {
            facts
                .departments
                .iter()
                .find(|d| &d.id == id)
                .map_or(id.as_str(), |d| d.name.as_str())
        })
        .collect();
    names.join("、")
}

/// Themes, the quote, the other places and the merged ids: every kind has them.
fn common(
    out: &mut String,
    o: &prep::Outputs,
    themes: &[String],
    source: &Provenance,
    also: &[Provenance],
    merged: &[String],
) {
    let names: Vec<&str> = themes
        .iter()
        .map(|id| {
            o.facts
                .themes
                .iter()
                .find(|t| &t.id == id)
                .map_or(id.as_str(), |t| t.name.as_str())
        })
        .collect();
    let _ = writeln!(out, "- 主题：{}", names.join("、"));
    let _ = writeln!(
        out,
        "- 原文（{}）：「{}」",
        heading(o, source),
        source.quote
    );
    for a in also {
        let _ = writeln!(out, "- 另见（{}）：「{}」", heading(o, a), a.quote);
    }
    if !merged.is_empty() {
        let _ = writeln!(out, "- 合并了：{}", merged.join("、"));
    }
}

/// The heading a quote is under (for a section without a heading of its own, its parent's).
fn heading(o: &prep::Outputs, at: &Provenance) -> String {
    let Some(doc) = o.documents.iter().find(|d| d.id == at.doc) else {
        return at.section.clone();
    };
    let mut section = doc.sections.iter().find(|s| s.anchor == at.section);
    while let Some(s) = section {
        if s.level > 0 || s.parent.is_none() {
            return format!("{}{}", s.number, s.title);
        }
        section = s.parent.and_then(|i| doc.sections.get(i as usize));
    }
    at.section.clone()
}
