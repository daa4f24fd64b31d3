//! Splitting a long document into parts at chapter boundaries, so that no text file a
//! reader waits for is large (the budget is 40 KB brotli per file; Chinese text compresses
//! to about one byte a character, so a part holds at most [`MAX_PART_CHARS`]).

use model::{Block, Document, OutlineEntry, PartSpan, Section};

/// Most characters of text one part may hold, unless a single chapter is longer.
pub const MAX_PART_CHARS: usize = 30_000;

/// Visible characters of a section: heading, paragraphs and table cells.
pub fn section_chars(s: &Section) -> usize {
    let blocks: usize = s
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.text.chars().count(),
            Block::Table(t) => {
                let cells = t
                    .header
                    .iter()
                    .chain(t.rows.iter().flatten())
                    .chain(&t.notes);
                t.caption.chars().count() + cells.map(|c| c.chars().count()).sum::<usize>()
            }
        })
        .sum();
    s.number.chars().count() + s.title.chars().count() + blocks
}

/// Where each part starts, as indexes into `sections`: cuts fall only before a top-level
/// heading, and the parts come out about equal in size.
pub fn part_starts(sections: &[Section], max_chars: usize) -> Vec<usize> {
    // A chapter is a top-level heading with everything under it; text before the first
    // heading goes with the first chapter.
    let mut chapters: Vec<(usize, usize)> = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        let size = section_chars(s);
        match chapters.last_mut() {
            Some(last) if s.level != 1 => last.1 += size,
            _ => chapters.push((i, size)),
        }
    }
    let total: usize = chapters.iter().map(|c| c.1).sum();
    let n = total.div_ceil(max_chars.max(1)).max(1);
    let target = total / n;
    let mut starts = vec![0];
    let mut current = 0usize;
    for &(start, size) in &chapters {
        if current > 0 && start > 0 && (current + size > max_chars || current >= target) {
            starts.push(start);
            current = 0;
        }
        current += size;
    }
    starts
}

fn anchor_number(anchor: &str, kind: &str) -> Option<u32> {
    anchor
        .strip_prefix(kind)
        .and_then(|n| n.strip_prefix('-'))
        .and_then(|n| n.parse().ok())
}

/// The file name of part `k` (0-based): the first keeps the document's own name.
pub fn part_file(id: &str, k: usize) -> String {
    if k == 0 {
        format!("{id}.json")
    } else {
        format!("{id}.{}.json", k + 1)
    }
}

/// Splits a whole document (part 0 holding every section) into its part files and the
/// spans the index lists for them.
pub fn split(whole: &Document, max_chars: usize) -> (Vec<PartSpan>, Vec<Document>) {
    let sections = &whole.sections;
    let starts = part_starts(sections, max_chars);
    let part_of = |i: usize| starts.iter().rposition(|&s| s <= i).unwrap_or(0);
    let outline: Vec<OutlineEntry> = sections
        .iter()
        .enumerate()
        .filter(|(_, s)| (1..=2).contains(&s.level))
        .map(|(i, s)| OutlineEntry {
            anchor: s.anchor.clone(),
            level: s.level,
            number: s.number.clone(),
            title: s.title.clone(),
            part: part_of(i) as u32,
        })
        .collect();
    let mut spans: Vec<PartSpan> = Vec::new();
    let mut files = Vec::new();
    let (mut last_p, mut last_t) = (0, 0);
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(sections.len());
        let own = &sections[start..end];
        for s in own {
            for b in &s.blocks {
                match b {
                    Block::Paragraph(p) => {
                        last_p = last_p.max(anchor_number(&p.anchor, "p").unwrap_or(0))
                    }
                    Block::Table(t) => {
                        last_t = last_t.max(anchor_number(&t.anchor, "t").unwrap_or(0))
                    }
                }
            }
        }
        let title = own
            .iter()
            .find(|s| s.level >= 1)
            .map(|s| format!("{}{}", s.number, s.title))
            .unwrap_or_default();
        spans.push(PartSpan {
            file: part_file(&whole.id, k),
            first_anchor: own.first().map(|s| s.anchor.clone()).unwrap_or_default(),
            title,
            last_section: (end.saturating_sub(1)) as u32,
            last_paragraph: last_p,
            last_table: last_t,
        });
        files.push(Document {
            schema_version: whole.schema_version,
            id: whole.id.clone(),
            part: k as u32,
            first_section: start as u32,
            outline: outline.clone(),
            sections: own.to_vec(),
        });
    }
    (spans, files)
}
