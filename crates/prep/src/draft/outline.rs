//! The document as the drafter reads it: each section with its chain of headings, which
//! chapters are substantive (not background, not procedure), which sections are 专栏 boxes.

use crate::normalize::squeeze;
use model::{Block, Section};

/// Headings of chapters that state the background or the aims, not tasks.
const BACKGROUND: &[&str] = &[
    "总体要求",
    "总体思路",
    "指导思想",
    "基本原则",
    "发展目标",
    "工作目标",
    "行动目标",
    "主要目标",
    "目标定位",
    "工作原则",
    "形势",
    "发展基础",
    "回顾",
    "五年发展环境",
    "名单",
    "发展成效",
    "改造范围",
];

/// Headings of procedural chapters (`data/facts/README.md`): their items are not key fields.
const PROCEDURAL: &[&str] = &[
    "保障措施",
    "措施保障",
    "组织实施",
    "实施机制",
    "实施保障",
    "工作支持",
    "工作安排",
    "实施步骤",
    "组织领导",
    "监督考核",
    "统计监测",
    "附则",
];

/// Headings of chapters whose items are projects, not key fields.
const PROJECT_CHAPTERS: &[&str] = &["重点工程", "专项行动", "重大项目", "重大工程"];

/// A document's sections with what the drafter asks of them.
pub struct Outline<'a> {
    pub sections: &'a [Section],
}

impl<'a> Outline<'a> {
    pub fn new(sections: &'a [Section]) -> Self {
        Outline { sections }
    }

    pub fn get(&self, i: usize) -> Option<&'a Section> {
        self.sections.get(i)
    }

    /// The section and its ancestors, innermost first.
    pub fn chain(&self, i: usize) -> Vec<&'a Section> {
        let mut out = Vec::new();
        let mut cur = Some(i);
        while let Some(c) = cur {
            let Some(s) = self.sections.get(c) else { break };
            out.push(s);
            cur = s.parent.map(|p| p as usize);
        }
        out
    }

    /// True when section `j` is section `i` or within it.
    pub fn within(&self, j: usize, i: usize) -> bool {
        let mut cur = Some(j);
        while let Some(c) = cur {
            if c == i {
                return true;
            }
            cur = self
                .sections
                .get(c)
                .and_then(|s| s.parent)
                .map(|p| p as usize);
        }
        false
    }

    /// The section that owns a section's text: a heading-less continuation belongs to its
    /// parent.
    pub fn owner(&self, i: usize) -> usize {
        match self.sections.get(i) {
            Some(s) if i > 0 && s.level == 0 => s.parent.map_or(i, |p| p as usize),
            _ => i,
        }
    }

    /// The direct children of a section, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = (usize, &'a Section)> + '_ {
        let parent = i as u32;
        self.sections
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.parent == Some(parent))
    }

    /// True when a heading of the chain says background or procedure.
    pub fn excluded(&self, i: usize) -> bool {
        self.chain(i)
            .iter()
            .any(|s| has_any(&s.title, BACKGROUND) || has_any(&s.title, PROCEDURAL))
    }

    /// True when a section is (within) a chapter of background: what has been done, the
    /// situation, the aims in general. Its numbers are not targets.
    pub fn past(&self, i: usize) -> bool {
        const PAST: &[&str] = &[
            "回顾",
            "发展基础",
            "发展成效",
            "过去五年",
            "形势",
            "机遇挑战",
            "发展机遇",
            "面临挑战",
        ];
        self.chain(i).iter().any(|s| has_any(&s.title, PAST))
    }

    /// True when a section is within a chapter whose items are projects.
    pub fn in_project_chapter(&self, i: usize) -> bool {
        self.chain(i)
            .iter()
            .skip(1)
            .any(|s| has_any(&s.title, PROJECT_CHAPTERS))
    }

    /// The 专栏 box a section is, or is within.
    pub fn in_box(&self, i: usize) -> Option<&'a Section> {
        self.chain(i).into_iter().find(|s| is_box(s))
    }

    /// Every paragraph with the index of its owning section, in reading order.
    pub fn paragraphs(&self) -> Vec<(usize, &'a model::Paragraph)> {
        let mut out = Vec::new();
        for (i, s) in self.sections.iter().enumerate() {
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    out.push((self.owner(i), p));
                }
            }
        }
        out
    }
}

/// A heading as printed: its number and title.
pub fn heading(s: &Section) -> String {
    format!("{}{}", s.number, s.title)
}

/// A 专栏 box.
pub fn is_box(s: &Section) -> bool {
    squeeze(&s.number).starts_with("专栏")
}

/// A heading numbered `(1)` / `（1）`: a sub-item of a task, not a task of its own.
pub fn is_sub_item(s: &Section) -> bool {
    let n = squeeze(&s.number);
    (n.starts_with('(') || n.starts_with('（'))
        && n.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

pub fn has_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The text up to the first of `ends` (exclusive), or all of it.
pub fn until<'t>(text: &'t str, ends: &[char]) -> &'t str {
    text.find(ends)
        .map_or(text, |i| text.get(..i).unwrap_or(text))
}
