//! One chart of each kind, drawn as SVG from the shipped data and compared with a committed
//! snapshot (`UPDATE_SNAPSHOTS=1 cargo test -p charts` rewrites them after a deliberate
//! change; without it a missing snapshot fails, so a test never approves itself); each also
//! must show the numbers of the data file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use charts::{draw_bar_list, draw_comparison, draw_target, draw_years, to_svg, Theme};
use model::chart::{change_bars, target_chart, year_counts};
use model::Facts;
use std::path::{Path, PathBuf};

fn facts() -> Facts {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/facts.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn snapshot(name: &str, svg: &str) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, svg).unwrap();
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
        panic!("{name}.svg has no snapshot; look at the chart, then run with UPDATE_SNAPSHOTS=1 to record it");
    };
    assert!(expected == svg, "{name}.svg differs from its snapshot; inspect and rerun with UPDATE_SNAPSHOTS=1 if the change is intended");
}

fn theme() -> Theme {
    Theme::new(14.0, 1.0, false)
}

#[test]
fn target_chart_snapshot() {
    let f = facts();
    let t = f
        .targets
        .iter()
        .find(|t| t.id == "xinjiu-dongneng.t-9")
        .unwrap();
    let chart = target_chart(t).unwrap();
    let svg = to_svg(640, charts::target_chart_height(&theme()) as u32, |root| {
        draw_target(root, &chart, &theme())
    })
    .unwrap();
    for printed in ["1074", "2700", "2017年", "2022年", "单位：家"] {
        assert!(svg.contains(printed), "{printed}");
    }
    assert!(svg.contains("隐含年均增长约 20.25%"));
    snapshot("target-xinjiu-t-9", &svg);
}

#[test]
fn cumulative_and_comparator_are_shown() {
    let f = facts();
    let t = f
        .targets
        .iter()
        .find(|t| t.id == "lixia-shisiwu.t-14")
        .unwrap();
    let chart = target_chart(t).unwrap();
    let svg = to_svg(360, charts::target_chart_height(&theme()) as u32, |root| {
        draw_target(root, &chart, &theme())
    })
    .unwrap();
    assert!(svg.contains("五年累计"));
    assert!(
        svg.contains("[&gt;33]") || svg.contains("[>33]"),
        "the printed target with its comparator"
    );
    assert!(
        !svg.contains("隐含年均增长"),
        "no growth over cumulative values"
    );
}

#[test]
fn document_change_chart_snapshot() {
    let f = facts();
    let targets: Vec<_> = f
        .targets
        .iter()
        .filter(|t| t.doc == "xinjiu-dongneng")
        .collect();
    let bars = change_bars(&targets);
    assert_eq!(
        bars.iter()
            .filter(|b| b.id.starts_with("xinjiu-dongneng.t-") && b.group == "质量效益")
            .count(),
        6
    );
    let groups = bars
        .iter()
        .map(|b| b.group.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let h = charts::bar_list_height(bars.len(), groups, &theme()) as u32;
    let svg = to_svg(1280, h, |root| draw_bar_list(root, &bars, &theme())).unwrap();
    assert!(svg.contains("+151.4%"), "高新技术企业 1074 → 2700");
    snapshot("document-changes-xinjiu", &svg);
    // At 320 px the labels are cut to fit, not overlapping the bars.
    let narrow = to_svg(320, h, |root| draw_bar_list(root, &bars, &theme())).unwrap();
    assert!(narrow.contains('…'));
}

#[test]
fn year_chart_snapshot() {
    let f = facts();
    let targets: Vec<_> = f
        .targets
        .iter()
        .filter(|t| t.doc == "lixia-shisiwu")
        .collect();
    let counts = year_counts(&targets);
    assert!(counts.iter().any(|(y, n)| *y == 2025 && *n >= 33));
    let svg = to_svg(640, charts::year_chart_height(&theme()) as u32, |root| {
        draw_years(root, &counts, &theme())
    })
    .unwrap();
    snapshot("years-lixia", &svg);
}

#[test]
fn comparison_chart_snapshot() {
    let f = facts();
    let t = f
        .targets
        .iter()
        .find(|t| t.doc == "lixia-shisiwu" && t.indicator.contains("高新技术企业数量"))
        .expect("历下 sets a target for 高新技术企业数量");
    let index: model::Index = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/index.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let (rows, unit, _) = model::view::comparison_of(t, &f.targets, &f.comparisons, &index)
        .expect("两份文件都有高新技术企业数量");
    let svg = to_svg(
        640,
        charts::comparison_height(rows.len(), &theme()) as u32,
        |root| draw_comparison(root, &rows, &unit, &theme()),
    )
    .unwrap();
    for v in [
        "1074家", "2700家", "362家", "600家", "2800家", "区级", "市级",
    ] {
        assert!(svg.contains(v), "{v}");
    }
    snapshot("comparison-gaoxin", &svg);
}
