use super::*;
use crate::wire::{LinkedResult, Progress, Provenance, Scope};

fn fig(year: Option<u16>, value: f64, comparator: &str) -> Figure {
    Figure {
        year,
        year_source: year.map(|_| crate::wire::YearSource::Printed),
        value: Some(value),
        comparator: comparator.into(),
        text: value.to_string(),
        note: String::new(),
    }
}

/// `(year, value, comparator)` of baseline, target and result; `None` for a piece the
/// text does not give.
type Piece = Option<(Option<u16>, f64, &'static str)>;

fn check(b: Piece, t: Piece, cumulative: bool, r: Piece, expected: (Status, Why)) {
    let make = |p: Piece| p.map(|(y, v, c)| fig(y, v, c));
    let (b, t, r) = (make(b), make(t), make(r));
    let got = assess_figures(&Inputs {
        baseline: b.as_ref(),
        target: t.as_ref(),
        cumulative,
        result: r.as_ref(),
    });
    assert_eq!(
        (got.status, got.why),
        expected,
        "baseline {b:?} target {t:?} cumulative {cumulative} result {r:?}"
    );
}

use Status::*;

const fn at(year: u16, value: f64, comparator: &'static str) -> Piece {
    Some((Some(year), value, comparator))
}

// Baselines and targets of the cases below, from the documents' tables.
const RD: (Piece, Piece) = (at(2017, 2.4, ""), at(2022, 3.0, "达到"));
const NEW_ECONOMY: (Piece, Piece) = (at(2016, 21.8, ""), at(2022, 35.0, "达到"));
const PATENTS: (Piece, Piece) = (at(2017, 25.6, ""), at(2022, 40.0, "达到"));
const FIRMS: (Piece, Piece) = (at(2017, 1074.0, ""), at(2022, 2700.0, "达到"));
const ZERO_TO_100: (Piece, Piece) = (at(2017, 0.0, ""), at(2022, 100.0, ""));
const PM: (Piece, Piece) = (at(2017, 64.0, ""), at(2022, 45.0, "达到"));
const GOOD_DAYS: (Piece, Piece) = (at(2020, 63.1, ""), at(2025, 60.0, ">"));
const JOBLESS: (Piece, Piece) = (at(2020, 2.7, ""), at(2025, 3.5, "<"));
const LISTINGS: (Piece, Piece) = (at(2020, 2.0, ""), at(2025, 4.0, "达到"));

/// (baseline and target, cumulative, result, expected status and reason).
type Case = ((Piece, Piece), bool, Piece, Status, Why);

const CASES: &[Case] = &[
    // Rising, against the straight path: 40 % of the time gone in 2019.
    (RD, false, at(2019, 2.71, "达到"), Ahead, Why::Path),
    (
        NEW_ECONOMY,
        false,
        at(2019, 28.0, "达到"),
        OnTrack,
        Why::Path,
    ),
    (PATENTS, false, at(2019, 29.25, ""), Behind, Why::Path),
    // Exactly the tolerance from the path is still 基本同步: 40 % expected, 30 % done.
    (ZERO_TO_100, false, at(2019, 30.0, ""), OnTrack, Why::Path),
    (ZERO_TO_100, false, at(2019, 29.0, ""), Behind, Why::Path),
    (ZERO_TO_100, false, at(2019, 51.0, ""), Ahead, Why::Path),
    // Met: early before the target year, plainly in or after it; not met by then.
    (FIRMS, false, at(2019, 2800.0, ""), MetEarly, Why::Met),
    (FIRMS, false, at(2022, 2700.0, ""), Met, Why::Met),
    (FIRMS, false, at(2023, 2000.0, ""), Behind, Why::Overdue),
    (FIRMS, false, at(2022, 2699.0, ""), Behind, Why::Overdue),
    // Falling targets (PM2.5) are judged the other way.
    (PM, false, at(2019, 53.0, ""), Ahead, Why::Path),
    (PM, false, at(2019, 62.0, ""), Behind, Why::Path),
    (PM, false, at(2019, 45.0, ""), MetEarly, Why::Met),
    (PM, false, at(2019, 70.0, ""), Behind, Why::Path),
    // The comparator says which way, without a baseline: 以上 / 不低于 are met at the
    // value itself, 突破 / 超过 / > only above it; 以下 / 不超过 / 以内 at or below.
    (
        (None, at(2020, 85.0, "以上")),
        false,
        at(2019, 85.0, "达到"),
        MetEarly,
        Why::Met,
    ),
    (
        (None, at(2020, 60.0, "不低于")),
        false,
        at(2019, 59.9, ""),
        NoData,
        Why::NoBaseline,
    ),
    (
        (None, at(2020, 60.0, "不低于")),
        false,
        at(2020, 60.0, ""),
        Met,
        Why::Met,
    ),
    (
        (None, at(2020, 1000.0, "突破")),
        false,
        at(2019, 1000.0, ""),
        NoData,
        Why::NoBaseline,
    ),
    (
        (None, at(2020, 1000.0, "突破")),
        false,
        at(2019, 1000.5, ""),
        MetEarly,
        Why::Met,
    ),
    (
        (None, at(2020, 35.0, "以下")),
        false,
        at(2019, 35.0, ""),
        MetEarly,
        Why::Met,
    ),
    (
        (None, at(2020, 35.0, "<")),
        false,
        at(2019, 35.0, ""),
        NoData,
        Why::NoBaseline,
    ),
    (
        (None, Some((None, 100.0, "不超过"))),
        false,
        at(2019, 99.0, ""),
        Met,
        Why::Met,
    ),
    // A level to hold: the comparator points away from the baseline (>60 after 63.1,
    // <3.5 after 2.7): met, or behind; no path.
    (GOOD_DAYS, false, at(2022, 61.0, ""), MetEarly, Why::Met),
    (GOOD_DAYS, false, at(2022, 58.0, ""), Behind, Why::Hold),
    (JOBLESS, false, at(2022, 3.6, ""), Behind, Why::Hold),
    (JOBLESS, false, at(2022, 3.0, ""), MetEarly, Why::Met),
    // A comparator that agrees with the values keeps the path.
    (
        (at(2020, 45.0, ""), at(2025, 123.0, ">")),
        false,
        at(2021, 60.0, ""),
        OnTrack,
        Why::Path,
    ),
    // Cumulative [ ] targets run from 0 in the baseline year, whatever the last
    // period's total: [2] in 2020 → [4] by 2025.
    (LISTINGS, true, at(2022, 2.0, ""), OnTrack, Why::Path),
    (LISTINGS, true, at(2022, 1.0, ""), Behind, Why::Path),
    (LISTINGS, true, at(2023, 4.0, ""), MetEarly, Why::Met),
    (
        (at(2020, 21.2, ""), at(2025, 33.0, ">")),
        true,
        at(2021, 10.0, ""),
        Ahead,
        Why::Path,
    ),
    (
        (Some((None, 2.0, "")), LISTINGS.1),
        true,
        at(2022, 2.0, ""),
        NoData,
        Why::NoBaseline,
    ),
    // Missing pieces.
    (RD, false, None, NoData, Why::NoResult),
    (RD, false, Some((None, 2.71, "")), NoData, Why::NoResult),
    (
        (RD.0, None),
        false,
        at(2019, 2.71, ""),
        NoData,
        Why::NoTargetValue,
    ),
    (
        (RD.0, Some((None, 3.0, "达到"))),
        false,
        at(2019, 2.71, ""),
        NoData,
        Why::NoTargetYear,
    ),
    (
        (RD.0, Some((None, 3.0, "达到"))),
        false,
        at(2019, 3.1, ""),
        Met,
        Why::Met,
    ),
    // 左右 / 达到 without a baseline say neither way (城镇登记失业率3%左右), nor does a
    // baseline equal to the target.
    (
        (None, at(2020, 3.0, "左右")),
        false,
        at(2019, 2.01, ""),
        NoData,
        Why::DirectionUnknown,
    ),
    (
        (at(2020, 100.0, ""), at(2025, 100.0, "达到")),
        false,
        at(2022, 99.0, ""),
        NoData,
        Why::DirectionUnknown,
    ),
    // A result from the baseline year or before does not measure progress.
    (RD, false, at(2016, 2.3, ""), NoData, Why::NotAfterBaseline),
    (RD, false, at(2017, 3.2, ""), NoData, Why::NotAfterBaseline),
    // A bound keeps a status only when every value it allows has it.
    (FIRMS, false, at(2019, 2200.0, "突破"), Ahead, Why::Path),
    (FIRMS, false, at(2019, 2700.0, "突破"), MetEarly, Why::Met),
    (FIRMS, false, at(2019, 1800.0, "突破"), NoData, Why::Bound),
    (FIRMS, false, at(2019, 1500.0, "余"), NoData, Why::Bound),
    (FIRMS, false, at(2019, 1500.0, "不超过"), Behind, Why::Path),
    (PM, false, at(2019, 62.0, "超过"), Behind, Why::Path),
    (PM, false, at(2019, 50.0, "超过"), NoData, Why::Bound),
    (PM, false, at(2019, 50.0, "以下"), Ahead, Why::Path),
    (FIRMS, false, at(2019, 2000.0, "左右"), Ahead, Why::Path),
];

#[test]
fn status_rules() {
    for &((b, t), cumulative, r, status, why) in CASES {
        check(b, t, cumulative, r, (status, why));
    }
}

fn reported(id: &str, year: u16, value: f64, text: &str) -> Reported {
    Reported {
        id: id.into(),
        doc: "r".into(),
        indicator: "研发投入占GDP比重".into(),
        unit: "%".into(),
        region: "济南市".into(),
        scope: Scope::City,
        cumulative: false,
        value: Figure {
            text: text.into(),
            ..fig(Some(year), value, "达到")
        },
        year_basis: String::new(),
        source: Provenance {
            doc: "r".into(),
            section: "s-2".into(),
            block: "p-9".into(),
            quote: text.into(),
        },
    }
}

fn target_with(results: &[Reported]) -> Target {
    let mut t: Target = serde_json::from_value(serde_json::json!({
        "id": "x.t-7", "doc": "x", "indicator": "研发投入占生产总值比重", "unit": "%",
        "category": "", "origin": "table", "cumulative": false, "qualitative": "",
        "themes": ["innovation"],
        "baseline": {"year": 2017, "year_source": "table_header", "value": 2.4, "comparator": "", "text": "2.4", "note": ""},
        "target": {"year": 2022, "year_source": "table_header", "value": 3.0, "comparator": "达到", "text": "3", "note": ""},
        "source": {"doc": "x", "section": "s-1", "block": "t-1", "quote": "q"}
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let linked: Vec<LinkedResult> = results
        .iter()
        .map(|r| LinkedResult {
            result: r.clone(),
            note: String::new(),
            doc_title: String::new(),
        })
        .collect();
    t.progress = Some(Progress {
        status: NoData,
        results: linked,
    });
    let status = assess_target(&t).status;
    if let Some(p) = &mut t.progress {
        p.status = status;
    }
    t
}

#[test]
fn the_latest_result_decides_and_the_page_says_why() {
    let older = reported("r.r-1", 2018, 2.5, "2.5%");
    let newer = reported("r.r-2", 2019, 2.71, "2.71%");
    // Linked in any order, the latest year is read.
    let t = target_with(&[newer.clone(), older.clone()]);
    let a = assess_target(&t);
    assert_eq!(a.status, Ahead);
    assert_eq!(
        status_text(&t, &a),
        "进度超前：2019年实际值2.71%；按直线路径，这一年应完成目标变化量的40%，实际完成52%。"
    );
    assert_eq!(assess(&t, &[&older]).status, OnTrack);
    assert_eq!(assess(&t, &[]).status, NoData);
    assert!(basis_text().contains("10%"), "{}", basis_text());
    assert_eq!(
        inputs_text(&t),
        [
            "基期：2017年：2.4%（年份取自表头）",
            "目标：2022年：3%（年份取自表头）",
            "最近实际值：2019年：2.71%（济南市，市级；年份见原文）",
        ]
    );
    let mut said = newer.clone();
    said.year_basis = "报告回顾上一年。".into();
    let mut cumulative = target_with(&[said]);
    cumulative.cumulative = true;
    let lines = inputs_text(&cumulative);
    assert_eq!(
        lines.first().map(String::as_str),
        Some("基期：五年累计目标，从基期年份的0算起")
    );
    assert_eq!(
        lines.last().map(String::as_str),
        Some("最近实际值：2019年：2.71%（济南市，市级；报告回顾上一年。）")
    );
    assert_eq!(
        inputs_text(&target_with(&[])).last().map(String::as_str),
        Some("最近实际值：暂无")
    );
    // The chart: baseline, the results in year order, the target, and the path's
    // value at each result's year.
    let Some(chart) = progress_chart(&t) else {
        panic!("a target with results has a chart");
    };
    let years: Vec<u16> = chart.results.iter().map(|p| p.year).collect();
    assert_eq!(years, [2018, 2019]);
    assert_eq!(
        chart.baseline.as_ref().map(|p| p.label.as_str()),
        Some("2.4")
    );
    assert_eq!(
        chart.target.as_ref().map(|p| (p.year, p.value)),
        Some((2022, 3.0))
    );
    let at: Vec<String> = chart
        .path_at_results
        .iter()
        .map(|v| v.map(|v| format!("{:.2}", v)).unwrap_or_default())
        .collect();
    assert_eq!(at, ["2.52", "2.64"]);
    // Counting by status leaves out targets without results.
    let mut plain = t.clone();
    plain.progress = None;
    assert_eq!(status_counts([&t, &plain, &t]), [(Ahead, 2)]);
}

#[test]
fn the_chart_text_says_every_point_and_the_path() {
    let t = target_with(&[reported("r.r-2", 2019, 2.71, "2.71%")]);
    let Some((_, text)) = progress_chart_text(&t) else {
        panic!("a target with results has a chart");
    };
    assert_eq!(
        text.summary,
        "研发投入占生产总值比重：基期2017年2.4%，2019年实际值2.71%（直线路径上应为2.64%），目标2022年3%。状态：进度超前。"
    );
    assert_eq!(
        text.rows,
        [
            ["2017年", "基期", "2.4%", "2.4%"],
            ["2019年", "实际值", "2.71%", "2.64%"],
            ["2022年", "目标", "3%", "3%"],
        ]
    );
    assert_eq!(text.file, "x-t-7-progress");
    assert!(progress_chart_text(&target_with(&[])).is_none());
    assert_eq!(status_class(Behind), "status status-behind");
}

#[test]
fn an_overview_counts_by_status_and_links_each_count() {
    let values = [
        crate::lists::FacetValue {
            value: "进度超前".into(),
            label: String::new(),
            count: 2,
        },
        crate::lists::FacetValue {
            value: "不是状态".into(),
            label: String::new(),
            count: 9,
        },
        crate::lists::FacetValue {
            value: "无可比数据".into(),
            label: String::new(),
            count: 1,
        },
    ];
    let counts = counts_of(&values);
    assert_eq!(counts, [(Ahead, 2), (NoData, 1)]);
    let base = crate::query::Filter::default().with("theme", "innovation");
    let links = status_links(&counts, &base);
    let queries: Vec<&str> = links.iter().map(|l| l.query.as_str()).collect();
    assert_eq!(
        queries,
        [
            "?theme=innovation&status=%E8%BF%9B%E5%BA%A6%E8%B6%85%E5%89%8D",
            "?theme=innovation&status=%E6%97%A0%E5%8F%AF%E6%AF%94%E6%95%B0%E6%8D%AE"
        ]
    );
    assert_eq!(
        overview_text(&counts, 10),
        "10项目标中，3项有文件公布的实际值可对照：进度超前2项、无可比数据1项；其余7项尚无实际值。"
    );
    assert_eq!(overview_text(&[], 4), "这4项目标都还没有可对照的实际值。");
}

#[test]
fn a_cumulative_path_starts_from_zero_and_ends_are_inclusive() {
    let from = Point {
        year: 2020,
        value: 0.0,
        label: String::new(),
    };
    let to = Point {
        year: 2025,
        value: 4.0,
        label: String::new(),
    };
    let check = |year: u16, expected: Option<&str>| {
        assert_eq!(
            path_value(&from, &to, year)
                .map(|v| format!("{:.1}", v))
                .as_deref(),
            expected,
            "{year}"
        );
    };
    check(2019, None);
    check(2020, Some("0.0"));
    check(2022, Some("1.6"));
    check(2025, Some("4.0"));
    check(2026, None);
    assert_eq!(path_value(&to, &from, 2022), None);
    let mut b = fig(Some(2020), 2.0, "");
    assert_eq!(start_of(Some(&b), true), Some((2020, 0.0)));
    assert_eq!(start_of(Some(&b), false), Some((2020, 2.0)));
    b.year = None;
    assert_eq!(start_of(Some(&b), true), None);
    assert_eq!(start_of(None, false), None);
}
