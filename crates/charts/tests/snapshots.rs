//! One chart of each kind, drawn as SVG from the shipped data and compared with a committed
//! snapshot (`UPDATE_SNAPSHOTS=1 cargo test -p charts` rewrites them after a deliberate
//! change; without it a missing snapshot fails, so a test never approves itself); each also
//! must show the numbers of the data file, keep every shape inside the picture, and use
//! no style attribute (the site's CSP has `style-src 'self'`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use charts::{ChartKind, Theme};
use model::chart::{change_bars, target_chart, year_counts};
use model::chart::{Bar, TargetChart};
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
    check_picture(name, svg);
    assert!(expected == svg, "{name}.svg differs from its snapshot; inspect and rerun with UPDATE_SNAPSHOTS=1 if the change is intended");
}

fn theme() -> Theme {
    Theme::new(14.0, false)
}

/// `kind` as SVG, `width` CSS px wide.
fn svg(kind: ChartKind, width: u32, theme: &Theme) -> String {
    kind.svg(width, theme).unwrap()
}

/// The numbers of attribute `name` in an element's text.
fn attr(element: &str, name: &str) -> Option<i64> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &element[start..];
    rest[..rest.find('"')?].parse().ok()
}

/// What every picture must be: an SVG of its own size, no style attribute, the chart's
/// font family on every text, every shape and every text anchor inside the picture.
fn check_picture(name: &str, svg: &str) {
    let head = &svg[..svg.find('>').unwrap()];
    let (w, h) = (attr(head, "width").unwrap(), attr(head, "height").unwrap());
    assert!(
        head.contains(&format!("viewBox=\"0 0 {w} {h}\"")),
        "{name}: viewBox"
    );
    assert!(!svg.contains("style="), "{name}: no style attribute (CSP)");
    let family = format!("font-family=\"{}\"", charts::FONT_FAMILY);
    assert_eq!(
        svg.matches("<text").count(),
        svg.matches(&family).count(),
        "{name}: font family"
    );
    let inside = |x: i64, y: i64| (0..=w).contains(&x) && (0..=h).contains(&y);
    for element in svg.split('<').skip(2) {
        let element = element.split('>').next().unwrap();
        if element.starts_with("rect") {
            let (x, y) = (attr(element, "x").unwrap(), attr(element, "y").unwrap());
            let (rw, rh) = (
                attr(element, "width").unwrap(),
                attr(element, "height").unwrap(),
            );
            assert!(rw >= 0 && rh >= 0, "{name}: {element}");
            assert!(inside(x, y) && inside(x + rw, y + rh), "{name}: {element}");
        } else if element.starts_with("polyline") {
            let points = element.split("points=\"").nth(1).unwrap();
            for p in points[..points.find('"').unwrap()].split_whitespace() {
                let (x, y) = p.split_once(',').unwrap();
                assert!(
                    inside(x.parse().unwrap(), y.parse().unwrap()),
                    "{name}: {element}"
                );
            }
        } else if element.starts_with("text") {
            let (x, y) = (attr(element, "x").unwrap(), attr(element, "y").unwrap());
            assert!(inside(x, y), "{name}: {element}");
        }
    }
}

/// The target of `id` in the shipped records.
fn target<'a>(f: &'a model::Facts, id: &str) -> &'a model::Target {
    f.targets.iter().find(|t| t.id == id).unwrap()
}

#[test]
fn target_chart_snapshot() {
    let f = facts();
    let t = target(&f, "xinjiu-dongneng.t-9");
    let chart = target_chart(t).unwrap();
    let svg = svg(ChartKind::Target(chart), 640, &theme());
    for printed in ["1074", "2700", "2017年", "2022年", "单位：家"] {
        assert!(svg.contains(printed), "{printed}");
    }
    assert!(svg.contains("隐含年均增长约 20.25%"));
    snapshot("target-xinjiu-t-9", &svg);
}

#[test]
fn cumulative_and_comparator_are_shown() {
    let f = facts();
    let t = target(&f, "lixia-shisiwu.t-14");
    let chart = target_chart(t).unwrap();
    let svg = svg(ChartKind::Target(chart), 360, &theme());
    check_picture("lixia-shisiwu.t-14", &svg);
    assert!(svg.contains("五年累计"));
    assert!(
        svg.contains("[&gt;33]"),
        "the printed target with its comparator, escaped"
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
    let wide = svg(ChartKind::Changes(bars.clone()), 1280, &theme());
    assert!(wide.contains("+151.4%"), "高新技术企业 1074 → 2700");
    snapshot("document-changes-xinjiu", &wide);
    // At 320 px the labels are cut to fit, not overlapping the bars.
    let narrow = svg(ChartKind::Changes(bars), 320, &theme());
    check_picture("document-changes-xinjiu at 320 px", &narrow);
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
    let svg = svg(ChartKind::Years(counts), 640, &theme());
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
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/documents.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let docs = model::files::DocName::all(&index);
    let (rows, unit, _) = model::view::comparison_of(t, &f.targets, &f.comparisons, &docs)
        .expect("两份文件都有高新技术企业数量");
    let svg = svg(ChartKind::Comparison { rows, unit }, 640, &theme());
    for v in [
        "1074家", "2700家", "362家", "600家", "2800家", "区级", "市级",
    ] {
        assert!(svg.contains(v), "{v}");
    }
    snapshot("comparison-gaoxin", &svg);
}

#[test]
fn progress_chart_snapshot() {
    let f = facts();
    let t = target(&f, "xinjiu-dongneng.t-7");
    let chart = model::progress::progress_chart(t).unwrap();
    let wide = svg(ChartKind::Progress(chart.clone()), 640, &theme());
    for printed in [
        "2.4%",
        "2.71%",
        "3%",
        "2017年",
        "2019年",
        "2022年",
        "基期",
        "实际",
        "目标",
        "单位：%",
    ] {
        assert!(wide.contains(printed), "{printed}");
    }
    assert!(
        wide.contains("匀速推进（假设）"),
        "the path is named as an assumption"
    );
    snapshot("progress-xinjiu-t-7", &wide);
    // On a phone and in large-font mode everything stays inside the picture.
    check_picture(
        "progress at 360 px",
        &svg(ChartKind::Progress(chart.clone()), 360, &theme()),
    );
    let large = Theme::new(17.5, false);
    let big = svg(ChartKind::Progress(chart), 320, &large);
    check_picture("progress large", &big);
    assert!(
        !big.contains('…'),
        "the legend is not cut at 320 px in large-font mode"
    );
    // A result in the baseline year stands beside the baseline, both named.
    let t = target(&f, "xinjiu-dongneng.t-12");
    let chart = model::progress::progress_chart(t).unwrap();
    let narrow = svg(ChartKind::Progress(chart), 360, &theme());
    check_picture("progress t-12 at 360 px", &narrow);
    assert!(narrow.contains("\n基期／实际\n"), "{narrow}");
}

#[test]
fn text_is_escaped_everywhere() {
    let nasty = "<b>&\"x\"</b>";
    let escaped = "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;";
    let chart = TargetChart {
        indicator: nasty.into(),
        unit: nasty.into(),
        cumulative: false,
        bars: vec![
            (nasty.into(), 1.0, nasty.into()),
            (nasty.into(), 2.0, nasty.into()),
        ],
        comparator: nasty.into(),
        implied_growth: Some(1.0),
    };
    let bars = vec![Bar {
        id: "x".into(),
        label: nasty.into(),
        group: nasty.into(),
        value: -5.0,
        text: nasty.into(),
    }];
    let rows = vec![charts::ComparedRow {
        document: nasty.into(),
        baseline: Some((nasty.into(), 1.0)),
        target: (nasty.into(), 2.0),
    }];
    let t = theme();
    for (name, svg) in [
        ("target", svg(ChartKind::Target(chart), 640, &t)),
        ("bars", svg(ChartKind::Changes(bars), 640, &t)),
        (
            "comparison",
            svg(
                ChartKind::Comparison {
                    rows,
                    unit: nasty.into(),
                },
                640,
                &t,
            ),
        ),
    ] {
        check_picture(name, &svg);
        assert!(svg.contains(escaped), "{name}: {svg}");
        assert!(!svg.contains("<b>"), "{name}: {svg}");
        let texts = svg.matches("<text").count();
        assert_eq!(texts, svg.matches("</text>").count(), "{name}");
    }
}

#[test]
fn high_contrast_and_large_font_change_the_picture() {
    let f = facts();
    let t = target(&f, "xinjiu-dongneng.t-9");
    let chart = target_chart(t).unwrap();
    let normal = svg(ChartKind::Target(chart.clone()), 640, &theme());
    let contrast = svg(
        ChartKind::Target(chart.clone()),
        640,
        &Theme::new(14.0, true),
    );
    assert!(normal.contains("#A5161D") && !contrast.contains("#A5161D"));
    assert!(contrast.contains("#7A0000"));
    let large = Theme::new(17.5, false);
    let big = svg(ChartKind::Target(chart), 640, &large);
    check_picture("large", &big);
    // 0.85 × 17.5 px and 1 × 17.5 px (plotters' SVG backend writes the size it is given
    // divided by 1.24; the pen gives it 1.24 times the size).
    assert!(big.contains("font-size=\"14.875\"") && big.contains("font-size=\"17.5\""));
}
