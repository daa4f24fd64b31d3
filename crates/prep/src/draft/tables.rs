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
