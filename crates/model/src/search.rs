//! Chinese full-text search over document text and records: folding, AND-matching of
//! space-separated terms, ranking, snippets and highlighting. `search_index` answers from prebuilt shards
//! exactly what the brute-force substring scan over every entry (`oracle::search`, test
//! code) answers, through the same [`rank`] and [`hit`].

use crate::wire::{Block, Department, Document, Field, Project, Target};

/// One character to one character, so positions in the folded text are positions in the
/// original: full-width ASCII to half-width, ideographic space to space, lowercase.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        // Subscript digits (`PM₂.₅`, as the text repair renders `PM<sub>2.5</sub>`) are
        // searched as the digits a reader types: `PM2.5`.
        '₀'..='₉' => char::from_u32(c as u32 - 0x2080 + '0' as u32).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii_uppercase() {
        c.to_ascii_lowercase()
    } else {
        c
    }
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// What separates the terms of a query: no term holds one of these.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；')
}

/// The terms of a query: folded, split on spaces and common separators, deduplicated,
/// at most eight.
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in fold(query).split(is_separator) {
        let t = t.trim();
        if !t.is_empty() && !out.iter().any(|o| o == t) {
            out.push(t.chars().take(50).collect());
        }
        if out.len() == 8 {
            break;
        }
    }
    out
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Target,
    Project,
    Field,
    Department,
    Text,
}

impl Kind {
    /// Every kind, in the order search lists them.
    pub const ALL: [Kind; 5] = [
        Kind::Target,
        Kind::Project,
        Kind::Field,
        Kind::Department,
        Kind::Text,
    ];

    /// Its name in file names, as in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Project => "project",
            Kind::Field => "field",
            Kind::Department => "department",
            Kind::Text => "text",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Target => "目标指标",
            Kind::Project => "重点工程",
            Kind::Field => "重点领域",
            Kind::Department => "责任单位",
            Kind::Text => "文件原文",
        }
    }
}

/// Something that can be found.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    /// Record id, or the document id for text.
    pub id: String,
    pub doc: String,
    /// Paragraph anchor for text entries.
    pub anchor: String,
    pub title: String,
    pub text: String,
    pub(crate) folded_title: String,
    pub(crate) folded_text: String,
}

impl Entry {
    pub fn new(kind: Kind, id: &str, doc: &str, anchor: &str, title: &str, text: &str) -> Self {
        Entry {
            kind,
            id: id.into(),
            doc: doc.into(),
            anchor: anchor.into(),
            title: title.into(),
            text: text.into(),
            folded_title: fold(title),
            folded_text: fold(text),
        }
    }
}

/// Entries for every record.
pub fn record_entries(
    fields: &[Field],
    projects: &[Project],
    targets: &[Target],
    departments: &[Department],
) -> Vec<Entry> {
    let mut out = Vec::new();
    for t in targets {
        out.push(Entry::new(
            Kind::Target,
            &t.id,
            &t.doc,
            &t.source.block,
            &t.indicator,
            &t.quotes(),
        ));
    }
    for p in projects {
        out.push(Entry::new(
            Kind::Project,
            &p.id,
            &p.doc,
            &p.source.block,
            &p.name,
            &p.quotes(),
        ));
    }
    for f in fields {
        out.push(Entry::new(
            Kind::Field,
            &f.id,
            &f.doc,
            &f.source.block,
            &f.title,
            &f.summary,
        ));
    }
    for d in departments {
        out.push(department_entry(&d.id, &d.name, &d.aliases));
    }
    out
}

/// A department's entry: found by its name and its aliases.
pub fn department_entry(id: &str, name: &str, aliases: &[String]) -> Entry {
    Entry::new(Kind::Department, id, "", "", name, &aliases.join("、"))
}

/// Entries for every paragraph and table row of a document.
pub fn text_entries(doc: &Document, title: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for s in &doc.sections {
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => out.push(Entry::new(
                    Kind::Text,
                    &doc.id,
                    &doc.id,
                    &p.anchor,
                    title,
                    &p.text,
                )),
                Block::Table(t) => {
                    for row in &t.rows {
                        out.push(Entry::new(
                            Kind::Text,
                            &doc.id,
                            &doc.id,
                            &t.anchor,
                            title,
                            &row.join(" "),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// A piece of displayed text, marked when it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub mark: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    pub entry: &'a Entry,
    pub score: u32,
    pub title: Vec<Piece>,
    pub snippet: Vec<Piece>,
}

/// Snippet length in characters around the first match.
const SNIPPET_CHARS: usize = 80;

/// The score of a match: every term found in the title outweighs any number of
/// occurrences (non-overlapping, summed over the terms) in the text.
pub fn score(in_title: usize, occurrences: usize) -> u32 {
    (in_title as u32).saturating_mul(1000) + occurrences.min(999) as u32
}

/// One kind's matches before they are displayed: what [`rank`] returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked<T> {
    pub kind: Kind,
    /// All matches of this kind, before the display cap.
    pub total: usize,
    /// The first `per_group` matches, best first, with their scores.
    pub hits: Vec<(T, u32)>,
}

/// Groups scored matches by kind and orders them, best first; `scored` must be in document
/// order, which breaks ties. Shared by [`search`] and the prebuilt index
/// (`search_index`), so both rank alike.
pub fn rank<T>(mut scored: Vec<(Kind, u32, T)>, per_group: usize) -> Vec<Ranked<T>> {
    // Stable: document order among equal scores.
    scored.sort_by_key(|(kind, score, _)| (*kind, std::cmp::Reverse(*score)));
    let mut groups: Vec<Ranked<T>> = Vec::new();
    for (kind, score, e) in scored {
        if groups.last().is_none_or(|g| g.kind != kind) {
            groups.push(Ranked {
                kind,
                total: 0,
                hits: Vec::new(),
            });
        }
        let Some(g) = groups.last_mut() else { continue };
        g.total += 1;
        if g.hits.len() < per_group {
            g.hits.push((e, score));
        }
    }
    groups
}

/// A match as shown: its title highlighted and a snippet around the first match. The
/// prebuilt index's hits become these once their entries are fetched.
pub fn hit<'a>(entry: &'a Entry, score: u32, terms: &[String]) -> Hit<'a> {
    Hit {
        entry,
        score,
        title: highlight(&entry.title, terms),
        snippet: snippet(&entry.text, &entry.folded_text, terms),
    }
}

/// Splits `text` into marked and unmarked pieces for every occurrence of any term.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold_char(c)).collect();
    let mut marked = vec![false; chars.len()];
    for t in terms {
        let t: Vec<char> = t.chars().collect();
        if t.is_empty() || t.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - t.len() {
            if folded.get(start..start + t.len()) == Some(t.as_slice()) {
                for m in marked.get_mut(start..start + t.len()).unwrap_or_default() {
                    *m = true;
                }
            }
        }
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for (c, m) in chars.iter().zip(marked) {
        match pieces.last_mut() {
            Some(p) if p.mark == m => p.text.push(*c),
            _ => pieces.push(Piece {
                text: c.to_string(),
                mark: m,
            }),
        }
    }
    pieces
}

fn snippet(text: &str, folded: &str, terms: &[String]) -> Vec<Piece> {
    let first = terms.iter().filter_map(|t| folded.find(t.as_str())).min();
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = match first {
        Some(byte) => {
            let at = folded[..byte].chars().count();
            let start = at.saturating_sub(SNIPPET_CHARS / 3);
            (start, (start + SNIPPET_CHARS).min(chars.len()))
        }
        None => (0, SNIPPET_CHARS.min(chars.len())),
    };
    let mut window: String = chars.get(start..end).unwrap_or_default().iter().collect();
    if start > 0 {
        window.insert(0, '…');
    }
    if end < chars.len() {
        window.push('…');
    }
    highlight(&window, terms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oracle::search;

    fn marked(pieces: &[Piece]) -> Vec<&str> {
        pieces
            .iter()
            .filter(|p| p.mark)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn folding_and_terms() {
        assert_eq!(fold("ＡＰＰ　５Ｇ"), "app 5g");
        assert_eq!(fold("PM₂.₅"), "pm2.5");
        assert_eq!(terms("  养老  服务，养老 "), vec!["养老", "服务"]);
        assert!(terms("   ").is_empty());
    }

    #[test]
    fn highlights_every_occurrence() {
        let t = vec!["养老".to_string()];
        let got = highlight("养老服务和养老机构", &t);
        assert_eq!(marked(&got), vec!["养老", "养老"]);
        assert_eq!(
            got.iter().map(|p| p.text.as_str()).collect::<String>(),
            "养老服务和养老机构"
        );
        let got = highlight("5G基站", &["5g".to_string()]);
        assert_eq!(marked(&got), vec!["5G"]);
    }

    #[test]
    fn and_matching_and_ranking() {
        let entries = vec![
            Entry::new(
                Kind::Text,
                "d",
                "d",
                "p-1",
                "文件",
                "推进养老服务发展，建设养老机构。",
            ),
            Entry::new(
                Kind::Target,
                "d.t-1",
                "d",
                "p-2",
                "养老机构床位",
                "到2022年养老床位达到5万张。",
            ),
            Entry::new(Kind::Text, "d", "d", "p-3", "文件", "发展服务业。"),
        ];
        let groups = search(&entries, "养老", 10);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].kind, Kind::Target);
        assert_eq!(groups[1].hits.len(), 1);
        let groups = search(&entries, "养老 服务", 10);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].hits[0].entry.anchor, "p-1");
        let single = search(&entries, "业", 10);
        assert_eq!(single[0].hits[0].entry.anchor, "p-3");
        assert!(search(&entries, "不存在的词", 10).is_empty());
        assert!(search(&entries, "", 10).is_empty());
    }

    #[test]
    fn snippets_are_centred_on_the_match() {
        let long = format!("{}关键词{}", "前".repeat(200), "后".repeat(200));
        let e = Entry::new(Kind::Text, "d", "d", "p", "t", &long);
        let groups = search(std::slice::from_ref(&e), "关键词", 5);
        let s = &groups[0].hits[0].snippet;
        assert_eq!(marked(s), vec!["关键词"]);
        let text: String = s.iter().map(|p| p.text.as_str()).collect();
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert!(text.chars().count() <= SNIPPET_CHARS + 2);
    }
}
