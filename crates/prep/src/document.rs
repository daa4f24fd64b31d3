//! Builds one document's section tree from the lines of its source span.

use crate::outline::{heading_number, split_heading, LevelStack, SplitHeading};
use crate::repair::{paragraphs, Line, RawParagraph, Removed};
use crate::table;
use crate::Diagnostic;
use model::{Block, Paragraph, Section, Table};

/// What the build of one document produced beside its sections, for reports and tests.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BuildReport {
    pub removed: Removed,
    pub repeated_table_headers: usize,
    /// Each heading's level and the source line it starts on, in reading order (the
    /// synthetic corpus moves whole sections by these lines).
    pub headings: Vec<(u8, u32)>,
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

/// How an item of a 专栏 box opens. A box's items are printed alike, so the first block
/// that opens differently is the ordinary text after the box (the PDF drew the box's
/// border, which extraction lost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// A run-in title closed by a full stop: `大数据。国家超级计算济南中心…`
    RunIn,
    /// A label and a colon: `天下第一泉景区：推动…`, `一园：…`
    Label,
    /// Anything else: a list or a sentence.
    Plain,
    /// A table (专栏 1 of the 历下区 plan is one).
    Table,
}

/// A run-in title or label is short and holds no clause of its own.
const MAX_RUN_IN_CHARS: usize = 30;
const MAX_LABEL_CHARS: usize = 15;

pub fn lead(text: &str) -> Lead {
    let head_until = |stop: char, max: usize| {
        let head: String = text.chars().take_while(|&c| c != stop).collect();
        let n = head.chars().count();
        n > 0
            && n <= max
            && n < text.chars().count()
            && !head.contains(['，', '、', '；', '。', '：'])
    };
    if head_until('。', MAX_RUN_IN_CHARS) {
        Lead::RunIn
    } else if head_until('：', MAX_LABEL_CHARS) {
        Lead::Label
    } else {
        Lead::Plain
    }
}

/// The 专栏 box whose items are being read: its section and how its first item opened.
struct OpenBox {
    section: usize,
    first: Option<Lead>,
}

/// Whether a block opening with `lead` is still an item of the box; when it is not, the
/// box is closed and the text goes on in the section that holds the box, continued in a
/// section of its own (level 0, no heading) so that the sections stay in reading order.
fn place_in_box(
    open_box: &mut Option<OpenBox>,
    lead: Lead,
    sections: &mut Vec<Section>,
    open: &mut Vec<usize>,
) {
    let Some(b) = open_box.as_mut() else {
        return;
    };
    match b.first {
        None => {
            b.first = Some(lead);
            return;
        }
        Some(first) if first == lead && lead != Lead::Table => return,
        Some(_) => {}
    }
    let box_section = b.section;
    *open_box = None;
    let holder = sections[box_section].parent.unwrap_or(0);
    // The box is no longer open: headings after it find their parent without it.
    if let Some(pos) = open.iter().position(|&i| i == box_section) {
        open.truncate(pos);
    }
    let index = sections.len();
    sections.push(Section {
        anchor: format!("s-{index}"),
        level: 0,
        parent: Some(holder),
        number: String::new(),
        title: String::new(),
        blocks: Vec::new(),
    });
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
    let mut tree = Tree {
        sections: vec![Section {
            anchor: "s-0".into(),
            level: 0,
            parent: None,
            number: String::new(),
            title: String::new(),
            blocks: Vec::new(),
        }],
        levels: LevelStack::default(),
        open: vec![0],
        paragraph_no: 0,
        table_no: 0,
        open_box: None,
        report,
    };
    for segment in segments(lines) {
        match segment {
            Segment::Table {
                caption,
                body,
                notes,
            } => tree.table(file, lines, caption, &body, notes, diagnostics),
            Segment::Text(text_lines) => {
                for p in paragraphs(&text_lines, &mut tree.report.removed) {
                    tree.text(file, p, diagnostics);
                }
            }
        }
    }
    (tree.sections, tree.report)
}

/// A document's section tree as it is built, and where the walk is.
struct Tree {
    sections: Vec<Section>,
    levels: LevelStack,
    /// Index of the open section at each level (0 = root).
    open: Vec<usize>,
    paragraph_no: u32,
    table_no: u32,
    open_box: Option<OpenBox>,
    report: BuildReport,
}

impl Tree {
    /// Opens a section for a heading found at `line`. A heading opens a box or, being any
    /// other heading, ends the one that was open.
    fn heading(&mut self, style: crate::outline::Style, number: String, title: String, line: u32) {
        let level = open_section(
            &mut self.sections,
            &mut self.open,
            &mut self.levels,
            style,
            number,
            title,
        );
        self.report.headings.push((level, line));
        self.open_box = (style == crate::outline::Style::Box).then(|| OpenBox {
            section: self.sections.len() - 1,
            first: None,
        });
    }

    fn push_block(&mut self, block: Block) {
        if let Some(last) = self.sections.last_mut() {
            last.blocks.push(block);
        }
    }

    /// The next paragraph, in the open box while it lasts.
    fn paragraph(&mut self, text: String, emphasis: Vec<(u32, u32)>) {
        place_in_box(
            &mut self.open_box,
            lead(&text),
            &mut self.sections,
            &mut self.open,
        );
        self.paragraph_no += 1;
        self.push_block(paragraph_block(self.paragraph_no, text, emphasis));
    }

    /// A table segment: its caption (a 专栏 caption is also a heading: it opens a section
    /// holding the table) and the table, or its lines as text when it does not parse.
    fn table<'a>(
        &mut self,
        file: &str,
        lines: &[Line<'a>],
        caption: Line<'a>,
        body: &[&str],
        notes: Vec<Line<'a>>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let caption_text = crate::normalize::collapse_spaces(caption.text.trim());
        if let Some(m) = heading_number(caption.text.trim()) {
            let title = m.rest.trim().to_string();
            self.heading(m.style, m.number.to_string(), title, caption.number);
        }
        match table::parse(body) {
            Ok(parsed) => {
                self.table_no += 1;
                self.report.repeated_table_headers += parsed.repeated_headers;
                let mut removed = Removed::default();
                let note_paras = paragraphs(&notes, &mut removed);
                place_in_box(
                    &mut self.open_box,
                    Lead::Table,
                    &mut self.sections,
                    &mut self.open,
                );
                self.push_block(Block::Table(Table {
                    anchor: format!("t-{}", self.table_no),
                    caption: caption_text,
                    header: parsed.header,
                    rows: parsed.rows,
                    notes: note_paras.into_iter().map(|p| p.text).collect(),
                    spans: parsed.spans,
                }));
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
                        .filter(|l| l.number > start && l.number <= start + body.len() as u32)
                        .copied(),
                );
                all.extend(notes);
                for p in paragraphs(&all, &mut self.report.removed) {
                    self.paragraph(p.text, p.emphasis);
                }
            }
        }
    }

    /// A paragraph of text: a heading (and the text after it on its line), an unnumbered
    /// Markdown heading, or a paragraph.
    fn text(&mut self, file: &str, p: RawParagraph, diagnostics: &mut Vec<Diagnostic>) {
        if let Some((style, number, title, body, emph)) = as_heading(&p, &self.sections) {
            self.heading(style, number, title, p.first_line);
            if !body.is_empty() {
                self.paragraph_no += 1;
                self.push_block(paragraph_block(self.paragraph_no, body, emph));
            }
            return;
        }
        if p.marked_heading && p.text.chars().count() <= 60 {
            // An unnumbered Markdown heading (`# 政府工作报告`): a section of its own.
            self.heading(
                crate::outline::Style::Marked,
                String::new(),
                p.text.clone(),
                p.first_line,
            );
            self.open_box = None;
            return;
        }
        if looks_like_unknown_heading(&p.text) {
            diagnostics.push(Diagnostic {
                file: file.to_string(),
                line: p.first_line,
                message: format!("未识别的标题格式，按正文保留：{}", p.text),
            });
        }
        self.paragraph(p.text, p.emphasis);
    }
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

fn as_heading(p: &RawParagraph, sections: &[Section]) -> Option<HeadingParts> {
    if p.list_item {
        // A Markdown list item (`- （三）…的。`) is text of the article above it.
        return None;
    }
    let m = heading_number(&p.text)?;
    let split = split_heading(&m, p.marked_heading).or_else(|| next_item(&m, sections.last()?))?;
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

/// The item after an arabic-numbered heading, numbered next (`3.` after `2. 完善改造类。`)
/// but printed without a full stop after its name (`3.提升改造类，包括…`): the sibling of
/// that heading, titled by its first clause, not more text under it.
fn next_item(m: &crate::outline::HeadingMatch, open: &Section) -> Option<SplitHeading> {
    use crate::outline::Style;
    let number = |s: &str| -> Option<u32> {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let open_match = heading_number(&open.number)?;
    if m.style != Style::ArabicDot || open_match.style != Style::ArabicDot {
        return None;
    }
    if number(m.number)? != number(&open.number)? + 1 {
        return None;
    }
    let (name, body) = m.rest.split_once('，')?;
    (name.chars().count() <= 20 && !name.contains('。')).then(|| SplitHeading {
        title: format!("{name}，"),
        body: body.trim().to_string(),
    })
}

fn open_section(
    sections: &mut Vec<Section>,
    open: &mut Vec<usize>,
    levels: &mut LevelStack,
    style: crate::outline::Style,
    number: String,
    title: String,
) -> u8 {
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
    level
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads() {
        for (text, expected) in [
            (
                "大数据。国家超级计算济南中心、国家健康医疗大数据中心",
                Lead::RunIn,
            ),
            (
                "百个现代农业综合体（田园综合体）。以现代农业园区为载体",
                Lead::RunIn,
            ),
            (
                "实施产业链提升行动。围绕十条重点产业链，开展建链",
                Lead::RunIn,
            ),
            (
                "天下第一泉景区：推动济南“泉·城文化景观”申遗工作",
                Lead::Label,
            ),
            ("一园：人力资源服务产业园，包括燕山园区", Lead::Label),
            ("一个产业链发展规划、一套产业链发展支持政策。", Lead::Plain),
            (
                "其中，济南国家健康医疗大数据试点城市建设目标为：到2020年",
                Lead::Plain,
            ),
            ("“1”，即派驻各街道办事处的综合执法中队；", Lead::Plain),
            ("一先：济南新旧动能转换先行区。", Lead::Label),
        ] {
            assert_eq!(lead(text), expected, "{text}");
        }
    }

    /// Builds `src` and lists each section as `number title: blocks`, a section without a
    /// heading of its own as `(续 parent) : blocks`.
    fn check(src: &str, expected: &[&str]) {
        let lines = crate::repair::numbered(src);
        let (sections, _) = build("test.txt", &lines, &mut Vec::new());
        let got: Vec<String> = sections
            .iter()
            .skip(1)
            .map(|s| {
                let blocks: Vec<String> = s
                    .blocks
                    .iter()
                    .map(|b| match b {
                        Block::Paragraph(p) => p.text.chars().take(4).collect(),
                        Block::Table(t) => t.anchor.clone(),
                    })
                    .collect();
                let head = if s.level == 0 {
                    format!("(续 s-{})", s.parent.unwrap_or(0))
                } else {
                    format!("{} {}", s.number, s.title)
                };
                format!("{head}: {}", blocks.join(" "))
            })
            .collect();
        assert_eq!(got, expected, "source: {src:?}");
    }

    #[test]
    fn a_box_ends_where_its_items_end() {
        // Items alike (labels), then a run-in paragraph of the section that holds the box.
        check(
            "第一节 提升旅游\n\n做强文旅产业。打造国际旅游目的地。\n\n专栏3 重点旅游片区提升工程\n\n天下第一泉景区：推动申遗工作。\n\n佛山街：加快文旅特色街区建设。\n\n大力发展人力资源服务产业。推动产业园升级。\n\n到2025年，集聚机构超过20家。\n\n第二节 优化营商环境\n\n深化改革。",
            &[
                "第一节 提升旅游: 做强文旅",
                "专栏3 重点旅游片区提升工程: 天下第一 佛山街：",
                "(续 s-1): 大力发展 到202",
                "第二节 优化营商环境: 深化改革",
            ],
        );
        // A box of one plain item.
        check(
            "第一节 产业链\n\n专栏 2 产业链“九个一”工作机制\n\n一个产业链发展规划、一套产业链发展支持政策。\n\n实施产业链提升行动。围绕十条重点产业链攻坚。",
            &[
                "第一节 产业链: ",
                "专栏2 产业链“九个一”工作机制: 一个产业",
                "(续 s-1): 实施产业",
            ],
        );
        // Items all run-in: the box runs to the next heading, as in the 新旧动能 plan.
        check(
            "（一）聚焦前沿技术。\n\n专栏 2 五大领域重大平台与重点项目\n\n大数据。国家超级计算济南中心。\n\n量子科技。济南量子谷。\n\n（二）提升传统产业。",
            &[
                "（一） 聚焦前沿技术。: ",
                "专栏2 五大领域重大平台与重点项目: 大数据。 量子科技",
                "（二） 提升传统产业。: ",
            ],
        );
    }
}
