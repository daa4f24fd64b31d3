//! Per-kind verifiers of the curated records of one document (fields, targets, projects,
//! lists): each checks a record against the cleaned text and builds its wire form; errors
//! name the file and line the record starts on.

use crate::departments::DepartmentBook;
use crate::facts::{
    also_sources, check_figure, figure, numbers_in, provenance, CuratedField, CuratedFile,
    CuratedList, CuratedProject, CuratedTarget, DocIndex,
};
use crate::normalize::squeeze;
use crate::Diagnostic;
use model::{Field, ListGroup, Misprint, Project, RecordList, Target};
use std::collections::HashSet;

/// A curated record and where it is written.
#[derive(Debug)]
pub struct Located<T> {
    pub file: String,
    pub line: u32,
    pub record: T,
}

/// All curated records of one document, from all its files.
#[derive(Debug, Default)]
pub struct DocumentRecords {
    pub fields: Vec<Located<CuratedField>>,
    pub projects: Vec<Located<CuratedProject>>,
    pub targets: Vec<Located<CuratedTarget>>,
    pub lists: Vec<Located<CuratedList>>,
}

fn located<T>(label: &str, text: &str, items: Vec<toml::Spanned<T>>) -> Vec<Located<T>> {
    items
        .into_iter()
        .map(|s| Located {
            file: label.to_string(),
            line: crate::line_of(text, s.span().start),
            record: s.into_inner(),
        })
        .collect()
}

impl DocumentRecords {
    /// Adds one parsed file (`text` is its source, for line numbers).
    pub fn add(&mut self, label: &str, text: &str, file: CuratedFile) {
        self.fields.extend(located(label, text, file.field));
        self.projects.extend(located(label, text, file.project));
        self.targets.extend(located(label, text, file.target));
        self.lists.extend(located(label, text, file.list));
    }
}

/// The verified records of one document.
#[derive(Debug, Default)]
pub struct Verified {
    pub fields: Vec<Field>,
    pub projects: Vec<Project>,
    pub targets: Vec<Target>,
    pub lists: Vec<RecordList>,
}

/// What every verifier of one document shares.
struct Context<'a> {
    doc: &'a str,
    index: &'a DocIndex,
    /// Local ids taken so far, by live records and by merged ones.
    ids: HashSet<String>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Context<'_> {
    fn report<T>(&mut self, at: &Located<T>, id: &str, errors: Vec<String>) {
        for e in errors {
            self.diagnostics.push(Diagnostic {
                file: at.file.clone(),
                line: at.line,
                message: format!("{}.{id}: {e}", self.doc),
            });
        }
    }

    fn check_id(&mut self, id: &str, errors: &mut Vec<String>) {
        if !model::is_safe_id(id) {
            errors.push("编号只能使用字母、数字和 - _".into());
        }
        if !self.ids.insert(id.to_string()) {
            errors.push("编号重复（或已被合并）".into());
        }
    }

    /// Runs one record's verifier and reports its errors at the record's line.
    fn run<T, W>(
        &mut self,
        at: &Located<T>,
        id: &str,
        verify: impl FnOnce(&Context, &T, &mut Vec<String>) -> Option<W>,
    ) -> Option<W> {
        let mut errors = Vec::new();
        self.check_id(id, &mut errors);
        let out = verify(self, &at.record, &mut errors);
        if errors.is_empty() {
            out
        } else {
            self.report(at, id, errors);
            None
        }
    }

    fn global(&self, local: &[String]) -> Vec<String> {
        local.iter().map(|l| format!("{}.{l}", self.doc)).collect()
    }
}

/// Verifies and converts the curated records of one document, each kind by its verifier.
pub fn verify_document(
    doc: &str,
    records: &DocumentRecords,
    index: &DocIndex,
    book: &mut DepartmentBook,
    diagnostics: &mut Vec<Diagnostic>,
) -> Verified {
    let mut cx = Context {
        doc,
        index,
        ids: HashSet::new(),
        diagnostics,
    };
    reserve_merged_ids(&mut cx, records);
    let mut out = Verified::default();
    for f in &records.fields {
        if let Some(mut field) = cx.run(f, &f.record.id, verify_field) {
            field.departments = book.attribute(&f.record.departments, &field.id, |d| &mut d.fields);
            out.fields.push(field);
        }
    }
    for t in &records.targets {
        if let Some(target) = cx.run(t, &t.record.id, verify_target) {
            out.targets.push(target);
        }
    }
    let target_ids: HashSet<&str> = records
        .targets
        .iter()
        .map(|t| t.record.id.as_str())
        .collect();
    for p in &records.projects {
        let verify = |cx: &Context, p: &CuratedProject, errors: &mut Vec<String>| {
            for t in &p.targets {
                if !target_ids.contains(t.as_str()) {
                    errors.push(format!("关联指标不存在：{t}"));
                }
            }
            verify_project(cx, p, errors)
        };
        if let Some(mut project) = cx.run(p, &p.record.id, verify) {
            project.departments =
                book.attribute(&p.record.departments, &project.id, |d| &mut d.projects);
            out.projects.push(project);
        }
    }
    for l in &records.lists {
        if let Some(list) = cx.run(l, &l.record.id, verify_list) {
            out.lists.push(list);
        }
    }
    out
}

/// Ids of merged records stay reserved: no record may take one, and none is listed twice.
fn reserve_merged_ids(cx: &mut Context, records: &DocumentRecords) {
    let merged = records
        .fields
        .iter()
        .map(|f| (f.file.as_str(), f.line, &f.record.merged))
        .chain(
            records
                .projects
                .iter()
                .map(|p| (p.file.as_str(), p.line, &p.record.merged)),
        )
        .chain(
            records
                .targets
                .iter()
                .map(|t| (t.file.as_str(), t.line, &t.record.merged)),
        );
    let mut reused = Vec::new();
    for (file, line, ids) in merged {
        for m in ids {
            if !cx.ids.insert(m.clone()) {
                reused.push(Diagnostic {
                    file: file.to_string(),
                    line,
                    message: format!("{}.{m}: 已合并的编号重复列出", cx.doc),
                });
            }
        }
    }
    cx.diagnostics.extend(reused);
}

fn verify_field(cx: &Context, f: &CuratedField, errors: &mut Vec<String>) -> Option<Field> {
    let Some(found) = cx.index.find(&f.quote) else {
        errors.push(format!("引文不在原文中：{}", f.quote));
        return None;
    };
    if !f.summary.is_empty() && !cx.index.contains(&f.summary) {
        errors.push(format!("摘要不在原文中：{}", f.summary));
    }
    for d in &f.departments {
        if !cx.index.contains(d) {
            errors.push(format!("责任单位不在原文中：{d}"));
        }
    }
    Some(Field {
        id: format!("{}.{}", cx.doc, f.id),
        doc: cx.doc.into(),
        title: f.title.clone(),
        label: f.label.clone(),
        summary: f.summary.clone(),
        // Assigned once every record is verified (`themes::assign`).
        themes: Vec::new(),
        departments: Vec::new(),
        source: provenance(cx.doc, found, &f.quote),
        also: also_sources(cx.doc, cx.index, &f.also, errors),
        merged: cx.global(&f.merged),
    })
}

fn verify_target(cx: &Context, t: &CuratedTarget, errors: &mut Vec<String>) -> Option<Target> {
    let Some(found) = cx.index.find(&t.quote) else {
        errors.push(format!("引文不在原文中：{}", t.quote));
        return None;
    };
    let quote = squeeze(&t.quote);
    if !t.shared_quote.is_empty() && cx.index.find(&t.shared_quote).is_none() {
        errors.push(format!("合并单元格引文不在原文中：{}", t.shared_quote));
    }
    let quote_and_shared = format!("{quote}{}", squeeze(&t.shared_quote));
    let mut year_sources = [None; 3];
    for (k, (what, fig)) in [
        ("baseline", &t.baseline),
        ("target", &t.target),
        ("growth", &t.growth),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(fig) = fig {
            year_sources[k] = check_figure(fig, what, &quote_and_shared, found, errors);
            if !fig.note.is_empty() && !cx.index.contains(&fig.note) {
                errors.push(format!("{what}.note 不在原文中：{}", fig.note));
            }
        }
    }
    check_unit_misprint(t, &quote, errors);
    if !t.qualitative.is_empty()
        && !quote_and_shared.contains(&squeeze(&t.qualitative))
        && !found.context().contains(&squeeze(&t.qualitative))
    {
        errors.push(format!("定性目标 “{}” 不在引文中", t.qualitative));
    }
    if t.baseline.is_none() && t.target.is_none() && t.qualitative.is_empty() {
        errors.push("既无数值也无定性描述".into());
    }
    check_restatements(t, errors);
    Some(Target {
        id: format!("{}.{}", cx.doc, t.id),
        doc: cx.doc.into(),
        indicator: t.indicator.clone(),
        unit: t.unit.clone(),
        category: t.category.clone(),
        themes: Vec::new(),
        attribute: t.attribute,
        origin: t.origin,
        cumulative: t.cumulative,
        baseline: t.baseline.as_ref().map(|f| figure(f, year_sources[0])),
        target: t.target.as_ref().map(|f| figure(f, year_sources[1])),
        growth: t.growth.as_ref().map(|f| figure(f, year_sources[2])),
        unit_misprint: t.unit_misprint.as_ref().map(|m| Misprint {
            printed: m.printed.clone(),
            note: m.note.clone(),
        }),
        qualitative: t.qualitative.clone(),
        source: provenance(cx.doc, found, &t.quote),
        also: also_sources(cx.doc, cx.index, &t.also, errors),
        merged: cx.global(&t.merged),
        // Set once the curated results are linked (`results::link`).
        progress: None,
    })
}

/// A unit printed wrong: the misprint is in the quote, the correction differs from it and
/// is explained, with no number that the quote does not print.
fn check_unit_misprint(t: &CuratedTarget, quote: &str, errors: &mut Vec<String>) {
    let Some(m) = &t.unit_misprint else {
        return;
    };
    if !quote.contains(&squeeze(&m.printed)) {
        errors.push(format!("unit_misprint.printed “{}” 不在引文中", m.printed));
    }
    if m.printed == t.unit || m.note.trim().is_empty() {
        errors.push("unit_misprint 须写明更正后的 unit 与说明".into());
    }
    for n in numbers_in(&m.note) {
        if !numbers_in(quote).contains(&n) {
            errors.push(format!("unit_misprint.note 中的数字 {n} 不在引文中"));
        }
    }
}

/// Each `also` quote restates the target: it prints one of its numbers (or, for a target
/// without numbers, its qualitative words).
fn check_restatements(t: &CuratedTarget, errors: &mut Vec<String>) {
    let values: Vec<f64> = [&t.target, &t.baseline, &t.growth]
        .into_iter()
        .flatten()
        .filter_map(|f| f.value)
        .collect();
    for q in &t.also {
        let printed = numbers_in(&squeeze(q));
        let restates = if values.is_empty() {
            squeeze(q).contains(&squeeze(&t.qualitative))
        } else {
            values
                .iter()
                .any(|v| printed.iter().any(|n| (n - v).abs() < 1e-9))
        };
        if !restates {
            errors.push(format!("also 引文没有复述该指标的数值：{q}"));
        }
    }
}

fn verify_project(cx: &Context, p: &CuratedProject, errors: &mut Vec<String>) -> Option<Project> {
    let Some(found) = cx.index.find(&p.quote) else {
        errors.push(format!("引文不在原文中：{}", p.quote));
        return None;
    };
    if !p.description.is_empty() && !cx.index.contains(&p.description) {
        errors.push(format!("描述不在原文中：{}", p.description));
    }
    let quote = numbers_in(&squeeze(&p.quote));
    for n in numbers_in(&p.name) {
        if !quote.contains(&n) {
            errors.push(format!("名称中的数字 {n} 不在引文中"));
        }
    }
    for d in &p.departments {
        if !cx.index.contains(d) {
            errors.push(format!("责任单位不在原文中：{d}"));
        }
    }
    Some(Project {
        id: format!("{}.{}", cx.doc, p.id),
        doc: cx.doc.into(),
        name: p.name.clone(),
        kind: p.kind,
        domain: p.domain.clone(),
        place: p.place.clone(),
        description: p.description.clone(),
        themes: Vec::new(),
        departments: Vec::new(),
        targets: cx.global(&p.targets),
        source: provenance(cx.doc, found, &p.quote),
        also: also_sources(cx.doc, cx.index, &p.also, errors),
        merged: cx.global(&p.merged),
    })
}

fn verify_list(cx: &Context, l: &CuratedList, errors: &mut Vec<String>) -> Option<RecordList> {
    let Some(found) = cx.index.find(&l.title) else {
        errors.push(format!("名单标题不在原文中：{}", l.title));
        return None;
    };
    for g in &l.group {
        if !cx.index.contains(&g.name) {
            errors.push(format!("分组不在原文中：{}", g.name));
        }
        for m in &g.members {
            if !cx.index.contains(m) {
                errors.push(format!("名单成员不在原文中：{m}"));
            }
        }
    }
    Some(RecordList {
        id: format!("{}.{}", cx.doc, l.id),
        doc: cx.doc.into(),
        title: l.title.clone(),
        groups: l
            .group
            .iter()
            .map(|g| ListGroup {
                name: g.name.clone(),
                members: g.members.clone(),
            })
            .collect(),
        source: provenance(cx.doc, found, &l.title),
    })
}
