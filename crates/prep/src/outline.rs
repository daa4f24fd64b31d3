//! Recognises the heading systems of Chinese policy documents and nests them by order of
//! first appearance: whichever style a document uses first is its top level.

/// A numbering style. Two headings of the same style are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Chapter,     // 第一章
    Section,     // 第一节
    CnComma,     // 一、
    CnParen,     // （一）
    ArabicDot,   // 1.  1．
    ArabicParen, // （1） (1)
    Box,         // 专栏 3
    Attachment,  // 附件 / 附件1
    Marked,      // a Markdown heading with no number
}

const CN_DIGITS: &str = "一二三四五六七八九十百零〇";

/// A heading found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingMatch<'a> {
    pub style: Style,
    /// The number as printed, e.g. `（一）`, `第二章`, `专栏 2`.
    pub number: &'a str,
    /// What follows the number.
    pub rest: &'a str,
}

fn take_while(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

fn is_cn_digit(c: char) -> bool {
    CN_DIGITS.contains(c)
}

/// Recognises the numbering at the start of `text`, if any.
pub fn heading_number(text: &str) -> Option<HeadingMatch<'_>> {
    let t = text;
    let make = |style, len: usize| {
        Some(HeadingMatch {
            style,
            number: t.get(..len)?,
            rest: t.get(len..)?.trim_start(),
        })
    };
    if let Some(after) = t.strip_prefix('第') {
        let n = take_while(after, is_cn_digit);
        if n > 0 {
            let tail = &after[n..];
            let unit = tail.chars().next()?;
            if unit == '章' || unit == '节' {
                let style = if unit == '章' {
                    Style::Chapter
                } else {
                    Style::Section
                };
                return make(style, '第'.len_utf8() + n + unit.len_utf8());
            }
        }
        return None;
    }
    if let Some(after) = t.strip_prefix("专栏") {
        let spaces = take_while(after, |c| c == ' ');
        let digits = take_while(&after[spaces..], |c| c.is_ascii_digit());
        if digits > 0 {
            return make(Style::Box, "专栏".len() + spaces + digits);
        }
        return None;
    }
    if let Some(after) = t.strip_prefix("附件") {
        let digits = take_while(after, |c| c.is_ascii_digit());
        let rest = &after[digits..];
        if rest.trim().is_empty() || rest.starts_with([' ', '：', ':']) {
            return make(Style::Attachment, "附件".len() + digits);
        }
        return None;
    }
    let n = take_while(t, is_cn_digit);
    if n > 0 {
        if t[n..].starts_with('、') {
            return make(Style::CnComma, n + '、'.len_utf8());
        }
        return None;
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(after) = t.strip_prefix(open) {
            let cn = take_while(after, is_cn_digit);
            let ar = take_while(after, |c| c.is_ascii_digit());
            let (style, n) = if cn > 0 {
                (Style::CnParen, cn)
            } else if ar > 0 && ar <= 2 {
                (Style::ArabicParen, ar)
            } else {
                return None;
            };
            if after[n..].starts_with(close) {
                return make(style, open.len_utf8() + n + close.len_utf8());
            }
            return None;
        }
    }
    let ar = take_while(t, |c| c.is_ascii_digit());
    if ar > 0 && ar <= 2 {
        let tail = &t[ar..];
        for dot in ['.', '．'] {
            if let Some(after) = tail.strip_prefix(dot) {
                // `1.5亿元` is a number, not a heading.
                if after.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                return make(Style::ArabicDot, ar + dot.len_utf8());
            }
        }
    }
    None
}

/// How a numbered paragraph splits into heading and text.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitHeading {
    pub title: String,
    /// Text after the embedded title (`（一）指导思想。以…` → `以…`), empty when none.
    pub body: String,
}

/// A title runs to the first `。` when that is close to the start; a short line without
/// one is a title as a whole; anything else is a numbered paragraph, not a heading.
const MAX_TITLE_CHARS: usize = 40;

pub fn split_heading(m: &HeadingMatch, marked: bool) -> Option<SplitHeading> {
    let rest = m.rest;
    if matches!(
        m.style,
        Style::Box | Style::Attachment | Style::Chapter | Style::Section
    ) {
        return Some(SplitHeading {
            title: rest.trim().to_string(),
            body: String::new(),
        });
    }
    if let Some(pos) = rest.find('。') {
        let title = &rest[..pos];
        let body = rest[pos + '。'.len_utf8()..].trim();
        if title.chars().count() <= MAX_TITLE_CHARS && !is_numbered_sentence(m, marked, title, body)
        {
            // The full stop stays with the title, as printed: `（一）指导思想。`
            return Some(SplitHeading {
                title: rest[..pos + '。'.len_utf8()].to_string(),
                body: body.to_string(),
            });
        }
        return None;
    }
    let short = rest.chars().count() <= MAX_TITLE_CHARS;
    // An arabic-numbered short line without a full stop is a list item (a name in a
    // list), unless the source marked it as a heading.
    if short && (marked || m.style != Style::ArabicDot) && !rest.ends_with(['，', '；', '、']) {
        return Some(SplitHeading {
            title: rest.trim().to_string(),
            body: String::new(),
        });
    }
    None
}

/// Titles of arabic-numbered headings without a text of their own are short names
/// (`1. 基础改造类。…`); a longer one, or one with a clause in it, standing alone, is a
/// numbered sentence of a list (`2. 基础类专业设施改造及完善改造、提升改造类项目，按照…执行。`).
const MAX_BARE_TITLE_CHARS: usize = 20;

fn is_numbered_sentence(m: &HeadingMatch, marked: bool, title: &str, body: &str) -> bool {
    m.style == Style::ArabicDot
        && !marked
        && body.is_empty()
        && (title.contains('，') || title.chars().count() > MAX_BARE_TITLE_CHARS)
}

/// Assigns nesting levels to a sequence of heading styles, by order of first appearance.
#[derive(Debug, Default)]
pub struct LevelStack {
    stack: Vec<Style>,
}

impl LevelStack {
    /// The 1-based level of a heading of this style, updating the stack.
    pub fn level(&mut self, style: Style) -> u8 {
        if style == Style::Box {
            // A box sits inside whatever section holds it and never becomes a parent style.
            self.stack.retain(|s| *s != Style::Box);
            self.stack.push(Style::Box);
            return self.stack.len() as u8;
        }
        self.stack.retain(|s| *s != Style::Box);
        if let Some(pos) = self.stack.iter().position(|s| *s == style) {
            self.stack.truncate(pos + 1);
        } else {
            self.stack.push(style);
        }
        self.stack.len() as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<(Style, &str, &str)>) {
        let got = heading_number(input).map(|m| (m.style, m.number, m.rest));
        assert_eq!(got, expected, "input: {input}");
    }

    #[test]
    fn numbering_styles() {
        check(
            "第一章 开启高质量发展新篇章",
            Some((Style::Chapter, "第一章", "开启高质量发展新篇章")),
        );
        check(
            "第二节 未来五年发展环境",
            Some((Style::Section, "第二节", "未来五年发展环境")),
        );
        check("一、总体思路", Some((Style::CnComma, "一、", "总体思路")));
        check(
            "十二、保障措施",
            Some((Style::CnComma, "十二、", "保障措施")),
        );
        check(
            "（一）指导思想。以习近平",
            Some((Style::CnParen, "（一）", "指导思想。以习近平")),
        );
        check(
            "（十）加强组织领导。",
            Some((Style::CnParen, "（十）", "加强组织领导。")),
        );
        check(
            "1. 塑造大数据产业优势。",
            Some((Style::ArabicDot, "1.", "塑造大数据产业优势。")),
        );
        check(
            "2.内部结构优化",
            Some((Style::ArabicDot, "2.", "内部结构优化")),
        );
        check(
            "（1）打造大数据产业平台。",
            Some((Style::ArabicParen, "（1）", "打造大数据产业平台。")),
        );
        check(
            "(3) 扩大大数据市场应用空间。",
            Some((Style::ArabicParen, "(3)", "扩大大数据市场应用空间。")),
        );
        check(
            "专栏 2 五大领域重大平台与重点项目",
            Some((Style::Box, "专栏 2", "五大领域重大平台与重点项目")),
        );
        check(
            "专栏3 “企业上云”行动计划",
            Some((Style::Box, "专栏3", "“企业上云”行动计划")),
        );
        check("附件", Some((Style::Attachment, "附件", "")));
        check(
            "附件1：任务分工",
            Some((Style::Attachment, "附件1", "：任务分工")),
        );
        check("1.5亿元用于", None);
        check("2017年全市", None);
        check("第十七届人大", None);
        check("附件详见", None);
        check("一般公共预算", None);
        check("专栏目录", None);
        check("（2020年5月9日印发）", None);
    }

    #[test]
    fn embedded_titles() {
        let split = |s: &'static str, marked| {
            let m = heading_number(s).unwrap();
            split_heading(&m, marked).map(|h| (h.title, h.body))
        };
        assert_eq!(
            split("（一）指导思想。以习近平新时代", false),
            Some(("指导思想。".into(), "以习近平新时代".into()))
        );
        assert_eq!(
            split("一、总体思路", false),
            Some(("总体思路".into(), String::new()))
        );
        assert_eq!(split("1. 国网山东省电力公司", false), None);
        assert_eq!(
            split("1. 国网山东省电力公司", true),
            Some(("国网山东省电力公司".into(), String::new()))
        );
        assert_eq!(
            split(
                "（二）发展目标。到2025年，打造形成10个高端生活性服务业集聚区。",
                false
            ),
            Some((
                "发展目标。".into(),
                "到2025年，打造形成10个高端生活性服务业集聚区。".into()
            ))
        );
    }

    #[test]
    fn levels_follow_first_appearance() {
        let mut stack = LevelStack::default();
        let got: Vec<u8> = [
            Style::CnComma,
            Style::CnParen,
            Style::ArabicDot,
            Style::Box,
            Style::ArabicDot,
            Style::CnParen,
            Style::CnComma,
        ]
        .into_iter()
        .map(|s| stack.level(s))
        .collect();
        assert_eq!(got, vec![1, 2, 3, 4, 3, 2, 1]);
    }
}
