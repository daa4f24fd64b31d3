//! The curated results the documents report (`data/results.toml`, 实际值) and their links to
//! the targets they measure: each result verified against its document's text like every
//! record, each link checked (same region and scope, same unit, a note where the names
//! differ) before the target's status is computed (`model::progress`).

use crate::facts::{check_figure, numbers_in, provenance, CuratedFigure, DocIndex};
use crate::normalize::squeeze;
use crate::Diagnostic;
use model::{Figure, LinkedResult, Progress, Reported, Scope, Target, YearSource};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    result: Vec<toml::Spanned<Entry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    doc: String,
    id: String,
    indicator: String,
    unit: String,
    value: f64,
    text: String,
    #[serde(default)]
    comparator: String,
    year: u16,
    #[serde(default)]
    year_basis: String,
    /// The document's region unless the quote names another.
    #[serde(default)]
    region: String,
    #[serde(default)]
    cumulative: bool,
    quote: String,
    #[serde(default)]
    link: Vec<Link>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Link {
    target: String,
    #[serde(default)]
    note: String,
}

const FILE: &str = "data/results.toml";

/// The words a result may print beside its value: as printed (empty or 达到 for the value
/// itself, 左右 about it), or a bound (突破, 超过, 以上, 余, 多: more; 以下, 不超过: less).
pub const RESULT_COMPARATORS: &[&str] = &[
    "",
    "达到",
    "左右",
    "突破",
    "超过",
    "以上",
    "余",
    "多",
    "以下",
    "不超过",
];

/// What the checks need to know of the documents.
pub struct Library<'a> {
    pub indexes: &'a BTreeMap<String, DocIndex>,
    /// Document id → the region it governs.
    pub regions: &'a BTreeMap<String, String>,
}

/// Parses and verifies the results, checks their links, and sets the linked targets'
/// `progress`. Returns every verified result, in the file's order.
pub fn verify(
    text: &str,
    library: &Library,
    targets: &mut [Target],
    errors: &mut Vec<Diagnostic>,
) -> Vec<Reported> {
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            errors.push(crate::toml_error(FILE, text, &e));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    let mut links: Vec<(String, LinkedResult)> = Vec::new();
    for spanned in file.result {
        let line = crate::line_of(text, spanned.span().start);
        let entry = spanned.into_inner();
        let mut problems = Vec::new();
        let result = reported(&entry, library, &mut problems);
        if !ids.insert(format!("{}.{}", entry.doc, entry.id)) {
            problems.push("编号重复".into());
        }
        if let Some(result) = result.filter(|_| problems.is_empty()) {
            let mut seen = HashSet::new();
            for link in &entry.link {
                if !seen.insert(link.target.as_str()) {
                    problems.push(format!("重复关联 {}", link.target));
                }
                let checked = check_link(&result, link, targets, library.regions);
                match checked {
                    Ok(linked) => links.push((link.target.clone(), linked)),
                    Err(e) => problems.push(e),
                }
            }
            out.push(result);
        }
        for message in problems {
            errors.push(Diagnostic {
                file: FILE.into(),
                line,
                message: format!("{}.{}: {message}", entry.doc, entry.id),
            });
        }
    }
    attach(targets, links);
    out
}

/// One result verified against its document's text.
fn reported(e: &Entry, library: &Library, problems: &mut Vec<String>) -> Option<Reported> {
    let (Some(index), Some(doc_region)) =
        (library.indexes.get(&e.doc), library.regions.get(&e.doc))
    else {
        problems.push(format!("没有编号为 {} 的文件", e.doc));
        return None;
    };
    if !model::is_safe_id(&e.id) || !e.id.starts_with("r-") {
        problems.push("编号须为 r-N（字母、数字和 - _）".into());
    }
    let Some(found) = index.find(&e.quote) else {
        problems.push(format!("引文不在原文中：{}", e.quote));
        return None;
    };
    let quote = squeeze(&e.quote);
    let figure = CuratedFigure {
        year: Some(e.year),
        value: Some(e.value),
        comparator: String::new(),
        text: e.text.clone(),
        note: String::new(),
    };
    let year_source = check_figure(&figure, "value", &quote, found, problems);
    if !RESULT_COMPARATORS.contains(&e.comparator.as_str()) {
        problems.push(format!("comparator “{}” 不在允许列表中", e.comparator));
    } else if !quote.contains(&squeeze(&e.comparator)) {
        problems.push(format!("comparator “{}” 不在引文中", e.comparator));
    }
    if e.unit.trim().is_empty() || e.indicator.trim().is_empty() {
        problems.push("indicator 与 unit 不能为空".into());
    }
    let printed = numbers_in(&quote);
    for n in numbers_in(&e.indicator) {
        if !printed.contains(&n) {
            problems.push(format!("指标名称中的数字 {n} 不在引文中"));
        }
    }
    check_year_basis(e, year_source, &printed, problems);
    let region = if e.region.is_empty() {
        doc_region.clone()
    } else {
        if e.region != *doc_region && !quote.contains(&squeeze(&e.region)) {
            problems.push(format!("地区“{}”既非文件所属地区，也不在引文中", e.region));
        }
        e.region.clone()
    };
    Some(Reported {
        id: format!("{}.{}", e.doc, e.id),
        doc: e.doc.clone(),
        indicator: e.indicator.clone(),
        unit: e.unit.clone(),
        scope: Scope::of_region(&region),
        region,
        cumulative: e.cumulative,
        value: Figure {
            year: Some(e.year),
            year_source,
            value: Some(e.value),
            comparator: e.comparator.clone(),
            text: e.text.clone(),
            note: String::new(),
        },
        year_basis: e.year_basis.clone(),
        source: provenance(&e.doc, found, &e.quote),
    })
}

/// A year not printed in the quote is said in words, and those words print no number the
/// quote lacks (the year itself aside).
fn check_year_basis(
    e: &Entry,
    year_source: Option<YearSource>,
    printed: &[f64],
    problems: &mut Vec<String>,
) {
    if year_source != Some(YearSource::Printed) && e.year_basis.trim().is_empty() {
        problems.push("年份不在引文中时须用 year_basis 说明年份从何而来".into());
    }
    for n in numbers_in(&e.year_basis) {
        if n != f64::from(e.year) && !printed.contains(&n) {
            problems.push(format!("year_basis 中的数字 {n} 不在引文中"));
        }
    }
}

/// A link is refused when the target is unknown or has no numeric target, when region or
/// scope differ, when units differ, when one is a cumulative total and the other is not,
/// and when the names differ without a note.
fn check_link(
    r: &Reported,
    link: &Link,
    targets: &[Target],
    regions: &BTreeMap<String, String>,
) -> Result<LinkedResult, String> {
    let Some(t) = targets.iter().find(|t| t.id == link.target) else {
        return Err(format!("没有编号为 {} 的目标指标", link.target));
    };
    let target_region = regions.get(&t.doc).cloned().unwrap_or_default();
    let target_scope = Scope::of_region(&target_region);
    if target_scope != r.scope {
        return Err(format!(
            "{} 是{}目标，实际值是{}数字",
            t.id,
            target_scope.label(),
            r.scope.label()
        ));
    }
    if target_region != r.region {
        return Err(format!(
            "{} 的地区是{target_region}，实际值的地区是{}",
            t.id, r.region
        ));
    }
    if t.unit != r.unit {
        return Err(format!("{} 的单位是“{}”，不是“{}”", t.id, t.unit, r.unit));
    }
    if t.cumulative != r.cumulative {
        return Err(format!("{} 与实际值一个是累计数、一个不是", t.id));
    }
    if t.target.as_ref().and_then(|f| f.value).is_none() {
        return Err(format!("{} 没有可比较的目标数值", t.id));
    }
    let note = link.note.trim();
    if squeeze(&t.indicator) != squeeze(&r.indicator) && note.is_empty() {
        return Err(format!(
            "指标名称不同（“{}” / “{}”），须用 note 说明为何是同一指标",
            r.indicator, t.indicator
        ));
    }
    let quoted: Vec<f64> = numbers_in(&squeeze(&format!("{}{}", r.source.quote, t.quotes())));
    if let Some(n) = numbers_in(note).into_iter().find(|n| !quoted.contains(n)) {
        return Err(format!("note 中的数字 {n} 不在两处引文中"));
    }
    Ok(LinkedResult {
        result: r.clone(),
        note: note.to_string(),
        doc_title: String::new(),
    })
}

/// Gives each linked target its results, oldest first, and the status they give.
fn attach(targets: &mut [Target], links: Vec<(String, LinkedResult)>) {
    let mut by_target: BTreeMap<String, Vec<LinkedResult>> = BTreeMap::new();
    for (target, linked) in links {
        by_target.entry(target).or_default().push(linked);
    }
    for t in targets.iter_mut() {
        let Some(mut results) = by_target.remove(&t.id) else {
            continue;
        };
        results.sort_by_key(|l| l.result.value.year);
        let refs: Vec<&Reported> = results.iter().map(|l| &l.result).collect();
        let status = model::progress::assess(t, &refs).status;
        t.progress = Some(Progress { status, results });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> Vec<model::Section> {
        serde_json::from_value(serde_json::json!([
            {"anchor": "s-0", "level": 0, "number": "", "title": "", "blocks": []},
            {"anchor": "s-1", "level": 1, "parent": 0, "number": "一、", "title": "2019年工作回顾", "blocks": [
                {"paragraph": {"anchor": "p-1", "text": "研发投入占GDP比重达到2.71%，高新技术企业突破2200家。城乡低保标准分别提高到每月685元和每年5480元。"}}
            ]}
        ]))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn target(id: &str, doc: &str, indicator: &str, unit: &str, cumulative: bool) -> Target {
        serde_json::from_value(serde_json::json!({
            "id": id, "doc": doc, "indicator": indicator, "unit": unit, "category": "",
            "origin": "table", "cumulative": cumulative, "qualitative": "", "themes": ["innovation"],
            "baseline": {"year": 2017, "year_source": "table_header", "value": 2.4, "comparator": "", "text": "2.4", "note": ""},
            "target": {"year": 2022, "year_source": "table_header", "value": 3.0, "comparator": "达到", "text": "3", "note": ""},
            "source": {"doc": doc, "section": "s-1", "block": "t-1", "quote": "7. 研发投入占生产总值比重\t%\t2.4\t3"}
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    const RESULT: &str = "[[result]]\ndoc = \"report\"\nid = \"r-1\"\nindicator = \"研发投入占GDP比重\"\nvalue = 2.71\ntext = \"2.71%\"\nunit = \"%\"\ncomparator = \"达到\"\nyear = 2019\nyear_basis = \"报告回顾2019年。\"\nquote = \"研发投入占GDP比重达到2.71%\"\n";

    /// Runs the checks over `toml`; the errors, and each target's status.
    fn run(toml: &str) -> (Vec<String>, Vec<(String, Option<String>)>) {
        let index = DocIndex::new(&sections());
        let indexes = BTreeMap::from([("report".to_string(), index)]);
        let regions = BTreeMap::from([
            ("report".to_string(), "济南市".to_string()),
            ("plan".to_string(), "济南市".to_string()),
            ("district".to_string(), "济南市历下区".to_string()),
            ("qingdao".to_string(), "青岛市".to_string()),
        ]);
        let mut targets = vec![
            target("plan.t-7", "plan", "研发投入占生产总值比重", "%", false),
            target("plan.t-8", "plan", "研发投入占GDP比重", "%", false),
            target("district.t-11", "district", "研发投入占GDP比重", "%", false),
            target("qingdao.t-1", "qingdao", "研发投入占GDP比重", "%", false),
            target("plan.t-9", "plan", "研发投入占GDP比重", "个百分点", false),
            target("plan.t-10", "plan", "研发投入占GDP比重", "%", true),
        ];
        let library = Library {
            indexes: &indexes,
            regions: &regions,
        };
        let mut errors = Vec::new();
        verify(toml, &library, &mut targets, &mut errors);
        let statuses = targets
            .iter()
            .map(|t| {
                let status = t.progress.as_ref().map(|p| p.status.label().to_string());
                (t.id.clone(), status)
            })
            .collect();
        (
            errors
                .iter()
                .map(|e| format!("{}:{}", e.line, e.message))
                .collect(),
            statuses,
        )
    }

    fn check_link(target: &str, note: &str, expected: &[&str]) {
        let toml = format!("{RESULT}[[result.link]]\ntarget = \"{target}\"\nnote = \"{note}\"\n");
        assert_eq!(run(&toml).0, expected, "{target}");
    }

    #[test]
    fn links_are_refused_across_scope_region_unit_and_names_without_a_note() {
        let names = "GDP即地区生产总值，同一指标。";
        check_link("plan.t-7", names, &[]);
        check_link("plan.t-8", "", &[]);
        check_link(
            "plan.t-7",
            "",
            &["1:report.r-1: 指标名称不同（“研发投入占GDP比重” / “研发投入占生产总值比重”），须用 note 说明为何是同一指标"],
        );
        check_link(
            "district.t-11",
            "",
            &["1:report.r-1: district.t-11 是区级目标，实际值是市级数字"],
        );
        check_link(
            "qingdao.t-1",
            "",
            &["1:report.r-1: qingdao.t-1 的地区是青岛市，实际值的地区是济南市"],
        );
        check_link(
            "plan.t-9",
            "",
            &["1:report.r-1: plan.t-9 的单位是“个百分点”，不是“%”"],
        );
        check_link(
            "plan.t-10",
            "",
            &["1:report.r-1: plan.t-10 与实际值一个是累计数、一个不是"],
        );
        check_link(
            "plan.t-99",
            "",
            &["1:report.r-1: 没有编号为 plan.t-99 的目标指标"],
        );
        check_link(
            "plan.t-7",
            "到2025年仍是同一指标。",
            &["1:report.r-1: note 中的数字 2025 不在两处引文中"],
        );
    }

    #[test]
    fn a_linked_target_gets_its_status_and_others_none() {
        let toml = format!("{RESULT}[[result.link]]\ntarget = \"plan.t-8\"\n");
        let (errors, statuses) = run(&toml);
        assert!(errors.is_empty(), "{errors:?}");
        let got: Vec<(&str, Option<&str>)> = statuses
            .iter()
            .map(|(id, s)| (id.as_str(), s.as_deref()))
            .filter(|(_, s)| s.is_some())
            .collect();
        assert_eq!(got, [("plan.t-8", Some("进度超前"))]);
    }

    fn check_result(toml: &str, expected: &[&str]) {
        assert_eq!(run(toml).0, expected, "{toml}");
    }

    #[test]
    fn results_are_verified_like_every_record() {
        check_result(RESULT, &[]);
        // Not in the text; a number the quote does not print; a year that is not the
        // heading's; a bound word the quote does not print; no words for a year taken from
        // a heading.
        let cases: [(&str, &str, &[&str]); 9] = [
            (
                "quote = \"研发投入占GDP比重达到2.71%\"",
                "quote = \"研发投入占GDP比重达到2.8%\"",
                &["1:report.r-1: 引文不在原文中：研发投入占GDP比重达到2.8%"],
            ),
            (
                "value = 2.71",
                "value = 2.7",
                &["1:report.r-1: value.value 2.7 与原文数字 “2.71%” 不一致"],
            ),
            (
                "year = 2019",
                "year = 2018",
                &["1:report.r-1: value.year: 最近的写有年份的标题“一、2019年工作回顾”不是 2018 年", "1:report.r-1: year_basis 中的数字 2019 不在引文中"],
            ),
            (
                "comparator = \"达到\"",
                "comparator = \"突破\"",
                &["1:report.r-1: comparator “突破” 不在引文中"],
            ),
            (
                "comparator = \"达到\"",
                "comparator = \"约\"",
                &["1:report.r-1: comparator “约” 不在允许列表中"],
            ),
            (
                "year_basis = \"报告回顾2019年。\"",
                "year_basis = \"\"",
                &["1:report.r-1: 年份不在引文中时须用 year_basis 说明年份从何而来"],
            ),
            (
                "year_basis = \"报告回顾2019年。\"",
                "year_basis = \"5月的报告。\"",
                &["1:report.r-1: year_basis 中的数字 5 不在引文中"],
            ),
            (
                "doc = \"report\"",
                "doc = \"nope\"",
                &["1:nope.r-1: 没有编号为 nope 的文件"],
            ),
            (
                "id = \"r-1\"",
                "id = \"t-1\"",
                &["1:report.r-1: 编号须为 r-N（字母、数字和 - _）"],
            ),
        ];
        for (from, to, expected) in cases {
            let expected: Vec<String> = expected
                .iter()
                .map(|e| e.replace("report.r-1: 编号", "report.t-1: 编号"))
                .collect();
            let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
            check_result(&RESULT.replace(from, to), &expected);
        }
        // A region other than the document's must be printed in the quote.
        check_result(
            &RESULT.replace("year = 2019", "region = \"济南市历下区\"\nyear = 2019"),
            &["1:report.r-1: 地区“济南市历下区”既非文件所属地区，也不在引文中"],
        );
        // Ids are unique.
        check_result(&format!("{RESULT}\n{RESULT}"), &["13:report.r-1: 编号重复"]);
    }
}
