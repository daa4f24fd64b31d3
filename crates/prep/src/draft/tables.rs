//! Targets from indicator tables: one per row, the columns found by their headers
//! (类别, 指标, 单位, the years, 年均增长, 属性), merged cells read from the row that prints
//! them, `[ ]` as five-year cumulative values, a marked value's year from the table note.

use super::outline::Outline;
use crate::facts::{numbers_in, years_in, CuratedFigure, CuratedMisprint, CuratedTarget};
use crate::normalize::squeeze;
use model::{Attribute, Block, Origin, Table};

/// Where each kind of cell is in a table's rows.
#[derive(Debug, Default, PartialEq)]
pub struct Columns {
    pub category: Option<usize>,
    pub indicator: Option<usize>,
    pub unit: Option<usize>,
    pub baseline: Option<(usize, u16)>,
    pub target: Option<(usize, u16)>,
    pub growth: Option<usize>,
    pub attribute: Option<usize>,
}

/// The columns of an indicator table, from its header; none when it has no indicator and
/// year columns.
pub fn columns(header: &[String]) -> Option<Columns> {
    let mut c = Columns::default();
    let mut years = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let h = squeeze(h);
        if h.contains("类别") {
            c.category = Some(i);
        } else if h.contains("属性") {
            c.attribute = Some(i);
        } else if h.contains("指标") {
            c.indicator = Some(i);
        } else if h == "单位" {
            c.unit = Some(i);
        } else if h.contains("增长") || h.contains("增速") {
            c.growth = Some(i);
        } else if let Some(y) = years_in(&h).first() {
            years.push((i, *y, h.contains("目标")));
        }
    }
    c.indicator?;
    match years.as_slice() {
        [] => return None,
        [(i, y, true)] => c.target = Some((*i, *y)),
        [(i, y, false)] => c.baseline = Some((*i, *y)),
        [first, .., last] => {
            c.baseline = Some((first.0, first.1));
            c.target = Some((last.0, last.1));
        }
    }
    Some(c)
}

/// The targets of every indicator table of a document.
pub fn targets(outline: &Outline) -> Vec<CuratedTarget> {
    let mut out = Vec::new();
    for s in outline.sections {
        for b in &s.blocks {
            if let Block::Table(t) = b {
                if let Some(cols) = columns(&t.header) {
                    out.extend((0..t.rows.len()).filter_map(|r| row_target(t, &cols, r)));
                }
            }
        }
    }
    out
}

/// A cell's text, and the row that prints it when it is covered by a merged cell above.
fn cell(t: &Table, row: usize, col: usize) -> (String, Option<usize>) {
    let own = t
        .rows
        .get(row)
        .and_then(|r| r.get(col))
        .cloned()
        .unwrap_or_default();
    if !own.trim().is_empty() {
        return (own, None);
    }
    let span = t.spans.iter().find(|s| {
        s.col as usize == col && (s.row as usize) < row && row < (s.row + s.rows) as usize
    });
    match span {
        Some(s) => {
            let r = s.row as usize;
            (cell(t, r, col).0, Some(r))
        }
        None => (own, None),
    }
}

/// A row's cells as a quote: every printed cell but the category, in order.
fn row_quote(t: &Table, cols: &Columns, row: usize) -> String {
    let cells = t.rows.get(row).map(Vec::as_slice).unwrap_or_default();
    let printed = cells
        .iter()
        .enumerate()
        .filter(|(i, c)| Some(*i) != cols.category && !c.trim().is_empty());
    printed
        .map(|(_, c)| c.trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One row's target; none for a row without an indicator.
fn row_target(t: &Table, cols: &Columns, row: usize) -> Option<CuratedTarget> {
    let (name, _) = cell(t, row, cols.indicator?);
    let (indicator, paren_unit) = split_indicator(&name);
    if indicator.is_empty() {
        return None;
    }
    let mut shared = None;
    let mut read = |col: Option<usize>| {
        let (text, from) = cell(t, row, col?);
        if from.is_some() {
            shared = from;
        }
        Some(text)
    };
    let unit_cell = read(cols.unit).map(|u| squeeze(&u)).filter(|u| !is_dash(u));
    let unit = unit_cell.or(paren_unit).unwrap_or_default();
    let category = cols.category.map(|c| squeeze(&cell(t, row, c).0));
    let base = read(cols.baseline.map(|b| b.0)).map(|c| parse_cell(&c, t));
    let goal = read(cols.target.map(|b| b.0)).map(|c| parse_cell(&c, t));
    let growth = read(cols.growth).map(|c| parse_cell(&c, t));
    let attribute = read(cols.attribute).and_then(|a| match squeeze(&a).as_str() {
        "约束性" => Some(Attribute::Binding),
        "预期性" => Some(Attribute::Expected),
        _ => None,
    });
    let qualitative = [&goal, &base, &growth]
        .into_iter()
        .flatten()
        .find_map(|c| match c {
            Cell::Words(w) => Some(w.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let cumulative = [&base, &goal].into_iter().flatten().any(|c| {
        matches!(
            c,
            Cell::Value {
                cumulative: true,
                ..
            }
        )
    });
    let (unit, unit_misprint) = misprint(&indicator, unit);
    let target = CuratedTarget {
        id: String::new(),
        indicator,
        unit,
        category: category.unwrap_or_default(),
        attribute,
        origin: Origin::Table,
        cumulative,
        baseline: base.and_then(|c| c.figure(cols.baseline.map(|b| b.1), false)),
        target: goal.and_then(|c| c.figure(cols.target.map(|b| b.1), true)),
        growth: growth.and_then(|c| c.figure(None, false)),
        qualitative,
        quote: row_quote(t, cols, row),
        shared_quote: shared.map(|r| row_quote(t, cols, r)).unwrap_or_default(),
        unit_misprint,
        also: Vec::new(),
        merged: Vec::new(),
    };
    Some(target)
}

/// An indicator without its printed number (`1.`) and its unit in brackets (`（亿元）`).
pub fn split_indicator(cell: &str) -> (String, Option<String>) {
    let s = squeeze(cell);
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let s = match s.chars().nth(digits) {
        Some('.' | '、' | '．') if digits > 0 => s.chars().skip(digits + 1).collect(),
        _ => s,
    };
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = s.strip_suffix(close).and_then(|r| r.rsplit_once(open)) {
            let (name, unit) = inner;
            if !unit.is_empty() && unit.chars().count() <= 4 {
                return (name.to_string(), Some(unit.to_string()));
            }
        }
    }
    (s, None)
}

/// A rate whose unit is printed as an amount (`地区生产总值增速（亿元）`): the unit read
/// as `%`, the printed one kept with a note.
fn misprint(indicator: &str, unit: String) -> (String, Option<CuratedMisprint>) {
    let rate = indicator.ends_with("增速") || indicator.ends_with("增长");
    if rate && !unit.is_empty() && unit != "%" && unit != "％" {
        let note = format!("原文单位印作“{unit}”，但本行是增速，应以 % 计");
        let m = CuratedMisprint {
            printed: unit,
            note,
        };
        return ("%".to_string(), Some(m));
    }
    (unit, None)
}

fn is_dash(s: &str) -> bool {
    s.is_empty() || s.chars().all(|c| matches!(c, '—' | '-' | '－' | '–' | '/'))
}

/// What a value cell says.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Value {
        value: f64,
        comparator: String,
        text: String,
        cumulative: bool,
        /// The table note explaining a mark on the value, and the year it gives.
        note: Option<(String, Option<u16>)>,
    },
    Words(String),
}

/// Reads one value cell of a table (the table for the notes that explain marks).
pub fn parse_cell(text: &str, t: &Table) -> Cell {
    let s = squeeze(text);
    if is_dash(&s) {
        return Cell::Empty;
    }
    let Some(value) = numbers_in(&s).first().copied() else {
        return Cell::Words(s);
    };
    let inner = s.trim_start_matches(['[', '［']);
    let comparator = match inner.chars().next() {
        Some('>' | '＞') => ">",
        Some('<' | '＜') => "<",
        Some('≥') => "≥",
        Some('≤') => "≤",
        _ => "达到",
    };
    let note = crate::facts::NOTE_MARKS
        .iter()
        .find(|m| s.contains(**m))
        .and_then(|m| t.notes.iter().find(|n| n.contains(*m)))
        .map(|n| {
            let n = squeeze(n);
            let n = n.trim_start_matches("注：").trim_start_matches("注:");
            let n = n.trim_end_matches('。').to_string();
            let year = years_in(&n).first().copied();
            (n, year)
        });
    Cell::Value {
        value,
        comparator: comparator.to_string(),
        text: text.trim().to_string(),
        cumulative: s.starts_with('[') || s.starts_with('［'),
        note,
    }
}

impl Cell {
    /// The figure of a cell, with the column's year (or the year its note gives).
    fn figure(self, year: Option<u16>, is_target: bool) -> Option<CuratedFigure> {
        match self {
            Cell::Value {
                value,
                comparator,
                text,
                note,
                ..
            } => {
                let (note, year) = match note {
                    Some((n, y)) => (n, y),
                    None => (String::new(), year),
                };
                Some(CuratedFigure {
                    year,
                    value: Some(value),
                    comparator: if is_target { comparator } else { String::new() },
                    text,
                    note,
                })
            }
            Cell::Empty | Cell::Words(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{CellSpan, Section};

    fn table(
        header: &[&str],
        rows: &[&[&str]],
        notes: &[&str],
        spans: Vec<CellSpan>,
    ) -> Vec<Section> {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let t = Table {
            anchor: "t-1".into(),
            caption: "表1 主要指标".into(),
            header: strings(header),
            rows: rows.iter().map(|r| strings(r)).collect(),
            notes: strings(notes),
            spans,
        };
        vec![Section {
            anchor: "s-0".into(),
            level: 0,
            parent: None,
            number: String::new(),
            title: String::new(),
            blocks: vec![Block::Table(t)],
        }]
    }

    /// Per row: indicator, unit, category, (baseline value, year), (target value, year,
    /// comparator), growth, cumulative, qualitative, shared quote.
    type Expected<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<(f64, Option<u16>)>,
        Option<(f64, Option<u16>, &'a str)>,
        Option<f64>,
        bool,
        &'a str,
        &'a str,
    );

    fn check(sections: &[Section], expected: &[Expected]) {
        let got: Vec<_> = targets(&Outline::new(sections))
            .into_iter()
            .map(|t| {
                (
                    t.indicator,
                    t.unit,
                    t.category,
                    t.baseline.and_then(|f| Some((f.value?, f.year))),
                    t.target
                        .and_then(|f| Some((f.value?, f.year, f.comparator))),
                    t.growth.and_then(|f| f.value),
                    t.cumulative,
                    t.qualitative,
                    t.shared_quote,
                )
            })
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|(i, u, c, b, t, g, cu, q, s)| {
                (
                    i.to_string(),
                    u.to_string(),
                    c.to_string(),
                    *b,
                    t.map(|(v, y, c)| (v, y, c.to_string())),
                    *g,
                    *cu,
                    q.to_string(),
                    s.to_string(),
                )
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn category_indicator_unit_and_two_years() {
        let s = table(
            &["类别", "指标", "单位", "2017年", "2022年"],
            &[
                &["质量效益", "1.新经济占比", "%", "21.8*", "35"],
                &["", "2.工业化信息化融合指数", "—", "79.7", "86"],
                &["", "3.细颗粒物浓度降低", "%", "13.7", "达标"],
            ],
            &["注：带*号为2016年数据。"],
            vec![CellSpan {
                row: 0,
                col: 0,
                rows: 3,
            }],
        );
        check(
            &s,
            &[
                (
                    "新经济占比",
                    "%",
                    "质量效益",
                    Some((21.8, Some(2016))),
                    Some((35.0, Some(2022), "达到")),
                    None,
                    false,
                    "",
                    "",
                ),
                (
                    "工业化信息化融合指数",
                    "",
                    "质量效益",
                    Some((79.7, Some(2017))),
                    Some((86.0, Some(2022), "达到")),
                    None,
                    false,
                    "",
                    "",
                ),
                (
                    "细颗粒物浓度降低",
                    "%",
                    "质量效益",
                    Some((13.7, Some(2017))),
                    None,
                    None,
                    false,
                    "达标",
                    "",
                ),
            ],
        );
    }

    #[test]
    fn numbered_rows_with_units_in_brackets_growth_and_attribute() {
        let s = table(
            &[
                "类别",
                "序号",
                "主要指标",
                "2020年",
                "2025年目标",
                "年均增长（%）",
                "指标属性",
            ],
            &[
                &[
                    "经济发展",
                    "1",
                    "地区生产总值增速（亿元）",
                    "4.5",
                    "—",
                    "7",
                    "预期性",
                ],
                &[
                    "",
                    "2",
                    "实际使用外资（亿美元）",
                    "[21.2]",
                    "[>33]",
                    "8",
                    "预期性",
                ],
                &[
                    "生态改善",
                    "3",
                    "能源消耗降低（%）",
                    "完成上级下达任务",
                    "完成上级下达任务",
                    "完成上级下达任务",
                    "约束性",
                ],
                &["", "4", "用水量降幅（%）", "", "", "", "约束性"],
            ],
            &[],
            vec![
                CellSpan {
                    row: 0,
                    col: 0,
                    rows: 2,
                },
                CellSpan {
                    row: 2,
                    col: 0,
                    rows: 2,
                },
                CellSpan {
                    row: 2,
                    col: 3,
                    rows: 2,
                },
                CellSpan {
                    row: 2,
                    col: 4,
                    rows: 2,
                },
                CellSpan {
                    row: 2,
                    col: 5,
                    rows: 2,
                },
            ],
        );
        let words = "完成上级下达任务";
        let shared =
            "3 能源消耗降低（%） 完成上级下达任务 完成上级下达任务 完成上级下达任务 约束性";
        check(
            &s,
            &[
                (
                    "地区生产总值增速",
                    "%",
                    "经济发展",
                    Some((4.5, Some(2020))),
                    None,
                    Some(7.0),
                    false,
                    "",
                    "",
                ),
                (
                    "实际使用外资",
                    "亿美元",
                    "经济发展",
                    Some((21.2, Some(2020))),
                    Some((33.0, Some(2025), ">")),
                    Some(8.0),
                    true,
                    "",
                    "",
                ),
                (
                    "能源消耗降低",
                    "%",
                    "生态改善",
                    None,
                    None,
                    None,
                    false,
                    words,
                    "",
                ),
                (
                    "用水量降幅",
                    "%",
                    "生态改善",
                    None,
                    None,
                    None,
                    false,
                    words,
                    shared,
                ),
            ],
        );
    }

    #[test]
    fn a_table_without_indicator_and_years_is_not_an_indicator_table() {
        assert_eq!(
            columns(&["序号".into(), "项目名称".into(), "建设内容".into()]),
            None
        );
    }
}
