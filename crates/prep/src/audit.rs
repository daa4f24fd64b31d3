//! A standing audit of the shipped records: rules that flag records a careful reader would
//! question (generic names, procedural items shipped as key fields, near-duplicates within a
//! document, qualitative targets that say only a deadline, target values read from prose
//! with no word saying whether they are a floor, a ceiling or exact), and the reviewed allow-list
//! (`data/audit-allow.toml`) that acknowledges the known ones, each with a reason.

use crate::normalize::REPAIR_NOTE;
use crate::Diagnostic;
use model::{Document, Facts, Section};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A project named only by a generic word (an industry, a kind of place).
    GenericName,
    /// A key field that is a 保障措施 / 组织实施 / 实施步骤 item.
    ProceduralField,
    /// Two records of one kind in one document whose names are the same or one holds the other.
    NearDuplicate,
    /// A qualitative target that says nothing but a deadline or "完成".
    DeadlineOnly,
    /// A target value from prose with no comparator: shown as an exact number, which the
    /// sentence may not mean (至少, 争取, a 以上 printed after a list of numbers).
    BareProseValue,
    /// A field or project whose paragraph prints a responsibility note (`责任单位：…`) but
    /// which names no department: the department pages undercount that unit's tasks.
    MissingDepartments,
    /// A project and a key field of one document that name the same thing: one record, or
    /// two that say why.
    FieldAndProject,
    /// Markup, a list mark or a Latin word shown as text (`PM<sub>2.5</sub>`, `PM_{2.5}`, a
    /// Markdown `-`, `and` for 和), or a record's name that keeps the PDF's spacing.
    TextArtefact,
    /// An article (`第十三条`) or a salutation (`各区县人民政府…：`) run into the paragraph
    /// before it, or a whole sentence standing as a heading.
    GluedParagraph,
    /// A project named as a zone of a spatial layout (板块, 组团, 片区, 发展核, 战略支点): a
    /// part of the plan's map, not a thing to build (`data/facts/README.md`).
    LayoutZone,
    /// A target with no value that only says one of its document's projects is to be
    /// completed (`完成黄河滩区迁建任务`): the project's due date, not a target of its own.
    ProjectCompletion,
    /// A gap in a document's numbering (`p-38` between live `p-37` and `p-39`) that no record
    /// lists in `merged`: a retired id whose old links lead nowhere.
    RetiredId,
}

impl Rule {
    pub const ALL: [Rule; 12] = [
        Rule::GenericName,
        Rule::ProceduralField,
        Rule::NearDuplicate,
        Rule::DeadlineOnly,
        Rule::BareProseValue,
        Rule::MissingDepartments,
        Rule::FieldAndProject,
        Rule::TextArtefact,
        Rule::GluedParagraph,
        Rule::LayoutZone,
        Rule::ProjectCompletion,
        Rule::RetiredId,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::GenericName => "generic-name",
            Rule::ProceduralField => "procedural-field",
            Rule::NearDuplicate => "near-duplicate",
            Rule::DeadlineOnly => "deadline-only",
            Rule::BareProseValue => "bare-prose-value",
            Rule::MissingDepartments => "missing-departments",
            Rule::FieldAndProject => "field-and-project",
            Rule::TextArtefact => "text-artefact",
            Rule::GluedParagraph => "glued-paragraph",
            Rule::LayoutZone => "layout-zone",
            Rule::ProjectCompletion => "project-completion",
            Rule::RetiredId => "retired-id",
        }
    }
}

/// One suspicious record (or pair).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub rule: Rule,
    /// Global record ids, sorted.
    pub records: Vec<String>,
    /// What the rule saw, for people.
    pub detail: String,
}

/// Project names that name a field of activity or a kind of place, not one thing.
const GENERIC_NAMES: &[&str] = &[
    "生物医药",
    "现代物流",
    "产业金融",
    "医疗康养",
    "文化旅游",
    "精品旅游",
    "大数据",
    "新一代信息技术",
    "智能制造",
    "高端装备",
    "量子科技",
    "先进材料",
    "新能源汽车",
    "现代金融",
    "科技服务",
    "现代农业",
    "节能环保",
    "人工智能",
    "集成电路",
    "服务中心",
    "法律服务中心",
    "产业园",
    "产业园区",
    "示范区",
    "孵化器",
    "平台",
    "基地",
    "园区",
    "项目",
    "工程",
];

/// Headings whose items are how a plan is carried out, not what it does.
const PROCEDURAL_HEADINGS: &[&str] = &[
    "保障措施",
    "措施保障",
    "组织实施",
    "实施步骤",
    "实施机制",
    "实施保障",
    "保障规划实施",
    "组织领导",
];

/// Name prefixes that do not tell two things apart (the plan's own city or district).
const PLACE_PREFIXES: &[&str] = &["济南市", "济南", "青岛市", "青岛", "历下区", "山东省"];

/// A name without quotes or spaces.
fn plain(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '《' | '》'))
        .collect()
}

/// A name reduced for comparison: plain, and without a leading city name.
fn comparable(name: &str) -> String {
    let s = plain(name);
    for p in PLACE_PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            return rest.to_string();
        }
    }
    s
}

/// The same name but for the city, or one name holding the other and most of its length.
fn near_duplicates(a: &str, b: &str) -> bool {
    if comparable(a) == comparable(b) {
        return true;
    }
    let (a, b) = (plain(a), plain(b));
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let (s, l) = (short.chars().count(), long.chars().count());
    s >= 4 && long.contains(&short) && s * 5 >= l * 3
}

/// True when a qualitative target, without its dates and completion words, says nothing.
fn only_a_deadline(q: &str) -> bool {
    let mut s: String = q.chars().filter(|c| !c.is_whitespace()).collect();
    // Dates: digits followed by 年/月/日, then deadline words.
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i < chars.len() && matches!(chars[i], '年' | '月' | '日') {
                i += 1;
                continue;
            }
            out.extend(&chars[start..i]);
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    s = out;
    for w in [
        "年底", "年内", "以前", "之前", "底前", "前", "底", "确保", "力争", "全面", "全部", "基本",
        "完成", "，", "。", "、",
    ] {
        s = s.replace(w, "");
    }
    s.is_empty()
}

/// The headings from a document's root down to a section, by anchor.
fn heading_chain(doc: &Document, anchor: &str) -> Vec<String> {
    let by_index: &[Section] = &doc.sections;
    let mut chain = Vec::new();
    let mut cur = by_index.iter().position(|s| s.anchor == anchor);
    while let Some(i) = cur {
        let Some(s) = by_index.get(i) else { break };
        chain.push(format!("{}{}", s.number, s.title));
        cur = s.parent.map(|p| p as usize);
    }
    chain.reverse();
    chain
}

/// Runs every rule over the records. `documents` are whole documents (one part each).
pub fn audit(facts: &Facts, documents: &[Document]) -> Vec<Finding> {
    let mut out = Vec::new();
    generic_and_procedural(facts, documents, &mut out);
    near_duplicate_names(facts, &mut out);
    target_rules(facts, &mut out);
    missing_departments(facts, documents, &mut out);
    field_and_project(facts, &mut out);
    project_completions(facts, &mut out);
    retired_ids(facts, &mut out);
    for doc in documents {
        text_artefacts(doc, &mut out);
        glued_paragraphs(doc, &mut out);
    }
    spaced_names(facts, &mut out);
    out.sort();
    out
}

/// The words that name a zone by its place in a layout.
const LAYOUT_ZONES: &[&str] = &[
    "板块",
    "组团",
    "片区",
    "发展核",
    "核心区",
    "战略支点",
    "代管区",
    "风貌轴",
    "走廊",
];

fn generic_and_procedural(facts: &Facts, documents: &[Document], out: &mut Vec<Finding>) {
    for p in &facts.projects {
        if let Some(z) = LAYOUT_ZONES.iter().find(|z| p.name.ends_with(*z)) {
            out.push(Finding {
                rule: Rule::LayoutZone,
                records: vec![p.id.clone()],
                detail: format!("项目“{}”是空间布局中的{z}", p.name),
            });
        }
        let name = comparable(&p.name);
        if GENERIC_NAMES.contains(&name.as_str()) {
            out.push(Finding {
                rule: Rule::GenericName,
                records: vec![p.id.clone()],
                detail: format!("项目名称“{}”是泛称", p.name),
            });
        }
    }
    for f in &facts.fields {
        let Some(doc) = documents.iter().find(|d| d.id == f.doc) else {
            continue;
        };
        let chain = heading_chain(doc, &f.source.section);
        if let Some(h) = chain
            .iter()
            .find(|h| PROCEDURAL_HEADINGS.iter().any(|w| h.contains(w)))
        {
            out.push(Finding {
                rule: Rule::ProceduralField,
                records: vec![f.id.clone()],
                detail: format!("重点领域“{}”位于“{h}”之下", f.title),
            });
        }
    }
}

fn near_duplicate_names(facts: &Facts, out: &mut Vec<Finding>) {
    let mut names: BTreeMap<(&str, &str), Vec<(&str, &str)>> = BTreeMap::new();
    for p in &facts.projects {
        names
            .entry((&p.doc, "project"))
            .or_default()
            .push((&p.id, &p.name));
    }
    for f in &facts.fields {
        names
            .entry((&f.doc, "field"))
            .or_default()
            .push((&f.id, &f.title));
    }
    for t in &facts.targets {
        names
            .entry((&t.doc, "target"))
            .or_default()
            .push((&t.id, &t.indicator));
    }
    for list in names.values() {
        for (i, (a_id, a_name)) in list.iter().enumerate() {
            for (b_id, b_name) in list.iter().skip(i + 1) {
                if near_duplicates(a_name, b_name) {
                    let mut records = vec![a_id.to_string(), b_id.to_string()];
                    records.sort();
                    out.push(Finding {
                        rule: Rule::NearDuplicate,
                        records,
                        detail: format!("“{a_name}”与“{b_name}”"),
                    });
                }
            }
        }
    }
}

/// True when a target states a number: a baseline, a target or a growth rate.
fn has_value(t: &model::Target) -> bool {
    [&t.baseline, &t.target, &t.growth]
        .into_iter()
        .flatten()
        .any(|f| f.value.is_some())
}

fn target_rules(facts: &Facts, out: &mut Vec<Finding>) {
    for t in &facts.targets {
        if !has_value(t) && !t.qualitative.is_empty() && only_a_deadline(&t.qualitative) {
            out.push(Finding {
                rule: Rule::DeadlineOnly,
                records: vec![t.id.clone()],
                detail: format!("“{}”只写了期限：{}", t.indicator, t.qualitative),
            });
        }
        let bare = t
            .target
            .as_ref()
            .is_some_and(|f| f.value.is_some() && f.comparator.is_empty());
        if t.origin == model::Origin::Prose && bare {
            out.push(Finding {
                rule: Rule::BareProseValue,
                records: vec![t.id.clone()],
                detail: format!(
                    "“{}”的目标值没有“达到”“以上”之类的说法：{}",
                    t.indicator, t.source.quote
                ),
            });
        }
    }
}

/// True when a qualitative target is a project's name and completion words only.
fn completes_only(qualitative: &str, project: &str) -> bool {
    let (q, name) = (plain(qualitative), plain(project));
    name.chars().count() >= 4
        && q.contains(&name)
        && only_a_deadline(&q.replacen(&name, "", 1).replace("任务", ""))
}

/// The quoted name of a programme whose completion is all a text says (`完成“七五”普法任务`):
/// the programme is a project, its completion no target of its own.
pub(crate) fn completed_programme(qualitative: &str) -> Option<String> {
    let (_, rest) = qualitative.split_once('“')?;
    let (quoted, after) = rest.split_once('”')?;
    let before = qualitative.get(..qualitative.len() - rest.len() - '“'.len_utf8())?;
    let kind = after.trim().strip_suffix("任务")?;
    let done = only_a_deadline(before) && before.contains("完成") && kind.chars().count() <= 4;
    done.then(|| format!("“{quoted}”{kind}"))
}

fn project_completions(facts: &Facts, out: &mut Vec<Finding>) {
    for t in facts.targets.iter().filter(|t| !has_value(t)) {
        let projects = facts.projects.iter().filter(|p| p.doc == t.doc);
        let mut found = false;
        for p in projects.filter(|p| completes_only(&t.qualitative, &p.name)) {
            found = true;
            out.push(Finding {
                rule: Rule::ProjectCompletion,
                records: vec![p.id.clone(), t.id.clone()],
                detail: format!("目标“{}”只说项目“{}”要完成", t.qualitative, p.name),
            });
        }
        if let Some(name) = completed_programme(&t.qualitative).filter(|_| !found) {
            out.push(Finding {
                rule: Rule::ProjectCompletion,
                records: vec![t.id.clone()],
                detail: format!(
                    "目标“{}”只说有名称的{name}要完成：记为项目，把这条并入它",
                    t.qualitative
                ),
            });
        }
    }
}

/// The words that introduce a printed responsibility note.
const RESPONSIBILITY_NOTES: &[&str] = &["责任单位：", "责任部门：", "牵头单位：", "责任单位:"];

/// The paragraphs of a document with their section anchors, in reading order.
fn paragraphs_of(doc: &Document) -> impl Iterator<Item = (&Section, &model::Paragraph)> {
    doc.sections.iter().flat_map(|s| {
        s.blocks.iter().filter_map(move |b| match b {
            model::Block::Paragraph(p) => Some((s, p)),
            model::Block::Table(_) => None,
        })
    })
}

/// Whether the paragraph a record is read from (for a field, any paragraph of its item)
/// prints a responsibility note.
/// The responsibility note printed in a record's paragraphs (`责任单位：市商务局、…`), if any:
/// the units it names, up to the end of the note.
fn responsibility_note(doc: &Document, section: &str, block: Option<&str>) -> Option<String> {
    paragraphs_of(doc)
        .filter(|(s, p)| match block {
            Some(b) => p.anchor == b,
            None => s.anchor == section,
        })
        .find_map(|(_, p)| {
            RESPONSIBILITY_NOTES.iter().find_map(|n| {
                let (_, after) = p.text.split_once(n)?;
                let end = after.find(['）', ')', '；', '。']).unwrap_or(after.len());
                Some(format!("{n}{}", after.get(..end).unwrap_or(after)))
            })
        })
}

fn missing_departments(facts: &Facts, documents: &[Document], out: &mut Vec<Finding>) {
    let doc = |id: &str| documents.iter().find(|d| d.id == id);
    let fields = facts
        .fields
        .iter()
        .map(|f| (&f.id, &f.source, &f.departments, &f.title, None));
    let projects = facts
        .projects
        .iter()
        .map(|p| (&p.id, &p.source, &p.departments, &p.name, Some(())));
    for (id, source, departments, name, is_project) in fields.chain(projects) {
        let Some(d) = doc(&source.doc) else { continue };
        let block = is_project.map(|()| source.block.as_str());
        if !departments.is_empty() {
            continue;
        }
        if let Some(note) = responsibility_note(d, &source.section, block) {
            out.push(Finding {
                rule: Rule::MissingDepartments,
                records: vec![id.clone()],
                detail: format!(
                    "“{name}”的段落印有“{note}”，记录却没有：把这些单位照原文写进 departments"
                ),
            });
        }
    }
}

fn field_and_project(facts: &Facts, out: &mut Vec<Finding>) {
    for p in &facts.projects {
        for f in facts.fields.iter().filter(|f| f.doc == p.doc) {
            if near_duplicates(&p.name, &f.title) || comparable(&p.name) == comparable(&f.label) {
                let mut records = vec![p.id.clone(), f.id.clone()];
                records.sort();
                out.push(Finding {
                    rule: Rule::FieldAndProject,
                    records,
                    detail: format!(
                        "项目“{}”与重点领域“{}”是同一件事时只留一条：保留重点领域，把项目的引文写进它的 also、编号写进 merged",
                        p.name, f.title
                    ),
                });
            }
        }
    }
}

/// The ids missing from a numbering (`doc.p-1`, `doc.p-3` → `doc.p-2`): for each document
/// and id prefix (`p-`, `p-r`, `t-`, `f-` …) that has any, every number below the highest
/// that is not in `ids`.
pub fn id_gaps<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<Vec<String>> {
    let mut numbers: BTreeMap<(&str, &str), Vec<u32>> = BTreeMap::new();
    for id in ids {
        let Some((doc, local)) = id.split_once('.') else {
            continue;
        };
        let digits = local.trim_start_matches(|c: char| !c.is_ascii_digit());
        let prefix = local.get(..local.len() - digits.len()).unwrap_or(local);
        if let Ok(n) = digits.parse() {
            numbers.entry((doc, prefix)).or_default().push(n);
        }
    }
    let mut gaps = Vec::new();
    for ((doc, prefix), found) in numbers {
        let highest = found.iter().copied().max().unwrap_or(0);
        let missing: Vec<String> = (1..highest)
            .filter(|n| !found.contains(n))
            .map(|n| format!("{doc}.{prefix}{n}"))
            .collect();
        if !missing.is_empty() {
            gaps.push(missing);
        }
    }
    gaps
}

fn retired_ids(facts: &Facts, out: &mut Vec<Finding>) {
    let live = facts.fields.iter().map(|f| (&f.id, &f.merged));
    let live = live
        .chain(facts.projects.iter().map(|p| (&p.id, &p.merged)))
        .chain(facts.targets.iter().map(|t| (&t.id, &t.merged)));
    let ids = live.flat_map(|(id, merged)| std::iter::once(id).chain(merged));
    for mut records in id_gaps(ids.map(String::as_str)) {
        records.sort();
        out.push(Finding {
            rule: Rule::RetiredId,
            records,
            detail: "编号空缺：已发布的编号删去后，须由保留的记录在 merged 中收留（旧链接才能打开），或在 data/audit-allow.toml 写明理由".to_string(),
        });
    }
}

/// The text without the repair notes in it.
fn without_repair_notes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(REPAIR_NOTE.0) {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match after.find(REPAIR_NOTE.1) {
            Some(j) => rest = &after[j + REPAIR_NOTE.1.len()..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What in a piece of shipped text is markup or a word of another language: HTML or TeX
/// subscripts, a Markdown list or heading mark at the start, bold marks, a lowercase Latin
/// word (`and`; acronyms such as `GDP`, `APP`, `5G` are capitals and are printed so).
pub fn artefact_in(text: &str) -> Option<String> {
    let text = without_repair_notes(text);
    for m in [
        "<sub>", "</sub>", "<sup>", "</sup>", "_{", "^{", "**", "<br",
    ] {
        if text.contains(m) {
            return Some(format!("标记“{m}”"));
        }
    }
    let t = text.trim_start();
    if t.starts_with("- ") || t.starts_with("-（") || t.starts_with("# ") {
        return Some("行首的 Markdown 标记".into());
    }
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        if word.len() >= 2 && word.chars().all(|c| c.is_ascii_lowercase()) {
            return Some(format!("拉丁文单词“{word}”"));
        }
        word.clear();
    }
    None
}

fn text_artefacts(doc: &Document, out: &mut Vec<Finding>) {
    let mut flag = |anchor: &str, what: String| {
        out.push(Finding {
            rule: Rule::TextArtefact,
            records: vec![format!("{}#{anchor}", doc.id)],
            detail: what,
        });
    };
    for s in &doc.sections {
        if let Some(a) = artefact_in(&format!("{}{}", s.number, s.title)) {
            flag(&s.anchor, a);
        }
        for b in &s.blocks {
            match b {
                model::Block::Paragraph(p) => {
                    if let Some(a) = artefact_in(&p.text) {
                        flag(&p.anchor, a);
                    }
                }
                model::Block::Table(t) => {
                    let cells = std::iter::once(&t.caption)
                        .chain(&t.header)
                        .chain(t.rows.iter().flatten())
                        .chain(&t.notes);
                    if let Some(a) = cells.filter_map(|c| artefact_in(c)).next() {
                        flag(&t.anchor, a);
                    }
                }
            }
        }
    }
}

/// A record's name, summary or description that keeps a space the PDF put beside a Chinese
/// character (`工业 4.0 深度`): they are shown and searched without them (the quotes keep
/// the extraction's spacing; they are matched with spaces ignored).
fn spaced_names(facts: &Facts, out: &mut Vec<Finding>) {
    let names = facts
        .projects
        .iter()
        .flat_map(|p| [(&p.id, &p.name), (&p.id, &p.description)])
        .chain(
            facts
                .fields
                .iter()
                .flat_map(|f| [(&f.id, &f.title), (&f.id, &f.label), (&f.id, &f.summary)]),
        )
        .chain(
            facts
                .targets
                .iter()
                .flat_map(|t| [(&t.id, &t.indicator), (&t.id, &t.qualitative)]),
        );
    for (id, name) in names {
        if crate::normalize::collapse_spaces(name) != *name {
            out.push(Finding {
                rule: Rule::TextArtefact,
                records: vec![id.clone()],
                detail: format!("名称保留了 PDF 的空格：“{name}”"),
            });
        }
    }
}

/// 1 → 一, 13 → 十三, 21 → 二十一 (up to 99): how a regulation numbers its articles.
fn cn_number(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((n / 10) as usize, (n % 10) as usize);
    match tens {
        0 => D[ones].to_string(),
        1 => format!("十{}", D[ones]),
        _ => format!("{}十{}", D[tens % 10], D[ones]),
    }
}

/// The number of the article a paragraph starts with (`第十二条…` → 12).
fn article_number(text: &str) -> Option<u32> {
    let rest = text.strip_prefix('第')?;
    let end = rest.find('条')?;
    let numeral = &rest[..end];
    (1..100).find(|&n| cn_number(n) == numeral)
}

/// A salutation (`各区县人民政府，市政府有关部门（单位）：`, `各位代表：`) that is not the
/// whole paragraph: the title, number or byline before it was run into it.
fn glued_salutation(text: &str) -> bool {
    let Some(body) = text.strip_suffix('：') else {
        return false;
    };
    // The first 各 that opens an addressee list running to the colon.
    let Some((i, _)) = body.match_indices('各').find(|(i, _)| {
        let salutation = &body[*i..];
        ["政府", "部门", "单位", "单位）", "代表", "委员"]
            .iter()
            .any(|e| salutation.ends_with(e))
            && salutation.chars().count() <= 30
            && !salutation.contains(['。', '；', '：'])
    }) else {
        return false;
    };
    let before = &body[..i];
    !before.is_empty() && !before.ends_with(['。', '；', '：', '，', '！'])
}

/// A numbered list item taken for a heading: an arabic-numbered title that is a whole
/// sentence (a clause, then a full stop) with no text of its own under it.
fn sentence_heading(s: &Section) -> bool {
    s.number.starts_with(|c: char| c.is_ascii_digit())
        && s.title.ends_with('。')
        && s.title.contains('，')
        && s.blocks.is_empty()
}

fn glued_paragraphs(doc: &Document, out: &mut Vec<Finding>) {
    let mut flag = |anchor: &str, what: String| {
        out.push(Finding {
            rule: Rule::GluedParagraph,
            records: vec![format!("{}#{anchor}", doc.id)],
            detail: what,
        });
    };
    for (_, p) in paragraphs_of(doc) {
        if let Some(n) = article_number(&p.text) {
            let next = format!("第{}条", cn_number(n + 1));
            if p.text.contains(&next) {
                flag(&p.anchor, format!("{next}并入了第{}条", cn_number(n)));
            }
        }
        if glued_salutation(&p.text) {
            flag(&p.anchor, "称谓与前文连成一段".into());
        }
    }
    for s in doc.sections.iter().filter(|s| s.level > 0) {
        if sentence_heading(s) {
            flag(&s.anchor, format!("整句成了标题：{}", s.title));
        }
        let Some(m) = crate::outline::heading_number(&s.number) else {
            continue;
        };
        let next = sibling_number(m.number);
        for b in &s.blocks {
            if let model::Block::Paragraph(p) = b {
                if next.as_deref().is_some_and(|n| p.text.starts_with(n)) {
                    flag(
                        &p.anchor,
                        format!(
                            "下一项“{}”留在了“{}”之下",
                            p.text.chars().take(8).collect::<String>(),
                            s.number
                        ),
                    );
                }
            }
        }
    }
}

/// The number of the next sibling of an arabic-numbered heading (`2.` → `3.`).
fn sibling_number(number: &str) -> Option<String> {
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    let dot = number.get(digits.len()..)?;
    let n: u32 = digits.parse().ok()?;
    matches!(dot.trim(), "." | "．").then(|| format!("{}{}", n + 1, dot.trim()))
}

/// `data/audit-allow.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowList {
    #[serde(default)]
    pub allow: Vec<Spanned<Allow>>,
}

/// One reviewed, acknowledged finding.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    pub rule: Rule,
    pub records: Vec<String>,
    /// Why the finding is not a problem (one line).
    pub reason: String,
}

impl Allow {
    fn matches(&self, f: &Finding) -> bool {
        let mut mine = self.records.clone();
        mine.sort();
        self.rule == f.rule && mine == f.records
    }
}

/// The audit against the allow-list.
#[derive(Debug, Default)]
pub struct Review<'a> {
    /// Findings with the reason that acknowledges each, if any.
    pub findings: Vec<(&'a Finding, Option<&'a str>)>,
    /// Allow-list entries that match no finding any more, or lack a reason.
    pub stale: Vec<Diagnostic>,
}

impl Review<'_> {
    pub fn unacknowledged(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|(_, r)| r.is_none())
            .map(|(f, _)| *f)
    }
}

/// Parses the allow-list; errors carry the file's line.
pub fn parse_allow_list(file: &str, text: &str) -> Result<AllowList, Diagnostic> {
    toml::from_str(text).map_err(|e| Diagnostic {
        file: file.into(),
        line: crate::line_of(text, e.span().map_or(0, |s| s.start)),
        message: e.message().to_string(),
    })
}

/// Which findings the allow-list acknowledges, and which entries acknowledge nothing.
pub fn review<'a>(
    findings: &'a [Finding],
    allow: &'a AllowList,
    file: &str,
    text: &str,
) -> Review<'a> {
    let mut review = Review::default();
    for f in findings {
        let reason = allow
            .allow
            .iter()
            .find(|a| a.get_ref().matches(f))
            .map(|a| a.get_ref().reason.as_str());
        review.findings.push((f, reason));
    }
    for a in &allow.allow {
        let line = crate::line_of(text, a.span().start);
        let entry = a.get_ref();
        if !findings.iter().any(|f| entry.matches(f)) {
            review.stale.push(Diagnostic {
                file: file.into(),
                line,
                message: format!(
                    "{} {} 已不再出现，请删去这一条",
                    entry.rule.name(),
                    entry.records.join(" ")
                ),
            });
        }
        if entry.reason.trim().is_empty() || entry.reason.contains('\n') {
            review.stale.push(Diagnostic {
                file: file.into(),
                line,
                message: "reason 须是一行说明".into(),
            });
        }
    }
    review
}

#[cfg(test)]
mod tests;
