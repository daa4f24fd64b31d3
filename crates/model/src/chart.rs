//! Chart data and layout as plain numbers: which targets can be plotted, nice axis bounds
//! and ticks, Chinese number formatting, label fitting, and the growth a target implies.
//! The drawing code (`charts` crate) only turns these into shapes.

use crate::wire::Target;

/// An axis from `min` to `max` in steps of `step` (all multiples of `step`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Axis {
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.max - self.min) / self.step).round() as i64;
        (0..=n)
            .map(|i| round_to_step(self.min + i as f64 * self.step, self.step))
            .collect()
    }

    /// Position of `v` on the axis as a fraction from `min` (0) to `max` (1).
    pub fn fraction(&self, v: f64) -> f64 {
        if self.max > self.min {
            (v - self.min) / (self.max - self.min)
        } else {
            0.0
        }
    }
}

fn round_to_step(v: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).max(0.0) as i32;
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

/// A step of 1, 2 or 5 × 10ⁿ that splits `span` into at most `max_ticks` intervals.
fn nice_step(span: f64, max_ticks: usize) -> f64 {
    let raw = span / max_ticks.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * magnitude >= raw {
            return m * magnitude;
        }
    }
    10.0 * magnitude
}

/// Nice bounds covering `lo..=hi` and zero (bars start at zero), with at most `max_ticks`
/// intervals. Works for all-negative, mixed and all-zero data.
pub fn nice_axis(lo: f64, hi: f64, max_ticks: usize) -> Axis {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    if !(lo.is_finite() && hi.is_finite()) || hi - lo <= f64::EPSILON {
        return Axis {
            min: 0.0,
            max: 1.0,
            step: 0.5,
        };
    }
    let step = nice_step(hi - lo, max_ticks);
    Axis {
        min: (lo / step).floor() * step,
        max: (hi / step).ceil() * step,
        step,
    }
}

/// A number as Chinese readers expect it: no trailing zeros, at most two decimals.
pub fn format_number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// A value with its unit, switching to 万/亿 for large plain counts and amounts
/// (`2700` 家 stays `2700家`; `1.2e9` 元 becomes `12亿元`). Units that already carry a
/// magnitude (`亿元`, `万家`) and percentages are left alone.
pub fn format_with_unit(v: f64, unit: &str) -> String {
    let scalable =
        !unit.starts_with(['万', '亿', '%', '‰']) && !unit.contains('/') && !unit.is_empty();
    if scalable && v.abs() >= 1e8 {
        format!("{}亿{unit}", format_number(v / 1e8))
    } else if scalable && v.abs() >= 1e5 {
        format!("{}万{unit}", format_number(v / 1e4))
    } else {
        format!("{}{unit}", format_number(v))
    }
}

/// Compound annual growth (in %) from `baseline` in `from_year` to `target` in `to_year`:
/// `((target / baseline)^(1 / years) − 1) × 100`. None when it would mean nothing.
pub fn implied_growth(baseline: f64, from_year: u16, target: f64, to_year: u16) -> Option<f64> {
    if to_year <= from_year || baseline <= 0.0 || target <= 0.0 {
        return None;
    }
    let years = f64::from(to_year - from_year);
    Some(((target / baseline).powf(1.0 / years) - 1.0) * 100.0)
}

/// Change from baseline in % of the baseline.
pub fn change_percent(baseline: f64, target: f64) -> Option<f64> {
    (baseline != 0.0).then(|| (target - baseline) / baseline.abs() * 100.0)
}

/// Estimated width of a text in px: CJK and full-width characters are one em, others
/// about 0.6 em. Used for layout without measuring fonts.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2e80 { 1.0 } else { 0.6 })
        .sum::<f64>()
        * font_px
}

/// Cuts a label to fit `max_px`, ending it with `…` when cut.
pub fn fit_label(label: &str, max_px: f64, font_px: f64) -> String {
    if text_width(label, font_px) <= max_px {
        return label.to_string();
    }
    let mut out = String::new();
    for c in label.chars() {
        let next = format!("{out}{c}…");
        if text_width(&next, font_px) > max_px {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Baseline → target of one target, when both values are numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetChart {
    pub indicator: String,
    pub unit: String,
    pub cumulative: bool,
    /// `(label, value, printed)`: label like `2017年`, printed like `21.8*`.
    pub bars: Vec<(String, f64, String)>,
    pub comparator: String,
    /// Average annual growth the two values imply, in % (computed, not printed).
    pub implied_growth: Option<f64>,
}

fn year_label(year: Option<u16>, fallback: &str) -> String {
    year.map_or_else(|| fallback.to_string(), |y| format!("{y}年"))
}

/// The chart of one target; None for qualitative targets and single values.
pub fn target_chart(t: &Target) -> Option<TargetChart> {
    let goal = t.target.as_ref()?;
    let goal_value = goal.value?;
    let mut bars = Vec::new();
    if let Some(b) = t.baseline.as_ref() {
        if let Some(v) = b.value {
            bars.push((year_label(b.year, "基期"), v, b.text.clone()));
        }
    }
    bars.push((year_label(goal.year, "目标"), goal_value, goal.text.clone()));
    let growth = match (t.baseline.as_ref(), t.unit.as_str()) {
        // A growth of a share or a rate is not meaningful, nor one over cumulative sums.
        (Some(b), unit) if !t.cumulative && !unit.contains('%') => {
            match (b.value, b.year, goal.year) {
                (Some(bv), Some(by), Some(gy)) => implied_growth(bv, by, goal_value, gy),
                _ => None,
            }
        }
        _ => None,
    };
    Some(TargetChart {
        indicator: t.indicator.clone(),
        unit: t.unit.clone(),
        cumulative: t.cumulative,
        bars,
        comparator: goal.comparator.clone(),
        implied_growth: growth,
    })
}

/// One bar of a list chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub id: String,
    pub label: String,
    pub group: String,
    pub value: f64,
    /// What the value label reads, e.g. `+60.6%`.
    pub text: String,
}

/// Change from baseline in % for every target with numeric baseline and target, grouped by
/// category (groups in first-seen order, targets in document order within a group).
pub fn change_bars(targets: &[&Target]) -> Vec<Bar> {
    let mut groups: Vec<String> = Vec::new();
    let mut bars: Vec<Bar> = Vec::new();
    for t in targets {
        if t.cumulative {
            continue;
        }
        let (Some(b), Some(g)) = (
            t.baseline.as_ref().and_then(|f| f.value),
            t.target.as_ref().and_then(|f| f.value),
        ) else {
            continue;
        };
        let Some(change) = change_percent(b, g) else {
            continue;
        };
        if !groups.contains(&t.category) {
            groups.push(t.category.clone());
        }
        let sign = if change > 0.0 { "+" } else { "" };
        bars.push(Bar {
            id: t.id.clone(),
            label: t.indicator.clone(),
            group: t.category.clone(),
            value: change,
            text: format!("{sign}{}%", format_number(change)),
        });
    }
    bars.sort_by_key(|b| groups.iter().position(|g| g == &b.group));
    bars
}

/// How many targets fall due in each year, in year order.
pub fn year_counts(targets: &[&Target]) -> Vec<(u16, usize)> {
    let mut counts: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    for t in targets {
        if let Some(y) = t.target.as_ref().and_then(|f| f.year) {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts.into_iter().collect()
}

/// One document's row of a comparison chart: `(year label, value)` of baseline and target.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparedRow {
    pub document: String,
    pub baseline: Option<(String, f64)>,
    pub target: (String, f64),
}

/// A sentence describing a target chart for screen readers.
pub fn describe_target(c: &TargetChart) -> String {
    let parts: Vec<String> = c
        .bars
        .iter()
        .map(|(label, v, printed)| {
            format!(
                "{label}{}（原文“{printed}”）",
                format_with_unit(*v, &c.unit)
            )
        })
        .collect();
    let mut s = format!("{}：{}", c.indicator, parts.join("，目标"));
    if !c.comparator.is_empty() && c.comparator != "达到" {
        s.push_str(&format!("，比较方式“{}”", c.comparator));
    }
    if c.cumulative {
        s.push_str("，为五年累计数");
    }
    if let Some(g) = c.implied_growth {
        s.push_str(&format!(
            "。按原文数值计算，隐含年均增长约{}%",
            format_number(g)
        ));
    }
    s.push('。');
    s
}

/// A target's printed value with its comparator as a chart labels it: a word read after
/// the number (以上, 以下, 以内, 左右) follows it, one read before it (突破, 超过, 力争,
/// 至少, 不低于, …) goes first; 达到 (the value stated) and a value printed with its own
/// sign (`>`, `≥`, …) get none.
pub fn value_label(printed: &str, comparator: &str) -> String {
    const AFTER: [&str; 4] = ["以上", "以下", "以内", "左右"];
    if comparator.is_empty()
        || comparator == "达到"
        || printed.ends_with(comparator)
        || printed.contains(['>', '<', '≥', '≤', '＞', '＜'])
    {
        printed.to_string()
    } else if AFTER.contains(&comparator) {
        format!("{printed}{comparator}")
    } else {
        format!("{comparator}{printed}")
    }
}

#[cfg(test)]
mod formatting {
    use super::*;

    #[test]
    fn format_number_drops_trailing_zeros() {
        for (v, expected) in [
            (0.0, "0"),
            (-0.0, "0"),
            (-0.001, "0"),
            (2.5, "2.5"),
            (3000.0, "3000"),
            (1.005, "1"),
            (2.675, "2.67"),
            (12.345, "12.35"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(format_number(v), expected, "{v}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparator_sits_where_it_is_read() {
        let check = |printed: &str, comparator: &str, expected: &str| {
            assert_eq!(
                value_label(printed, comparator),
                expected,
                "{printed} {comparator}"
            );
        };
        check("20", "以上", "20以上");
        // A value printed with its word (`7万余`) keeps it once.
        check("7万余", "余", "7万余");
        check("5", "左右", "5左右");
        check("1000", "突破", "突破1000");
        check("1", "至少", "至少1");
        check("1", "争取", "争取1");
        check("95", "不低于", "不低于95");
        check("35", "达到", "35");
        check("35", "", "35");
        check(">85", "≥", ">85");
    }

    #[test]
    fn axes() {
        fn check(lo: f64, hi: f64, expected: (f64, f64, f64)) {
            let a = nice_axis(lo, hi, 5);
            assert_eq!((a.min, a.max, a.step), expected, "{lo}..{hi}");
        }
        check(1074.0, 2700.0, (0.0, 3000.0, 1000.0));
        check(21.8, 35.0, (0.0, 40.0, 10.0));
        check(2.4, 3.0, (0.0, 3.0, 1.0));
        check(-13.7, 60.6, (-20.0, 80.0, 20.0));
        check(-5.0, -1.0, (-5.0, 0.0, 1.0));
        check(0.0, 0.0, (0.0, 1.0, 0.5));
        check(1.87, 2.28, (0.0, 2.5, 0.5));
        assert_eq!(nice_axis(0.0, 0.3, 5).ticks(), vec![0.0, 0.1, 0.2, 0.3]);
    }

    #[test]
    fn numbers_and_units() {
        assert_eq!(format_number(2700.0), "2700");
        assert_eq!(format_number(21.80), "21.8");
        assert_eq!(format_number(1.0 / 3.0), "0.33");
        assert_eq!(format_with_unit(2700.0, "家"), "2700家");
        assert_eq!(format_with_unit(62716.0, "元"), "62716元");
        assert_eq!(format_with_unit(880000.0, "元"), "88万元");
        assert_eq!(format_with_unit(1.2e9, "元"), "12亿元");
        assert_eq!(format_with_unit(222.8, "亿元"), "222.8亿元");
        assert_eq!(format_with_unit(63.9, "%"), "63.9%");
    }

    #[test]
    fn growth_against_hand_computed_cases() {
        // 1074 → 2700 家 over 2017–2022: (2700/1074)^(1/5) − 1 = 20.25…%
        let g = implied_growth(1074.0, 2017, 2700.0, 2022).unwrap();
        assert!((g - 20.25).abs() < 0.01, "{g}");
        // Doubling in one year is 100 %.
        assert_eq!(implied_growth(10.0, 2020, 20.0, 2021), Some(100.0));
        // 151.6 → 222.8 亿元 over 2020–2025 is printed as 8 % a year; the formula gives 8.0 %.
        let g = implied_growth(151.6, 2020, 222.8, 2025).unwrap();
        assert!((g - 8.0).abs() < 0.05, "{g}");
        assert_eq!(implied_growth(0.0, 2020, 5.0, 2025), None);
        assert_eq!(implied_growth(5.0, 2025, 6.0, 2025), None);
        assert_eq!(
            change_percent(21.8, 35.0).map(format_number),
            Some("60.55".into())
        );
        assert_eq!(change_percent(0.0, 3.0), None);
    }

    #[test]
    fn labels_fit_320_and_1280_px() {
        let label = "全社会研发经费支出占地区生产总值比重";
        // At 320 px a label column of 40 % holds 128 px: nine 13 px characters and "…".
        let narrow = fit_label(label, 128.0, 13.0);
        assert!(text_width(&narrow, 13.0) <= 128.0);
        assert!(narrow.ends_with('…'));
        assert_eq!(fit_label(label, 512.0, 13.0), label);
    }
}

/// A value as printed followed by its unit, without repeating what the printed text
/// already carries: `65万` + `万人次` → `65万人次`, `90%` + `%` → `90%`, `35` + `%` → `35%`.
pub fn printed_with_unit(text: &str, unit: &str) -> String {
    if text.is_empty() || unit.is_empty() || text.ends_with(unit) {
        return text.to_string();
    }
    // A bound word printed after the number (余, 多) stays before the unit's own word:
    // 7万余 + 万户 is 7万余户.
    if let Some(bound) = text.chars().last().filter(|c| matches!(c, '余' | '多')) {
        let head = text.strip_suffix(bound).unwrap_or_default();
        if !head.is_empty() {
            let whole = printed_with_unit(head, unit);
            let rest = whole.get(head.len()..).unwrap_or_default();
            return format!("{head}{bound}{rest}");
        }
    }
    let unit_chars: Vec<char> = unit.chars().collect();
    let text_chars: Vec<char> = text.chars().collect();
    // The longest end of the text that is a beginning of the unit.
    let overlap = (1..unit_chars.len().min(text_chars.len()) + 1)
        .rev()
        .find(|&n| text_chars.get(text_chars.len() - n..) == unit_chars.get(..n))
        .unwrap_or(0);
    let rest: String = unit_chars
        .get(overlap..)
        .unwrap_or_default()
        .iter()
        .collect();
    format!("{text}{rest}")
}

#[cfg(test)]
mod unit_tests {
    use super::printed_with_unit;

    #[test]
    fn units_are_not_repeated() {
        fn check(text: &str, unit: &str, expected: &str) {
            assert_eq!(printed_with_unit(text, unit), expected, "{text} + {unit}");
        }
        check("65万", "万人次", "65万人次");
        check("1万", "万家", "1万家");
        check("90%", "%", "90%");
        check("35", "%", "35%");
        check("[>33]", "亿美元", "[>33]亿美元");
        check("2700", "家", "2700家");
        check("", "家", "");
        check("达标", "", "达标");
        check("7万余", "户", "7万余户");
        check("7万余", "万户", "7万余户");
        check("60余", "栋", "60余栋");
        check("3万多", "万人", "3万多人");
    }
}
