//! Builds one document's section tree from the lines of its source span.

use crate::outline::{heading_number, split_heading, LevelStack};
use crate::repair::{paragraphs, Line, RawParagraph, Removed};
use crate::table;
use crate::Diagnostic;
use model::{Block, Paragraph, Section, Table};

/// What the build of one document produced beside its sections, for reports and tests.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BuildReport {
    pub removed: Removed,
    pub repeated_table_headers: usize,
}

enum Segment<'a> {
    Text(Vec<Line<'a>>),
    Table {
        caption: Line<'a>,
        body: Vec<&'a str>,
        notes: Vec<Line<'a>>,
    },
}

/// A caption (`表 1 …` or a `专栏 N` whose first line is a table header) starts a table that
/// runs until its note (`注：`) or the next heading.
fn is_table_caption(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with('表')
        && t.chars()
            .nth(1)
            .is_some_and(|c| c == ' ' || c.is_ascii_digit()))
        || heading_number(t).is_some_and(|m| m.style == crate::outline::Style::Box)
}

fn segments<'a>(lines: &[Line<'a>]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut text: Vec<Line<'a>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_table_caption(line.text) {
            let next = lines[i + 1..].iter().find(|l| !l.text.trim().is_empty());
            if next.is_some_and(|n| table::looks_like_table_start(n.text)) {
                if !text.is_empty() {
                    out.push(Segment::Text(std::mem::take(&mut text)));
                }
                let mut j = i + 1;
                let mut body = Vec::new();
                while j < lines.len() {
                    let t = lines[j].text.trim();
                    if t.starts_with("注：") || t.starts_with("注:") {
                        break;
                    }
                    if !t.is_empty()
                        && !t.contains('\t')
                        && t.chars().count() > 12
                        && !table::looks_like_table_start(t)
                        && is_prose(t)
                    {
                        break;
                    }
                    body.push(lines[j].text);
                    j += 1;
                }
                let mut notes = Vec::new();
                if j < lines.len() && lines[j].text.trim().starts_with("注") {
                    // The note runs to the end of its paragraph.
                    while j < lines.len() {
                        notes.push(lines[j]);
                        let t = lines[j].text;
                        j += 1;
                        if t.trim_end().ends_with('。') {
                            break;
                        }
                    }
                }
                out.push(Segment::Table {
                    caption: line,
                    body,
                    notes,
                });
                i = j;
                continue;
            }
        }
        text.push(line);
        i += 1;
    }
    if !text.is_empty() {
        out.push(Segment::Text(text));
    }
    out
}

/// A line of running prose (ends a table region): long, with sentence punctuation, and not
/// a numbered table row.
fn is_prose(t: &str) -> bool {
    let starts_with_digit = t.chars().next().is_some_and(|c| c.is_ascii_digit());
    !starts_with_digit && (t.contains('。') || t.contains('，'))
}

pub fn build(
    file: &str,
    lines: &[Line],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Section>, BuildReport) {
    let mut report = BuildReport::default();
    let lines = &crate::repair::strip_page_numbers(lines, &mut report.removed);
    let mut sections = vec![Section {
        anchor: "s-0".into(),
        level: 0,
        parent: None,
        number: String::new(),
        title: String::new(),
        blocks: Vec::new(),
    }];
    let mut levels = LevelStack::default();
    // Index of the open section at each level (0 = root).
    let mut open: Vec<usize> = vec![0];
    let mut paragraph_no = 0u32;
    let mut table_no = 0u32;
    let push_block = |sections: &mut Vec<Section>, block: Block| {
        if let Some(last) = sections.last_mut() {
            last.blocks.push(block);
        }
    };
    for segment in segments(lines) {
        match segment {
            Segment::Table {
                caption,
                body,
                notes,
            } => {
                let caption_text = crate::normalize::collapse_spaces(caption.text.trim());
                // A 专栏 caption is also a heading: it opens a section holding the table.
                if let Some(m) = heading_number(caption.text.trim()) {
                    let title = m.rest.trim().to_string();
                    let number = m.number.to_string();
                    open_section(
                        &mut sections,
                        &mut open,
                        &mut levels,
                        m.style,
                        number,
                        title,
                    );
                }
                match table::parse(&body) {
                    Ok(parsed) => {
                        table_no += 1;
                        report.repeated_table_headers += parsed.repeated_headers;
                        let mut removed = Removed::default();
                        let note_paras = paragraphs(&notes, &mut removed);
                        push_block(
                            &mut sections,
                            Block::Table(Table {
                                anchor: format!("t-{table_no}"),
                                caption: caption_text,
                                header: parsed.header,
                                rows: parsed.rows,
                                notes: note_paras.into_iter().map(|p| p.text).collect(),
                            }),
                        );
                    }
                    Err(message) => {
                        diagnostics.push(Diagnostic {
                            file: file.to_string(),
                            line: caption.number,
                            message: format!("表格无法解析，按正文保留：{message}"),
                        });
                        let mut all = vec![caption];
                        let start = caption.number;
                        all.extend(
                            lines
                                .iter()
                                .filter(|l| {
                                    l.number > start && l.number <= start + body.len() as u32
                                })
                                .copied(),
                        );
                        all.extend(notes);
                        let paras = paragraphs(&all, &mut report.removed);
                        for p in paras {
                            paragraph_no += 1;
                            push_block(
                                &mut sections,
                                paragraph_block(paragraph_no, p.text, p.emphasis),
                            );
                        }
                    }
                }
            }
            Segment::Text(text_lines) => {
                for p in paragraphs(&text_lines, &mut report.removed) {
                    if let Some((style, number, title, body, emph)) = as_heading(&p) {
                        open_section(&mut sections, &mut open, &mut levels, style, number, title);
                        if !body.is_empty() {
                            paragraph_no += 1;
                            push_block(&mut sections, paragraph_block(paragraph_no, body, emph));
                        }
                    } else {
                        if p.marked_heading && p.text.chars().count() <= 60 {
                            // An unnumbered Markdown heading (`# 政府工作报告`): a section of its own.
                            open_section(
                                &mut sections,
                                &mut open,
                                &mut levels,
                                crate::outline::Style::Marked,
                                String::new(),
                                p.text.clone(),
                            );
                            continue;
                        }
                        if looks_like_unknown_heading(&p.text) {
                            diagnostics.push(Diagnostic {
                                file: file.to_string(),
                                line: p.first_line,
                                message: format!("未识别的标题格式，按正文保留：{}", p.text),
                            });
                        }
                        paragraph_no += 1;
                        push_block(
                            &mut sections,
                            paragraph_block(paragraph_no, p.text, p.emphasis),
                        );
                    }
                }
            }
        }
    }
    (sections, report)
}

fn paragraph_block(no: u32, text: String, emphasis: Vec<(u32, u32)>) -> Block {
    Block::Paragraph(Paragraph {
        anchor: format!("p-{no}"),
        text,
        emphasis,
    })
}

type HeadingParts = (
    crate::outline::Style,
    String,
    String,
    String,
    Vec<(u32, u32)>,
);

fn as_heading(p: &RawParagraph) -> Option<HeadingParts> {
    let m = heading_number(&p.text)?;
    let split = split_heading(&m, p.marked_heading)?;
    let body_chars = split.body.chars().count() as u32;
    let total = p.text.chars().count() as u32;
    let offset = total - body_chars;
    let emphasis = p
        .emphasis
        .iter()
        .filter_map(|&(a, b)| {
            let a = a.max(offset);
            (b > a).then(|| (a - offset, b - offset))
        })
        .collect();
    Some((
        m.style,
        m.number.to_string(),
        split.title,
        split.body,
        emphasis,
    ))
}

fn open_section(
    sections: &mut Vec<Section>,
    open: &mut Vec<usize>,
    levels: &mut LevelStack,
    style: crate::outline::Style,
    number: String,
    title: String,
) {
    let level = levels.level(style);
    open.truncate(level as usize);
    let parent = open.last().copied().unwrap_or(0);
    let index = sections.len();
    sections.push(Section {
        anchor: format!("s-{index}"),
        level,
        parent: Some(parent as u32),
        number,
        title,
        blocks: Vec::new(),
    });
    open.push(index);
}

/// A short line that starts like a numbered heading in a style the outline parser does not
/// know (`Ⅰ、`, `甲、`, `A.`, `①`): kept as text, reported so a person can teach the parser.
pub fn looks_like_unknown_heading(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next();
    let short = text.chars().count() <= 30 && !text.ends_with(['。', '；', '，', '：']);
    let circled = ('①'..='⑳').contains(&first) || ('Ⅰ'..='Ⅻ').contains(&first);
    let stem = "甲乙丙丁戊己庚辛".contains(first) && second == Some('、');
    let latin = first.is_ascii_alphabetic() && matches!(second, Some('.' | '、' | ')' | '）'));
    short && (circled || stem || latin)
}
