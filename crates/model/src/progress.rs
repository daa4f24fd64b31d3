//! Whether a target is on track: its status from its baseline, its target and the latest
//! reported result that measures it, judged against the straight path from baseline to
//! target, with what a target's page needs to say and draw it.
//!
//! The rules, in order (each tested in `tests::status_rules`):
//! 1. No result with a value and a year, or no numeric target → 无可比数据.
//! 2. A result from the baseline year or before does not measure progress → 无可比数据.
//! 3. Which way is better: the target's comparator when it says (以上 / 不低于 / 突破 / `>`
//!    … higher; 以下 / 不超过 / 以内 / `<` … lower), else baseline → target (a falling
//!    target, PM2.5 or energy per GDP, is judged the other way); neither → 无可比数据.
//! 4. The result meets the target (inclusive unless the comparator is strict: `>`, 突破,
//!    超过) → 已提前达到 before the target year, 已达到 in or after it or when the target
//!    prints no year.
//! 5. Not met, and no baseline or no target year → 无可比数据; the target year passed →
//!    进度滞后; a target that holds a level (its comparator points away from its baseline,
//!    as `>60` after 63.1, or baseline equals target) → 进度滞后.
//! 6. Else the straight path: the share of the planned change (target − baseline) the
//!    result shows against the share of the time gone by its year. More than
//!    [`TOLERANCE_PERCENT`] points of the planned change ahead → 进度超前, more than that
//!    behind → 进度滞后, within → 基本同步.
//! 7. A cumulative `[ ]` target (a five-year total) runs from 0 in its baseline year (the
//!    period starts after it; the baseline value is the previous period's total).
//! 8. A result printed as a bound (突破2200家: more than 2200) keeps its status only when
//!    every value the bound allows has it: a lower bound on a rising target can show it met
//!    or ahead (at least), never behind; else 无可比数据.

use crate::chart::{format_number, format_with_unit};
use crate::wire::{Figure, Reported, Status, Target};

/// How far (in points of the planned change from baseline to target) a result may be from
/// the straight path and still count as 基本同步.
pub const TOLERANCE_PERCENT: f64 = 10.0;

/// Printed decimals compare equal within this.
const EPS: f64 = 1e-9;

/// Which way of a target is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// What a comparator says about the value beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// At least (strict: more than).
    Lower { strict: bool },
    /// At most (strict: less than).
    Upper { strict: bool },
    /// The value itself (达到, 左右, 力争, nothing).
    Neutral,
}

fn side(comparator: &str) -> Side {
    match comparator {
        "≥" | "以上" | "不低于" | "不少于" | "至少" => Side::Lower { strict: false },
        ">" | "＞" | "突破" | "超过" | "余" | "多" => Side::Lower { strict: true },
        "≤" | "以下" | "以内" | "不超过" => Side::Upper { strict: false },
        "<" | "＜" => Side::Upper { strict: true },
        _ => Side::Neutral,
    }
}

/// Why a status is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    NoResult,
    NoTargetValue,
    /// The result is from the baseline year or before.
    NotAfterBaseline,
    DirectionUnknown,
    Met,
    /// Not met, and no baseline to draw the path from.
    NoBaseline,
    NoTargetYear,
    /// The target year has passed and the target is not met.
    Overdue,
    /// A level to hold, not met.
    Hold,
    /// Compared with the straight path.
    Path,
    /// The result is a bound that does not decide.
    Bound,
}

/// A status with its reason and, when a path was drawn, the shares compared (in % of the
/// planned change).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    pub status: Status,
    pub why: Why,
    /// Share of the planned change the straight path expects by the result's year.
    pub expected: Option<f64>,
    /// Share of the planned change the result shows.
    pub actual: Option<f64>,
}

impl Assessment {
    fn of(status: Status, why: Why) -> Self {
        Assessment {
            status,
            why,
            expected: None,
            actual: None,
        }
    }
}

/// What a status is computed from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inputs<'a> {
    pub baseline: Option<&'a Figure>,
    pub target: Option<&'a Figure>,
    pub cumulative: bool,
    pub result: Option<&'a Figure>,
}

/// Where the straight path starts: the baseline (value, year), or 0 in the baseline year
/// for a cumulative target.
pub fn start_of(baseline: Option<&Figure>, cumulative: bool) -> Option<(u16, f64)> {
    let b = baseline?;
    let year = b.year?;
    if cumulative {
        Some((year, 0.0))
    } else {
        Some((year, b.value?))
    }
}

/// The status of a target from its pieces (the module's rules).
pub fn assess_figures(i: &Inputs) -> Assessment {
    let Some((value, year)) = i.result.and_then(|f| Some((f.value?, f.year?))) else {
        return Assessment::of(Status::NoData, Why::NoResult);
    };
    let Some((goal, goal_value)) = i.target.and_then(|f| Some((f, f.value?))) else {
        return Assessment::of(Status::NoData, Why::NoTargetValue);
    };
    let start = start_of(i.baseline, i.cumulative);
    if start.is_some_and(|(y, _)| year <= y) {
        return Assessment::of(Status::NoData, Why::NotAfterBaseline);
    }
    let goal_side = side(&goal.comparator);
    // A cumulative total grows from 0, whether or not the period's start is printed.
    let from = start.or(i.cumulative.then_some((0, 0.0)));
    let Some((direction, path)) = direction(goal_side, from, goal_value) else {
        return Assessment::of(Status::NoData, Why::DirectionUnknown);
    };
    let strict = matches!(
        goal_side,
        Side::Lower { strict: true } | Side::Upper { strict: true }
    );
    let judged = Judge {
        goal_value,
        goal_year: goal.year,
        direction,
        strict,
        path,
        start,
    }
    .judge(value, year);
    let result_side = i.result.map_or(Side::Neutral, |f| side(&f.comparator));
    bounded(judged, result_side, direction)
}

/// Which way is better, and whether a straight path means anything (it does not for a
/// level to hold).
fn direction(goal: Side, start: Option<(u16, f64)>, goal_value: f64) -> Option<(Direction, bool)> {
    let by_values = start.and_then(|(_, v)| {
        if goal_value > v + EPS {
            Some(Direction::Up)
        } else if goal_value < v - EPS {
            Some(Direction::Down)
        } else {
            None
        }
    });
    match goal {
        Side::Lower { .. } => Some((Direction::Up, by_values == Some(Direction::Up))),
        Side::Upper { .. } => Some((Direction::Down, by_values == Some(Direction::Down))),
        Side::Neutral => by_values.map(|d| (d, true)),
    }
}

/// A target's pieces, ready to judge a value.
struct Judge {
    goal_value: f64,
    goal_year: Option<u16>,
    direction: Direction,
    strict: bool,
    path: bool,
    start: Option<(u16, f64)>,
}

impl Judge {
    fn meets(&self, v: f64) -> bool {
        let t = self.goal_value;
        match (self.direction, self.strict) {
            (Direction::Up, true) => v > t + EPS,
            (Direction::Up, false) => v >= t - EPS,
            (Direction::Down, true) => v < t - EPS,
            (Direction::Down, false) => v <= t + EPS,
        }
    }

    /// The status of an exact value `v` in `year`.
    fn judge(&self, v: f64, year: u16) -> Assessment {
        if self.meets(v) {
            let early = self.goal_year.is_some_and(|y| year < y);
            let status = if early { Status::MetEarly } else { Status::Met };
            return Assessment::of(status, Why::Met);
        }
        let Some((start_year, start_value)) = self.start else {
            return Assessment::of(Status::NoData, Why::NoBaseline);
        };
        let Some(goal_year) = self.goal_year else {
            return Assessment::of(Status::NoData, Why::NoTargetYear);
        };
        if year >= goal_year {
            return Assessment::of(Status::Behind, Why::Overdue);
        }
        if !self.path {
            return Assessment::of(Status::Behind, Why::Hold);
        }
        // Here `start_year < year < goal_year`: the path has a length.
        let expected = f64::from(year - start_year) / f64::from(goal_year - start_year) * 100.0;
        let actual = (v - start_value) / (self.goal_value - start_value) * 100.0;
        let status = if actual - expected > TOLERANCE_PERCENT + EPS {
            Status::Ahead
        } else if expected - actual > TOLERANCE_PERCENT + EPS {
            Status::Behind
        } else {
            Status::OnTrack
        };
        Assessment {
            status,
            why: Why::Path,
            expected: Some(expected),
            actual: Some(actual),
        }
    }
}

/// A result printed as a bound keeps the status of its printed value only when every value
/// it allows has that status (or a better one, for a bound on the good side).
fn bounded(a: Assessment, result: Side, direction: Direction) -> Assessment {
    let good_side = match (result, direction) {
        (Side::Neutral, _) => return a,
        (Side::Lower { .. }, Direction::Up) | (Side::Upper { .. }, Direction::Down) => true,
        _ => false,
    };
    let holds = if good_side {
        matches!(a.status, Status::MetEarly | Status::Met | Status::Ahead)
    } else {
        a.status == Status::Behind
    };
    if holds {
        a
    } else {
        Assessment::of(Status::NoData, Why::Bound)
    }
}

/// The latest of a target's results (by year; of one year, the last linked).
pub fn latest<'a>(results: &[&'a Reported]) -> Option<&'a Reported> {
    results
        .iter()
        .copied()
        .filter(|r| r.value.value.is_some() && r.value.year.is_some())
        .max_by_key(|r| r.value.year)
}

/// A target's status from its latest result.
pub fn assess(t: &Target, results: &[&Reported]) -> Assessment {
    assess_figures(&Inputs {
        baseline: t.baseline.as_ref(),
        target: t.target.as_ref(),
        cumulative: t.cumulative,
        result: latest(results).map(|r| &r.value),
    })
}

/// A target's status from the results it carries.
pub fn assess_target(t: &Target) -> Assessment {
    let results: Vec<&Reported> = t
        .progress
        .iter()
        .flat_map(|p| p.results.iter().map(|l| &l.result))
        .collect();
    assess(t, &results)
}

/// What every status is computed from, and the assumption in it, for the page.
pub fn basis_text() -> String {
    format!(
        "状态由三项数字算出：目标的基期值（年份）、目标值（年份）和最近一次公布的实际值。\
         “进度超前／基本同步／进度滞后”假定从基期到目标年份按直线匀速推进——这是一个假设，\
         文件并未这样规定；实际完成的比例与直线路径应完成的比例相差不超过目标变化量的{:.0}%，\
         视为基本同步。实际值与目标须是同一地区、同一口径（市级或区级）、同一单位的同一指标，\
         区级数字从不用于衡量市级目标。",
        TOLERANCE_PERCENT
    )
}

/// The status in a sentence: what it means for this target and why.
pub fn status_text(t: &Target, a: &Assessment) -> String {
    let latest = t
        .progress
        .as_ref()
        .and_then(|p| {
            let rs: Vec<&Reported> = p.results.iter().map(|l| &l.result).collect();
            latest(&rs)
        })
        .map(|r| {
            let year = r.value.year.map(|y| format!("{y}年")).unwrap_or_default();
            format!(
                "{year}实际值{}",
                crate::chart::printed_with_unit(&r.value.text, &r.unit)
            )
        })
        .unwrap_or_default();
    let why = match a.why {
        Why::NoResult => "还没有与之对应的实际值".to_string(),
        Why::NoTargetValue => "目标没有可比较的数值".to_string(),
        Why::NotAfterBaseline => format!("{latest}不晚于基期年份，不能说明进度"),
        Why::DirectionUnknown => "文件没有说明数值应升还是应降，无法判断".to_string(),
        Why::Met => format!("{latest}，已达到目标"),
        Why::NoBaseline => format!("{latest}，尚未达到目标；文件没有给出基期值，无法画出直线路径"),
        Why::NoTargetYear => format!("{latest}，尚未达到目标；目标没有年份，无法画出直线路径"),
        Why::Overdue => format!("{latest}，目标年份已到，尚未达到目标"),
        Why::Hold => format!("{latest}，未保持在目标要求的水平"),
        Why::Path => format!(
            "{latest}；按直线路径，这一年应完成目标变化量的{:.0}%，实际完成{:.0}%",
            a.expected.unwrap_or_default(),
            a.actual.unwrap_or_default()
        ),
        Why::Bound => format!("{latest}，原文只给出一个界限，不足以判断进度"),
    };
    format!("{}：{why}。", a.status.label())
}

/// What this target's status is computed from, one line each: the baseline, the target
/// and the latest result, each with where its year comes from (the result's in words).
pub fn inputs_text(t: &Target) -> Vec<String> {
    use crate::view::{figure_text, year_note};
    let line = |what: &str, f: Option<&Figure>, missing: &str| match f {
        Some(f) if f.value.is_some() && f.year.is_some() => {
            let note = year_note(f);
            let note = if note.is_empty() {
                note
            } else {
                format!("（{note}）")
            };
            format!("{what}：{}{note}", figure_text(f, &t.unit))
        }
        _ => format!("{what}：{missing}"),
    };
    let start = if t.cumulative {
        "基期：五年累计目标，从基期年份的0算起".to_string()
    } else {
        line("基期", t.baseline.as_ref(), "文件未给出")
    };
    let mut out = vec![
        start,
        line("目标", t.target.as_ref(), "没有可比较的数值或年份"),
    ];
    let results: Vec<&Reported> = t
        .progress
        .iter()
        .flat_map(|p| p.results.iter().map(|l| &l.result))
        .collect();
    out.push(match latest(&results) {
        Some(r) => {
            let basis = if r.year_basis.is_empty() {
                year_note(&r.value)
            } else {
                r.year_basis.clone()
            };
            format!(
                "最近实际值：{}（{}，{}；{basis}）",
                figure_text(&r.value, &r.unit),
                r.region,
                r.scope.label()
            )
        }
        None => "最近实际值：暂无".to_string(),
    });
    out
}

/// One point of a progress chart: a year, a value and the value as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year: u16,
    pub value: f64,
    pub label: String,
}

/// What a target's progress chart draws: baseline, the results, the target, and the
/// straight path from the path's start to the target with its value at each result's year.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressChart {
    pub unit: String,
    pub baseline: Option<Point>,
    pub results: Vec<Point>,
    pub target: Option<Point>,
    /// From the start of the path (the baseline, or 0 for a cumulative target) to the
    /// target; None when either end is missing.
    pub path: Option<(Point, Point)>,
    /// The path's value at each result's year (None for a year outside it).
    pub path_at_results: Vec<Option<f64>>,
}

fn point(f: &Figure) -> Option<Point> {
    Some(Point {
        year: f.year?,
        value: f.value?,
        label: f.text.clone(),
    })
}

/// The straight path's value in `year`, between `from` and `to` (inclusive).
pub fn path_value(from: &Point, to: &Point, year: u16) -> Option<f64> {
    if to.year <= from.year || year < from.year || year > to.year {
        return None;
    }
    let share = f64::from(year - from.year) / f64::from(to.year - from.year);
    Some(from.value + (to.value - from.value) * share)
}

/// The chart of a target with results; None when it has none to draw.
pub fn progress_chart(t: &Target) -> Option<ProgressChart> {
    let progress = t.progress.as_ref()?;
    let mut results: Vec<Point> = progress
        .results
        .iter()
        .filter_map(|l| point(&l.result.value))
        .collect();
    if results.is_empty() {
        return None;
    }
    results.sort_by_key(|p| p.year);
    let baseline = t.baseline.as_ref().and_then(point);
    let target = t.target.as_ref().and_then(point);
    let start = start_of(t.baseline.as_ref(), t.cumulative).map(|(year, value)| Point {
        year,
        value,
        label: format_number(value),
    });
    let path = start.zip(target.clone());
    let path_at_results = results
        .iter()
        .map(|r| path.as_ref().and_then(|(a, b)| path_value(a, b, r.year)))
        .collect();
    Some(ProgressChart {
        unit: t.unit.clone(),
        baseline,
        results,
        target,
        path,
        path_at_results,
    })
}

/// A point's value as the chart and its table print it: as printed, with the unit.
pub fn point_label(p: &Point, unit: &str) -> String {
    crate::chart::printed_with_unit(&p.label, unit)
}

/// The progress chart of a target with results, with its title, the sentence a screen
/// reader hears and the data table (year, what, as printed, the straight path's value).
pub fn progress_chart_text(t: &Target) -> Option<(ProgressChart, crate::view::ChartText)> {
    let chart = progress_chart(t)?;
    let unit = chart.unit.as_str();
    let on_path = |v: Option<f64>| v.map_or("—".to_string(), |v| format_with_unit(v, unit));
    let row = |what: &str, p: &Point, path: Option<f64>| {
        vec![
            format!("{}年", p.year),
            what.to_string(),
            point_label(p, unit),
            on_path(path),
        ]
    };
    let mut rows = Vec::new();
    let mut said = Vec::new();
    if let Some(b) = &chart.baseline {
        let start = chart.path.as_ref().map(|(a, _)| a.value);
        let what = if t.cumulative {
            "基期（上期累计）"
        } else {
            "基期"
        };
        rows.push(row(what, b, start));
        said.push(format!("基期{}年{}", b.year, point_label(b, unit)));
    }
    for (r, at) in chart.results.iter().zip(&chart.path_at_results) {
        rows.push(row("实际值", r, *at));
        let path = at.map_or(String::new(), |v| {
            format!("（直线路径上应为{}）", format_with_unit(v, unit))
        });
        said.push(format!("{}年实际值{}{path}", r.year, point_label(r, unit)));
    }
    if let Some(g) = &chart.target {
        let end = chart.path.as_ref().map(|(_, b)| b.value);
        rows.push(row("目标", g, end));
        said.push(format!("目标{}年{}", g.year, point_label(g, unit)));
    }
    let status = t.progress.as_ref().map_or(Status::NoData, |p| p.status);
    let summary = format!(
        "{}：{}。状态：{}。",
        t.indicator,
        said.join("，"),
        status.label()
    );
    let text = crate::view::ChartText {
        title: format!("{}：基期、实际值与目标", t.indicator),
        summary,
        header: vec![
            "年份".into(),
            "项目".into(),
            "原文".into(),
            "直线路径上的值（假设）".into(),
        ],
        rows,
        file: format!("{}-progress", t.id.replace('.', "-")),
    };
    Some((chart, text))
}

/// The class of a status badge (its words are always shown; the colour only repeats them).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::MetEarly | Status::Met => "status status-met",
        Status::Ahead | Status::OnTrack => "status status-on",
        Status::Behind => "status status-behind",
        Status::NoData => "status status-none",
    }
}

/// How many of `targets` have each status, in the order of [`Status::ALL`], leaving out
/// statuses no target has; targets without results are not counted.
pub fn status_counts<'a>(targets: impl IntoIterator<Item = &'a Target>) -> Vec<(Status, u32)> {
    let mut counts = [0u32; 6];
    for t in targets {
        if let Some(p) = &t.progress {
            if let Some(i) = Status::ALL.iter().position(|s| *s == p.status) {
                if let Some(c) = counts.get_mut(i) {
                    *c += 1;
                }
            }
        }
    }
    Status::ALL
        .into_iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Counts by status from a facet's or a topic's values (`Status::label` as the value);
/// values that name no status are skipped.
pub fn counts_of(values: &[crate::lists::FacetValue]) -> Vec<(Status, u32)> {
    values
        .iter()
        .filter_map(|v| Some((Status::from_label(&v.value)?, v.count)))
        .collect()
}

/// One count of a status overview, with the address of the targets list that shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLink {
    pub status: Status,
    pub count: u32,
    /// The query of `targets/` listing exactly these targets (`base` with the status).
    pub query: String,
}

/// A status overview: each count a link to the targets list filtered by `base` (a theme,
/// a department, a document, or nothing) and the status.
pub fn status_links(counts: &[(Status, u32)], base: &crate::query::Filter) -> Vec<StatusLink> {
    counts
        .iter()
        .map(|&(status, count)| StatusLink {
            status,
            count,
            query: base.with("status", status.label()).to_query(),
        })
        .collect()
}

/// The overview in a sentence: how many of `total` targets have results to compare with,
/// and how many have each status.
pub fn overview_text(counts: &[(Status, u32)], total: u32) -> String {
    let linked: u32 = counts.iter().map(|(_, n)| n).sum();
    if linked == 0 {
        return format!("这{total}项目标都还没有可对照的实际值。");
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(s, n)| format!("{}{n}项", s.label()))
        .collect();
    format!(
        "{total}项目标中，{linked}项有文件公布的实际值可对照：{}；其余{}项尚无实际值。",
        parts.join("、"),
        total.saturating_sub(linked)
    )
}

#[cfg(test)]
mod tests;
