//! Pure text pipeline of the data-prep tool: from the verbatim source texts, the document
//! list and the curated facts (all passed in as strings and bytes) to the wire types the
//! app ships. Its one IO edge is [`load::load_inputs`], which reads a corpus directory
//! into [`Inputs`]; [`build`] is pure, deterministic and tested on fixtures, and writing the
//! files is the caller's job (`xtask`).

pub mod audit;
pub mod comparisons;
pub mod departments;
pub mod document;
pub mod draft;
pub mod facts;
pub mod load;
pub mod normalize;
pub mod outline;
pub mod parts;
pub mod repair;
pub mod results;
pub mod synth;
pub mod table;
pub mod themes;
pub mod verify;

use model::{
    Counts, Document, DocumentMeta, Facts, GazetteIssue, Index, Section, SourceRef, SCHEMA_VERSION,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A problem found in the inputs, named by file and line (0 when it is not about one line).
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// The 1-based line of a byte offset in a text (0 for an empty text).
pub fn line_of(text: &str, offset: usize) -> u32 {
    if text.is_empty() {
        return 0;
    }
    let end = text
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i <= offset)
        .last()
        .unwrap_or(0);
    text[..end].matches('\n').count() as u32 + 1
}

/// `data/documents.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub gazette: Option<GazetteSpec>,
    #[serde(rename = "document")]
    pub documents: Vec<DocumentSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteSpec {
    pub file: String,
    pub title: String,
    pub issue: String,
    pub serial: String,
    pub date: String,
    pub front_matter: [u32; 2],
    pub back_matter: [u32; 2],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    pub id: String,
    pub title: String,
    pub short_title: String,
    pub issuer: String,
    pub doc_number: String,
    pub date: String,
    pub region: String,
    pub kind: String,
    pub sources: Vec<SourceSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    pub file: String,
    pub lines: [u32; 2],
}

/// Everything the pipeline reads, already loaded.
pub struct Inputs {
    pub spec: String,
    /// Source file name → raw bytes.
    pub sources: BTreeMap<String, Vec<u8>>,
    /// `(label, text)` of each curated facts file, label like `xinjiu-dongneng/targets.toml`.
    pub facts: Vec<(String, String)>,
    /// `data/departments.toml`.
    pub departments: String,
    /// `data/comparisons.toml` (may be empty).
    pub comparisons: String,
    /// `data/results.toml`: the results the documents report and the targets they
    /// measure (may be empty).
    pub results: String,
    /// `data/themes.toml`: the taxonomy of resident themes and its keyword rules.
    pub themes: String,
    /// `data/theme-overrides.toml`: reviewed corrections of the rules, record by record.
    pub theme_overrides: String,
}

/// Everything the pipeline writes.
#[derive(Debug)]
pub struct Outputs {
    pub index: Index,
    /// Whole documents, one part each, for checks over the full text.
    pub documents: Vec<Document>,
    /// What ships: each document's part files, by file name under `doc/`.
    pub document_parts: Vec<(String, Document)>,
    pub facts: Facts,
    /// The prebuilt search index over the records and the shipped parts
    /// (`model::search_index`): its manifest, shards and common keys' files, and the text
    /// chunks.
    pub search: (
        model::search_index::Built,
        Vec<model::search_index::TextChunk>,
    ),
    /// Per document: what the repair removed, for the report and the conservation test.
    pub reports: BTreeMap<String, document::BuildReport>,
    /// Every record's themes and why (keyword or override), for the coverage report.
    pub themes: themes::Report,
    pub warnings: Vec<Diagnostic>,
}

/// Decodes a source file, refusing what is not a policy text in UTF-8.
pub fn decode_source(name: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32
            + 1;
        Diagnostic {
            file: name.into(),
            line,
            message: "不是 UTF-8 编码的文本".into(),
        }
    })?;
    if text.trim().is_empty() {
        return Err(Diagnostic {
            file: name.into(),
            line: 0,
            message: "文件为空".into(),
        });
    }
    let cjk = text.chars().filter(|&c| normalize::is_cjk(c)).count();
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    if cjk * 2 < visible {
        return Err(Diagnostic {
            file: name.into(),
            line: 0,
            message: format!("不像中文政策文本（中文字符仅占 {cjk}/{visible}）"),
        });
    }
    Ok(text.to_string())
}

/// The lines of one source span, numbered as in the source file.
pub fn span_lines<'a>(
    text: &'a str,
    file: &str,
    span: [u32; 2],
) -> Result<Vec<repair::Line<'a>>, Diagnostic> {
    let all: Vec<&str> = text.split('\n').collect();
    let [first, last] = span;
    if first == 0 || last < first || last as usize > all.len() {
        return Err(Diagnostic {
            file: file.into(),
            line: first,
            message: format!("行号范围 {first}-{last} 超出文件（共 {} 行）", all.len()),
        });
    }
    Ok(all[first as usize - 1..last as usize]
        .iter()
        .enumerate()
        .map(|(i, t)| repair::Line {
            number: first + i as u32,
            text: t.trim_end_matches('\r'),
        })
        .collect())
}

fn count(sections: &[Section]) -> (u32, u32, u32, u32) {
    let mut paragraphs = 0;
    let mut rows = 0;
    let mut chars = 0;
    for s in sections {
        chars += (s.number.chars().count() + s.title.chars().count()) as u32;
        for b in &s.blocks {
            match b {
                model::Block::Paragraph(p) => {
                    paragraphs += 1;
                    chars += p.text.chars().filter(|c| !c.is_whitespace()).count() as u32;
                }
                model::Block::Table(t) => {
                    rows += t.rows.len() as u32;
                    chars += t
                        .rows
                        .iter()
                        .flatten()
                        .map(|c| c.chars().count() as u32)
                        .sum::<u32>();
                }
            }
        }
    }
    (
        sections.len().saturating_sub(1) as u32,
        paragraphs,
        rows,
        chars,
    )
}

/// A TOML parse error as a diagnostic with the line it points at.
pub fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> Diagnostic {
    Diagnostic {
        file: file.into(),
        line: e.span().map_or(0, |s| line_of(text, s.start)),
        message: toml_message(e.message()),
    }
}

/// The TOML reader's message in the editor's words (the common ones; others as read).
pub fn toml_message(message: &str) -> String {
    let quoted = |m: &str| m.split('`').nth(1).unwrap_or_default().to_string();
    let expected = |m: &str| {
        m.split_once("expected").map_or(String::new(), |(_, e)| {
            e.trim().trim_start_matches("one of ").replace('`', "")
        })
    };
    if message.starts_with("missing field") {
        format!("缺少必填项 {}", quoted(message))
    } else if message.starts_with("unknown field") {
        format!(
            "没有 {} 这一项（可用：{}）",
            quoted(message),
            expected(message)
        )
    } else if message.starts_with("unknown variant") {
        format!(
            "“{}” 不是允许的取值（可用：{}）",
            quoted(message),
            expected(message)
        )
    } else if message.starts_with("invalid type") {
        format!("取值类型不对：{}", message.replace("invalid type: ", ""))
    } else if message.contains("duplicate key") {
        format!("同一项写了两次：{message}")
    } else {
        format!("TOML 格式有误：{message}")
    }
}

/// A target's page names the document that reports each of its results (its short title).
fn name_result_documents(targets: &mut [model::Target], metas: &[model::DocumentMeta]) {
    let titles: BTreeMap<&str, &str> = metas
        .iter()
        .map(|m| (m.id.as_str(), m.short_title.as_str()))
        .collect();
    let linked = targets.iter_mut().filter_map(|t| t.progress.as_mut());
    for l in linked.flat_map(|p| p.results.iter_mut()) {
        let title = titles.get(l.result.doc.as_str());
        l.doc_title = title.map(|t| t.to_string()).unwrap_or_default();
    }
}

/// Runs the whole pipeline. Errors are returned together so one run reports them all.
pub fn build(inputs: &Inputs) -> Result<Outputs, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let spec: Spec = toml::from_str(&inputs.spec)
        .map_err(|e| vec![toml_error("data/documents.toml", &inputs.spec, &e)])?;
    let departments: departments::DepartmentsFile = toml::from_str(&inputs.departments)
        .map_err(|e| vec![toml_error("data/departments.toml", &inputs.departments, &e)])?;

    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for (name, bytes) in &inputs.sources {
        match decode_source(name, bytes) {
            Ok(t) => {
                texts.insert(name.clone(), t);
            }
            Err(d) => errors.push(d),
        }
    }

    let mut built = Built::default();
    for d in &spec.documents {
        build_document(&spec, d, &texts, &mut built, &mut errors, &mut warnings);
    }

    // Curated facts, verified against the text they quote.
    let mut book = departments::DepartmentBook::new(&departments.department);
    let all_indexes: Vec<&facts::DocIndex> = built.indexes.values().collect();
    book.errors.extend(departments::check_definitions(
        &departments.department,
        &all_indexes,
    ));
    let records = parse_facts(inputs, &built.indexes, &mut errors);
    let mut all = verify_facts(&records, &built.indexes, &mut book, &mut errors);
    for message in book.errors.iter().cloned().chain(book.check_kinds()) {
        errors.push(Diagnostic {
            file: "data/departments.toml".into(),
            line: 0,
            message,
        });
    }
    all.departments = shipped_departments(book, &all.projects);
    all.comparisons = comparisons::verify(&inputs.comparisons, &all.targets, &mut errors);
    let regions: BTreeMap<String, String> = spec
        .documents
        .iter()
        .map(|d| (d.id.clone(), d.region.clone()))
        .collect();
    let library = results::Library {
        indexes: &built.indexes,
        regions: &regions,
    };
    all.results = results::verify(&inputs.results, &library, &mut all.targets, &mut errors);
    name_result_documents(&mut all.targets, &built.metas);
    let themes = assign_themes(inputs, &mut all, &mut errors);

    for meta in &mut built.metas {
        meta.counts.fields = all.fields.iter().filter(|f| f.doc == meta.id).count() as u32;
        meta.counts.projects = all.projects.iter().filter(|f| f.doc == meta.id).count() as u32;
        meta.counts.targets = all.targets.iter().filter(|f| f.doc == meta.id).count() as u32;
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let index = Index {
        schema_version: SCHEMA_VERSION,
        documents: built.metas,
    };
    let search = search_index(&index, &built.document_parts, &all);
    Ok(Outputs {
        index,
        documents: built.documents,
        document_parts: built.document_parts,
        facts: all,
        search,
        reports: built.reports,
        themes,
        warnings,
    })
}

/// The search index over exactly the entries the app's search sees: the records, then each
/// document's shipped parts in the order of the index.
fn search_index(
    index: &Index,
    parts: &[(String, Document)],
    facts: &Facts,
) -> (
    model::search_index::Built,
    Vec<model::search_index::TextChunk>,
) {
    use model::search_index as si;
    let by_file: BTreeMap<&str, &Document> = parts.iter().map(|(f, d)| (f.as_str(), d)).collect();
    let corpus = si::corpus(facts, index, |file| by_file.get(file).copied());
    let built = si::build(
        &corpus,
        si::SHARD_TARGET_BYTES,
        si::SPLIT_POSITIONS,
        si::COMMON_INTEGERS,
    );
    (built, si::text_chunks(&corpus))
}

/// Gives every record its themes (`themes::assign`); problems go to `errors`.
fn assign_themes(inputs: &Inputs, all: &mut Facts, errors: &mut Vec<Diagnostic>) -> themes::Report {
    let taxonomy = themes::parse_taxonomy(&inputs.themes);
    let overrides = themes::parse_overrides(&inputs.theme_overrides);
    let (taxonomy, overrides) = match (taxonomy, overrides) {
        (Ok(t), Ok(o)) => (t, o),
        (t, o) => {
            errors.extend(t.err().into_iter().chain(o.err()).flatten());
            return themes::Report::default();
        }
    };
    match themes::assign(all, &taxonomy, &overrides, &inputs.theme_overrides) {
        Ok(report) => report,
        Err(e) => {
            errors.extend(e);
            themes::Report::default()
        }
    }
}

/// The documents built so far.
#[derive(Default)]
struct Built {
    documents: Vec<Document>,
    document_parts: Vec<(String, Document)>,
    metas: Vec<DocumentMeta>,
    reports: BTreeMap<String, document::BuildReport>,
    indexes: BTreeMap<String, facts::DocIndex>,
}

/// Repairs, splits and indexes one document of the spec.
fn build_document(
    spec: &Spec,
    d: &DocumentSpec,
    texts: &BTreeMap<String, String>,
    built: &mut Built,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    let in_spec = |message: String| Diagnostic {
        file: "data/documents.toml".into(),
        line: 0,
        message,
    };
    if !model::is_safe_id(&d.id) {
        errors.push(in_spec(format!("文件编号无效：{}", d.id)));
        return;
    }
    let Some(primary) = d.sources.first() else {
        errors.push(in_spec(format!("{} 没有来源", d.id)));
        return;
    };
    let Some(text) = texts.get(&primary.file) else {
        errors.push(Diagnostic {
            file: primary.file.clone(),
            line: 0,
            message: format!("{} 的来源文件缺失或无法读取", d.id),
        });
        return;
    };
    let lines = match span_lines(text, &primary.file, primary.lines) {
        Ok(l) => l,
        Err(e) => {
            errors.push(e);
            return;
        }
    };
    let (sections, report) = document::build(&primary.file, &lines, warnings);
    compare_printings(d, texts, &sections, errors, warnings);
    let (n_sections, paragraphs, table_rows, chars) = count(&sections);
    let whole = Document {
        schema_version: SCHEMA_VERSION,
        id: d.id.clone(),
        part: 0,
        first_section: 0,
        outline: Vec::new(),
        sections,
    };
    let (spans, files) = parts::split(&whole, parts::MAX_PART_CHARS);
    for (span, file) in spans.iter().zip(files) {
        built.document_parts.push((span.file.clone(), file));
    }
    let counts = Counts {
        sections: n_sections,
        paragraphs,
        table_rows,
        chars,
        ..Counts::default()
    };
    built.metas.push(meta_of(spec, d, counts, spans));
    built
        .indexes
        .insert(d.id.clone(), facts::DocIndex::new(&whole.sections));
    built.reports.insert(d.id.clone(), report);
    built.documents.push(whole);
}

/// A second printing of the same document must say the same thing: a warning at the first
/// difference of each other source from `sections`.
fn compare_printings(
    d: &DocumentSpec,
    texts: &BTreeMap<String, String>,
    sections: &[Section],
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    for other in d.sources.iter().skip(1) {
        if let Some(other_text) = texts.get(&other.file) {
            match span_lines(other_text, &other.file, other.lines) {
                Ok(other_lines) => {
                    let (other_sections, _) = document::build(&other.file, &other_lines, warnings);
                    if let Some(diff) = first_difference(sections, &other_sections) {
                        warnings.push(Diagnostic {
                            file: other.file.clone(),
                            line: other.lines[0],
                            message: format!("{} 的两个来源文字不一致：{diff}", d.id),
                        });
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }
}

/// A document's metadata: the spec's, its sources, its gazette issue when printed in one,
/// its counts and parts.
fn meta_of(
    spec: &Spec,
    d: &DocumentSpec,
    counts: Counts,
    spans: Vec<model::PartSpan>,
) -> DocumentMeta {
    let gazette = spec
        .gazette
        .as_ref()
        .filter(|g| d.sources.iter().any(|s| s.file == g.file))
        .map(|g| GazetteIssue {
            title: g.title.clone(),
            issue: g.issue.clone(),
            serial: g.serial.clone(),
            date: g.date.clone(),
        });
    DocumentMeta {
        id: d.id.clone(),
        title: d.title.clone(),
        short_title: d.short_title.clone(),
        issuer: d.issuer.clone(),
        doc_number: d.doc_number.clone(),
        date: d.date.clone(),
        region: d.region.clone(),
        kind: d.kind.clone(),
        sources: d
            .sources
            .iter()
            .map(|s| SourceRef {
                file: s.file.clone(),
                first_line: s.lines[0],
                last_line: s.lines[1],
            })
            .collect(),
        gazette,
        counts,
        parts: spans,
    }
}

/// Parses every curated facts file, gathering each document's records from all its files
/// (so cross-references between them resolve), each with the line it starts on.
fn parse_facts(
    inputs: &Inputs,
    indexes: &BTreeMap<String, facts::DocIndex>,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, verify::DocumentRecords> {
    let mut by_doc: BTreeMap<String, verify::DocumentRecords> = BTreeMap::new();
    for (label, text) in &inputs.facts {
        // A draft (`cargo xtask draft`) waits for the editor: only accepted records count.
        if draft::is_draft(label) {
            continue;
        }
        let file = format!("data/facts/{label}");
        let doc = label.split('/').next().unwrap_or_default().to_string();
        if !indexes.contains_key(&doc) {
            errors.push(Diagnostic {
                file,
                line: 0,
                message: format!("没有编号为 {doc} 的文件"),
            });
            continue;
        }
        match toml::from_str::<facts::CuratedFile>(text) {
            Ok(curated) => by_doc.entry(doc).or_default().add(&file, text, curated),
            Err(e) => errors.push(toml_error(&file, text, &e)),
        }
    }
    by_doc
}

/// Verifies every document's records; global ids must be unique across documents.
fn verify_facts(
    records: &BTreeMap<String, verify::DocumentRecords>,
    indexes: &BTreeMap<String, facts::DocIndex>,
    book: &mut departments::DepartmentBook,
    errors: &mut Vec<Diagnostic>,
) -> Facts {
    let mut all = Facts {
        schema_version: SCHEMA_VERSION,
        ..Facts::default()
    };
    for (doc, records) in records {
        let Some(index) = indexes.get(doc) else {
            continue;
        };
        let verified = verify::verify_document(doc, records, index, book, errors);
        all.fields.extend(verified.fields);
        all.projects.extend(verified.projects);
        all.targets.extend(verified.targets);
        all.lists.extend(verified.lists);
    }
    let mut seen = std::collections::HashSet::new();
    for id in all
        .fields
        .iter()
        .map(|f| &f.id)
        .chain(all.projects.iter().map(|p| &p.id))
        .chain(all.targets.iter().map(|t| &t.id))
    {
        if !seen.insert(id.clone()) {
            errors.push(Diagnostic {
                file: "data/facts".into(),
                line: 0,
                message: format!("记录编号重复：{id}"),
            });
        }
    }
    all
}

/// The departments that have records, most records first; targets linked from a project
/// share its departments.
fn shipped_departments(
    mut book: departments::DepartmentBook,
    projects: &[model::Project],
) -> Vec<model::Department> {
    for p in projects {
        for t in &p.targets {
            for d in &p.departments {
                if let Some(dep) = book.departments.get_mut(d) {
                    if !dep.targets.contains(t) {
                        dep.targets.push(t.clone());
                    }
                }
            }
        }
    }
    let mut out: Vec<model::Department> = book
        .departments
        .into_values()
        .filter(|d| !(d.fields.is_empty() && d.projects.is_empty() && d.targets.is_empty()))
        .collect();
    out.sort_by(|a, b| {
        (b.fields.len() + b.projects.len())
            .cmp(&(a.fields.len() + a.projects.len()))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// The squeezed text of a document, in reading order: what conservation and comparisons use.
pub fn squeezed_text(sections: &[Section]) -> String {
    let mut out = String::new();
    for s in sections {
        out.push_str(&s.number);
        out.push_str(&s.title);
        for b in &s.blocks {
            match b {
                model::Block::Paragraph(p) => out.push_str(&p.text),
                model::Block::Table(t) => {
                    // A 专栏 caption is already the section heading.
                    if normalize::squeeze(&t.caption)
                        != normalize::squeeze(&format!("{}{}", s.number, s.title))
                    {
                        out.push_str(&t.caption);
                    }
                    out.push_str(&t.header.concat());
                    for r in &t.rows {
                        out.push_str(&r.concat());
                    }
                    out.push_str(&t.notes.concat());
                }
            }
        }
    }
    normalize::squeeze(&out)
}

/// Where two printings of a document first differ, from the first numbered heading on
/// (the gazette sets the title block differently).
fn first_difference(a: &[Section], b: &[Section]) -> Option<String> {
    let body = |s: &[Section]| {
        let first = s
            .iter()
            .position(|x| !x.number.is_empty())
            .unwrap_or(s.len());
        squeezed_text(s.get(first..).unwrap_or_default())
    };
    let (a, b) = (body(a), body(b));
    if a == b {
        return None;
    }
    let pos = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let snippet = |s: &str| {
        s.chars()
            .skip(pos.saturating_sub(10))
            .take(30)
            .collect::<String>()
    };
    Some(format!(
        "第 {pos} 字起：“{}” / “{}”",
        snippet(&a),
        snippet(&b)
    ))
}
