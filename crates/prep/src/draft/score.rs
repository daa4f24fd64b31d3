//! The draft scored against the curated records of the same document: per kind, how many
//! curated and drafted records, how many match (a target: the same source paragraph or
//! table and the same numbers; a field or a project: the same name), and how many matched
//! targets read a number or year otherwise; departments of matched records compared as
//! resolved bodies.

use crate::normalize::squeeze;
use crate::verify::Verified;
use model::{Figure, Origin, Target};

/// One line of the score table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub doc: String,
    pub kind: &'static str,
    pub curated: usize,
    pub drafted: usize,
    pub matched: usize,
    /// Matched targets with a value or year differing from the curated record.
    pub numbers_differ: usize,
    /// The curated records not matched (their names or quotes), for the report.
    pub missed: Vec<String>,
    /// Matched targets whose numbers differ: the quote, curated and drafted readings.
    pub differ: Vec<String>,
}

impl Row {
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.curated)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched_drafted(), self.drafted)
    }
    /// Drafted records that match a curated one (never more than were drafted).
    fn matched_drafted(&self) -> usize {
        self.matched.min(self.drafted)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

pub const TABLE: &str = "指标表目标";
pub const PROSE: &str = "正文定量目标";
pub const QUALITATIVE: &str = "正文定性目标";
pub const FIELDS: &str = "重点领域";
pub const PROJECTS: &str = "项目";
pub const DEPARTMENTS: &str = "责任单位（已匹配记录）";

/// Which targets a line of the table counts.
type Keep = fn(&Target) -> bool;

/// Scores one document's draft against its curated records.
pub fn score(doc: &str, curated: &Verified, drafted: &Verified) -> Vec<Row> {
    let mut rows = Vec::new();
    let kinds: [(&'static str, Keep); 3] = [
        (TABLE, |t| t.origin == Origin::Table),
        (PROSE, |t| {
            t.origin == Origin::Prose && !values(t).is_empty()
        }),
        (QUALITATIVE, |t| {
            t.origin == Origin::Prose && values(t).is_empty()
        }),
    ];
    for (kind, keep) in kinds {
        let c: Vec<&Target> = curated.targets.iter().filter(|t| keep(t)).collect();
        let d: Vec<&Target> = drafted.targets.iter().filter(|t| keep(t)).collect();
        let mut row = match_targets(&c, &d);
        row.doc = doc.to_string();
        row.kind = kind;
        rows.push(row);
    }
    let field_names = |v: &Verified| {
        v.fields
            .iter()
            .map(|f| (name(&f.title), f.departments.clone()))
            .collect()
    };
    let project_names = |v: &Verified| {
        v.projects
            .iter()
            .map(|p| (name(&p.name), p.departments.clone()))
            .collect()
    };
    let fields = match_names(doc, FIELDS, field_names(curated), field_names(drafted));
    let projects = match_names(
        doc,
        PROJECTS,
        project_names(curated),
        project_names(drafted),
    );
    rows.push(departments(doc, &[&fields, &projects]));
    rows.push(fields.0);
    rows.push(projects.0);
    rows
}

/// A name as compared: without spaces, quotation marks and closing punctuation.
fn name(text: &str) -> String {
    squeeze(text)
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | '。'))
        .collect()
}

/// A target's numbers, sorted.
fn values(t: &Target) -> Vec<f64> {
    let mut v: Vec<f64> = [&t.baseline, &t.target, &t.growth]
        .into_iter()
        .flatten()
        .filter_map(|f| f.value)
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

/// What the numbers of a target read: each figure's value and, for a value, its year.
fn reading(t: &Target) -> [(Option<f64>, Option<u16>); 3] {
    let f = |f: &Option<Figure>| {
        f.as_ref()
            .filter(|f| f.value.is_some())
            .map_or((None, None), |f| (f.value, f.year))
    };
    [f(&t.baseline), f(&t.target), f(&t.growth)]
}

/// Pairs targets: first those of one paragraph or table with the same numbers, then those
/// of one paragraph whose quotes overlap (a row, a clause), each drafted record once.
fn match_targets(curated: &[&Target], drafted: &[&Target]) -> Row {
    let mut used = vec![false; drafted.len()];
    let mut row = Row {
        curated: curated.len(),
        drafted: drafted.len(),
        ..Row::default()
    };
    let same_numbers = |c: &Target, d: &Target| !values(c).is_empty() && values(c) == values(d);
    let overlap = |c: &Target, d: &Target| {
        let (a, b) = (squeeze(&c.source.quote), squeeze(&d.source.quote));
        a.contains(&b) || b.contains(&a)
    };
    let mut pending = Vec::new();
    for c in curated {
        let found = pick(&mut used, drafted, |d| {
            c.source.block == d.source.block && same_numbers(c, d)
        });
        match found {
            Some(d) => {
                row.matched += 1;
                note_difference(&mut row, c, d);
            }
            None => pending.push(*c),
        }
    }
    for c in pending {
        let found = pick(&mut used, drafted, |d| {
            c.source.block == d.source.block && overlap(c, d)
        });
        match found {
            Some(d) => {
                row.matched += 1;
                row.numbers_differ +=
                    usize::from(values(c) != values(d) || reading(c) != reading(d));
            }
            None => row.missed.push(c.source.quote.clone()),
        }
    }
    row
}

/// Counts a matched pair whose numbers or years differ, and says how.
fn note_difference(row: &mut Row, c: &Target, d: &Target) {
    if values(c) != values(d) || reading(c) != reading(d) {
        row.numbers_differ += 1;
        row.differ.push(format!(
            "{}：人工 {:?}，草稿 {:?}",
            c.source.quote,
            reading(c),
            reading(d)
        ));
    }
}

/// The first unused drafted record that `fits`, marked used.
fn pick<'a>(
    used: &mut [bool],
    drafted: &[&'a Target],
    fits: impl Fn(&Target) -> bool,
) -> Option<&'a Target> {
    let i = drafted
        .iter()
        .enumerate()
        .position(|(i, d)| !used.get(i).copied().unwrap_or(true) && fits(d))?;
    if let Some(u) = used.get_mut(i) {
        *u = true;
    }
    drafted.get(i).copied()
}

/// Names matched one to one; with each matched pair's departments (curated, drafted).
type Named = (Row, Vec<(Vec<String>, Vec<String>)>);

fn match_names(
    doc: &str,
    kind: &'static str,
    curated: Vec<(String, Vec<String>)>,
    drafted: Vec<(String, Vec<String>)>,
) -> Named {
    let mut used = vec![false; drafted.len()];
    let mut row = Row {
        doc: doc.to_string(),
        kind,
        curated: curated.len(),
        drafted: drafted.len(),
        ..Row::default()
    };
    let mut pairs = Vec::new();
    for (name, deps) in curated {
        let found = drafted
            .iter()
            .enumerate()
            .position(|(i, (d, _))| !used.get(i).copied().unwrap_or(true) && *d == name);
        match found.and_then(|i| drafted.get(i).map(|d| (i, d))) {
            Some((i, (_, d))) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                row.matched += 1;
                pairs.push((deps, d.clone()));
            }
            None => row.missed.push(name),
        }
    }
    // For names, `differ` lists the drafted records no curated one matches.
    for (i, (d, _)) in drafted.iter().enumerate() {
        if !used.get(i).copied().unwrap_or(true) {
            row.differ.push(format!("多出：{d}"));
        }
    }
    (row, pairs)
}

/// Matched fields and projects whose departments are exactly the curated ones.
fn departments(doc: &str, kinds: &[&Named]) -> Row {
    let mut row = Row {
        doc: doc.to_string(),
        kind: DEPARTMENTS,
        ..Row::default()
    };
    for (_, pairs) in kinds {
        for (c, d) in pairs {
            row.curated += 1;
            row.drafted += 1;
            let (mut c, mut d) = (c.clone(), d.clone());
            c.sort();
            d.sort();
            if c == d {
                row.matched += 1;
            } else {
                row.missed.push(format!("{c:?} ≠ {d:?}"));
            }
        }
    }
    row
}

/// The hard budget: every curated table target drafted, with the same numbers. An error
/// names how many miss it.
pub fn check_tables(rows: &[Row]) -> Result<(), String> {
    let tables = rows.iter().filter(|r| r.kind == TABLE);
    let missed: usize = tables
        .map(|r| r.curated.saturating_sub(r.matched) + r.numbers_differ)
        .sum();
    if missed == 0 {
        Ok(())
    } else {
        Err(format!(
            "指标表目标：{missed} 条未起草或数字不同（预算为 0）"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Provenance, Target};

    fn target(block: &str, quote: &str, origin: Origin, value: f64) -> Target {
        let figure = Figure {
            year: Some(2025),
            year_source: None,
            value: Some(value),
            comparator: "达到".into(),
            text: value.to_string(),
            note: String::new(),
        };
        Target {
            id: quote.into(),
            doc: "d".into(),
            indicator: quote.into(),
            unit: String::new(),
            category: String::new(),
            themes: Vec::new(),
            attribute: None,
            origin,
            cumulative: false,
            baseline: None,
            target: Some(figure),
            growth: None,
            unit_misprint: None,
            qualitative: String::new(),
            source: Provenance {
                doc: "d".into(),
                section: "s-1".into(),
                block: block.into(),
                quote: quote.into(),
            },
            also: Vec::new(),
            merged: Vec::new(),
            progress: None,
        }
    }

    fn check(curated: Vec<Target>, drafted: Vec<Target>, table: (usize, usize, usize), ok: bool) {
        let c = Verified {
            targets: curated,
            ..Verified::default()
        };
        let d = Verified {
            targets: drafted,
            ..Verified::default()
        };
        let rows = score("d", &c, &d);
        let t = rows
            .iter()
            .find(|r| r.kind == TABLE)
            .cloned()
            .unwrap_or_default();
        assert_eq!((t.curated, t.matched, t.numbers_differ), table);
        assert_eq!(check_tables(&rows).is_ok(), ok);
    }

    #[test]
    fn a_missed_or_misread_table_target_fails_the_score() {
        let row = |q, v| target("t-1", q, Origin::Table, v);
        // All drafted, same numbers: passes.
        check(
            vec![row("1 甲 35", 35.0)],
            vec![row("1 甲 35", 35.0)],
            (1, 1, 0),
            true,
        );
        // Not drafted: fails.
        check(
            vec![row("1 甲 35", 35.0), row("2 乙 7", 7.0)],
            vec![row("1 甲 35", 35.0)],
            (2, 1, 0),
            false,
        );
        // Drafted from the same row with another number: fails.
        check(
            vec![row("1 甲 35", 35.0)],
            vec![row("1 甲 35", 3.5)],
            (1, 1, 1),
            false,
        );
        // A prose target elsewhere does not stand in for it.
        let prose = target("p-9", "1 甲 35", Origin::Prose, 35.0);
        check(vec![row("1 甲 35", 35.0)], vec![prose], (1, 0, 0), false);
    }
}
