//! Curated facts (`data/facts/<doc>/*.toml`): the TOML schema, the document text prepared
//! for quote lookup, and the checks of quoted numbers and years that every kind shares
//! (the per-kind verifiers are in `verify`).

use crate::normalize::squeeze;
use model::{Attribute, Block, Figure, Origin, ProjectKind, Provenance, Section, YearSource};
use serde::{Deserialize, Serialize};
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedFile {
    #[serde(default)]
    pub field: Vec<Spanned<CuratedField>>,
    #[serde(default)]
    pub project: Vec<Spanned<CuratedProject>>,
    #[serde(default)]
    pub target: Vec<Spanned<CuratedTarget>>,
    #[serde(default)]
    pub list: Vec<Spanned<CuratedList>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedField {
    pub id: String,
    pub title: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    pub quote: String,
    /// Other quotes stating the same thing, each verified like `quote`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Local ids of records merged into this one; never reused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedProject {
    pub id: String,
    pub name: String,
    pub kind: ProjectKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub domain: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    pub quote: String,
    /// Other quotes stating the same thing, each verified like `quote`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Local ids of records merged into this one; never reused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedFigure {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comparator: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedTarget {
    pub id: String,
    pub indicator: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<Attribute>,
    pub origin: Origin,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cumulative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<CuratedFigure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<CuratedFigure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<CuratedFigure>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub qualitative: String,
    pub quote: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub shared_quote: String,
    /// A unit the source misprints: `unit` holds the corrected one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_misprint: Option<CuratedMisprint>,
    /// Other quotes stating the same thing, each verified like `quote`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Local ids of records merged into this one; never reused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedMisprint {
    /// As printed in the quote.
    pub printed: String,
    /// Why the record reads otherwise, shown to the reader.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedList {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub group: Vec<CuratedGroup>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedGroup {
    pub name: String,
    pub members: Vec<String>,
}

pub(crate) const COMPARATORS: &[&str] = &[
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
    "至少",
    "争取",
    "余",
];

/// One block of a document, squeezed for matching, with where it is.
pub(crate) struct Searchable {
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
    pub(crate) fn context(&self) -> String {
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
            // A section without a heading of its own after the root continues its parent
            // (text after a 专栏 box): its blocks belong to that heading.
            let owner = match s.parent {
                Some(p) if i > 0 && s.level == 0 => sections
                    .get(p as usize)
                    .map_or(s.anchor.clone(), |p| p.anchor.clone()),
                _ => s.anchor.clone(),
            };
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
                section: owner.clone(),
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

    pub(crate) fn find(&self, quote: &str) -> Option<&Searchable> {
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
pub(crate) const NOTE_MARKS: &[char] = &['*', '＊', '△', '▲', '#'];

/// Checks that a number printed in a record occurs in its quote (`quote`, squeezed, with the
/// row that prints a merged cell), and says where its year is printed.
pub(crate) fn check_figure(
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
pub(crate) fn years_in(text: &str) -> Vec<u16> {
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
pub(crate) fn number_printed_in(value: f64, text: &str) -> bool {
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

pub(crate) fn provenance(doc: &str, found: &Searchable, quote: &str) -> Provenance {
    Provenance {
        doc: doc.to_string(),
        section: found.section.clone(),
        block: found.block.clone(),
        quote: quote.to_string(),
    }
}

/// The further places a record is stated: each quote must be in the text.
pub(crate) fn also_sources(
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

pub(crate) fn figure(f: &CuratedFigure, year_source: Option<YearSource>) -> Figure {
    Figure {
        year: f.year,
        year_source,
        value: f.value,
        comparator: f.comparator.clone(),
        text: f.text.clone(),
        note: f.note.clone(),
    }
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
