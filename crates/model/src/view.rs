//! View-model: what the pages show, computed from the records as plain data so that it is
//! tested natively and the components only lay it out. Joins (a document by id), the
//! marks beside a paragraph, a paragraph's bold runs, and the text behind every chart.

use crate::chart::{
    change_bars, describe_target, format_number, format_with_unit, printed_with_unit, target_chart,
    year_counts, Bar, ComparedRow, TargetChart,
};
use crate::files::DocName;
use crate::pages::Page;
use crate::wire::{Comparison, DocumentMeta, Field, Figure, Index, Paragraph, Project, Target};
use std::collections::HashMap;

impl Index {
    /// The document with this id.
    pub fn doc(&self, id: &str) -> Option<&DocumentMeta> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The short title of a document, empty for an unknown id.
    pub fn short_title(&self, id: &str) -> String {
        self.doc(id)
            .map(|d| d.short_title.clone())
            .unwrap_or_default()
    }
}

/// Writes `text` with `&`, `<`, `>` and `"` as entities (text content and attribute values).
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// The `<option>`s of a filter's `<select>` as HTML: 全部 (value "") first, then `(value,
/// text)` in order, the one whose value is `selected` marked. A filter of documents has an
/// option per document (a thousand in a large library); written into the page as one piece
/// of HTML they cost the browser one parse instead of thousands of element calls.
pub fn options_html(options: &[(String, String)], selected: &str) -> String {
    let mut out = String::with_capacity(32 * (options.len() + 1));
    let all = [(String::new(), "全部".to_string())];
    for (value, text) in all.iter().chain(options) {
        out.push_str("<option value=\"");
        escape_into(&mut out, value);
        out.push('"');
        if value == selected {
            out.push_str(" selected");
        }
        out.push('>');
        escape_into(&mut out, text);
        out.push_str("</option>");
    }
    out
}

/// Links as `<li>`s of HTML, each `(href, text, note)`, the note after the link in a
/// `span.meta`: a long list the page draws in one piece (the hundreds of documents a theme
/// of a large library comes from). The links open in place like any other: the router
/// listens to clicks on the whole page.
pub fn link_items_html(items: &[(String, String, String)]) -> String {
    let mut out = String::new();
    for (href, text, note) in items {
        out.push_str("<li><a href=\"");
        escape_into(&mut out, href);
        out.push_str("\">");
        escape_into(&mut out, text);
        out.push_str("</a> <span class=\"meta\">");
        escape_into(&mut out, note);
        out.push_str("</span></li>");
    }
    out
}

/// A link beside a paragraph (or heading, or table) to a record quoted from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordMark {
    /// App path of the record page, e.g. `/target/?id=a.t-1`.
    pub href: String,
    pub label: String,
}

/// Block anchor → the records of one document quoted from that block, fields first, then
/// projects, then targets, each in document order.
pub fn record_marks(
    doc: &str,
    fields: &[Field],
    projects: &[Project],
    targets: &[Target],
) -> HashMap<String, Vec<RecordMark>> {
    let mut marks: HashMap<String, Vec<RecordMark>> = HashMap::new();
    let mut add = |block: &str, page: Page, id: &str, label: String| {
        marks
            .entry(block.to_string())
            .or_default()
            .push(RecordMark {
                href: page.record(id),
                label,
            });
    };
    // A record stated in several places is marked at each of them.
    for f in fields.iter().filter(|f| f.doc == doc) {
        for s in f.sources() {
            add(
                &s.block,
                Page::Field,
                &f.id,
                format!("重点领域：{}", f.label),
            );
        }
    }
    for p in projects.iter().filter(|p| p.doc == doc) {
        for s in p.sources() {
            add(&s.block, Page::Project, &p.id, format!("工程：{}", p.name));
        }
    }
    for t in targets.iter().filter(|t| t.doc == doc) {
        // A target with results says its status in words beside its paragraph.
        let status = t
            .progress
            .as_ref()
            .map(|p| format!("（{}）", p.status.label()))
            .unwrap_or_default();
        for s in t.sources() {
            add(
                &s.block,
                Page::Target,
                &t.id,
                format!("指标：{}{status}", t.indicator),
            );
        }
    }
    marks
}

/// A paragraph as runs of `(text, bold)`, from its emphasis ranges (in chars). Ranges that
/// overlap, run backwards or reach past the end are clipped or skipped, never a panic.
pub fn paragraph_runs(p: &Paragraph) -> Vec<(String, bool)> {
    let chars: Vec<char> = p.text.chars().collect();
    let slice = |a: usize, b: usize| -> String {
        chars
            .get(a..b)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    };
    let mut runs = Vec::new();
    let mut pos = 0usize;
    for &(a, b) in &p.emphasis {
        let (a, b) = ((a as usize).min(chars.len()), (b as usize).min(chars.len()));
        if a < pos || b <= a {
            continue;
        }
        if a > pos {
            runs.push((slice(pos, a), false));
        }
        runs.push((slice(a, b), true));
        pos = b;
    }
    if pos < chars.len() || runs.is_empty() {
        runs.push((slice(pos, chars.len()), false));
    }
    runs
}

/// One cell of a table as drawn: its text and how many rows it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub rows: u32,
}

/// A table's body rows as drawn: a merged cell appears once, in its first row, spanning
/// its rows; the cells it covers are left out. Spans that point outside the table are
/// ignored, so bad data draws a plain table, never a broken one.
pub fn table_cells(t: &crate::wire::Table) -> Vec<Vec<Cell>> {
    let mut span_at: HashMap<(usize, usize), u32> = HashMap::new();
    let mut covered = std::collections::HashSet::new();
    for s in &t.spans {
        let (row, col, rows) = (s.row as usize, s.col as usize, s.rows);
        let fits = rows >= 2
            && t.rows.get(row).is_some_and(|r| col < r.len())
            && row + rows as usize <= t.rows.len();
        if !fits || covered.contains(&(row, col)) {
            continue;
        }
        span_at.insert((row, col), rows);
        covered.extend((row + 1..row + rows as usize).map(|r| (r, col)));
    }
    t.rows
        .iter()
        .enumerate()
        .map(|(r, cells)| {
            cells
                .iter()
                .enumerate()
                .filter(|(c, _)| !covered.contains(&(r, *c)))
                .map(|(c, text)| Cell {
                    text: text.clone(),
                    rows: span_at.get(&(r, c)).copied().unwrap_or(1),
                })
                .collect()
        })
        .collect()
}

/// A figure as printed with its unit (never repeating a 万 the text already carries).
pub fn figure_text(f: &Figure, unit: &str) -> String {
    let s = printed_with_unit(&f.text, unit);
    match f.year {
        Some(y) if s.is_empty() => format!("{y}年"),
        Some(y) => format!("{y}年：{s}"),
        None => s,
    }
}

/// What the parser read from a printed figure.
pub fn parsed_text(f: &Figure) -> String {
    match f.value {
        Some(v) if f.comparator.is_empty() => format!("数值 {}", v),
        Some(v) => format!("数值 {}（{}）", v, f.comparator),
        None => "原文未给出可比较的数值".into(),
    }
}

/// Where a figure's year comes from, in words, with the figure's own note: a year taken from
/// a heading or a table note is never passed off as printed in the quote.
pub fn year_note(f: &Figure) -> String {
    let source = f.year_source.map(|s| s.label()).unwrap_or_default();
    match (source, f.note.as_str()) {
        ("", note) => note.to_string(),
        (source, "") => source.to_string(),
        (source, note) => format!("{source}；{note}"),
    }
}

/// How many targets each document sets, by target year: the overview of the target list.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetsOverview {
    /// The target years that occur, ascending.
    pub years: Vec<u16>,
    pub rows: Vec<OverviewRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverviewRow {
    pub doc: String,
    pub title: String,
    pub total: usize,
    /// Count per entry of `years` (0 where none).
    pub by_year: Vec<usize>,
    /// Targets that print no year.
    pub undated: usize,
}

/// Documents in index order; documents without targets are left out.
pub fn targets_overview(targets: &[Target], index: &Index) -> TargetsOverview {
    let mut years: Vec<u16> = targets
        .iter()
        .filter_map(|t| t.target.as_ref().and_then(|f| f.year))
        .collect();
    years.sort();
    years.dedup();
    let rows = index
        .documents
        .iter()
        .filter_map(|d| {
            let own: Vec<&Target> = targets.iter().filter(|t| t.doc == d.id).collect();
            if own.is_empty() {
                return None;
            }
            let year_of = |t: &&Target| t.target.as_ref().and_then(|f| f.year);
            Some(OverviewRow {
                doc: d.id.clone(),
                title: d.short_title.clone(),
                total: own.len(),
                by_year: years
                    .iter()
                    .map(|y| own.iter().filter(|t| year_of(t) == Some(*y)).count())
                    .collect(),
                undated: own.iter().filter(|t| year_of(t).is_none()).count(),
            })
        })
        .collect();
    TargetsOverview { years, rows }
}

/// [`targets_overview`] from a list index's document runs (`lists`), without the targets.
pub fn targets_overview_of(list: &crate::lists::ListIndex) -> TargetsOverview {
    let mut years: Vec<u16> = list
        .docs
        .iter()
        .flat_map(|s| s.years.iter().map(|[y, _]| *y as u16))
        .collect();
    years.sort();
    years.dedup();
    let rows = list
        .docs
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| {
            let n_in = |y: u16| {
                s.years
                    .iter()
                    .find(|[year, _]| *year == y as u32)
                    .map_or(0, |[_, n]| *n as usize)
            };
            let dated: usize = s.years.iter().map(|[_, n]| *n as usize).sum();
            OverviewRow {
                doc: s.doc.clone(),
                title: s.title.clone(),
                total: s.count as usize,
                by_year: years.iter().map(|y| n_in(*y)).collect(),
                undated: s.count as usize - dated,
            }
        })
        .collect();
    TargetsOverview { years, rows }
}

/// The order of a target list: documents in index order, and within a document the
/// indicator table first, then the targets stated in prose, each in reading order.
pub fn in_list_order<'a>(mut targets: Vec<&'a Target>, index: &Index) -> Vec<&'a Target> {
    let position = |doc: &str| index.documents.iter().position(|d| d.id == doc);
    // Stable: reading order is kept within each group.
    targets.sort_by_key(|t| (position(&t.doc), t.origin != crate::wire::Origin::Table));
    targets
}

/// Everything a chart figure shows besides the picture: title, the sentence a screen reader
/// hears, and the data table with the same numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartText {
    pub title: String,
    pub summary: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Base of the download file names.
    pub file: String,
}

fn printed(f: &Option<Figure>) -> String {
    f.as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

fn year_label(f: &Figure) -> String {
    f.year.map(|y| format!("{y}年")).unwrap_or_default()
}

/// Baseline → target of one target; None for qualitative targets.
pub fn target_chart_text(t: &Target) -> Option<(TargetChart, ChartText)> {
    let chart = target_chart(t)?;
    let mut rows: Vec<Vec<String>> = chart
        .bars
        .iter()
        .map(|(label, v, printed)| {
            vec![
                label.clone(),
                printed.clone(),
                format_with_unit(*v, &chart.unit),
            ]
        })
        .collect();
    if let Some(g) = chart.implied_growth {
        rows.push(vec![
            "隐含年均增长（计算值）".into(),
            "—".into(),
            format!("{}%", format_number(g)),
        ]);
    }
    let text = ChartText {
        title: format!("{}：基期与目标", t.indicator),
        summary: describe_target(&chart),
        header: vec!["年份".into(), "原文".into(), "数值".into()],
        rows,
        file: t.id.replace('.', "-"),
    };
    Some((chart, text))
}

/// A document's scope in words: a district's plan (`区级`) or a city's (`市级`), from the
/// region the document governs.
pub fn scope(region: &str) -> &'static str {
    if region.ends_with('区') || region.ends_with('县') {
        "区级"
    } else {
        "市级"
    }
}

/// A document as a comparison names it: short title, region and scope, so that a city's
/// and a district's figures are never read as one series.
fn compared_document(docs: &[DocName], doc: &str) -> String {
    match docs.iter().find(|d| d.id == doc) {
        Some(d) => format!("{}（{}，{}）", d.short_title, d.region, scope(&d.region)),
        None => doc.to_string(),
    }
}

/// The same indicator in other documents, when a curated comparison holds this target:
/// the rows to draw, the unit, and the text.
pub fn comparison_of(
    t: &Target,
    targets: &[Target],
    comparisons: &[Comparison],
    docs: &[DocName],
) -> Option<(Vec<ComparedRow>, String, ChartText)> {
    let group = comparisons.iter().find(|g| g.members.contains(&t.id))?;
    let members: Vec<&Target> = group
        .members
        .iter()
        .filter_map(|id| targets.iter().find(|x| &x.id == id))
        .collect();
    if members.len() < 2 {
        return None;
    }
    let rows: Vec<ComparedRow> = members
        .iter()
        .filter_map(|m| {
            let goal = m.target.as_ref()?;
            Some(ComparedRow {
                document: compared_document(docs, &m.doc),
                baseline: m
                    .baseline
                    .as_ref()
                    .and_then(|b| Some((year_label(b), b.value?))),
                target: (year_label(goal), goal.value?),
            })
        })
        .collect();
    let table: Vec<Vec<String>> = members
        .iter()
        .map(|m| {
            vec![
                compared_document(docs, &m.doc),
                m.indicator.clone(),
                printed(&m.baseline),
                printed(&m.target),
            ]
        })
        .collect();
    let text = ChartText {
        title: format!("各文件比较：{}", group.title),
        summary: comparison_summary(&members, &group.unit, docs),
        header: vec![
            "文件（范围）".into(),
            "指标".into(),
            "基期".into(),
            "目标".into(),
        ],
        rows: table,
        file: format!("compare-{}", t.id.replace('.', "-")),
    };
    Some((rows, group.unit.clone(), text))
}

/// A comparison in words: each document's baseline and target, and a note when the
/// documents' scopes differ (a city's and a district's figures are not comparable).
fn comparison_summary(members: &[&Target], unit: &str, docs: &[DocName]) -> String {
    let with_year = |f: &Figure| format!("{}{}", year_label(f), printed_with_unit(&f.text, unit));
    let summary = members
        .iter()
        .map(|m| {
            let b = m
                .baseline
                .as_ref()
                .map(|b| format!("{}，", with_year(b)))
                .unwrap_or_default();
            let g = m.target.as_ref().map(with_year).unwrap_or_default();
            format!("{}：{b}目标{g}", compared_document(docs, &m.doc))
        })
        .collect::<Vec<_>>()
        .join("；");
    let scopes: Vec<&str> = members
        .iter()
        .filter_map(|m| docs.iter().find(|d| d.id == m.doc))
        .map(|d| scope(&d.region))
        .collect();
    let mixed = scopes.iter().any(|s| Some(s) != scopes.first());
    let note = if mixed {
        "市级和区级的数值范围不同，不宜直接比高低。"
    } else {
        ""
    };
    format!("{summary}。{note}")
}

/// The change of every comparable target from its baseline, grouped by category.
pub fn changes_chart(targets: &[&Target], file: &str) -> Option<(Vec<Bar>, ChartText)> {
    let bars = change_bars(targets);
    if bars.is_empty() {
        return None;
    }
    let rows: Vec<Vec<String>> = bars
        .iter()
        .filter_map(|b| {
            let t = targets.iter().find(|t| t.id == b.id)?;
            Some(vec![
                t.indicator.clone(),
                t.category.clone(),
                printed(&t.baseline),
                printed(&t.target),
                b.text.clone(),
            ])
        })
        .collect();
    let summary = format!(
        "{}项可比较的指标相对基期的变化：{}。",
        bars.len(),
        bars.iter()
            .map(|b| format!("{}{}", b.label, b.text))
            .collect::<Vec<_>>()
            .join("，")
    );
    let text = ChartText {
        title: "目标相对基期的变化（%，按类别）".into(),
        summary,
        header: vec![
            "指标".into(),
            "类别".into(),
            "基期（原文）".into(),
            "目标（原文）".into(),
            "变化（计算值）".into(),
        ],
        rows,
        file: format!("{file}-changes"),
    };
    Some((bars, text))
}

/// How many targets fall due in each year.
pub fn years_chart(targets: &[&Target], file: &str) -> Option<(Vec<(u16, usize)>, ChartText)> {
    let years = year_counts(targets);
    if years.is_empty() {
        return None;
    }
    let text = ChartText {
        title: "目标年份分布".into(),
        summary: format!(
            "按目标年份统计：{}。",
            years
                .iter()
                .map(|(y, n)| format!("{y}年{n}项"))
                .collect::<Vec<_>>()
                .join("，")
        ),
        header: vec!["目标年份".into(), "指标数".into()],
        rows: years
            .iter()
            .map(|(y, n)| vec![format!("{y}年"), n.to_string()])
            .collect(),
        file: format!("{file}-years"),
    };
    Some((years, text))
}

#[cfg(test)]
mod tests;
