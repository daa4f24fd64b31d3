//! Curated facts (`data/facts/<doc>/*.toml`): parsing, verification against the cleaned
//! text, and merging into the shipped records. A fact that cannot be verified is an error.

use crate::departments::DepartmentBook;
use crate::normalize::squeeze;
use crate::Diagnostic;
use model::{
    Attribute, Block, Field, Figure, ListGroup, Misprint, Origin, Project, ProjectKind, Provenance,
    RecordList, Section, Target, YearSource,
};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedFile {
    #[serde(default)]
    pub field: Vec<CuratedField>,
    #[serde(default)]
    pub project: Vec<CuratedProject>,
    #[serde(default)]
    pub target: Vec<CuratedTarget>,
    #[serde(default)]
    pub list: Vec<CuratedList>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedField {
    pub id: String,
    pub title: String,
    pub label: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub departments: Vec<String>,
    pub quote: String,
    /// Other quotes stating the same thing, each verified like `quote`.
    #[serde(default)]
    pub also: Vec<String>,
    /// Local ids of records merged into this one; never reused.
    #[serde(default)]
    pub merged: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedProject {
    pub id: String,
    pub name: String,
    pub kind: ProjectKind,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub departments: Vec<String>,
    #[serde(default)]
    pub targets: Vec<String>,
    pub quote: String,
    /// Other quotes stating the same thing, each verified like `quote`.
    #[serde(default)]
    pub also: Vec<String>,
    /// Local ids of records merged into this one; never reused.
    #[serde(default)]
    pub merged: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedFigure {
    pub year: Option<u16>,
    pub value: Option<f64>,
    #[serde(default)]
    pub comparator: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedTarget {
    pub id: String,
    pub indicator: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub category: String,
    pub attribute: Option<Attribute>,
    pub origin: Origin,
    #[serde(default)]
    pub cumulative: bool,
    pub baseline: Option<CuratedFigure>,
    pub target: Option<CuratedFigure>,
    pub growth: Option<CuratedFigure>,
    #[serde(default)]
    pub qualitative: String,
    pub quote: String,
    #[serde(default)]
    pub shared_quote: String,
    /// A unit the source misprints: `unit` holds the corrected one.
    pub unit_misprint: Option<CuratedMisprint>,
    /// Other quotes stating the same thing, each verified like `quote`.
    #[serde(default)]
    pub also: Vec<String>,
    /// Local ids of records merged into this one; never reused.
    #[serde(default)]
    pub merged: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedMisprint {
    /// As printed in the quote.
    pub printed: String,
    /// Why the record reads otherwise, shown to the reader.
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedList {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub group: Vec<CuratedGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedGroup {
    pub name: String,
    pub members: Vec<String>,
}

const COMPARATORS: &[&str] = &[
    "",
    "≥",
    ">",
    "<",
    "≤",
    "左右",
    "以上",
    "不低于",
    "达到",
    "突破",
    "力争",
    "超过",
    "以内",
    "累计",
    "不少于",
    "不超过",
    "以下",
];

/// One block of a document, squeezed for matching, with where it is.
struct Searchable {
    section: String,
    block: String,
    /// Headings from the root down to the block's section, squeezed.
    headings: Vec<String>,
    /// For a table row: the table's caption and header, squeezed, and its notes.
    table: Option<TableContext>,
    text: String,
}

#[derive(Clone)]
struct TableContext {
    caption: String,
    header: String,
    notes: Vec<String>,
}

impl Searchable {
    /// Everything printed above the block: headings, and a table's caption and header.
    fn context(&self) -> String {
        let mut c = self.headings.concat();
        if let Some(t) = &self.table {
            c.push_str(&t.caption);
            c.push_str(&t.header);
        }
        c
    }
}

/// The text of one document prepared for quote lookup.
pub struct DocIndex {
    blocks: Vec<Searchable>,
    whole: String,
}

impl DocIndex {
    pub fn new(sections: &[Section]) -> Self {
        let mut blocks = Vec::new();
        for (i, s) in sections.iter().enumerate() {
            let mut chain = Vec::new();
            let mut cur = Some(i);
            while let Some(c) = cur {
                if let Some(sec) = sections.get(c) {
                    chain.push(squeeze(&format!("{}{}", sec.number, sec.title)));
                    cur = sec.parent.map(|p| p as usize);
                } else {
                    break;
                }
            }
            chain.reverse();
            let block = |block: &str, table: Option<TableContext>, text: String| Searchable {
                section: s.anchor.clone(),
                block: block.to_string(),
                headings: chain.clone(),
                table,
                text,
            };
            // The heading itself is a block too, so a quote of a heading line resolves.
            blocks.push(block(
                &s.anchor,
                None,
                squeeze(&format!("{}{}", s.number, s.title)),
            ));
            for b in &s.blocks {
                match b {
                    Block::Paragraph(p) => {
                        // A heading with embedded text: the quote may span both.
                        let text = if s.blocks.first() == Some(b) {
                            squeeze(&format!("{}{}{}", s.number, s.title, p.text))
                        } else {
                            squeeze(&p.text)
                        };
                        blocks.push(block(&p.anchor, None, text));
                    }
                    Block::Table(t) => {
                        let context = TableContext {
                            caption: squeeze(&t.caption),
                            header: squeeze(&t.header.concat()),
                            notes: t.notes.iter().map(|n| squeeze(n)).collect(),
                        };
                        for row in &t.rows {
                            blocks.push(block(
                                &t.anchor,
                                Some(context.clone()),
                                squeeze(&row.concat()),
                            ));
                        }
                        for n in &t.notes {
                            blocks.push(block(&t.anchor, None, squeeze(n)));
                        }
                    }
                }
            }
        }
        let whole = blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .concat();
        DocIndex { blocks, whole }
    }

    fn find(&self, quote: &str) -> Option<&Searchable> {
        let q = squeeze(quote);
        if q.is_empty() {
            return None;
        }
        self.blocks.iter().find(|b| b.text.contains(&q))
    }

    pub fn contains(&self, text: &str) -> bool {
        self.whole.contains(&squeeze(text))
    }
}

/// Marks a table prints beside a value that a table note explains (`带*号为2016年数据`).
const NOTE_MARKS: &[char] = &['*', '＊', '△', '▲', '#'];

/// Checks that a number printed in a record occurs in its quote (`quote`, squeezed, with the
/// row that prints a merged cell), and says where its year is printed.
fn check_figure(
    fig: &CuratedFigure,
    what: &str,
    quote: &str,
    found: &Searchable,
    errors: &mut Vec<String>,
) -> Option<YearSource> {
    if !fig.text.is_empty() && !quote.contains(&squeeze(&fig.text)) {
        errors.push(format!("{what}.text “{}” 不在引文中", fig.text));
    }
    let year_source = match year_source(fig, quote, found) {
        Ok(s) => s,
        Err(e) => {
            errors.push(format!("{what}.year: {e}"));
            None
        }
    };
    if let Some(value) = fig.value {
        if !value.is_finite() {
            errors.push(format!("{what}.value 不是有限数"));
        } else if !number_printed_in(value, &squeeze(&fig.text)) {
            errors.push(format!(
                "{what}.value {value} 与原文数字 “{}” 不一致",
                fig.text
            ));
        }
    }
    if !COMPARATORS.contains(&fig.comparator.as_str()) {
        errors.push(format!(
            "{what}.comparator “{}” 不在允许列表中",
            fig.comparator
        ));
    }
    year_source
}

/// Where a figure's year is printed. A value marked for a table note takes the note's year;
/// otherwise the quote's own year, then the table header's column, then the nearest heading
/// above the quote that prints a year — and only when that heading prints this year and the
/// quote prints no other.
fn year_source(
    fig: &CuratedFigure,
    quote: &str,
    found: &Searchable,
) -> Result<Option<YearSource>, String> {
    let Some(year) = fig.year else {
        return Ok(None);
    };
    let y = year.to_string();
    let text = squeeze(&fig.text);
    if let Some(table) = &found.table {
        for mark in NOTE_MARKS.iter().filter(|m| text.contains(**m)) {
            if let Some(note) = table.notes.iter().find(|n| n.contains(*mark)) {
                if !note.contains(&y) {
                    return Err(format!("表注“{note}”说明了带{mark}数值的年份，不是 {year}"));
                }
                if fig.note.is_empty() || !note.contains(&squeeze(&fig.note)) {
                    return Err(format!("带{mark}的数值须在 note 中照录表注“{note}”"));
                }
                return Ok(Some(YearSource::TableNote));
            }
        }
    }
    if quote.contains(&y) {
        return Ok(Some(YearSource::Printed));
    }
    if let Some(table) = &found.table {
        if table.header.contains(&y) {
            return Ok(Some(YearSource::TableHeader));
        }
    }
    if let Some(other) = years_in(quote).first() {
        return Err(format!("引文写明 {other} 年，不是 {year} 年"));
    }
    let caption = found.table.as_ref().map(|t| t.caption.clone());
    let nearest = found
        .headings
        .iter()
        .chain(caption.as_ref())
        .rev()
        .find(|h| !years_in(h).is_empty());
    match nearest {
        Some(h) if years_in(h).contains(&year) => Ok(Some(YearSource::Heading)),
        Some(h) => Err(format!("最近的写有年份的标题“{h}”不是 {year} 年")),
        None => Err(format!("{year} 不在引文、表头或所在章节标题中")),
    }
}

/// The years a text prints: four-digit numbers from 1949 to 2100 followed by `年`.
fn years_in(text: &str) -> Vec<u16> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, w) in chars.windows(5).enumerate() {
        let before_is_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if !before_is_digit && w[..4].iter().all(char::is_ascii_digit) && w[4] == '年' {
            let n: String = w[..4].iter().collect();
            if let Ok(y) = n.parse::<u16>() {
                if (1949..=2100).contains(&y) && !out.contains(&y) {
                    out.push(y);
                }
            }
        }
    }
    out
}

/// True when `value` is one of the numbers printed in `text` (as written: `2700`, `21.8`, `6.5`).
fn number_printed_in(value: f64, text: &str) -> bool {
    numbers_in(text).iter().any(|n| (n - value).abs() < 1e-9)
}

/// The decimal numbers printed in a text, in order.
pub fn numbers_in(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty() && !cur.contains('.')) {
            cur.push(c);
        } else if !cur.is_empty() {
            if let Ok(n) = cur.trim_end_matches('.').parse::<f64>() {
                out.push(n);
            }
            cur.clear();
        }
    }
    out
}

fn provenance(doc: &str, found: &Searchable, quote: &str) -> Provenance {
    Provenance {
        doc: doc.to_string(),
        section: found.section.clone(),
        block: found.block.clone(),
        quote: quote.to_string(),
    }
}

/// The further places a record is stated: each quote must be in the text.
fn also_sources(
    doc: &str,
    index: &DocIndex,
    also: &[String],
    errors: &mut Vec<String>,
) -> Vec<Provenance> {
    let mut out = Vec::new();
    for q in also {
        match index.find(q) {
            Some(found) => out.push(provenance(doc, found, q)),
            None => errors.push(format!("also 引文不在原文中：{q}")),
        }
    }
    out
}

fn figure(f: &CuratedFigure, year_source: Option<YearSource>) -> Figure {
    Figure {
        year: f.year,
        year_source,
        value: f.value,
        comparator: f.comparator.clone(),
        text: f.text.clone(),
        note: f.note.clone(),
    }
}

fn global_ids(doc: &str, local: &[String]) -> Vec<String> {
    local.iter().map(|l| format!("{doc}.{l}")).collect()
}

#[derive(Default)]
pub struct Merged {
    pub fields: Vec<Field>,
    pub projects: Vec<Project>,
    pub targets: Vec<Target>,
    pub lists: Vec<RecordList>,
}

/// Verifies and converts the curated records of one document.
pub fn merge_document(
    doc: &str,
    file_label: &str,
    curated: &CuratedFile,
    index: &DocIndex,
    book: &mut DepartmentBook,
    diagnostics: &mut Vec<Diagnostic>,
) -> Merged {
    let mut out = Merged::default();
    let mut seen = HashSet::new();
    let report = |id: &str, errors: Vec<String>, diagnostics: &mut Vec<Diagnostic>| {
        for e in errors {
            diagnostics.push(Diagnostic {
                file: file_label.to_string(),
                line: 0,
                message: format!("{doc}.{id}: {e}"),
            });
        }
    };
    // Ids of merged records stay reserved: no record may take one.
    let merged: Vec<&String> = curated
        .field
        .iter()
        .flat_map(|f| &f.merged)
        .chain(curated.project.iter().flat_map(|p| &p.merged))
        .chain(curated.target.iter().flat_map(|t| &t.merged))
        .collect();
    for m in &merged {
        if !seen.insert(m.to_string()) {
            diagnostics.push(Diagnostic {
                file: file_label.to_string(),
                line: 0,
                message: format!("{doc}.{m}: 已合并的编号重复列出"),
            });
        }
    }
    let mut check_id = |id: &str, errors: &mut Vec<String>| {
        if !model::is_safe_id(id) {
            errors.push("编号只能使用字母、数字和 - _".into());
        }
        if !seen.insert(id.to_string()) {
            errors.push("编号重复（或已被合并）".into());
        }
    };
    for f in &curated.field {
        let mut errors = Vec::new();
        check_id(&f.id, &mut errors);
        let Some(found) = index.find(&f.quote) else {
            report(
                &f.id,
                vec![format!("引文不在原文中：{}", f.quote)],
                diagnostics,
            );
            continue;
        };
        if !f.summary.is_empty() && !index.contains(&f.summary) {
            errors.push(format!("摘要不在原文中：{}", f.summary));
        }
        for d in &f.departments {
            if !index.contains(d) {
                errors.push(format!("责任单位不在原文中：{d}"));
            }
        }
        let also = also_sources(doc, index, &f.also, &mut errors);
        if !errors.is_empty() {
            report(&f.id, errors, diagnostics);
            continue;
        }
        let id = format!("{doc}.{}", f.id);
        let departments = book.attribute(&f.departments, &id, |d| &mut d.fields);
        out.fields.push(Field {
            id,
            doc: doc.into(),
            title: f.title.clone(),
            label: f.label.clone(),
            summary: f.summary.clone(),
            departments,
            source: provenance(doc, found, &f.quote),
            also,
            merged: global_ids(doc, &f.merged),
        });
    }
    let target_ids: HashSet<&str> = curated.target.iter().map(|t| t.id.as_str()).collect();
    for t in &curated.target {
        let mut errors = Vec::new();
        check_id(&t.id, &mut errors);
        let Some(found) = index.find(&t.quote) else {
            report(
                &t.id,
                vec![format!("引文不在原文中：{}", t.quote)],
                diagnostics,
            );
            continue;
        };
        let quote = squeeze(&t.quote);
        if !t.shared_quote.is_empty() && index.find(&t.shared_quote).is_none() {
            errors.push(format!("合并单元格引文不在原文中：{}", t.shared_quote));
        }
        let quote_and_shared = format!("{quote}{}", squeeze(&t.shared_quote));
        let mut year_sources = [None; 3];
        for (k, (what, fig)) in [
            ("baseline", &t.baseline),
            ("target", &t.target),
            ("growth", &t.growth),
        ]
        .into_iter()
        .enumerate()
        {
            if let Some(fig) = fig {
                year_sources[k] = check_figure(fig, what, &quote_and_shared, found, &mut errors);
                if !fig.note.is_empty() && !index.contains(&fig.note) {
                    errors.push(format!("{what}.note 不在原文中：{}", fig.note));
                }
            }
        }
        if let Some(m) = &t.unit_misprint {
            if !quote.contains(&squeeze(&m.printed)) {
                errors.push(format!("unit_misprint.printed “{}” 不在引文中", m.printed));
            }
            if m.printed == t.unit || m.note.trim().is_empty() {
                errors.push("unit_misprint 须写明更正后的 unit 与说明".into());
            }
            for n in numbers_in(&m.note) {
                if !numbers_in(&quote).contains(&n) {
                    errors.push(format!("unit_misprint.note 中的数字 {n} 不在引文中"));
                }
            }
        }
        if !t.qualitative.is_empty()
            && !quote_and_shared.contains(&squeeze(&t.qualitative))
            && !found.context().contains(&squeeze(&t.qualitative))
        {
            errors.push(format!("定性目标 “{}” 不在引文中", t.qualitative));
        }
        if t.baseline.is_none() && t.target.is_none() && t.qualitative.is_empty() {
            errors.push("既无数值也无定性描述".into());
        }
        let also = also_sources(doc, index, &t.also, &mut errors);
        // A restatement of a target prints one of its numbers (or its qualitative words).
        let values: Vec<f64> = [&t.target, &t.baseline, &t.growth]
            .into_iter()
            .flatten()
            .filter_map(|f| f.value)
            .collect();
        for q in &t.also {
            let printed = numbers_in(&squeeze(q));
            let restates = if values.is_empty() {
                squeeze(q).contains(&squeeze(&t.qualitative))
            } else {
                values
                    .iter()
                    .any(|v| printed.iter().any(|n| (n - v).abs() < 1e-9))
            };
            if !restates {
                errors.push(format!("also 引文没有复述该指标的数值：{q}"));
            }
        }
        if !errors.is_empty() {
            report(&t.id, errors, diagnostics);
            continue;
        }
        out.targets.push(Target {
            id: format!("{doc}.{}", t.id),
            doc: doc.into(),
            indicator: t.indicator.clone(),
            unit: t.unit.clone(),
            category: t.category.clone(),
            attribute: t.attribute,
            origin: t.origin,
            cumulative: t.cumulative,
            baseline: t.baseline.as_ref().map(|f| figure(f, year_sources[0])),
            target: t.target.as_ref().map(|f| figure(f, year_sources[1])),
            growth: t.growth.as_ref().map(|f| figure(f, year_sources[2])),
            unit_misprint: t.unit_misprint.as_ref().map(|m| Misprint {
                printed: m.printed.clone(),
                note: m.note.clone(),
            }),
            qualitative: t.qualitative.clone(),
            source: provenance(doc, found, &t.quote),
            also,
            merged: global_ids(doc, &t.merged),
        });
    }
    for p in &curated.project {
        let mut errors = Vec::new();
        check_id(&p.id, &mut errors);
        let Some(found) = index.find(&p.quote) else {
            report(
                &p.id,
                vec![format!("引文不在原文中：{}", p.quote)],
                diagnostics,
            );
            continue;
        };
        for t in &p.targets {
            if !target_ids.contains(t.as_str()) {
                errors.push(format!("关联指标不存在：{t}"));
            }
        }
        if !p.description.is_empty() && !index.contains(&p.description) {
            errors.push(format!("描述不在原文中：{}", p.description));
        }
        let quote = squeeze(&p.quote);
        for n in numbers_in(&p.name) {
            if !numbers_in(&quote).contains(&n) {
                errors.push(format!("名称中的数字 {n} 不在引文中"));
            }
        }
        let also = also_sources(doc, index, &p.also, &mut errors);
        if !errors.is_empty() {
            report(&p.id, errors, diagnostics);
            continue;
        }
        let id = format!("{doc}.{}", p.id);
        let departments = book.attribute(&p.departments, &id, |d| &mut d.projects);
        out.projects.push(Project {
            id,
            doc: doc.into(),
            name: p.name.clone(),
            kind: p.kind,
            domain: p.domain.clone(),
            place: p.place.clone(),
            description: p.description.clone(),
            departments,
            targets: p.targets.iter().map(|t| format!("{doc}.{t}")).collect(),
            source: provenance(doc, found, &p.quote),
            also,
            merged: global_ids(doc, &p.merged),
        });
    }
    for l in &curated.list {
        let mut errors = Vec::new();
        check_id(&l.id, &mut errors);
        let Some(found) = index.find(&l.title) else {
            report(
                &l.id,
                vec![format!("名单标题不在原文中：{}", l.title)],
                diagnostics,
            );
            continue;
        };
        for g in &l.group {
            if !index.contains(&g.name) {
                errors.push(format!("分组不在原文中：{}", g.name));
            }
            for m in &g.members {
                if !index.contains(m) {
                    errors.push(format!("名单成员不在原文中：{m}"));
                }
            }
        }
        if !errors.is_empty() {
            report(&l.id, errors, diagnostics);
            continue;
        }
        out.lists.push(RecordList {
            id: format!("{doc}.{}", l.id),
            doc: doc.into(),
            title: l.title.clone(),
            groups: l
                .group
                .iter()
                .map(|g| ListGroup {
                    name: g.name.clone(),
                    members: g.members.clone(),
                })
                .collect(),
            source: provenance(doc, found, &l.title),
        });
    }
    // Targets are attributed to departments through the projects and fields that name them.
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(numbers_in("21.8*"), vec![21.8]);
        assert_eq!(numbers_in("[>33]"), vec![33.0]);
        assert_eq!(numbers_in("2.4，3"), vec![2.4, 3.0]);
        assert_eq!(numbers_in("约 1.5亿元。"), vec![1.5]);
        assert!(number_printed_in(6.5, "6.5%"));
        assert!(!number_printed_in(6.0, "6.5%"));
    }

    #[test]
    fn years_are_four_digits_before_年() {
        assert_eq!(years_in("三、2020年重点工作任务"), vec![2020]);
        assert_eq!(years_in("到2025年，2035年远景"), vec![2025, 2035]);
        assert!(years_in("完成投资3047亿元，12020年").is_empty());
        assert!(years_in("新建5G基站1万个").is_empty());
    }
}
