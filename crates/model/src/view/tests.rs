use super::*;
use crate::wire::{Department, Provenance};

#[test]
fn link_items_html_escapes_every_part() {
    let item = |h: &str, t: &str, n: &str| (h.to_string(), t.to_string(), n.to_string());
    assert_eq!(link_items_html(&[]), "");
    assert_eq!(
        link_items_html(&[item("/a/?id=x&y", "甲<乙>", "3 项"), item("\"", "&", "\"")]),
        r#"<li><a href="/a/?id=x&amp;y">甲&lt;乙&gt;</a> <span class="meta">3 项</span></li><li><a href="&quot;">&amp;</a> <span class="meta">&quot;</span></li>"#
    );
}

#[test]
fn options_html_escapes_and_marks_the_selected_value() {
    let check = |options: &[(&str, &str)], selected: &str, expected: &str| {
        let options: Vec<(String, String)> = options
            .iter()
            .map(|(v, t)| (v.to_string(), t.to_string()))
            .collect();
        assert_eq!(options_html(&options, selected), expected);
    };
    check(&[], "", r#"<option value="" selected>全部</option>"#);
    check(
        &[("a", "甲"), ("b\"<", "乙&<b>")],
        "b\"<",
        r#"<option value="">全部</option><option value="a">甲</option><option value="b&quot;&lt;" selected>乙&amp;&lt;b&gt;</option>"#,
    );
    // A value that is not an option selects nothing (the browser shows the first).
    check(
        &[("a", "甲")],
        "zz",
        r#"<option value="">全部</option><option value="a">甲</option>"#,
    );
}

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
        year_source: year.map(|_| crate::wire::YearSource::Printed),
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
        themes: vec!["innovation".into()],
        attribute: None,
        origin: crate::wire::Origin::Table,
        cumulative: false,
        baseline: Some(figure(Some(2020), Some(base), &base.to_string())),
        target: Some(figure(Some(2025), Some(goal), &goal.to_string())),
        growth: None,
        qualitative: String::new(),
        unit_misprint: None,
        source: source("p-3"),
        also: vec![],
        merged: vec![],
        progress: None,
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
fn marks_sit_on_every_block_a_record_is_stated_in_and_only_for_their_document() {
    let mut merged = target("a.t-1", "a", "高新技术企业数量", 1.0, 2.0);
    merged.also = vec![source("p-9")];
    let targets = vec![merged, target("b.t-1", "b", "高新技术企业数量", 1.0, 2.0)];
    let marks = record_marks("a", &[], &[], &targets);
    assert_eq!(marks.len(), 2);
    assert_eq!(marks.get("p-9").map(Vec::len), Some(1));
    assert_eq!(
        marks.get("p-3"),
        Some(&vec![RecordMark {
            href: "/target/a.t-1/".into(),
            label: "指标：高新技术企业数量".into()
        }])
    );
}

#[test]
fn comparison_names_each_document_its_scope_and_years() {
    let meta = |id: &str, title: &str, region: &str| {
        serde_json::json!({"id": id, "title": "", "short_title": title, "issuer": "", "doc_number": "",
            "date": "", "region": region, "kind": "", "sources": [], "parts": [],
            "counts": {"sections":0,"paragraphs":0,"table_rows":0,"chars":0,"fields":0,"projects":0,"targets":0}})
    };
    let index: Index = serde_json::from_value(serde_json::json!({
        "schema_version": 0,
        "documents": [meta("a", "历下规划", "济南市历下区"), meta("b", "新旧动能规划", "济南市")]
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let targets = vec![
        target("a.t-1", "a", "高新技术企业数量", 362.0, 600.0),
        target("b.t-1", "b", "高新技术企业数量", 1074.0, 2700.0),
    ];
    let curated = vec![Comparison {
        title: "高新技术企业数量".into(),
        unit: "家".into(),
        members: vec!["b.t-1".into(), "a.t-1".into()],
    }];
    let docs = DocName::all(&index);
    let Some((rows, unit, text)) = comparison_of(&targets[0], &targets, &curated, &docs) else {
        panic!("a curated comparison holds the target");
    };
    assert_eq!(unit, "家");
    assert_eq!(rows[0].document, "新旧动能规划（济南市，市级）");
    assert_eq!(rows[1].document, "历下规划（济南市历下区，区级）");
    assert_eq!(rows[0].target, ("2025年".to_string(), 2700.0));
    assert!(
        text.summary
            .contains("历下规划（济南市历下区，区级）：2020年362家，目标2025年600家"),
        "{}",
        text.summary
    );
    assert!(text
        .summary
        .ends_with("市级和区级的数值范围不同，不宜直接比高低。"));
    // A target no comparison holds, or a comparison with one member left: none.
    assert_eq!(comparison_of(&targets[0], &targets, &[], &docs), None);
    assert_eq!(
        comparison_of(&targets[0], &targets[..1], &curated, &docs),
        None
    );
}

#[test]
fn year_notes_say_where_the_year_comes_from() {
    let mut f = figure(Some(2016), Some(21.8), "21.8*");
    f.year_source = Some(crate::wire::YearSource::TableNote);
    f.note = "带*号为2016年数据".into();
    assert_eq!(year_note(&f), "年份取自表注；带*号为2016年数据");
    f.year_source = Some(crate::wire::YearSource::Heading);
    f.note.clear();
    assert_eq!(year_note(&f), "年份取自章节标题");
    assert_eq!(year_note(&figure(None, Some(3.0), "3")), "");
}

#[test]
fn merged_cells_are_drawn_once() {
    let table: crate::wire::Table = serde_json::from_str(
        r#"{"anchor":"t-1","caption":"","header":["序号","目标"],
                "rows":[["1","完成上级下达任务"],["2",""],["3","5"]],
                "spans":[{"row":0,"col":1,"rows":2},{"row":2,"col":1,"rows":9},{"row":9,"col":0,"rows":2}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let drawn: Vec<Vec<(String, u32)>> = table_cells(&table)
        .into_iter()
        .map(|r| r.into_iter().map(|c| (c.text, c.rows)).collect())
        .collect();
    let cell = |t: &str, n: u32| (t.to_string(), n);
    assert_eq!(
        drawn,
        vec![
            vec![cell("1", 1), cell("完成上级下达任务", 2)],
            vec![cell("2", 1)],
            // Spans past the end of the table are ignored.
            vec![cell("3", 1), cell("5", 1)],
        ]
    );
}

#[test]
fn overview_counts_targets_per_document_and_year() {
    let index: Index = serde_json::from_value(serde_json::json!({
        "schema_version": 0,
        "documents": [
            {"id": "b", "title": "", "short_title": "乙", "issuer": "", "doc_number": "", "date": "",
             "region": "", "kind": "", "sources": [], "parts": [],
             "counts": {"sections":0,"paragraphs":0,"table_rows":0,"chars":0,"fields":0,"projects":0,"targets":0}},
            {"id": "a", "title": "", "short_title": "甲", "issuer": "", "doc_number": "", "date": "",
             "region": "", "kind": "", "sources": [], "parts": [],
             "counts": {"sections":0,"paragraphs":0,"table_rows":0,"chars":0,"fields":0,"projects":0,"targets":0}}
        ]
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let mut undated = target("a.t-3", "a", "x", 1.0, 2.0);
    undated.target = None;
    let mut later = target("a.t-2", "a", "y", 1.0, 2.0);
    if let Some(f) = later.target.as_mut() {
        f.year = Some(2035);
    }
    let targets = vec![target("a.t-1", "a", "z", 1.0, 2.0), later, undated];
    let o = targets_overview(&targets, &index);
    assert_eq!(o.years, [2025, 2035]);
    assert_eq!(o.rows.len(), 1, "乙 has no targets");
    assert_eq!(
        (
            o.rows[0].total,
            o.rows[0].by_year.clone(),
            o.rows[0].undated
        ),
        (3, vec![1, 1], 1)
    );

    let mut prose = target("b.t-1", "b", "p", 1.0, 2.0);
    prose.origin = crate::wire::Origin::Prose;
    let table_b = target("b.t-2", "b", "q", 1.0, 2.0);
    let all = [targets[0].clone(), prose, table_b];
    let ordered: Vec<&str> = in_list_order(all.iter().collect(), &index)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ordered, ["b.t-2", "b.t-1", "a.t-1"]);
}

#[test]
fn a_theme_gathers_its_records_documents_and_departments() {
    let index: Index = serde_json::from_value(serde_json::json!({"schema_version": 0, "documents": [
        {"id": "a", "title": "", "short_title": "甲", "issuer": "", "doc_number": "", "date": "", "region": "",
         "kind": "", "sources": [], "parts": [],
         "counts": {"sections":0,"paragraphs":0,"table_rows":0,"chars":0,"fields":0,"projects":0,"targets":0}}]}))
    .unwrap_or_else(|e| panic!("{e}"));
    let mut care = target("a.t-1", "a", "养老床位", 1.0, 2.0);
    care.themes = vec!["elderly-care".into()];
    let other = target("a.t-2", "a", "高新技术企业", 1.0, 2.0);
    let dept = |id: &str, targets: Vec<String>| -> Department {
        serde_json::from_value(
            serde_json::json!({"id": id, "name": id, "kind": "agency", "aliases": [],
            "fields": [], "projects": [], "targets": targets}),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let departments = vec![
        dept("d-1", vec!["a.t-2".into()]),
        dept("d-2", vec!["a.t-1".into()]),
    ];
    let targets = [care, other];
    let r = crate::oracle::theme_records("elderly-care", &[], &[], &targets, &departments, &index);
    assert_eq!(r.targets.len(), 1);
    assert_eq!(r.documents, vec![("a".to_string(), "甲".to_string(), 1)]);
    assert_eq!(r.departments.len(), 1);
    assert_eq!(r.departments[0].0.id, "d-2");
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
