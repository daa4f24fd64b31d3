//! Turns the lines of a PDF-extracted text back into the document's paragraphs: drops the
//! printed page numbers, joins lines and pages broken inside a sentence, strips Markdown
//! marks (keeping headings and bold as structure) and collapses stray spaces.

use crate::normalize::{collapse_spaces, render_subscripts, replace_latin_and};

/// One source line with its 1-based number in the source file.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub number: u32,
    pub text: &'a str,
}

/// The lines of a test source, numbered from 1 as a source file's are.
#[cfg(test)]
pub(crate) fn numbered(src: &str) -> Vec<Line<'_>> {
    src.split('\n')
        .enumerate()
        .map(|(i, t)| Line {
            number: i as u32 + 1,
            text: t,
        })
        .collect()
}

/// A paragraph as printed, before outline parsing.
#[derive(Debug, Clone, PartialEq)]
pub struct RawParagraph {
    pub text: String,
    /// Bold runs `[start, end)` in chars.
    pub emphasis: Vec<(u32, u32)>,
    /// Set when the source marked the line as a Markdown heading (`#`).
    pub marked_heading: bool,
    /// Set when the source marked the line as a Markdown list item (`- `): never a heading.
    pub list_item: bool,
    pub first_line: u32,
    pub last_line: u32,
}

/// What was removed on the way, for the conservation test and the build report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removed {
    pub markdown_marks: usize,
    pub rules: usize,
    /// Page-number lines (`- 18 -`) dropped from the text.
    pub page_numbers: usize,
    /// Characters of those lines, whitespace aside.
    pub page_number_chars: usize,
}

/// Characters that end a sentence or a clause that may end a paragraph.
const TERMINAL: &[char] = &[
    '。', '！', '？', '；', '：', '…', '）', ')', '」', '』', '】', '!', '?', ';', ':',
];

/// A page number printed in the footer and extracted as a line of its own: `- 18 -`,
/// `-18-`, `— 18 —`, `－18－`, i.e. one to three digits between two dashes and nothing else.
pub fn is_page_number_line(text: &str) -> bool {
    let t = text.trim();
    let dash = |c: char| matches!(c, '-' | '－' | '—' | '–' | '─');
    let Some(inner) = t
        .strip_prefix(dash)
        .and_then(|rest| rest.strip_suffix(dash))
    else {
        return false;
    };
    let digits = inner.trim();
    (1..=3).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

/// The lines without the page numbers, which are counted as removed. A page number sits
/// between the two halves of whatever the page break cut, so it must go before the
/// paragraphs (and tables) are rebuilt, or it would end the paragraph it interrupts.
pub fn strip_page_numbers<'a>(lines: &[Line<'a>], removed: &mut Removed) -> Vec<Line<'a>> {
    lines
        .iter()
        .filter(|l| {
            let page = is_page_number_line(l.text);
            if page {
                removed.page_numbers += 1;
                removed.page_number_chars += l.text.chars().filter(|c| !c.is_whitespace()).count();
            }
            !page
        })
        .copied()
        .collect()
}

/// A paragraph that was broken by a page or column is long; short lines without final
/// punctuation (signatures, dates, addressees) are paragraphs of their own.
const MIN_BROKEN_CHARS: usize = 20;

/// Lines of this width or less, when most lines are, mean the PDF was extracted line by
/// line (a narrow column): then only a trailing space or final punctuation ends a paragraph.
fn is_line_wrapped(lines: &[Line]) -> bool {
    let non_empty: Vec<&Line> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    if non_empty.len() < 20 {
        return false;
    }
    let narrow = non_empty
        .iter()
        .filter(|l| (20..=32).contains(&l.text.trim_end().chars().count()))
        .count();
    narrow * 2 > non_empty.len()
}

pub fn is_heading_start(text: &str) -> bool {
    // A bold heading (`**六、租赁和商务服务业（10户）**`) starts a block like a plain one.
    crate::outline::heading_number(text.trim_start_matches('*').trim_start()).is_some()
}

/// Sentence punctuation inside a line: a line holding any is prose, never a signature,
/// date or addressee, so being short does not make it a paragraph of its own
/// (`（四）招标采购。基础类公共设施改` continues on the next page).
fn has_inner_sentence_punctuation(text: &str) -> bool {
    text.contains(['。', '！', '？', '；', '，'])
}

/// A numbered name in a list (`4. 中国工商银行股份有限公司济南`): a number and a short
/// name without any punctuation of a sentence.
fn is_list_item(text: &str) -> bool {
    let t = text.trim();
    crate::outline::heading_number(t).is_some_and(|m| m.style == crate::outline::Style::ArabicDot)
        && t.chars().count() <= 40
        && !t.contains(['。', '，', '、', '；', '：', '！', '？'])
}

/// The tail of a name the narrow list column wrapped onto its own line (`分行`,
/// `山东省分行`): a few characters with no digit and no punctuation. Signatures are longer
/// (`济南市人民政府` has seven) and dates have digits, so neither is taken for one.
const MAX_NAME_FRAGMENT_CHARS: usize = 5;

fn is_name_fragment(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    n > 0
        && n <= MAX_NAME_FRAGMENT_CHARS
        && t.chars().all(crate::normalize::is_cjk)
        && !t.contains(TERMINAL)
        && !t.contains(['，', '、', '。'])
}

/// A heading line of its own (`专栏 10 新东站片区、临空经济区建设内容`, `第二章 …`): it has
/// no full stop to end it, yet the next line is never its continuation.
fn is_title_line(text: &str) -> bool {
    use crate::outline::Style;
    crate::outline::heading_number(text.trim_start()).is_some_and(|m| {
        matches!(
            m.style,
            Style::Box | Style::Chapter | Style::Section | Style::CnComma | Style::Attachment
        ) && !text.contains('。')
    })
}

fn is_table_row(text: &str) -> bool {
    text.contains('\t')
}

fn ends_paragraph(text: &str) -> bool {
    let t = text.trim_end();
    match t.chars().last() {
        None => true,
        Some('”' | '’' | '"') => {
            // A closing quote ends the paragraph only after final punctuation: `…。”`
            let mut rev = t.chars().rev();
            rev.next();
            rev.next().is_some_and(|c| TERMINAL.contains(&c))
        }
        Some('）' | ')') => closing_bracket_ends(t),
        Some(c) => TERMINAL.contains(&c),
    }
}

/// A closing bracket at the end of a line ends the paragraph when it closes an attribution
/// (`（责任单位：…）`), a sentence (`…。）`) or the whole line (`（此件公开发布）`); one
/// that closes a word (`街道（社区）`, `党委（党组）`) is in the middle of a sentence.
fn closing_bracket_ends(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    let mut depth = 0usize;
    for i in (0..chars.len()).rev() {
        match chars[i] {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let before_close = chars[chars.len().saturating_sub(2)];
                    return i == 0
                        || chars[i..].iter().any(|c| matches!(c, '：' | ':'))
                        || TERMINAL.contains(&before_close);
                }
            }
            _ => {}
        }
    }
    // Unbalanced: the group opened on an earlier line, so nothing is known; keep the old
    // rule that a bracket ends a clause.
    true
}

/// Strips a leading Markdown heading mark and reports whether there was one.
fn strip_heading_mark(text: &str) -> (&str, bool) {
    let trimmed = text.trim_start();
    if trimmed.starts_with('#') {
        let rest = trimmed.trim_start_matches('#');
        if rest.starts_with(' ') || rest.is_empty() {
            return (rest.trim_start(), true);
        }
    }
    (text, false)
}

/// Removes `**` pairs, returning the text and the bold ranges in chars.
fn strip_bold(text: &str, removed: &mut Removed) -> (String, Vec<(u32, u32)>) {
    let mut out = String::with_capacity(text.len());
    let mut ranges = Vec::new();
    let mut open: Option<u32> = None;
    let mut count: u32 = 0;
    let mut rest = text;
    while let Some(i) = rest.find("**") {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        count += before.chars().count() as u32;
        removed.markdown_marks += 1;
        match open.take() {
            None => open = Some(count),
            Some(start) => {
                if count > start {
                    ranges.push((start, count));
                }
            }
        }
        rest = after.get(2..).unwrap_or("");
    }
    out.push_str(rest);
    if let Some(start) = open {
        let end = out.chars().count() as u32;
        if end > start {
            ranges.push((start, end));
        }
    }
    (out, ranges)
}

/// The paragraph being built: raw text with `**` still in it, so bold runs that cross a
/// page break are still paired.
struct Open {
    text: String,
    heading: bool,
    list_item: bool,
    first: u32,
    last: u32,
    /// The last line ended on a Markdown hard break (two spaces).
    hard: bool,
}

/// Ends the open paragraph: repairs its words, strips its bold marks and spaces.
fn flush(current: &mut Option<Open>, out: &mut Vec<RawParagraph>, removed: &mut Removed) {
    let Some(open) = current.take() else { return };
    let text = replace_latin_and(&render_subscripts(&open.text));
    let (text, emphasis) = strip_bold(&text, removed);
    let (text, emphasis) = collapse_with_ranges(&text, &emphasis);
    if !text.trim().is_empty() {
        out.push(RawParagraph {
            text,
            emphasis,
            marked_heading: open.heading,
            list_item: open.list_item,
            first_line: open.first,
            last_line: open.last,
        });
    }
}

/// Whether a line goes on with the open paragraph.
fn continues(open: &Open, body: &str, starts_block: bool, wrapped: bool) -> bool {
    let buf = &open.text;
    let body_start = body.trim_start();
    let broken = wrapped
        || buf.chars().count() >= MIN_BROKEN_CHARS
        || has_inner_sentence_punctuation(buf)
        || (is_list_item(buf) && is_name_fragment(body_start));
    // In a narrow column a `；` at the end of a line is where the line broke, not where the
    // paragraph ends: only a trailing space or a full stop ends one there.
    let ends = ends_paragraph(buf) && !(wrapped && buf.trim_end().ends_with('；'));
    !starts_block
        && !is_table_row(buf)
        && !is_code_line(buf)
        && (open.hard || (!open.heading && (wrapped || !is_title_line(buf)) && !ends && broken))
}

/// Rebuilds paragraphs from the lines of one document span.
pub fn paragraphs(lines: &[Line], removed: &mut Removed) -> Vec<RawParagraph> {
    let wrapped = is_line_wrapped(lines);
    let mut out: Vec<RawParagraph> = Vec::new();
    let mut current: Option<Open> = None;
    for line in lines {
        let raw = line.text;
        if raw.trim().is_empty() {
            continue;
        }
        if raw.trim() == "---" {
            removed.rules += 1;
            flush(&mut current, &mut out, removed);
            continue;
        }
        let (text, heading) = strip_heading_mark(raw);
        if heading {
            removed.markdown_marks += 1;
        }
        let (text, list_item) = strip_list_mark(text);
        if list_item {
            removed.markdown_marks += 1;
        }
        let hard_break = text.ends_with("  ") && !wrapped;
        let trailing_space = text.ends_with(' ');
        let body = text.trim_end();
        let body_start = body.trim_start();
        let starts_block = heading
            || list_item
            || is_heading_start(body_start)
            || is_table_row(body)
            || starts_own_paragraph(body_start);
        if let Some(open) = current.as_mut() {
            if continues(open, body, starts_block, wrapped) {
                if open.hard {
                    open.text.push('\n');
                }
                open.text.push_str(if wrapped { body_start } else { body });
                open.last = line.number;
                open.hard = hard_break;
                if wrapped && trailing_space {
                    flush(&mut current, &mut out, removed);
                }
                continue;
            }
        }
        flush(&mut current, &mut out, removed);
        let keep = if is_table_row(body) { body } else { body_start };
        current = Some(Open {
            text: keep.to_string(),
            heading,
            list_item,
            first: line.number,
            last: line.number,
            hard: hard_break,
        });
        if wrapped && trailing_space {
            flush(&mut current, &mut out, removed);
        }
    }
    flush(&mut current, &mut out, removed);
    out
}

/// Strips a Markdown list mark (`- （一）…`) and reports whether there was one.
fn strip_list_mark(text: &str) -> (&str, bool) {
    match text.trim_start().strip_prefix("- ") {
        Some(rest) if !rest.trim().is_empty() => (rest.trim_start(), true),
        _ => (text, false),
    }
}

/// Lines that are a paragraph of their own whatever precedes them: an article of a
/// regulation (`**第十三条**`, printed bold), a document number (`济建发〔2020〕23号`), a
/// salutation (`各区县人民政府，…：`, `各位代表：`) and a byline (`济南市市长 孙述涛`).
fn starts_own_paragraph(text: &str) -> bool {
    is_article_start(text) || is_doc_number(text) || is_salutation(text) || is_byline(text)
}

fn is_article_start(text: &str) -> bool {
    text.strip_prefix("**第")
        .and_then(|rest| rest.split_once("条**"))
        .is_some_and(|(n, _)| {
            !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十百".contains(c))
        })
}

fn is_doc_number(text: &str) -> bool {
    let t = crate::normalize::squeeze(text);
    let Some((head, tail)) = t.split_once('〔') else {
        return false;
    };
    let Some((year, num)) = tail.split_once('〕') else {
        return false;
    };
    (1..=10).contains(&head.chars().count())
        && head.chars().all(crate::normalize::is_cjk)
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && num
            .strip_suffix('号')
            .is_some_and(|n| (1..=4).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()))
}

fn is_salutation(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('各')
        && t.ends_with('：')
        && t.chars().count() <= 30
        && !t.contains(['。', '；'])
        && ["政府", "部门", "单位", "单位）", "代表", "委员"]
            .iter()
            .any(|e| t.trim_end_matches('：').ends_with(e))
}

/// An office and a name, as printed under a report's title: `济南市市长 孙述涛`.
fn is_byline(text: &str) -> bool {
    let t = text.trim();
    let Some((office, name)) = t.split_once(' ') else {
        return false;
    };
    let name = name.trim();
    t.chars().count() <= 16
        && ["市长", "区长", "书记", "主任", "局长"]
            .iter()
            .any(|o| office.ends_with(o))
        && (2..=4).contains(&name.chars().count())
        && office
            .chars()
            .chain(name.chars())
            .all(crate::normalize::is_cjk)
}

/// A line of Latin letters, digits and dashes alone (a register number,
/// `JNCR - 2020 - 0150004`): nothing of a sentence continues it.
fn is_code_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ' '))
}

/// Collapses stray spaces while keeping emphasis ranges pointing at the same characters.
fn collapse_with_ranges(text: &str, ranges: &[(u32, u32)]) -> (String, Vec<(u32, u32)>) {
    if text.contains('\t') {
        // Table rows keep their cell separators; the table parser handles them.
        return (text.to_string(), ranges.to_vec());
    }
    if ranges.is_empty() {
        return (
            text.split('\n')
                .map(collapse_spaces)
                .collect::<Vec<_>>()
                .join("\n"),
            Vec::new(),
        );
    }
    // Collapse piecewise so the range boundaries survive.
    let chars: Vec<char> = text.chars().collect();
    let mut cuts: Vec<u32> = ranges.iter().flat_map(|&(a, b)| [a, b]).collect();
    cuts.push(0);
    cuts.push(chars.len() as u32);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    let mut mapped = std::collections::HashMap::new();
    let mut pos: u32 = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        mapped.insert(a, pos);
        let piece: String = chars[a as usize..b as usize].iter().collect();
        let collapsed = piece
            .split('\n')
            .map(collapse_spaces)
            .collect::<Vec<_>>()
            .join("\n");
        pos += collapsed.chars().count() as u32;
        out.push_str(&collapsed);
        mapped.insert(b, pos);
    }
    let new_ranges = ranges
        .iter()
        .filter_map(|&(a, b)| Some((*mapped.get(&a)?, *mapped.get(&b)?)))
        .filter(|(a, b)| b > a)
        .collect();
    (out, new_ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> Vec<String> {
        let lines = numbered(src);
        let mut removed = Removed::default();
        paragraphs(&lines, &mut removed)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    fn check(src: &str, expected: &[&str]) {
        assert_eq!(run(src), expected, "source: {src:?}");
    }

    #[test]
    fn joins_words_broken_by_a_page() {
        check(
            "2017年全市地区生产总值达到7202亿元，同比增长8%，高于全省0.6个百分点；固定资产投\n\n资完成 4364 亿元，同比增长 13.5%。",
            &["2017年全市地区生产总值达到7202亿元，同比增长8%，高于全省0.6个百分点；固定资产投资完成4364亿元，同比增长13.5%。"],
        );
    }

    #[test]
    fn joins_lists_broken_by_a_page() {
        check(
            "（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的十九大和十九届二中、三中、\n\n四中全会精神，深化服务业供给侧结构性改革。",
            &["（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的十九大和十九届二中、三中、四中全会精神，深化服务业供给侧结构性改革。"],
        );
    }

    #[test]
    fn keeps_real_paragraph_boundaries() {
        check(
            "济南市人民政府办公厅\n\n2020年5月12日\n\n（此件公开发布）",
            &["济南市人民政府办公厅", "2020年5月12日", "（此件公开发布）"],
        );
        check(
            "一、总体思路\n\n（一）指导思想。以习近平",
            &["一、总体思路", "（一）指导思想。以习近平"],
        );
    }

    #[test]
    fn strips_markdown_and_keeps_bold() {
        let lines: Vec<Line> = [
            "## 一、2019年工作回顾",
            "**我们始终把疫情防控作为头等大事来抓**，迅速启动一级响应机制。",
            "---",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line {
            number: i as u32 + 1,
            text: t,
        })
        .collect();
        let mut removed = Removed::default();
        let got = paragraphs(&lines, &mut removed);
        assert_eq!(got[0].text, "一、2019年工作回顾");
        assert!(got[0].marked_heading);
        assert_eq!(
            got[1].text,
            "我们始终把疫情防控作为头等大事来抓，迅速启动一级响应机制。"
        );
        assert_eq!(got[1].emphasis, vec![(0, 17)]);
        assert_eq!(
            removed,
            Removed {
                markdown_marks: 3,
                rules: 1,
                ..Removed::default()
            }
        );
    }

    #[test]
    fn line_wrapped_columns_join_until_a_trailing_space() {
        let mut src = String::new();
        for _ in 0..12 {
            src.push_str("遵循产业发展规律，发挥产业比较优势，以更高水平的需\n\n求侧、供给侧动态平衡为目标，按照总思路推动产业向高端化。 \n\n");
        }
        let got = run(&src);
        assert_eq!(got.len(), 12);
        assert_eq!(got[0], "遵循产业发展规律，发挥产业比较优势，以更高水平的需求侧、供给侧动态平衡为目标，按照总思路推动产业向高端化。");
    }

    #[test]
    fn a_long_box_title_is_not_joined_with_its_text() {
        check(
            "专栏 10 新东站片区、临空经济区建设内容\n\n新东站片区。依托济南新东站规划建设。",
            &[
                "专栏10新东站片区、临空经济区建设内容",
                "新东站片区。依托济南新东站规划建设。",
            ],
        );
    }

    /// Runs the lines through page-number removal first, as the document build does.
    fn check_with_pages(src: &str, expected: &[&str], pages: usize) {
        let lines = numbered(src);
        let mut removed = Removed::default();
        let kept = strip_page_numbers(&lines, &mut removed);
        let got: Vec<String> = paragraphs(&kept, &mut removed)
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(got, expected, "source: {src:?}");
        assert_eq!(removed.page_numbers, pages, "source: {src:?}");
    }

    #[test]
    fn page_number_lines() {
        for (line, expected) in [
            ("- 18 - ", true),
            ("-18-", true),
            ("— 18 —", true),
            ("－56－", true),
            ("  - 3 -", true),
            ("- 1234 -", false),
            ("18", false),
            ("1-2", false),
            ("- 18", false),
            ("— 18 —年", false),
            ("社区党组织-网格党支部-", false),
        ] {
            assert_eq!(is_page_number_line(line), expected, "{line:?}");
        }
    }

    #[test]
    fn a_page_number_is_removed_and_the_sentence_joined() {
        // Line-wrapped 历下区 text: the page number line even ends with a space.
        let mut src = String::new();
        for _ in 0..10 {
            src.push_str("加快对外资金融机构设立、跨国外汇结算、外商资本流入的服\n\n务和政策支持，积极承接金融对外开放创新试点项目。 \n\n");
        }
        src.push_str("政策支持，积极承接金融对外开放创新试点项目落地，推动金\n\n\n\n- 18 - \n\n融业国际化进程。 ");
        let lines = numbered(&src);
        let mut removed = Removed::default();
        let kept = strip_page_numbers(&lines, &mut removed);
        let got = paragraphs(&kept, &mut removed);
        assert_eq!(
            got.last().map(|p| p.text.as_str()),
            Some("政策支持，积极承接金融对外开放创新试点项目落地，推动金融业国际化进程。")
        );
        assert_eq!((removed.page_numbers, removed.page_number_chars), (1, 4));
        // The gazette's paragraph-per-line text.
        check_with_pages(
            "2017年全市地区生产总值达到7202亿元，同比增长8%，高于全省0.6个百分点；固定资产投\n\n— 3 —\n\n资完成 4364 亿元。",
            &["2017年全市地区生产总值达到7202亿元，同比增长8%，高于全省0.6个百分点；固定资产投资完成4364亿元。"],
            1,
        );
    }

    #[test]
    fn short_lines_that_hold_a_sentence_are_joined() {
        check(
            "（四）招标采购。基础类公共设施改\n\n造实施主体依法办理招标或政府采购手续。",
            &["（四）招标采购。基础类公共设施改造实施主体依法办理招标或政府采购手续。"],
        );
        check(
            "各位代表！让我们更加紧密地团结在\n\n以习近平同志为核心的党中央周围。",
            &["各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围。"],
        );
        // A short line without a sentence in it stays a paragraph of its own.
        check(
            "济南市人民政府\n\n2020年5月9日",
            &["济南市人民政府", "2020年5月9日"],
        );
    }

    #[test]
    fn names_wrapped_in_a_list_are_joined() {
        check(
            "4. 中国工商银行股份有限公司济南\n\n分行\n\n5. 中国农业银行股份有限公司济南\n\n分行\n\n10. 中国邮政储蓄银行股份有限公司\n\n山东省分行",
            &[
                "4.中国工商银行股份有限公司济南分行",
                "5.中国农业银行股份有限公司济南分行",
                "10.中国邮政储蓄银行股份有限公司山东省分行",
            ],
        );
        // A signature after the last item is not a wrapped name.
        check(
            "10. 同圆设计集团有限公司\n\n济南市人民政府",
            &["10.同圆设计集团有限公司", "济南市人民政府"],
        );
    }

    #[test]
    fn a_bold_heading_is_not_run_into_the_item_before_it() {
        check(
            "10. 山东省建设建工（集团）有限责任公司\n\n**六、租赁和商务服务业（10户）**\n\n1. 山东省土地发展集团有限公司",
            &[
                "10.山东省建设建工（集团）有限责任公司",
                "六、租赁和商务服务业（10户）",
                "1.山东省土地发展集团有限公司",
            ],
        );
    }

    #[test]
    fn a_bracket_closing_a_word_does_not_end_the_paragraph() {
        check(
            "处理中心，不断提高生活垃圾减量化水平。加快“无违建”街道（社区）\n\n创建步伐，推动全区范围内既有违建处置工作。",
            &["处理中心，不断提高生活垃圾减量化水平。加快“无违建”街道（社区）创建步伐，推动全区范围内既有违建处置工作。"],
        );
        check(
            "积极发展线上教育，提升在线教育服务能力。（责任单位：市教育局）\n\n推进在线医疗发展，提升远程医疗服务水平。",
            &[
                "积极发展线上教育，提升在线教育服务能力。（责任单位：市教育局）",
                "推进在线医疗发展，提升远程医疗服务水平。",
            ],
        );
        check(
            "济南市人民政府办公厅\n\n（此件公开发布）",
            &["济南市人民政府办公厅", "（此件公开发布）"],
        );
    }

    #[test]
    fn hard_breaks_stay_inside_one_paragraph() {
        check(
            "济南市住房和城乡建设局  \n济南市自然资源和规划局  \n2020年5月9日",
            &["济南市住房和城乡建设局\n济南市自然资源和规划局\n2020年5月9日"],
        );
    }
}
