//! View-model: what the pages show, computed from the records as plain data so that it is
//! tested natively and the components only lay it out. Joins (a document by id), the
//! marks beside a paragraph, a paragraph's bold runs, and the text behind every chart.

use crate::chart::{
    change_bars, comparisons, describe_target, format_number, format_with_unit, printed_with_unit,
    target_chart, year_counts, Bar, ComparedRow, TargetChart,
};
use crate::pages::Page;
use crate::wire::{DocumentMeta, Field, Figure, Index, Paragraph, Project, Target};
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
    for f in fields.iter().filter(|f| f.doc == doc) {
        add(
            &f.source.block,
            Page::Field,
            &f.id,
            format!("重点领域：{}", f.label),
        );
    }
    for p in projects.iter().filter(|p| p.doc == doc) {
        add(
            &p.source.block,
            Page::Project,
            &p.id,
            format!("工程：{}", p.name),
        );
    }
    for t in targets.iter().filter(|t| t.doc == doc) {
        add(
            &t.source.block,
            Page::Target,
            &t.id,
            format!("指标：{}", t.indicator),
        );
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
        Some(v) if f.comparator.is_empty() => format!("数值 {v}"),
        Some(v) => format!("数值 {v}（{}）", f.comparator),
        None => "原文未给出可比较的数值".into(),
    }
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

/// The same indicator in other documents, when there is one: the rows to draw, the unit,
/// and the text.
pub fn comparison_of(
    t: &Target,
    targets: &[Target],
    index: &Index,
) -> Option<(Vec<ComparedRow>, String, ChartText)> {
    let group = comparisons(targets)
        .into_iter()
        .find(|g| g.members.contains(&t.id))?;
    let members: Vec<&Target> = group
        .members
        .iter()
        .filter_map(|id| targets.iter().find(|x| &x.id == id))
        .collect();
    let rows: Vec<ComparedRow> = members
        .iter()
        .filter_map(|m| {
            let goal = m.target.as_ref()?;
            Some(ComparedRow {
                document: index.short_title(&m.doc),
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
                index.short_title(&m.doc),
                m.indicator.clone(),
                printed(&m.baseline),
                printed(&m.target),
            ]
        })
        .collect();
    let with_year = |f: &Figure| {
        format!(
            "{}{}",
            year_label(f),
            printed_with_unit(&f.text, &group.unit)
        )
    };
    let summary = members
        .iter()
        .map(|m| {
            let b = m.baseline.as_ref().map(with_year).unwrap_or_default();
            let g = m.target.as_ref().map(with_year).unwrap_or_default();
            format!("{}：{b}，目标{g}", index.short_title(&m.doc))
        })
        .collect::<Vec<_>>()
        .join("；");
    let text = ChartText {
        title: format!("各文件比较：{}", group.title),
        summary: format!("{summary}。"),
        header: vec!["文件".into(), "指标".into(), "基期".into(), "目标".into()],
        rows: table,
        file: format!("compare-{}", t.id.replace('.', "-")),
    };
    Some((rows, group.unit, text))
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
mod tests {
    use super::*;
    use crate::wire::Provenance;

    fn source(block: &str) -> Provenance {
        Provenance {
            doc: "a".into(),
            section: "s-1".into(),
            block: block.into(),
            quote: String::new(),
        }
    }

    fn figure(year: Option<u16>, value: Option<f64>, text: &str) -> Figure {
        Figure {
            year,
            value,
            comparator: String::new(),
            text: text.into(),
            note: String::new(),
        }
    }

    fn target(id: &str, doc: &str, indicator: &str, base: f64, goal: f64) -> Target {
        Target {
            id: id.into(),
            doc: doc.into(),
            indicator: indicator.into(),
            unit: "家".into(),
            category: "创新".into(),
            attribute: String::new(),
            origin: "table".into(),
            cumulative: false,
            baseline: Some(figure(Some(2020), Some(base), &base.to_string())),
            target: Some(figure(Some(2025), Some(goal), &goal.to_string())),
            growth: None,
            qualitative: String::new(),
            source: source("p-3"),
        }
    }

    fn runs(text: &str, emphasis: Vec<(u32, u32)>) -> Vec<(String, bool)> {
        paragraph_runs(&Paragraph {
            anchor: "p-1".into(),
            text: text.into(),
            emphasis,
        })
    }

    #[test]
    fn bold_runs() {
        fn check(got: Vec<(String, bool)>, expected: &[(&str, bool)]) {
            let expected: Vec<(String, bool)> =
                expected.iter().map(|(s, b)| (s.to_string(), *b)).collect();
            assert_eq!(got, expected);
        }
        check(runs("甲乙丙", vec![]), &[("甲乙丙", false)]);
        check(
            runs("甲乙丙", vec![(0, 1)]),
            &[("甲", true), ("乙丙", false)],
        );
        check(
            runs("甲乙丙", vec![(1, 3)]),
            &[("甲", false), ("乙丙", true)],
        );
        // Overlapping, backwards and out-of-range ranges are clipped or skipped.
        check(
            runs("甲乙丙", vec![(0, 2), (1, 3), (2, 1), (2, 99)]),
            &[("甲乙", true), ("丙", true)],
        );
        check(runs("", vec![(0, 5)]), &[("", false)]);
    }

    #[test]
    fn marks_sit_on_their_block_and_only_for_their_document() {
        let targets = vec![
            target("a.t-1", "a", "高新技术企业数量", 1.0, 2.0),
            target("b.t-1", "b", "高新技术企业数量", 1.0, 2.0),
        ];
        let marks = record_marks("a", &[], &[], &targets);
        assert_eq!(marks.len(), 1);
        assert_eq!(
            marks.get("p-3"),
            Some(&vec![RecordMark {
                href: "/target/?id=a.t-1".into(),
                label: "指标：高新技术企业数量".into()
            }])
        );
    }

    #[test]
    fn comparison_names_each_document_and_its_years() {
        let index: Index = serde_json::from_str(r#"{"schema_version":0,"documents":[]}"#)
            .unwrap_or_else(|_| Index {
                schema_version: 0,
                documents: vec![],
            });
        let targets = vec![
            target("a.t-1", "a", "高新技术企业数量", 362.0, 600.0),
            target("b.t-1", "b", "高新技术企业数量", 1074.0, 2700.0),
        ];
        let Some((rows, unit, text)) = comparison_of(&targets[0], &targets, &index) else {
            panic!("two documents with the same indicator are compared");
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(unit, "家");
        assert_eq!(rows[1].target, ("2025年".to_string(), 2700.0));
        assert!(
            text.summary.contains("2020年362家，目标2025年600家"),
            "{}",
            text.summary
        );
        assert_eq!(comparison_of(&targets[0], &targets[..1], &index), None);
    }

    #[test]
    fn figures_in_words() {
        assert_eq!(
            figure_text(&figure(Some(2025), Some(35.0), "35"), "%"),
            "2025年：35%"
        );
        assert_eq!(figure_text(&figure(Some(2025), None, ""), "%"), "2025年");
        assert_eq!(
            parsed_text(&figure(None, None, "显著提升")),
            "原文未给出可比较的数值"
        );
    }
}
