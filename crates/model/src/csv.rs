//! Open-data downloads: CSV that Excel opens correctly (UTF-8 with BOM, CRLF, quoted
//! fields) and JSON, each row carrying its source document, date and quote.

use crate::wire::{DocumentMeta, Figure, Origin, Project, Reported, Target};

/// Excel needs the byte-order mark to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// Whether `s` reads as a number to `str::parse::<f64>`: a sign, digits with at most one
/// point and at least one digit, an exponent with digits; or `inf`, `infinity`, `nan` in
/// any case. Checked without parsing, so the app carries no float parser for it.
fn is_float(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    if ["inf", "infinity", "nan"]
        .iter()
        .any(|w| s.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

fn field(value: &str) -> String {
    // Quote everything that could break a row or start a formula in a spreadsheet.
    let needs_guard = value.starts_with(['=', '+', '-', '@']) && !is_float(value);
    let value = if needs_guard {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) || needs_guard {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

fn num(f: Option<&Figure>, pick: impl Fn(&Figure) -> String) -> String {
    f.map(pick).unwrap_or_default()
}

fn doc_of<'a>(docs: &'a [DocumentMeta], id: &str) -> (&'a str, &'a str) {
    docs.iter()
        .find(|d| d.id == id)
        .map_or(("", ""), |d| (d.title.as_str(), d.date.as_str()))
}

fn value(f: &Figure) -> String {
    f.value.map(|v| v.to_string()).unwrap_or_default()
}

fn year(f: &Figure) -> String {
    f.year.map(|y| y.to_string()).unwrap_or_default()
}

pub fn targets_csv(targets: &[&Target], docs: &[DocumentMeta]) -> String {
    let mut out = String::from(BOM);
    out.push_str(&row(&[
        "编号",
        "指标",
        "单位",
        "类别",
        "指标属性",
        "出处",
        "基期年份",
        "基期值",
        "基期原文",
        "目标年份",
        "目标值",
        "比较",
        "目标原文",
        "年均增长原文",
        "五年累计",
        "定性目标",
        "原文引文",
        "文件",
        "文件日期",
        "进度状态",
        "最近实际值年份",
        "最近实际值",
        "实际值年份依据",
        "实际值原文",
        "实际值出处",
    ]
    .map(String::from)));
    for t in targets {
        let (title, date) = doc_of(docs, &t.doc);
        let mut cells = vec![
            t.id.clone(),
            t.indicator.clone(),
            t.unit.clone(),
            t.category.clone(),
            t.attribute.map(|a| a.label()).unwrap_or_default().into(),
            match t.origin {
                Origin::Table => "表格".into(),
                Origin::Prose => "正文".into(),
            },
            num(t.baseline.as_ref(), year),
            num(t.baseline.as_ref(), value),
            num(t.baseline.as_ref(), |f| f.text.clone()),
            num(t.target.as_ref(), year),
            num(t.target.as_ref(), value),
            num(t.target.as_ref(), |f| f.comparator.clone()),
            num(t.target.as_ref(), |f| f.text.clone()),
            num(t.growth.as_ref(), |f| f.text.clone()),
            if t.cumulative {
                "是".into()
            } else {
                String::new()
            },
            t.qualitative.clone(),
            t.quotes(),
            title.to_string(),
            date.to_string(),
        ];
        cells.extend(progress_cells(t, docs));
        out.push_str(&row(&cells));
    }
    out
}

/// A target's status and its latest result (empty for a target without results).
fn progress_cells(t: &Target, docs: &[DocumentMeta]) -> [String; 6] {
    let Some(p) = &t.progress else {
        return Default::default();
    };
    let results: Vec<&Reported> = p.results.iter().map(|l| &l.result).collect();
    let Some(r) = crate::progress::latest(&results) else {
        return [
            p.status.label().into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
    };
    [
        p.status.label().into(),
        year(&r.value),
        crate::chart::printed_with_unit(&r.value.text, &r.unit),
        r.year_basis.clone(),
        r.source.quote.clone(),
        source_of(docs, &r.doc),
    ]
}

/// A document's title, or its id when `docs` does not hold it.
fn source_of(docs: &[DocumentMeta], doc: &str) -> String {
    match doc_of(docs, doc) {
        ("", _) => doc.to_string(),
        (title, _) => title.to_string(),
    }
}

/// The reported results (实际值), each with where its year comes from and its quote.
pub fn results_csv(results: &[&Reported], docs: &[DocumentMeta]) -> String {
    let mut out = String::from(BOM);
    out.push_str(&row(&[
        "编号",
        "指标",
        "单位",
        "数值",
        "原文数值",
        "界限",
        "年份",
        "年份依据",
        "地区",
        "口径",
        "累计",
        "原文引文",
        "文件",
        "文件日期",
    ]
    .map(String::from)));
    for r in results {
        let (title, date) = doc_of(docs, &r.doc);
        out.push_str(&row(&[
            r.id.clone(),
            r.indicator.clone(),
            r.unit.clone(),
            value(&r.value),
            r.value.text.clone(),
            r.value.comparator.clone(),
            year(&r.value),
            r.year_basis.clone(),
            r.region.clone(),
            r.scope.label().into(),
            if r.cumulative {
                "是".into()
            } else {
                String::new()
            },
            r.source.quote.clone(),
            title.to_string(),
            date.to_string(),
        ]));
    }
    out
}

pub fn projects_csv(
    projects: &[&Project],
    docs: &[DocumentMeta],
    department_name: impl Fn(&str) -> String,
) -> String {
    let mut out = String::from(BOM);
    out.push_str(&row(&[
        "编号",
        "名称",
        "类型",
        "领域",
        "地点",
        "责任单位",
        "原文引文",
        "文件",
        "文件日期",
    ]
    .map(String::from)));
    for p in projects {
        let (title, date) = doc_of(docs, &p.doc);
        out.push_str(&row(&[
            p.id.clone(),
            p.name.clone(),
            p.kind.label().into(),
            p.domain.clone(),
            p.place.clone(),
            p.departments
                .iter()
                .map(|d| department_name(d))
                .collect::<Vec<_>>()
                .join("、"),
            p.quotes(),
            title.to_string(),
            date.to_string(),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn is_float_agrees_with_the_float_parser(s in "[-+.eE0-9infatyINFATY ]{0,10}") {
            prop_assert_eq!(is_float(&s), s.parse::<f64>().is_ok(), "{:?}", s);
        }
    }

    #[test]
    fn is_float_cases() {
        for s in [
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "1e5",
            "1E+5",
            "1e-05",
            "-inf",
            "Infinity",
            "+NaN",
            "0.000",
            "12345678901234567890123e400",
        ] {
            assert!(is_float(s) && s.parse::<f64>().is_ok(), "{s}");
        }
        for s in [
            "", "+", "-", ".", "-.", "e5", "1e", "1e+", "1.2.3", "1e5e3", "--1", "- 1", " 1",
            "1_000", "0x10", "infinit", "nana", "=1+1", "-",
        ] {
            assert!(!is_float(s) && s.parse::<f64>().is_err(), "{s}");
        }
    }

    fn linked_target() -> Target {
        serde_json::from_value(serde_json::json!({
            "id": "plan.t-7", "doc": "plan", "indicator": "研发投入占生产总值比重", "unit": "%",
            "category": "创新发展", "origin": "table", "cumulative": false, "qualitative": "",
            "themes": ["innovation"],
            "baseline": {"year": 2017, "year_source": "table_header", "value": 2.4, "comparator": "", "text": "2.4", "note": ""},
            "target": {"year": 2022, "year_source": "table_header", "value": 3.0, "comparator": "达到", "text": "3", "note": ""},
            "source": {"doc": "plan", "section": "s-1", "block": "t-1", "quote": "7. 研发投入占生产总值比重"},
            "progress": {"status": "进度超前", "results": [{"result": {
                "id": "report.r-20", "doc": "report", "indicator": "研发投入占GDP比重", "unit": "%",
                "region": "济南市", "scope": "市级", "cumulative": false,
                "value": {"year": 2019, "year_source": "heading", "value": 2.71, "comparator": "达到", "text": "2.71%", "note": ""},
                "year_basis": "报告回顾上一年，这是2019年的数字。",
                "source": {"doc": "report", "section": "s-3", "block": "p-15", "quote": "研发投入占GDP比重达到2.71%"}
            }, "note": "GDP即地区生产总值。"}]}
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_targets_csv_carries_the_status_and_the_latest_result() {
        let t = linked_target();
        let csv = targets_csv(&[&t], &[]);
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
        let header = lines.first().copied().unwrap_or_default();
        assert!(
            header.ends_with(
                "进度状态,最近实际值年份,最近实际值,实际值年份依据,实际值原文,实际值出处"
            ),
            "{header}"
        );
        let row = lines.get(1).copied().unwrap_or_default();
        assert!(
            row.ends_with("进度超前,2019,2.71%,报告回顾上一年，这是2019年的数字。,研发投入占GDP比重达到2.71%,report"),
            "{row}"
        );
        let mut plain = t.clone();
        plain.progress = None;
        let csv = targets_csv(&[&plain], &[]);
        assert!(csv.trim_end().ends_with(",,,,,,"), "{csv}");
        let Some(p) = &t.progress else {
            panic!("linked")
        };
        let results: Vec<&Reported> = p.results.iter().map(|l| &l.result).collect();
        let csv = results_csv(&results, &[]);
        assert!(
            csv.contains("report.r-20,研发投入占GDP比重,%,2.71,2.71%,达到,2019,报告回顾上一年，这是2019年的数字。,济南市,市级,,研发投入占GDP比重达到2.71%,,\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn quoting() {
        fn check(input: &str, expected: &str) {
            assert_eq!(field(input), expected, "{input}");
        }
        check("plain", "plain");
        check("a,b", "\"a,b\"");
        check("say \"hi\"", "\"say \"\"hi\"\"\"");
        check("line\nbreak", "\"line\nbreak\"");
        check("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
        check("-5", "-5");
        check("中文，全角逗号", "中文，全角逗号");
        assert_eq!(row(&["a".into(), "b".into()]), "a,b\r\n");
    }
}
