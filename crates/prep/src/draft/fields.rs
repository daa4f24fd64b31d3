//! Key fields: the innermost numbered headings of substantive chapters (a `(1)` sub-item
//! and a 专栏 box are not items of their own), with the departments their notes print.

use super::departments::notes;
use super::outline::{has_any, heading, is_box, is_sub_item, until, Outline};
use crate::facts::CuratedField;
use model::{Block, Section};

/// Verbs a task heading starts with, left out of its short label.
const VERBS: &[&str] = &[
    "加快",
    "推进",
    "推动",
    "加强",
    "强化",
    "提升",
    "优化",
    "完善",
    "实施",
    "建设",
    "打造",
    "构建",
    "深化",
    "扩大",
    "支持",
    "促进",
    "发展",
    "开展",
    "培育",
    "大力",
    "积极",
    "全面",
    "持续",
    "着力",
    "做大",
    "做强",
    "创新",
    "健全",
    "建立",
    "落实",
    "规范",
    "丰富",
    "坚持",
    "增强",
    "提高",
    "改造提升",
    "降低",
    "制定",
    "推行",
];

/// A heading that may be a key field: numbered, not a box, not a `(1)` sub-item.
fn candidate(s: &Section) -> bool {
    s.level >= 1 && !s.number.trim().is_empty() && !is_box(s) && !is_sub_item(s)
}

/// The key fields of a document, in reading order.
pub fn fields(outline: &Outline) -> Vec<CuratedField> {
    let mut out = Vec::new();
    for (i, s) in outline.sections.iter().enumerate() {
        if !candidate(s) || outline.excluded(i) || outline.in_project_chapter(i) {
            continue;
        }
        if has_any(&s.title, &["重点工程", "专项行动", "重大项目"]) {
            continue;
        }
        if outline.children(i).any(|(_, c)| candidate(c)) {
            continue;
        }
        let title = s
            .title
            .trim()
            .trim_end_matches(['。', '；', '.'])
            .to_string();
        out.push(CuratedField {
            id: String::new(),
            label: label(&title),
            summary: summary(s),
            departments: departments_under(outline, i),
            quote: heading(s),
            title,
            also: Vec::new(),
            merged: Vec::new(),
        });
    }
    out
}

/// A short label (2–8 characters): the heading's first clause without its leading verbs,
/// what follows `等` or a parenthesis, a closing `建设` and quotation marks.
pub fn label(title: &str) -> String {
    let mut t = until(title, &['，', ',', '：', '。', '（', '(', '等']).trim();
    let mut changed = true;
    while changed {
        changed = false;
        for v in VERBS {
            if let Some(rest) = t.strip_prefix(v) {
                if rest.chars().count() >= 2 {
                    t = rest;
                    changed = true;
                }
            }
        }
    }
    let t = t
        .strip_suffix("建设")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(t);
    t.chars()
        .filter(|c| !matches!(c, '“' | '”'))
        .take(8)
        .collect()
}

/// The first sentence of the section's own text (its first clause when long), without a
/// responsibility note.
fn summary(s: &Section) -> String {
    let Some(text) = s.blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) => Some(p.text.as_str()),
        Block::Table(_) => None,
    }) else {
        return String::new();
    };
    let sentence = until(text, &['。', '；', '（', '(']).trim();
    if sentence.chars().count() <= 60 {
        return sentence.to_string();
    }
    let clause = until(sentence, &['，']).trim();
    clause.chars().take(60).collect()
}

/// The bodies named in the notes of a section's text and of its subsections, in order.
pub fn departments_under(outline: &Outline, i: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (owner, p) in outline.paragraphs() {
        if !outline.within(owner, i) {
            continue;
        }
        for d in notes(&p.text) {
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(label(input), expected, "input: {input}");
    }

    #[test]
    fn labels() {
        check("推进养老服务机构建设", "养老服务机构");
        check("支持养老服务企业（组织）连锁化、品牌化发展", "养老服务企业");
        check("开展“家庭照护床位”试点", "家庭照护床位试点");
        check("落实养老机构税费减免等优惠政策", "养老机构税费减免");
        check("优化提升商业品质，赋予“厚道鲁商”新内涵", "商业品质");
        check("大力发展智慧交通", "智慧交通");
        check("现代物流", "现代物流");
    }
}
