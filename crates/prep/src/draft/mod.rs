//! Draft facts of a document from its text alone (`cargo xtask draft`): targets from the
//! indicator tables and the prose, key fields from the numbered headings of substantive
//! chapters, projects from 专栏 boxes and named things, departments from responsibility
//! notes, themes from the theme rules. Never reads the curated facts; every record it
//! writes is checked by the same verifier as curated ones (`verify`).

pub mod accept;
pub mod departments;
pub mod fields;
pub mod outline;
pub mod projects;
pub mod prose;
pub mod score;
pub mod tables;

use crate::departments::{DepartmentBook, DepartmentsFile};
use crate::facts::{CuratedField, CuratedFile, CuratedProject, CuratedTarget, DocIndex};
use crate::themes::{match_rules, RecordText, Rules};
use crate::verify::{verify_document, DocumentRecords, Verified};
use crate::{Diagnostic, Spec};
use model::Section;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The file a draft is written to beside the curated facts; the build never reads it.
pub const DRAFT_FILE: &str = "draft.toml";

/// True for a facts file label (`<doc>/<file>.toml`) that is a draft, not curated facts.
pub fn is_draft(label: &str) -> bool {
    label.rsplit(['/', '\\']).next() == Some(DRAFT_FILE)
}

/// The records of a draft, in the curated schema (`data/facts/README.md`).
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftFile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field: Vec<CuratedField>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub project: Vec<CuratedProject>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<CuratedTarget>,
}

/// A drafted document: its records and the themes the rules propose for each (by local id).
#[derive(Debug, Default)]
pub struct Draft {
    pub doc: String,
    pub file: DraftFile,
    pub themes: BTreeMap<String, Vec<String>>,
}

/// Drafts every kind of record of one document from its sections; `departments` resolves
/// the other names of a body, so that a record names each body once.
pub fn draft(
    doc: &str,
    sections: &[Section],
    rules: &[Rules],
    departments: &DepartmentsFile,
) -> Draft {
    let outline = outline::Outline::new(sections);
    let mut file = DraftFile {
        target: tables::targets(&outline),
        ..DraftFile::default()
    };
    let prose = prose::targets(&outline, &file.target);
    prose::merge_restatements(&mut file.target, prose);
    file.field = fields::fields(&outline);
    file.project = projects::projects(&outline);
    departments::once_each(&mut file, &departments.department);
    number(&mut file);
    let themes = propose_themes(doc, &file, rules);
    Draft {
        doc: doc.to_string(),
        file,
        themes,
    }
}

/// Gives the records their local ids, in the curated style (`f-1`, `p-1`, `t-1`).
fn number(file: &mut DraftFile) {
    for (i, f) in file.field.iter_mut().enumerate() {
        f.id = format!("f-{}", i + 1);
    }
    for (i, p) in file.project.iter_mut().enumerate() {
        p.id = format!("p-{}", i + 1);
    }
    for (i, t) in file.target.iter_mut().enumerate() {
        t.id = format!("t-{}", i + 1);
    }
}

/// The themes the existing rules give each drafted record (the same texts `themes::assign`
/// matches: a record's own words, its group, its quote).
fn propose_themes(doc: &str, file: &DraftFile, rules: &[Rules]) -> BTreeMap<String, Vec<String>> {
    let text = |own: String, group: &str, text: String| RecordText {
        doc: doc.to_string(),
        own,
        group: group.to_string(),
        text,
    };
    let mut out = BTreeMap::new();
    let mut add = |id: &str, record: RecordText| {
        let themes = match_rules(rules, &record).into_iter().map(|(t, _)| t);
        out.insert(id.to_string(), themes.collect());
    };
    for f in &file.field {
        let own = format!("{} {}", f.title, f.label);
        add(&f.id, text(own, "", format!("{} {}", f.quote, f.summary)));
    }
    for p in &file.project {
        let quote = format!("{} {}", p.quote, p.description);
        add(&p.id, text(p.name.clone(), &p.domain, quote));
    }
    for t in &file.target {
        let quote = format!("{} {}", t.quote, t.qualitative);
        add(&t.id, text(t.indicator.clone(), &t.category, quote));
    }
    out
}

/// The draft as TOML in the curated schema, each record preceded by the themes proposed
/// for it (a comment: the build assigns themes by the same rules).
pub fn to_toml(draft: &Draft) -> Result<String, String> {
    let body = toml::to_string(&draft.file).map_err(|e| e.to_string())?;
    let mut out = format!(
        "# {} 的记录草稿：由 cargo xtask draft 从原文生成，尚未经编辑审核。\n\
         # 构建不读取本文件。逐条审核：接受的记录移入同目录的正式文件（如 facts.toml），\n\
         # 改正有误之处，删去不应收录的记录；详见 docs/编辑指南.md。\n\n",
        draft.doc
    );
    for line in body.lines() {
        if ["[[field]]", "[[project]]", "[[target]]"].contains(&line) && !out.ends_with("\n\n") {
            out.push('\n');
        }
        if let Some(id) = line
            .strip_prefix("id = \"")
            .and_then(|r| r.strip_suffix('"'))
        {
            let themes = draft.themes.get(id).cloned().unwrap_or_default();
            let said = if themes.is_empty() {
                "（规则未给出主题：接受前须加关键词或覆盖）".to_string()
            } else {
                themes.join("、")
            };
            out.push_str(&format!("{line}\n# 主题（规则建议）：{said}\n"));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(inline_figures(&out))
}

/// Writes the `[target.baseline]`-style sub-tables the serializer emits as the inline
/// tables of the curated files (`baseline = { year = 2020, value = 4.5, text = "4.5" }`).
fn inline_figures(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let sub = line
            .strip_prefix("[target.")
            .or_else(|| line.strip_prefix("[field."))
            .or_else(|| line.strip_prefix("[project."))
            .and_then(|r| r.strip_suffix(']'));
        let Some(key) = sub else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let mut pairs = Vec::new();
        while let Some(next) = lines.peek() {
            if next.trim().is_empty() || next.starts_with('[') || next.starts_with('#') {
                break;
            }
            pairs.push(next.trim().to_string());
            lines.next();
        }
        // The sub-table closes its record's plain keys: move it above the blank line.
        while out.ends_with("\n\n") {
            out.pop();
        }
        out.push_str(&format!("{key} = {{ {} }}\n", pairs.join(", ")));
    }
    out
}

/// The sections of one document of `data/documents.toml`, built as the data build builds
/// them (repaired text, outline, tables, 专栏 boxes).
pub fn document_sections(
    spec: &str,
    sources: &BTreeMap<String, Vec<u8>>,
    doc: &str,
) -> Result<Vec<Section>, Vec<Diagnostic>> {
    let spec: Spec = toml::from_str(spec).map_err(|e| {
        vec![Diagnostic {
            file: "data/documents.toml".into(),
            line: 0,
            message: e.message().to_string(),
        }]
    })?;
    let missing = |file: &str, message: String| {
        vec![Diagnostic {
            file: file.into(),
            line: 0,
            message,
        }]
    };
    let d = spec
        .documents
        .iter()
        .find(|d| d.id == doc)
        .ok_or_else(|| missing("data/documents.toml", format!("没有编号为 {doc} 的文件")))?;
    let source = d
        .sources
        .first()
        .ok_or_else(|| missing("data/documents.toml", format!("{doc} 没有来源")))?;
    let bytes = sources
        .get(&source.file)
        .ok_or_else(|| missing(&source.file, format!("{doc} 的来源文件缺失")))?;
    let text = crate::decode_source(&source.file, bytes).map_err(|e| vec![e])?;
    let lines = crate::span_lines(&text, &source.file, source.lines).map_err(|e| vec![e])?;
    let mut warnings = Vec::new();
    Ok(crate::document::build(&source.file, &lines, &mut warnings).0)
}

/// Runs the curated verifier over a draft's TOML, as the build would over a facts file.
pub fn verify_draft(
    doc: &str,
    label: &str,
    text: &str,
    sections: &[Section],
    departments: &DepartmentsFile,
) -> (Verified, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let file: CuratedFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            diagnostics.push(crate::toml_error(label, text, &e));
            return (Verified::default(), diagnostics);
        }
    };
    let mut records = DocumentRecords::default();
    records.add(label, text, file);
    let index = DocIndex::new(sections);
    let mut book = DepartmentBook::new(&departments.department);
    let verified = verify_document(doc, &records, &index, &mut book, &mut diagnostics);
    (verified, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Block, Paragraph};

    fn sections() -> Vec<Section> {
        vec![Section {
            anchor: "s-0".into(),
            level: 0,
            parent: None,
            number: String::new(),
            title: String::new(),
            blocks: vec![Block::Paragraph(Paragraph {
                anchor: "p-1".into(),
                text: "到2025年，商务服务业总规模突破200亿元。".into(),
                emphasis: Vec::new(),
            })],
        }]
    }

    /// The first problem the verifier finds in a draft: its line and message.
    fn check(toml: &str, expected: Option<(u32, &str)>) {
        let (_, problems) = verify_draft(
            "d",
            "data/facts/d/draft.toml",
            toml,
            &sections(),
            &DepartmentsFile::default(),
        );
        let got = problems.first().map(|p| (p.line, p.message.clone()));
        match (got, expected) {
            (None, None) => {}
            (Some((line, message)), Some((l, m))) => {
                assert_eq!(line, l, "{message}");
                assert!(message.contains(m), "{message}");
                assert_eq!(
                    problems.first().map(|p| p.file.as_str()),
                    Some("data/facts/d/draft.toml")
                );
            }
            (got, expected) => panic!("{got:?} ≠ {expected:?}"),
        }
    }

    #[test]
    fn the_verifier_speaks_chinese_with_file_and_line() {
        let good = "[[target]]\nid = \"t-1\"\nindicator = \"商务服务业总规模\"\norigin = \"prose\"\n\
                    target = { year = 2025, value = 200.0, comparator = \"突破\", text = \"200\" }\n\
                    quote = \"到2025年，商务服务业总规模突破200亿元\"\n";
        check(good, None);
        check(&good.replace("200.0", "300.0"), Some((1, "与原文数字")));
        check(
            &good.replace("突破200亿元\"", "突破300亿元\""),
            Some((1, "引文不在原文中")),
        );
        check(
            &format!("\n\n{}", good.replace("quote = ", "quot = ")),
            Some((8, "没有 quot 这一项")),
        );
        check(
            &good.replace("quote = \"到2025年，商务服务业总规模突破200亿元\"\n", ""),
            Some((1, "缺少必填项 quote")),
        );
        check(
            &good.replace("\"prose\"", "\"text\""),
            Some((4, "不是允许的取值")),
        );
    }

    #[test]
    fn a_draft_is_known_by_its_file_name() {
        assert!(is_draft("lixia-shisiwu/draft.toml"));
        assert!(!is_draft("lixia-shisiwu/targets.toml"));
        assert!(!is_draft("draft.toml/facts.toml"));
    }

    #[test]
    fn a_draft_is_written_as_the_curated_files_are_and_reads_back_the_same() {
        let target = CuratedTarget {
            id: "t-1".into(),
            indicator: "地区生产总值增速".into(),
            unit: "%".into(),
            category: "经济发展".into(),
            attribute: Some(model::Attribute::Expected),
            origin: model::Origin::Table,
            cumulative: false,
            baseline: Some(crate::facts::CuratedFigure {
                year: Some(2020),
                value: Some(4.5),
                comparator: String::new(),
                text: "4.5".into(),
                note: String::new(),
            }),
            target: None,
            growth: None,
            qualitative: String::new(),
            quote: "1 地区生产总值增速（亿元） 4.5 — 7 预期性".into(),
            shared_quote: String::new(),
            unit_misprint: Some(crate::facts::CuratedMisprint {
                printed: "亿元".into(),
                note: "原文单位印作“亿元”".into(),
            }),
            also: Vec::new(),
            merged: Vec::new(),
        };
        let draft = Draft {
            doc: "d".into(),
            file: DraftFile {
                target: vec![target],
                ..DraftFile::default()
            },
            themes: BTreeMap::from([("t-1".to_string(), vec!["economy".to_string()])]),
        };
        let text = to_toml(&draft).unwrap_or_default();
        for line in [
            "[[target]]",
            "id = \"t-1\"",
            "# 主题（规则建议）：economy",
            "baseline = { year = 2020, value = 4.5, text = \"4.5\" }",
            "unit_misprint = { printed = \"亿元\", note = \"原文单位印作“亿元”\" }",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} not in:\n{text}");
        }
        let back: DraftFile = toml::from_str(&text).unwrap_or_default();
        assert_eq!(back, draft.file);
    }
}
