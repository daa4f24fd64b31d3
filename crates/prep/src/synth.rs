//! Synthetic corpora for the scale benchmark: the real documents repeated under new ids with
//! their sections shuffled, and their curated facts copied, so that a corpus of any size has
//! the text statistics of the real one and passes the same verification.
//!
//! Design:
//! - Document `i` of `n` is a copy of real document `i % 11` (in the order of the spec),
//!   copy number `i / 11`, id `<real id>-s<copy:04>` ([`copy_id`]); titles and metadata
//!   are kept.
//! - Each copy gets a source file of its own (`<id>.txt`) holding the lines of the real
//!   document's primary source span with one group of sibling sections moved whole: the
//!   shallowest level that has at least [`MIN_CHUNKS`] headings under one parent (chapters
//!   of a plan, `一、` of an opinion), shuffled by a generator seeded with `n`, the copy
//!   number and the document. The text before the first of them and after the last one's
//!   subtree stays in place. Whole sections keep every paragraph and table together with
//!   the headings above it, so every quote still occurs and a year taken from a heading
//!   still comes from the same heading.
//! - A shuffle is kept only when the copy parses into the same blocks under the same
//!   heading chains as the real document (the outline's levels depend on the order in which
//!   numbering styles first appear); otherwise another seed is tried, and after
//!   [`ATTEMPTS`] the copy keeps the real order ([`Synthesized::unshuffled`] counts them).
//! - Curated facts are copied file by file into the copy's folder. Their ids are local to
//!   the document (global ids are `<document id>.<local id>`), so they need no rewriting.
//! - Left out: the gazette (its documents become standalone documents, so `index.json`
//!   carries no gazette issue) and second printings (a document is read from its primary
//!   source only). `departments.toml` is copied as is.

use crate::{decode_source, document, span_lines, toml_error, Diagnostic, Inputs, Spec};
use serde::Serialize;
use std::collections::BTreeMap;

/// Fewest sibling sections worth shuffling.
pub const MIN_CHUNKS: usize = 3;

/// Seeds tried per copy before it keeps the real order.
pub const ATTEMPTS: u64 = 8;

/// A synthetic corpus, ready to be written out like `data/`.
pub struct Synthesized {
    /// The corpus: `spec` is the text of `documents.toml`; sources by file name; facts by
    /// label `<id>/<file>.toml`.
    pub inputs: Inputs,
    /// Copies that keep the real section order (no shuffle parsed the same).
    pub unshuffled: Vec<String>,
    /// Per real document: how many sibling sections its copies shuffle (0: none).
    pub moved: Vec<(String, usize)>,
}

/// The id of copy `copy` of the real document `id`.
pub fn copy_id(id: &str, copy: usize) -> String {
    format!("{id}-s{copy:04}")
}

/// A real document cut where its sections may be moved: lines before the group, the group's
/// sections (each from its heading to the next sibling), lines after the group.
struct Template<'a> {
    id: &'a str,
    head: Vec<&'a str>,
    chunks: Vec<Vec<&'a str>>,
    tail: Vec<&'a str>,
    /// What any copy must parse into.
    shape: Vec<(Vec<String>, String)>,
}

/// Every block of a document with the chain of headings above it, sorted: equal for two
/// documents exactly when they hold the same blocks under the same headings.
fn shape(sections: &[model::Section]) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        let mut chain = Vec::new();
        let mut cur = Some(i);
        while let Some(c) = cur {
            let Some(sec) = sections.get(c) else { break };
            // A section without a heading continues its parent: it adds nothing to the chain.
            if sec.level > 0 || c == 0 {
                chain.push(format!("{}{}", sec.number, sec.title));
            }
            cur = sec.parent.map(|p| p as usize);
        }
        chain.reverse();
        for b in &s.blocks {
            let text = match b {
                model::Block::Paragraph(p) => p.text.clone(),
                model::Block::Table(t) => {
                    format!("{}{:?}{:?}{:?}", t.caption, t.header, t.rows, t.notes)
                }
            };
            out.push((chain.clone(), text));
        }
    }
    out.sort();
    out
}

/// The group of sibling headings to shuffle: indices into `headings`, and the line where
/// the last one's subtree ends (exclusive; `None` for the end of the span).
fn sibling_group(headings: &[(u8, u32)]) -> Option<(Vec<usize>, Option<u32>)> {
    // The parent of each heading: the nearest heading before it with a lower level.
    let parent: Vec<Option<usize>> = headings
        .iter()
        .enumerate()
        .map(|(i, &(level, _))| (0..i).rev().find(|&j| headings[j].0 < level))
        .collect();
    let max_level = headings.iter().map(|h| h.0).max().unwrap_or(0);
    for level in 1..=max_level {
        let mut groups: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
        for (i, h) in headings.iter().enumerate() {
            if h.0 == level {
                groups.entry(parent[i]).or_default().push(i);
            }
        }
        let best = groups.into_values().max_by_key(|g| g.len());
        if let Some(group) = best.filter(|g| g.len() >= MIN_CHUNKS) {
            let last = group.last().copied().unwrap_or(0);
            let end = headings[last + 1..]
                .iter()
                .find(|h| h.0 <= level)
                .map(|h| h.1);
            return Some((group, end));
        }
    }
    None
}

fn template<'a>(
    id: &'a str,
    file: &str,
    text: &'a str,
    span: [u32; 2],
) -> Result<Template<'a>, Diagnostic> {
    let lines = span_lines(text, file, span)?;
    let mut ignored = Vec::new();
    let (sections, report) = document::build(file, &lines, &mut ignored);
    let all: Vec<&'a str> = text
        .split('\n')
        .skip(span[0] as usize - 1)
        .take((span[1] - span[0] + 1) as usize)
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    // Source line number → index into `all`.
    let at = |line: u32| (line.saturating_sub(span[0]) as usize).min(all.len());
    let (head, chunks, tail) = match sibling_group(&report.headings) {
        Some((group, end)) => {
            let starts: Vec<usize> = group.iter().map(|&i| at(report.headings[i].1)).collect();
            let end = end.map_or(all.len(), at);
            let mut chunks = Vec::new();
            for (k, &s) in starts.iter().enumerate() {
                let e = starts.get(k + 1).copied().unwrap_or(end);
                chunks.push(all[s..e].to_vec());
            }
            let first = starts.first().copied().unwrap_or(0);
            (all[..first].to_vec(), chunks, all[end..].to_vec())
        }
        None => (all.clone(), Vec::new(), Vec::new()),
    };
    Ok(Template {
        id,
        head,
        chunks,
        tail,
        shape: shape(&sections),
    })
}

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The text of one copy: the template's lines with its sections in shuffled order, one
/// source line per line, ending with a newline.
fn copy_text(t: &Template, order: &[usize]) -> String {
    let mut out = String::new();
    let chunks = order.iter().filter_map(|&k| t.chunks.get(k));
    for line in t.head.iter().chain(chunks.flatten()).chain(t.tail.iter()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Whether a copy's text parses into the template's blocks under the same headings.
fn same_shape(t: &Template, file: &str, text: &str) -> bool {
    let lines = text.split('\n').count().saturating_sub(1) as u32;
    let Ok(span) = span_lines(text, file, [1, lines.max(1)]) else {
        return false;
    };
    let mut ignored = Vec::new();
    let (sections, _) = document::build(file, &span, &mut ignored);
    shape(&sections) == t.shape
}

#[derive(Serialize)]
struct SpecOut<'a> {
    document: Vec<DocOut<'a>>,
}

#[derive(Serialize)]
struct DocOut<'a> {
    id: String,
    title: &'a str,
    short_title: &'a str,
    issuer: &'a str,
    doc_number: &'a str,
    date: &'a str,
    region: &'a str,
    kind: &'a str,
    sources: Vec<SourceOut>,
}

#[derive(Serialize)]
struct SourceOut {
    file: String,
    lines: [u32; 2],
}

/// A corpus of `docs` documents made from the real inputs (see the module documentation).
pub fn synthesize(inputs: &Inputs, docs: usize) -> Result<Synthesized, Vec<Diagnostic>> {
    let spec: Spec = toml::from_str(&inputs.spec)
        .map_err(|e| vec![toml_error("data/documents.toml", &inputs.spec, &e)])?;
    if spec.documents.is_empty() || docs == 0 {
        return Err(vec![Diagnostic {
            file: "data/documents.toml".into(),
            line: 0,
            message: "没有可复制的文件".into(),
        }]);
    }
    let (texts, mut errors) = decoded(inputs);
    let templates = templates(&spec, &texts, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut sources = BTreeMap::new();
    let mut facts = Vec::new();
    let mut out = SpecOut {
        document: Vec::new(),
    };
    let mut unshuffled = Vec::new();
    let moved = templates
        .iter()
        .map(|(d, t)| (d.id.clone(), t.chunks.len()))
        .collect();
    for i in 0..docs {
        let (j, copy) = (i % templates.len(), i / templates.len());
        let Some((d, t)) = templates.get(j) else {
            continue;
        };
        let id = copy_id(t.id, copy);
        let file = format!("{id}.txt");
        let seed = ((docs as u64) << 40) ^ ((copy as u64) << 16) ^ ((j as u64) << 8);
        let text = shuffled(t, &file, seed).unwrap_or_else(|| {
            if t.chunks.len() >= MIN_CHUNKS {
                unshuffled.push(id.clone());
            }
            copy_text(t, &(0..t.chunks.len()).collect::<Vec<usize>>())
        });
        let lines = text.split('\n').count().saturating_sub(1) as u32;
        out.document
            .push(doc_out(d, id.clone(), file.clone(), lines));
        sources.insert(file, text.into_bytes());
        let prefix = format!("{}/", t.id);
        for (label, body) in &inputs.facts {
            if let Some(rest) = label.strip_prefix(&prefix) {
                facts.push((format!("{id}/{rest}"), body.clone()));
            }
        }
    }
    let real_ids: Vec<&str> = templates.iter().map(|(_, t)| t.id).collect();
    let (theme_overrides, themes, comparisons) = renamed(inputs, &real_ids, docs);
    let spec = toml::to_string(&out).map_err(|e| {
        vec![Diagnostic {
            file: "documents.toml".into(),
            line: 0,
            message: e.to_string(),
        }]
    })?;
    Ok(Synthesized {
        inputs: Inputs {
            spec: format!(
                "# A synthetic corpus of {docs} documents made by `cargo xtask synth` from data/.\n\n{spec}"
            ),
            sources,
            facts,
            departments: inputs.departments.clone(),
            comparisons,
            // The results name the real documents' records; a synthetic corpus has none.
            results: String::new(),
            themes,
            theme_overrides,
        },
        unshuffled,
        moved,
    })
}

/// The source texts by file name, and a diagnostic for each that does not decode.
fn decoded(inputs: &Inputs) -> (BTreeMap<&str, String>, Vec<Diagnostic>) {
    let mut texts: BTreeMap<&str, String> = BTreeMap::new();
    let mut errors = Vec::new();
    for (name, bytes) in &inputs.sources {
        match decode_source(name, bytes) {
            Ok(t) => {
                texts.insert(name, t);
            }
            Err(d) => errors.push(d),
        }
    }
    (texts, errors)
}

/// A copy's entry in `documents.toml`: its original's metadata, its own id and source.
fn doc_out(d: &crate::DocumentSpec, id: String, file: String, lines: u32) -> DocOut<'_> {
    DocOut {
        id,
        title: &d.title,
        short_title: &d.short_title,
        issuer: &d.issuer,
        doc_number: &d.doc_number,
        date: &d.date,
        region: &d.region,
        kind: &d.kind,
        sources: vec![SourceOut {
            file,
            lines: [1, lines],
        }],
    }
}

/// Each document's template, from its first source; a diagnostic for each that has none.
fn templates<'a>(
    spec: &'a Spec,
    texts: &'a BTreeMap<&str, String>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(&'a crate::DocumentSpec, Template<'a>)> {
    let mut templates = Vec::new();
    for d in &spec.documents {
        let Some(src) = d.sources.first() else {
            errors.push(Diagnostic {
                file: "data/documents.toml".into(),
                line: 0,
                message: format!("{} 没有来源", d.id),
            });
            continue;
        };
        let Some(text) = texts.get(src.file.as_str()) else {
            errors.push(Diagnostic {
                file: src.file.clone(),
                line: 0,
                message: format!("{} 的来源文件缺失或无法读取", d.id),
            });
            continue;
        };
        match template(&d.id, &src.file, text, src.lines) {
            Ok(t) => templates.push((d, t)),
            Err(e) => errors.push(e),
        }
    }
    templates
}

/// A copy of `t` with its sections in a shuffled order that parses into the same shape,
/// within [`ATTEMPTS`] tries from `seed` (the order unchanged counts); None otherwise.
fn shuffled(t: &Template, file: &str, seed: u64) -> Option<String> {
    let identity: Vec<usize> = (0..t.chunks.len()).collect();
    for attempt in 0..ATTEMPTS {
        let mut rng = Rng(seed ^ attempt);
        let mut order = identity.clone();
        rng.shuffle(&mut order);
        let candidate = copy_text(t, &order);
        if order == identity || same_shape(t, file, &candidate) {
            return Some(candidate);
        }
    }
    None
}

/// The theme overrides, themes and comparisons of the copies: `(overrides, themes,
/// comparisons)`, each copy's records renamed from its original's (`real_ids`, the
/// documents in template order, copied round-robin into `docs`).
fn renamed(inputs: &Inputs, real_ids: &[&str], docs: usize) -> (String, String, String) {
    // Theme overrides and comparisons name records by global id: each copy gets its
    // original's, renamed; a comparison only where every document it names has that copy.
    let copies_of = |doc: &str| -> Vec<usize> {
        real_ids
            .iter()
            .position(|id| *id == doc)
            .map(|j| {
                (0..docs)
                    .filter(|i| i % real_ids.len() == j)
                    .map(|i| i / real_ids.len())
                    .collect()
            })
            .unwrap_or_default()
    };
    let rename = |block: &str, copy: usize| -> String {
        let mut b = block.to_string();
        for id in real_ids {
            b = b.replace(&format!("\"{id}."), &format!("\"{}.", copy_id(id, copy)));
        }
        b
    };
    let mut theme_overrides = String::new();
    for block in inputs.theme_overrides.split("[[override]]").skip(1) {
        let Some(doc) = real_ids
            .iter()
            .find(|id| block.contains(&format!("\"{id}.")))
        else {
            continue;
        };
        for copy in copies_of(doc) {
            theme_overrides.push_str(&format!("[[override]]{}", rename(block, copy)));
        }
    }
    // A theme that claims a whole document claims each of its copies.
    let mut themes = inputs.themes.clone();
    for id in real_ids {
        let copies: Vec<String> = copies_of(id)
            .into_iter()
            .map(|c| format!("\"{}\"", copy_id(id, c)))
            .collect();
        themes = themes.replace(&format!("\"{id}\""), &copies.join(", "));
    }
    let mut comparisons = String::new();
    for block in inputs.comparisons.split("[[comparison]]").skip(1) {
        let named: Vec<&&str> = real_ids
            .iter()
            .filter(|id| block.contains(&format!("\"{id}.")))
            .collect();
        let copies = named.iter().map(|d| copies_of(d).len()).min().unwrap_or(0);
        for copy in 0..copies {
            comparisons.push_str(&format!("[[comparison]]{}", rename(block, copy)));
        }
    }
    (theme_overrides, themes, comparisons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_at_the_shallowest_level_with_enough_of_them() {
        // A title (level 1) over four chapters (level 2) with sections (level 3).
        let h = [(1, 1), (2, 3), (3, 4), (2, 8), (2, 12), (3, 13), (2, 20)];
        let (group, end) = sibling_group(&h).unwrap();
        assert_eq!(group, vec![1, 3, 4, 6]);
        assert_eq!(end, None);
        // A closing level-1 heading ends the last sibling's subtree.
        let h = [(1, 1), (1, 5), (2, 6), (1, 9), (2, 10)];
        let (group, end) = sibling_group(&h).unwrap();
        assert_eq!(group, vec![0, 1, 3]);
        assert_eq!(end, None);
        let h = [(1, 1), (2, 3), (2, 5), (2, 7), (1, 9)];
        assert_eq!(sibling_group(&h), Some((vec![1, 2, 3], Some(9))));
        assert_eq!(sibling_group(&[(1, 1), (2, 2)]), None);
    }

    #[test]
    fn shuffle_is_a_deterministic_permutation() {
        let mut a: Vec<usize> = (0..20).collect();
        let mut b = a.clone();
        Rng(7).shuffle(&mut a);
        Rng(7).shuffle(&mut b);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
        assert_ne!(a, (0..20).collect::<Vec<_>>());
    }

    const SPEC: &str = r#"
[[document]]
id = "a"
title = "关于促进发展的意见"
short_title = "意见"
issuer = ""
doc_number = ""
date = ""
region = "济南市"
kind = "意见"
sources = [{ file = "a.txt", lines = [1, 9] }]
"#;

    const TEXT: &str = "关于促进发展的意见\n一、总体要求\n坚持稳中求进，推动高质量发展。\n二、重点任务\n建设养老服务中心，到2022年床位达到5万张。\n三、保障措施\n加强组织领导，落实工作责任。\n四、附则\n本意见自印发之日起施行。\n";

    fn inputs() -> Inputs {
        Inputs {
            spec: SPEC.into(),
            sources: BTreeMap::from([("a.txt".to_string(), TEXT.as_bytes().to_vec())]),
            facts: vec![(
                "a/facts.toml".into(),
                "[[field]]\nid = \"f-1\"\ntitle = \"重点任务\"\nlabel = \"重点任务\"\nsummary = \"建设养老服务中心\"\nquote = \"建设养老服务中心\"\n".into(),
            )],
            departments: String::new(),
            comparisons: String::new(),
            results: String::new(),
            themes: "[[theme]]\nid = \"elderly-care\"\nname = \"养老\"\ndescription = \"养老。\"\nkeywords = [\"养老\"]\n".into(),
            theme_overrides: String::new(),
        }
    }

    #[test]
    fn copies_move_whole_sections_and_build() {
        let s = synthesize(&inputs(), 5).unwrap();
        assert!(s.unshuffled.is_empty());
        let ids: Vec<String> = (0..5).map(|k| copy_id("a", k)).collect();
        assert_eq!(
            s.inputs
                .facts
                .iter()
                .map(|(l, _)| l.clone())
                .collect::<Vec<_>>(),
            ids.iter()
                .map(|id| format!("{id}/facts.toml"))
                .collect::<Vec<_>>()
        );
        let texts: Vec<String> = ids
            .iter()
            .map(|id| String::from_utf8(s.inputs.sources[&format!("{id}.txt")].clone()).unwrap())
            .collect();
        for t in &texts {
            assert!(t.starts_with("关于促进发展的意见\n"));
            let mut lines: Vec<&str> = t.lines().collect();
            let mut real: Vec<&str> = TEXT.lines().collect();
            lines.sort();
            real.sort();
            assert_eq!(lines, real);
            // Each heading is still followed by its own paragraph.
            assert!(t.contains("二、重点任务\n建设养老服务中心"));
        }
        assert!(texts.iter().any(|t| t != TEXT), "some copy is shuffled");
        let out = crate::build(&s.inputs).unwrap();
        assert_eq!(out.index.documents.len(), 5);
        assert_eq!(out.facts.fields.len(), 5);
        assert_eq!(out.facts.fields[3].id, "a-s0003.f-1");
        // The same inputs give the same corpus.
        let again = synthesize(&inputs(), 5).unwrap();
        assert_eq!(again.inputs.sources, s.inputs.sources);
        assert_eq!(again.inputs.spec, s.inputs.spec);
    }
}
