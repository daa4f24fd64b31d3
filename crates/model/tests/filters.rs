//! The list pages' filters over a small fixture (`fixtures/records.json`): each check is a
//! query string as it arrives in the URL and the ids the list must show, in order.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use model::oracle::FilterOracle;
use model::query::Filter;
use model::{Department, DocumentMeta, Field, Figure, Project, Provenance, Target};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    documents: Vec<Doc>,
    targets: Vec<T>,
    projects: Vec<P>,
    fields: Vec<F>,
    departments: Vec<D>,
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    region: String,
}

#[derive(Deserialize)]
struct T {
    #[serde(default)]
    themes: Vec<String>,
    id: String,
    doc: String,
    indicator: String,
    category: String,
    attribute: String,
    year: Option<u16>,
    quote: String,
}

#[derive(Deserialize)]
struct P {
    #[serde(default)]
    themes: Vec<String>,
    id: String,
    doc: String,
    name: String,
    kind: String,
    domain: String,
    place: String,
    departments: Vec<String>,
}

#[derive(Deserialize)]
struct F {
    #[serde(default)]
    themes: Vec<String>,
    id: String,
    doc: String,
    title: String,
    label: String,
    summary: String,
    departments: Vec<String>,
}

#[derive(Deserialize)]
struct D {
    id: String,
    name: String,
    targets: Vec<String>,
}

fn source(doc: &str, quote: &str) -> Provenance {
    Provenance {
        doc: doc.into(),
        section: "s-1".into(),
        block: "p-1".into(),
        quote: quote.into(),
    }
}

struct Records {
    docs: Vec<DocumentMeta>,
    targets: Vec<Target>,
    projects: Vec<Project>,
    fields: Vec<Field>,
    departments: Vec<Department>,
}

fn records() -> Records {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/records.json");
    let f: Fixture = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let docs = f
        .documents
        .into_iter()
        .map(|d| {
            serde_json::from_value(serde_json::json!({
                "id": d.id, "title": "", "short_title": d.id, "issuer": "", "doc_number": "",
                "date": "", "region": d.region, "kind": "", "sources": [],
                "counts": {"sections":0,"paragraphs":0,"table_rows":0,"chars":0,"fields":0,"projects":0,"targets":0},
                "parts": []
            }))
            .unwrap()
        })
        .collect();
    let targets = f
        .targets
        .into_iter()
        .map(|t| Target {
            source: source(&t.doc, &t.quote),
            id: t.id,
            doc: t.doc,
            indicator: t.indicator,
            unit: String::new(),
            category: t.category,
            themes: t.themes,
            attribute: match t.attribute.as_str() {
                "约束性" => Some(model::Attribute::Binding),
                "预期性" => Some(model::Attribute::Expected),
                _ => None,
            },
            origin: model::Origin::Table,
            cumulative: false,
            baseline: None,
            target: Some(Figure {
                year: t.year,
                year_source: t.year.map(|_| model::YearSource::Printed),
                value: None,
                comparator: String::new(),
                text: String::new(),
                note: String::new(),
            }),
            growth: None,
            qualitative: String::new(),
            unit_misprint: None,
            also: vec![],
            merged: vec![],
            progress: None,
        })
        .collect();
    let projects = f
        .projects
        .into_iter()
        .map(|p| Project {
            source: source(&p.doc, &p.name),
            id: p.id,
            doc: p.doc,
            name: p.name,
            kind: serde_json::from_value(serde_json::json!(p.kind)).unwrap(),
            domain: p.domain,
            place: p.place,
            description: String::new(),
            themes: p.themes,
            departments: p.departments,
            targets: vec![],
            also: vec![],
            merged: vec![],
        })
        .collect();
    let fields = f
        .fields
        .into_iter()
        .map(|x| Field {
            source: source(&x.doc, &x.title),
            id: x.id,
            doc: x.doc,
            title: x.title,
            label: x.label,
            summary: x.summary,
            themes: x.themes,
            departments: x.departments,
            also: vec![],
            merged: vec![],
        })
        .collect();
    let departments = f
        .departments
        .into_iter()
        .map(|d| Department {
            id: d.id,
            name: d.name,
            kind: model::DepartmentKind::default(),
            aliases: vec![],
            fields: vec![],
            projects: vec![],
            targets: d.targets,
        })
        .collect();
    Records {
        docs,
        targets,
        projects,
        fields,
        departments,
    }
}

fn filter(query: &str) -> Filter {
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    Filter::from_pairs(pairs)
}

#[test]
fn target_filters() {
    let r = records();
    let check = |query: &str, expected: &[&str]| {
        let got: Vec<&str> = filter(query)
            .targets(&r.targets, &r.departments, &r.docs)
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(got, expected, "targets/?{query}");
    };
    check(
        "",
        &[
            "jinan.t-1",
            "jinan.t-2",
            "lixia.t-1",
            "lixia.t-2",
            "qingdao.t-1",
        ],
    );
    check("doc=lixia", &["lixia.t-1", "lixia.t-2"]);
    check("region=济南市", &["jinan.t-1", "jinan.t-2"]);
    check("category=创新驱动", &["jinan.t-1", "lixia.t-1"]);
    check("attribute=预期性", &["jinan.t-1", "lixia.t-2"]);
    check("year=2025", &["lixia.t-1", "qingdao.t-1"]);
    check("year=2025&doc=lixia", &["lixia.t-1"]);
    // The department filter reads the department's own list of targets.
    check("dept=d-swj", &["lixia.t-1", "lixia.t-2"]);
    check("dept=d-wsj&doc=lixia", &[]);
    check("dept=nope", &[]);
    // Keywords: every term must occur in the indicator, the category or the quote, with
    // full-width digits folded.
    check("q=高新", &["jinan.t-1", "lixia.t-1"]);
    check("q=高新 2700", &["jinan.t-1"]);
    check("q=1万亿", &["qingdao.t-1"]);
    check("q=失业", &["lixia.t-2"]);
    // The text filter reads the name and the quote, as the search page does: a category
    // (民生福祉) is found by its own filter, not by the text.
    check("q=民生", &[]);
    check("q=不存在的词", &[]);
    // A theme gathers records across documents; a record may have several.
    check("theme=innovation", &["jinan.t-1", "lixia.t-1"]);
    check("theme=economy&doc=lixia", &["lixia.t-1"]);
    check("theme=nope", &[]);
    // Unknown keys and a page number do not filter.
    check(
        "evil=1&page=7",
        &[
            "jinan.t-1",
            "jinan.t-2",
            "lixia.t-1",
            "lixia.t-2",
            "qingdao.t-1",
        ],
    );
}

#[test]
fn project_filters() {
    let r = records();
    let check = |query: &str, expected: &[&str]| {
        let got: Vec<&str> = filter(query)
            .projects(&r.projects, &r.docs)
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(got, expected, "projects/?{query}");
    };
    check("", &["jinan.p-1", "jinan.p-2", "lixia.p-1", "qingdao.p-1"]);
    check("kind=平台", &["jinan.p-1", "jinan.p-2", "qingdao.p-1"]);
    check("kind=平台&doc=jinan", &["jinan.p-1", "jinan.p-2"]);
    check("domain=商贸", &["lixia.p-1"]);
    check("place=红岛", &["qingdao.p-1"]);
    check("dept=d-wsj", &["jinan.p-1", "lixia.p-1"]);
    check("region=青岛市", &["qingdao.p-1"]);
    check("q=会展", &["qingdao.p-1"]);
    check("theme=health", &["jinan.p-1"]);
    check("q=济南 中心", &["jinan.p-1", "jinan.p-2"]);
}

#[test]
fn field_filters() {
    let r = records();
    let check = |query: &str, expected: &[&str]| {
        let got: Vec<&str> = filter(query)
            .fields(&r.fields, &r.docs)
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(got, expected, "fields/?{query}");
    };
    check("", &["jinan.f-1", "lixia.f-1", "qingdao.f-1"]);
    check("doc=qingdao", &["qingdao.f-1"]);
    check("region=济南市历下区", &["lixia.f-1"]);
    check("dept=d-swj", &["lixia.f-1"]);
    // The summary is searched too.
    check("q=医学科学", &["jinan.f-1"]);
    check("q=商贸", &["lixia.f-1"]);
    check("theme=elderly-care", &["jinan.f-1"]);
}
