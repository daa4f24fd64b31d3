//! The classes of text defect a reader saw in the shipped documents, each checked over the
//! whole corpus: markup or Latin words shown as text, an article or salutation run into the
//! paragraph before, a numbered list item taken for a heading or left under its sibling,
//! and a wrapped paragraph cut at a `；` that ends a PDF line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use prep::normalize::squeeze;
use prep::{build, Outputs as Output};

mod common;
use common::inputs;

/// Every shipped paragraph with its document and section.
fn paragraphs(out: &Output) -> Vec<(&str, &model::Section, &model::Paragraph)> {
    let mut v = Vec::new();
    for d in &out.documents {
        for s in &d.sections {
            for b in &s.blocks {
                if let model::Block::Paragraph(p) = b {
                    v.push((d.id.as_str(), s, p));
                }
            }
        }
    }
    v
}

/// Every piece of shipped text: headings, paragraphs, table cells and notes.
fn texts(out: &Output) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for d in &out.documents {
        for s in &d.sections {
            v.push((
                format!("{} {}", d.id, s.anchor),
                format!("{}{}", s.number, s.title),
            ));
            for b in &s.blocks {
                match b {
                    model::Block::Paragraph(p) => {
                        v.push((format!("{} {}", d.id, p.anchor), p.text.clone()))
                    }
                    model::Block::Table(t) => {
                        for c in std::iter::once(&t.caption)
                            .chain(&t.header)
                            .chain(t.rows.iter().flatten())
                            .chain(&t.notes)
                        {
                            v.push((format!("{} {}", d.id, t.anchor), c.clone()));
                        }
                    }
                }
            }
        }
    }
    v
}

#[test]
fn shipped_text_has_no_markup_and_no_latin_words() {
    let out = build(&inputs()).unwrap();
    let found: Vec<String> = texts(&out)
        .into_iter()
        .filter_map(|(at, t)| prep::audit::artefact_in(&t).map(|a| format!("{at}: {a}: {t}")))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
    // Subscripts are characters, and a replaced word says what the source prints.
    let all: String = texts(&out).into_iter().map(|(_, t)| t).collect();
    assert!(all.contains("PM₂.₅平均浓度达到53微克/立方米"));
    assert!(all.contains("细颗粒物(PM₂.₅)浓度降低"));
    assert!(all.contains("由企业和〔原文为“and”〕群众评判"));
    assert_eq!(all.matches("和〔原文为“and”〕").count(), 4);
}

/// 1 → 一, 13 → 十三, 21 → 二十一.
fn cn(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n / 10 {
        0 => D[n as usize].into(),
        1 => format!("十{}", D[(n % 10) as usize]),
        t => format!("{}十{}", D[t as usize], D[(n % 10) as usize]),
    }
}

/// A regulation's articles each start a paragraph of their own, numbered without a gap.
#[test]
fn every_article_starts_its_own_paragraph() {
    let out = build(&inputs()).unwrap();
    for d in &out.documents {
        let starts: Vec<u32> = paragraphs(&out)
            .into_iter()
            .filter(|(doc, _, _)| *doc == d.id)
            .filter_map(|(_, _, p)| {
                (1..100).find(|&n| p.text.starts_with(&format!("第{}条", cn(n))))
            })
            .collect();
        if starts.is_empty() {
            continue;
        }
        let expected: Vec<u32> = (1..=starts.len() as u32).collect();
        assert_eq!(
            starts, expected,
            "{}: articles that start a paragraph",
            d.id
        );
    }
}

/// A salutation (`各区县人民政府，…：`, `各有关单位：`, `各位代表：`) is a paragraph of its
/// own: the title, document number or byline printed above it is not run into it.
#[test]
fn a_salutation_is_a_paragraph_of_its_own() {
    let out = build(&inputs()).unwrap();
    let mut glued = Vec::new();
    let mut seen = 0;
    for (doc, _, p) in paragraphs(&out) {
        let t = squeeze(&p.text);
        let Some(body) = t.strip_suffix('：') else {
            continue;
        };
        let addressed = ["各区县人民政府", "各有关单位", "各位代表"]
            .iter()
            .find_map(|s| body.find(s));
        if let Some(i) = addressed {
            seen += 1;
            if i > 0 {
                glued.push(format!("{doc} {}: {}", p.anchor, p.text));
            }
        }
    }
    assert!(seen >= 8, "salutations found: {seen}");
    assert!(glued.is_empty(), "{}", glued.join("\n"));
    let report = out
        .documents
        .iter()
        .find(|d| d.id == "gongzuo-baogao-2020")
        .unwrap();
    let heads: Vec<String> = report.sections[1]
        .blocks
        .iter()
        .take(3)
        .filter_map(|b| match b {
            model::Block::Paragraph(p) => Some(squeeze(&p.text)),
            model::Block::Table(_) => None,
        })
        .collect();
    assert_eq!(
        heads,
        [
            "——2020年5月12日在济南市第十七届人民代表大会第二次会议上",
            "济南市市长孙述涛",
            "各位代表："
        ]
    );
}

/// A numbered list item is a heading only when it titles text of its own: a whole
/// sentence with nothing under it is a numbered paragraph, and the item after heading `2.`
/// is its sibling `3.`, not text under `2.`.
#[test]
fn numbered_items_are_siblings_and_sentences_are_not_headings() {
    let out = build(&inputs()).unwrap();
    let mut wrong = Vec::new();
    for d in &out.documents {
        for s in d.sections.iter().filter(|s| s.level > 0) {
            let digits: String = s.number.chars().take_while(char::is_ascii_digit).collect();
            let Ok(n) = digits.parse::<u32>() else {
                continue;
            };
            if s.title.ends_with('。') && s.title.contains('，') && s.blocks.is_empty() {
                wrong.push(format!(
                    "{} {}: sentence as heading: {}",
                    d.id, s.anchor, s.title
                ));
            }
            for b in &s.blocks {
                if let model::Block::Paragraph(p) = b {
                    let next = format!("{}.", n + 1);
                    if squeeze(&p.text).starts_with(&next) {
                        wrong.push(format!(
                            "{} {}: {} under {}",
                            d.id, p.anchor, next, s.number
                        ));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// In a source extracted line by line from a narrow column, a line that ends on `；` with
/// no trailing space ends inside a paragraph: the next line goes on with it.
#[test]
fn a_wrapped_line_ending_on_a_semicolon_does_not_end_its_paragraph() {
    let inputs = inputs();
    let out = build(&inputs).unwrap();
    let spec: toml::Value = toml::from_str(&inputs.spec).unwrap();
    let mut cut = Vec::new();
    let mut checked = 0;
    for doc_spec in spec["document"].as_array().unwrap() {
        let id = doc_spec["id"].as_str().unwrap();
        let src = &doc_spec["sources"][0];
        let file = src["file"].as_str().unwrap();
        let span: Vec<usize> = src["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_integer().unwrap() as usize)
            .collect();
        let text = String::from_utf8(inputs.sources[file].clone()).unwrap();
        let lines: Vec<&str> = text
            .split('\n')
            .skip(span[0] - 1)
            .take(span[1] - span[0] + 1)
            .filter(|l| !l.trim().is_empty() && !prep::repair::is_page_number_line(l))
            .collect();
        let narrow = lines
            .iter()
            .filter(|l| (20..=32).contains(&l.trim_end().chars().count()))
            .count();
        if narrow * 2 <= lines.len() {
            continue;
        }
        let paras: Vec<String> = paragraphs(&out)
            .into_iter()
            .filter(|(d, _, _)| *d == id)
            .map(|(_, _, p)| squeeze(&p.text))
            .collect();
        for w in lines.windows(2) {
            let (line, next) = (w[0], w[1].trim());
            if !line.ends_with('；') || prep::repair::is_heading_start(next) {
                continue;
            }
            checked += 1;
            let tail: String = squeeze(line)
                .chars()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let head: String = squeeze(next).chars().take(8).collect();
            let joined = format!("{tail}{head}");
            if !paras.iter().any(|p| p.contains(&joined)) {
                cut.push(format!("{id}: …{tail} | {head}…"));
            }
        }
    }
    assert!(checked >= 3, "lines checked: {checked}");
    assert!(cut.is_empty(), "{}", cut.join("\n"));
}
