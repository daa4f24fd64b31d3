//! Tests over the real corpus in `data/`: conservation of the text, verified facts,
//! traceable metadata, and the floors the product promises.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use prep::normalize::squeeze;
use prep::{build, squeezed_text, Inputs};
use std::collections::BTreeMap;

mod common;
use common::{data_dir, inputs};

/// The source span with only the documented artefact kinds removed: Markdown heading marks,
/// bold marks, horizontal rules, page numbers printed on a line of their own, and all
/// whitespace (line and page breaks, stray spaces).
fn expected_text(source: &str, span: [u32; 2]) -> (String, BTreeMap<&'static str, usize>) {
    let mut removed = BTreeMap::new();
    let mut out = String::new();
    for line in source
        .split('\n')
        .skip(span[0] as usize - 1)
        .take((span[1] - span[0] + 1) as usize)
    {
        let trimmed = line.trim();
        if trimmed == "---" {
            *removed.entry("horizontal rule `---`").or_default() += 3;
            continue;
        }
        if page_number_in(trimmed).is_some_and(|p| p == trimmed) {
            *removed.entry("page number `- N -`").or_default() += squeeze(trimmed).chars().count();
            continue;
        }
        let mut l = line.trim_start();
        if l.starts_with('#') {
            let rest = l.trim_start_matches('#');
            if rest.starts_with(' ') || rest.is_empty() {
                *removed.entry("heading mark `#`").or_default() += l.len() - rest.len();
                l = rest;
            }
        }
        if let Some(rest) = l.strip_prefix("- ") {
            *removed.entry("list mark `-`").or_default() += 1;
            l = rest;
        }
        let bold = l.matches("**").count();
        if bold > 0 {
            *removed.entry("bold mark `**`").or_default() += bold * 2;
        }
        out.push_str(&l.replace("**", ""));
    }
    // Subscripts printed as markup become subscript characters.
    for (markup, rendered) in [("<sub>2.5</sub>", "₂.₅"), ("_{2.5}", "₂.₅")] {
        let n = out.matches(markup).count();
        if n > 0 {
            *removed.entry("subscript markup").or_default() +=
                n * (markup.chars().count() - rendered.chars().count());
            out = out.replace(markup, rendered);
        }
    }
    (squeeze(&latin_and_noted(&squeeze(&out))), removed)
}

/// `and` printed between two Chinese characters, read as 和 with a note that quotes it.
fn latin_and_noted(text: &str) -> String {
    let cjk = |c: Option<char>| c.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("and") {
        let before = rest[..i].chars().last();
        let after = rest[i + 3..].chars().next();
        out.push_str(&rest[..i]);
        out.push_str(if cjk(before) && cjk(after) {
            "和〔原文为“and”〕"
        } else {
            "and"
        });
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    out
}

#[test]
fn conservation_every_character_kept_but_documented_artefacts() {
    let inputs = inputs();
    let out = build(&inputs).expect("the corpus builds");
    let spec: toml::Value = toml::from_str(&inputs.spec).unwrap();
    for doc_spec in spec["document"].as_array().unwrap() {
        let id = doc_spec["id"].as_str().unwrap();
        let src = &doc_spec["sources"][0];
        let file = src["file"].as_str().unwrap();
        let lines = src["lines"].as_array().unwrap();
        let span = [
            lines[0].as_integer().unwrap() as u32,
            lines[1].as_integer().unwrap() as u32,
        ];
        let source = String::from_utf8(inputs.sources[file].clone()).unwrap();
        let (mut expected, mut removed) = expected_text(&source, span);
        let doc = out.documents.iter().find(|d| d.id == id).unwrap();
        // Table header rows printed again after a page break are dropped as page artefacts.
        for s in &doc.sections {
            for b in &s.blocks {
                if let model::Block::Table(t) = b {
                    let header = squeeze(&t.header.concat());
                    let mut count = 0;
                    while let Some(second) = expected.match_indices(&header).nth(1).map(|(i, _)| i)
                    {
                        expected.replace_range(second..second + header.len(), "");
                        count += 1;
                    }
                    *removed.entry("repeated table header").or_default() +=
                        count * header.chars().count();
                }
            }
        }
        let got = squeezed_text(&doc.sections);
        if got != expected {
            let pos = got
                .chars()
                .zip(expected.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let ctx = |s: &str| {
                s.chars()
                    .skip(pos.saturating_sub(20))
                    .take(50)
                    .collect::<String>()
            };
            panic!(
                "{id}: text differs at char {pos}\n got: {}\nwant: {}",
                ctx(&got),
                ctx(&expected)
            );
        }
        // The pipeline removed exactly the page numbers found here, and says so.
        let report = &out.reports[id];
        assert_eq!(
            report.removed.page_number_chars,
            removed.get("page number `- N -`").copied().unwrap_or(0),
            "{id}: page numbers removed"
        );
        let total: usize = removed.values().sum();
        eprintln!(
            "{id}: kept {} chars, removed besides whitespace {total}: {removed:?}",
            got.chars().count()
        );
        // Markdown marks (`**`, `#`, `-`) are structure the output keeps as emphasis,
        // headings and list items; what else goes (page numbers, rules, repeated table
        // headers, markup) is a small part of the text.
        let lost: usize = removed
            .iter()
            .filter(|(k, _)| !k.contains("mark"))
            .map(|(_, n)| n)
            .sum();
        assert!(
            lost * 20 < got.chars().count(),
            "{id}: removed more than 5%"
        );
    }
}

#[test]
fn the_quoted_repairs_hold_in_the_output() {
    let out = build(&inputs()).unwrap();
    let text =
        |id: &str| squeezed_text(&out.documents.iter().find(|d| d.id == id).unwrap().sections);
    assert!(text("xinjiu-dongneng").contains("固定资产投资完成4364亿元"));
    assert!(text("shenghuo-fuwu").contains("十九届二中、三中、四中全会精神"));
    // Paragraph boundaries the document has stay, and repaired ones are joined.
    let doc = out
        .documents
        .iter()
        .find(|d| d.id == "xinjiu-dongneng")
        .unwrap();
    let paras: Vec<&str> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            model::Block::Paragraph(p) => Some(p.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(paras
        .iter()
        .any(|p| p.contains("固定资产投资完成4364亿元") && p.starts_with("坚持发展是第一要务")));
}

#[test]
fn metadata_is_traceable_to_the_text() {
    let inputs = inputs();
    let out = build(&inputs).unwrap();
    let readme = squeeze(
        &String::from_utf8(std::fs::read(data_dir().join("sources/README.md")).unwrap()).unwrap(),
    )
    .replace('"', "");
    for meta in &out.index.documents {
        let src = &meta.sources[0];
        let source = String::from_utf8(inputs.sources[&src.file].clone()).unwrap();
        let span = squeeze(
            &source
                .split('\n')
                .skip(src.first_line as usize - 1)
                .take((src.last_line - src.first_line + 1) as usize)
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .replace("**", "")
        .replace('#', "");
        if !meta.doc_number.is_empty() {
            assert!(
                span.contains(&squeeze(&meta.doc_number)),
                "{}: 文号 {}",
                meta.id,
                meta.doc_number
            );
        }
        if !meta.date.is_empty() {
            let parts: Vec<u32> = meta.date.split('-').map(|p| p.parse().unwrap()).collect();
            let printed = format!("{}年{}月{}日", parts[0], parts[1], parts[2]);
            assert!(span.contains(&printed), "{}: date {printed}", meta.id);
        }
        let title = squeeze(&meta.title).replace(['“', '”'], "");
        let plain_span = span.replace(['“', '”'], "");
        assert!(
            plain_span.contains(&title) || readme.replace(['“', '”'], "").contains(&title),
            "{}: title {}",
            meta.id,
            meta.title
        );
        if !meta.issuer.is_empty() {
            for issuer in meta.issuer.split('、').map(squeeze) {
                assert!(span.contains(&issuer), "{}: issuer {issuer}", meta.id);
            }
        }
    }
}

#[test]
fn eleven_documents_and_the_promised_floors() {
    let out = build(&inputs()).unwrap();
    assert_eq!(out.index.documents.len(), 11);
    let count = |doc: &str, origin: model::Origin| {
        out.facts
            .targets
            .iter()
            .filter(|t| t.doc == doc && t.origin == origin)
            .count()
    };
    assert_eq!(
        count("xinjiu-dongneng", model::Origin::Table),
        19,
        "表 1 has 19 indicators"
    );
    assert_eq!(
        count("lixia-shisiwu", model::Origin::Table),
        33,
        "历下区 专栏 1 has 33 indicators"
    );
    assert!(
        out.facts
            .fields
            .iter()
            .filter(|f| f.doc == "shenghuo-fuwu")
            .count()
            >= 10
    );
    assert!(
        out.facts
            .projects
            .iter()
            .filter(|p| p.doc == "shenghuo-fuwu")
            .count()
            >= 5
    );
    assert!(count("qingdao-fuwuye", model::Origin::Prose) >= 20);
    assert!(count("gongzuo-baogao-2020", model::Origin::Prose) >= 9);
    let zx: Vec<_> = out
        .facts
        .targets
        .iter()
        .filter(|t| t.doc == "zaixian-xinjingji")
        .map(|t| {
            t.target
                .as_ref()
                .map(|f| f.text.clone())
                .unwrap_or_default()
        })
        .collect();
    for printed in ["200+", "300+", "4000+"] {
        assert!(zx.iter().any(|t| t == printed), "在线新经济 {printed}");
    }
    let gazette_docs = out
        .index
        .documents
        .iter()
        .filter(|d| d.gazette.is_some())
        .count();
    assert_eq!(gazette_docs, 8);
    let shfw = out
        .index
        .documents
        .iter()
        .find(|d| d.id == "shenghuo-fuwu")
        .unwrap();
    assert_eq!(
        shfw.sources.len(),
        2,
        "the 生活性服务业 opinion records both printings"
    );
}

#[test]
fn every_record_is_traceable_and_every_reference_resolves() {
    let out = build(&inputs()).unwrap();
    let docs: std::collections::HashMap<_, _> =
        out.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let blocks_of = |doc: &str| -> Vec<String> {
        let d = docs[doc];
        let mut v: Vec<String> = d.sections.iter().map(|s| s.anchor.clone()).collect();
        for s in &d.sections {
            for b in &s.blocks {
                v.push(match b {
                    model::Block::Paragraph(p) => p.anchor.clone(),
                    model::Block::Table(t) => t.anchor.clone(),
                });
            }
        }
        v
    };
    let mut ids = std::collections::HashSet::new();
    for t in &out.facts.targets {
        assert!(ids.insert(t.id.clone()), "duplicate {}", t.id);
        assert!(
            blocks_of(&t.doc).contains(&t.source.block),
            "{} block {}",
            t.id,
            t.source.block
        );
        let quote = squeeze(&t.source.quote);
        for f in [&t.baseline, &t.target, &t.growth].into_iter().flatten() {
            assert!(
                quote.contains(&squeeze(&f.text)),
                "{}: {} not in quote",
                t.id,
                f.text
            );
        }
    }
    for p in &out.facts.projects {
        assert!(ids.insert(p.id.clone()), "duplicate {}", p.id);
        for t in &p.targets {
            assert!(
                out.facts.targets.iter().any(|x| &x.id == t),
                "{} → {t}",
                p.id
            );
        }
        for d in &p.departments {
            assert!(
                out.facts.departments.iter().any(|x| &x.id == d),
                "{} → {d}",
                p.id
            );
        }
    }
    for f in &out.facts.fields {
        assert!(ids.insert(f.id.clone()), "duplicate {}", f.id);
        for d in &f.departments {
            assert!(
                out.facts.departments.iter().any(|x| &x.id == d),
                "{} → {d}",
                f.id
            );
        }
    }
    for d in &out.facts.departments {
        for r in d.fields.iter().chain(&d.projects).chain(&d.targets) {
            assert!(ids.contains(r), "{} → {r}", d.name);
        }
    }
}

#[test]
fn ids_and_records_are_unchanged_when_an_unrelated_record_is_added() {
    let a = build(&inputs()).unwrap();
    let mut more = inputs();
    // A new project, listed before every other file of its document, with a department
    // the text names.
    more.facts.insert(
        0,
        (
            "shenghuo-fuwu/0-added.toml".into(),
            "[[project]]\nid = \"p-added\"\nname = \"新增\"\nkind = \"项目\"\ndepartments = [\"市商务局\"]\nquote = \"（一）优化提升商业品质，赋予“厚道鲁商”新内涵。\"\n"
                .into(),
        ),
    );
    let b = build(&more).unwrap();
    assert_eq!(b.facts.projects.len(), a.facts.projects.len() + 1);
    for p in &a.facts.projects {
        let same = b.facts.projects.iter().find(|x| x.id == p.id);
        assert_eq!(same.map(json), Some(json(p)), "{}", p.id);
    }
    for t in &a.facts.targets {
        let same = b.facts.targets.iter().find(|x| x.id == t.id);
        assert_eq!(same.map(json), Some(json(t)), "{}", t.id);
    }
    for f in &a.facts.fields {
        let same = b.facts.fields.iter().find(|x| x.id == f.id);
        assert_eq!(same.map(json), Some(json(f)), "{}", f.id);
    }
    // Departments keep their ids (and their records, plus the new one).
    for d in &a.facts.departments {
        let same = b
            .facts
            .departments
            .iter()
            .find(|x| x.name == d.name)
            .unwrap();
        assert_eq!(same.id, d.id, "{}", d.name);
        assert!(d.projects.iter().all(|p| same.projects.contains(p)));
    }
    assert_eq!(
        serde_json::to_string(&a.documents).unwrap(),
        serde_json::to_string(&b.documents).unwrap()
    );
}

/// A record serialised, for comparison.
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn record_errors_name_the_file_and_line_of_the_record() {
    let file = "xinjiu-dongneng/targets-fields.toml";
    let text = inputs()
        .facts
        .into_iter()
        .find(|(l, _)| l == file)
        .unwrap()
        .1;
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map(|i| i as u32 + 1)
            .unwrap()
    };
    let (first, last) = (line_of("id = \"t-1\""), line_of("value = 35.0"));
    let errors = build(&edited(file, "value = 35.0", "value = 36.0")).unwrap_err();
    let e = errors
        .iter()
        .find(|e| e.message.contains("xinjiu-dongneng.t-1"))
        .unwrap();
    assert_eq!(e.file, format!("data/facts/{file}"));
    assert!(
        (first - 1..=last).contains(&e.line),
        "{e}: expected a line of the record ({first}–{last})"
    );
}

#[test]
fn a_wrong_number_is_refused() {
    let mut inputs = inputs();
    let (_, text) = inputs
        .facts
        .iter_mut()
        .find(|(l, _)| l.starts_with("xinjiu-dongneng/targets"))
        .unwrap();
    *text = text.replacen("value = 35.0", "value = 36.0", 1);
    let errors = build(&inputs).unwrap_err();
    assert!(
        errors.iter().any(|e| e.message.contains("36")),
        "{errors:?}"
    );
}

#[test]
fn a_quote_not_in_the_text_is_refused() {
    let mut inputs = inputs();
    inputs.facts.push((
        "shenghuo-fuwu/extra.toml".into(),
        "[[field]]\nid = \"f-x\"\ntitle = \"t\"\nlabel = \"l\"\nquote = \"这句话原文里没有\"\n"
            .into(),
    ));
    let errors = build(&inputs).unwrap_err();
    assert!(
        errors.iter().any(|e| e.message.contains("引文不在原文中")),
        "{errors:?}"
    );
}

#[test]
fn long_documents_ship_in_parts_that_hold_every_anchor_once() {
    use model::{parts::part_for_anchor, Block};
    use prep::parts::{section_chars, MAX_PART_CHARS};
    let out = build(&inputs()).unwrap();
    let mut split = Vec::new();
    for whole in &out.documents {
        let meta = out
            .index
            .documents
            .iter()
            .find(|d| d.id == whole.id)
            .unwrap();
        let files: Vec<&model::Document> = meta
            .parts
            .iter()
            .map(|span| {
                let (_, doc) = out
                    .document_parts
                    .iter()
                    .find(|(f, _)| *f == span.file)
                    .unwrap();
                doc
            })
            .collect();
        // The parts, in order, are the whole text, nothing lost or repeated.
        let joined: Vec<&model::Section> = files.iter().flat_map(|d| &d.sections).collect();
        assert_eq!(
            joined,
            whole.sections.iter().collect::<Vec<_>>(),
            "{}",
            whole.id
        );
        let total: usize = whole.sections.iter().map(section_chars).sum();
        assert_eq!(
            files.len() > 1,
            total > MAX_PART_CHARS,
            "{}: split only when long",
            whole.id
        );
        for (k, doc) in files.iter().enumerate() {
            assert_eq!(doc.part as usize, k);
            assert_eq!(doc.sections[0].anchor, meta.parts[k].first_anchor);
            let chars: usize = doc.sections.iter().map(section_chars).sum();
            assert!(
                chars <= MAX_PART_CHARS,
                "{} part {k}: {chars} characters",
                whole.id
            );
            // Every anchor the part holds is found in it from the index alone.
            for s in &doc.sections {
                assert_eq!(
                    part_for_anchor(&meta.parts, &s.anchor),
                    k,
                    "{} {}",
                    whole.id,
                    s.anchor
                );
                for b in &s.blocks {
                    let anchor = match b {
                        Block::Paragraph(p) => &p.anchor,
                        Block::Table(t) => &t.anchor,
                    };
                    assert_eq!(
                        part_for_anchor(&meta.parts, anchor),
                        k,
                        "{} {anchor}",
                        whole.id
                    );
                }
            }
            // Every part carries the whole outline, each heading marked with its part.
            for e in &doc.outline {
                assert_eq!(part_for_anchor(&meta.parts, &e.anchor), e.part as usize);
            }
            assert_eq!(doc.outline, files[0].outline);
        }
        if files.len() > 1 {
            split.push(whole.id.as_str());
        }
    }
    assert_eq!(split, ["xinjiu-dongneng", "lixia-shisiwu"]);
}

/// Characters that end a sentence or a clause a paragraph may end on.
const FINAL: &[char] = &['。', '！', '？', '；', '：', '…', '!', '?', ';', ':'];

/// Whether a shipped paragraph ends as printed prose ends: on final punctuation, on a
/// closing quote after it (`…。”`), or on a bracket that closes an attribution
/// (`（责任单位：…）`), a sentence (`…。）`) or the whole paragraph (`（此件公开发布）`).
fn ends_with_final_punctuation(text: &str) -> bool {
    let chars: Vec<char> = text.trim_end().chars().collect();
    let Some(&last) = chars.last() else {
        return true;
    };
    if FINAL.contains(&last) {
        return true;
    }
    if matches!(last, '”' | '’' | '"') {
        return chars.len() >= 2 && FINAL.contains(&chars[chars.len() - 2]);
    }
    if matches!(last, '）' | ')') {
        // Find the matching opening bracket.
        let mut depth = 0;
        for i in (0..chars.len()).rev() {
            match chars[i] {
                '）' | ')' => depth += 1,
                '（' | '(' => {
                    depth -= 1;
                    if depth == 0 {
                        let group = &chars[i..];
                        return i == 0
                            || group.iter().any(|c| matches!(c, '：' | ':'))
                            || FINAL.contains(&chars[chars.len() - 2]);
                    }
                }
                _ => {}
            }
        }
    }
    false
}

/// Why a paragraph may end without final punctuation, or `None` when it may not. Each kind
/// is narrow on purpose: a broken sentence must not pass for one of them.
fn unpunctuated_kind(text: &str, doc_title: &str) -> Option<&'static str> {
    let s = squeeze(text);
    let is_date = |l: &str| {
        // `2020年5月12日`, optionally `印发`: digits, 年, digits, 月, digits, 日.
        let l = l.strip_suffix("印发").unwrap_or(l);
        let parts: Vec<&str> = l.split(['年', '月', '日']).collect();
        parts.len() == 4
            && l.ends_with('日')
            && parts[..3]
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && parts[0].len() == 4
    };
    let is_organ = |l: &str| {
        l.chars().count() <= 20
            && l.chars().all(prep::normalize::is_cjk)
            && !l.contains(FINAL)
            && !l.contains(['，', '、', '（', '）'])
            && ["人民政府", "办公厅", "局", "委员会"]
                .iter()
                .any(|e| l.ends_with(e))
    };
    // 文号: issuer abbreviation, year in 〔〕, number, 号.
    if let Some((head, tail)) = s.split_once('〔') {
        if let Some((year, num)) = tail.split_once('〕') {
            if (1..=10).contains(&head.chars().count())
                && year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && num.strip_suffix('号').is_some_and(|n| {
                    !n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit())
                })
            {
                return Some("文号");
            }
        }
    }
    if is_date(&s) {
        return Some("date");
    }
    let lines: Vec<String> = text.split('\n').map(squeeze).collect();
    if lines.iter().all(|l| is_organ(l) || is_date(l)) && lines.iter().any(|l| is_organ(l)) {
        return Some("signature");
    }
    if s == squeeze(doc_title) {
        return Some("title");
    }
    // A notice's title under its issuers' names, one a line: `…城市管理局\n关于印发《…》的通知`.
    if lines.len() > 1
        && lines.iter().all(|l| !l.contains(FINAL))
        && lines.last().is_some_and(|l| {
            l.starts_with("关于") && l.ends_with("的通知") && l.contains(&squeeze(doc_title))
        })
    {
        return Some("title");
    }
    // The occasion under a report's title (`——2020年5月12日在…会议上`) and its byline
    // (`济南市市长孙述涛`: an office and a name of two to four characters).
    if s.starts_with("——") && s.ends_with("会议上") && !s.contains(FINAL) {
        return Some("subtitle");
    }
    if let Some(i) = s.find("市长") {
        let (place, name) = (&s[..i], &s[i + "市长".len()..]);
        if place.ends_with('市')
            && place.chars().count() <= 4
            && (2..=4).contains(&name.chars().count())
        {
            return Some("byline");
        }
    }
    // A register number printed above a notice: Latin letters, digits and dashes.
    if s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    {
        return Some("register number");
    }
    // The gazette's editorial note under a document (`注：本文附件详见济南市人民政府网站`),
    // printed without a full stop: one short line, nothing after the label but a clause.
    if let Some(rest) = s.strip_prefix("注：") {
        if !text.contains('\n') && rest.chars().count() <= 30 && !rest.contains(FINAL) {
            return Some("note");
        }
    }
    // A numbered list item: `4.山东省鲁信投资控股集团有限公司`, a name with no sentence
    // (and no second heading like `六、…` run into it).
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && s[digits..].starts_with(['.', '．'])
        && !s[digits + 1..].starts_with(|c: char| c.is_ascii_digit())
        && s.chars().count() <= 40
        && !s.contains(['。', '，', '、', '；', '：', '！', '？'])
    {
        return Some("list item");
    }
    None
}

#[test]
fn unpunctuated_kinds_are_narrow() {
    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(
            unpunctuated_kind(text, "济南市新旧动能转换重大工程实施规划"),
            expected,
            "{text}"
        );
    }
    check("济政办字〔2020〕19号", Some("文号"));
    check("2020年5月12日", Some("date"));
    check("2020年5月12日印发", Some("date"));
    check("济南市人民政府办公厅", Some("signature"));
    check(
        "济南市住房和城乡建设局\n济南市城市管理局\n2020年5月9日",
        Some("signature"),
    );
    check("济南市新旧动能转换重大工程实施规划", Some("title"));
    check("4.山东省鲁信投资控股集团有限公司", Some("list item"));
    check("2.老旧小区改造任务分工表", Some("list item"));
    // Broken sentences are none of these.
    check("基础类公共设施改", None);
    check("分行", None);
    check("各位代表！让我们更加紧密地团结在", None);
    check("（二）推进法治政府建设。坚持依宪", None);
    check("1.5亿元用于", None);
    check("到2025年，建成区", None);
    check("推动金-18-", None);
    check(
        "10.山东省建设建工（集团）有限责任公司六、租赁和商务服务业（10户）",
        None,
    );
    check("注：本文附件详见济南市人民政府网站", Some("note"));
    check(
        "——2020年5月12日在济南市第十七届人民代表大会第二次会议上",
        Some("subtitle"),
    );
    check("济南市市长孙述涛", Some("byline"));
    check("JNCR-2020-0150004", Some("register number"));
    check("——2020年5月12日在济南市第十七届", None);
    check("推进济南市市长清路建设", None);
    check("注：带*号为2016年数据。其余为", None);
    assert!(ends_with_final_punctuation(
        "（责任单位：市商务局、市发展改革委）"
    ));
    assert!(ends_with_final_punctuation("（此件公开发布）"));
    assert!(ends_with_final_punctuation("推动金融业国际化进程。”"));
    assert!(!ends_with_final_punctuation("完善党委（党组）"));
    assert!(!ends_with_final_punctuation("加快“无违建”街道（社区）"));
    assert!(!ends_with_final_punctuation("打造国际化“金融+总部”"));
}

/// A page number as the PDF printed it in the footer: `-18-`, `- 18 -`, `— 18 —`, `－18－`,
/// i.e. one to three digits between two dashes, not part of a longer number.
fn page_number_in(text: &str) -> Option<String> {
    let dash = |c: char| matches!(c, '-' | '－' | '—' | '–' | '─');
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        if !dash(chars[i]) || (i > 0 && chars[i - 1].is_ascii_digit()) {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let start = j;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if !(1..=3).contains(&(j - start)) {
            continue;
        }
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if j < chars.len() && dash(chars[j]) && !chars.get(j + 1).is_some_and(char::is_ascii_digit)
        {
            return Some(chars[i..=j].iter().collect());
        }
    }
    None
}

#[test]
fn page_number_patterns() {
    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(page_number_in(text).as_deref(), expected, "{text}");
    }
    check("推动金-18-", Some("-18-"));
    check("- 56 - ", Some("- 56 -"));
    check("— 18 —", Some("— 18 —"));
    check("打造 1-2 处重点产业集聚区", None);
    check("社区党组织-网格党支部-网格党小组", None);
    check("2020-2025-", None);
    check("—", None);
}

/// Paragraphs the source itself prints without a full stop, by document and first four
/// characters: 第十二条 of the 外立面办法 ends `…监理和验收` on the page.
const PRINTED_WITHOUT_FULL_STOP: &[(&str, &str)] = &[("jianzhu-wailimian", "第十二条")];

/// Every paragraph of every shipped document ends as prose ends, or is one of the few
/// kinds printed without final punctuation; no page number is left anywhere in the text.
#[test]
fn shipped_text_has_no_broken_paragraphs_and_no_page_numbers() {
    let inputs = inputs();
    let out = build(&inputs).unwrap();
    let mut broken = Vec::new();
    let mut page_numbers = Vec::new();
    for doc in &out.documents {
        let title = &out
            .index
            .documents
            .iter()
            .find(|d| d.id == doc.id)
            .unwrap()
            .title;
        for s in &doc.sections {
            for t in [&s.number, &s.title] {
                if let Some(p) = page_number_in(t) {
                    page_numbers.push(format!("{} {}: {p} in {t}", doc.id, s.anchor));
                }
            }
            for b in &s.blocks {
                match b {
                    model::Block::Paragraph(p) => {
                        if let Some(n) = page_number_in(&p.text) {
                            page_numbers.push(format!("{} {}: {n}", doc.id, p.anchor));
                        }
                        if !ends_with_final_punctuation(&p.text)
                            && unpunctuated_kind(&p.text, title).is_none()
                            && !PRINTED_WITHOUT_FULL_STOP.contains(&(
                                doc.id.as_str(),
                                squeeze(&p.text)
                                    .chars()
                                    .take(4)
                                    .collect::<String>()
                                    .as_str(),
                            ))
                        {
                            let tail: String = p
                                .text
                                .chars()
                                .rev()
                                .take(16)
                                .collect::<Vec<_>>()
                                .into_iter()
                                .rev()
                                .collect();
                            broken.push(format!("{} {}: …{tail}", doc.id, p.anchor));
                        }
                    }
                    model::Block::Table(t) => {
                        let cells = std::iter::once(&t.caption)
                            .chain(&t.header)
                            .chain(t.rows.iter().flatten())
                            .chain(&t.notes);
                        for c in cells {
                            if let Some(n) = page_number_in(c) {
                                page_numbers.push(format!("{} {}: {n}", doc.id, t.anchor));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        broken.is_empty() && page_numbers.is_empty(),
        "{} paragraphs end mid-sentence:\n{}\n{} page numbers in shipped text:\n{}",
        broken.len(),
        broken.join("\n"),
        page_numbers.len(),
        page_numbers.join("\n")
    );
}

/// How many blocks (paragraphs or a table) each 专栏 box holds, as printed: a box ends where
/// its items end, and the ordinary text after it belongs to the section that holds the box.
/// Read off the sources by hand; boxes not listed here run to the next heading.
const BOX_ITEMS: &[(&str, &str, usize)] = &[
    ("lixia-shisiwu", "专栏1", 1),
    ("lixia-shisiwu", "专栏2", 1),
    ("lixia-shisiwu", "专栏3", 4),
    ("lixia-shisiwu", "专栏4", 1),
    ("lixia-shisiwu", "专栏5", 1),
    ("lixia-shisiwu", "专栏6", 2),
    ("lixia-shisiwu", "专栏7", 1),
];

/// For each block anchor of a document, the anchor of the innermost heading whose text
/// holds it: headings nest by level, a box holds only its printed items, and a section
/// without a heading of its own (level 0 after the root) continues the one above.
fn innermost_headings(doc: &model::Document) -> BTreeMap<String, String> {
    struct Open {
        level: u8,
        anchor: String,
        items_left: Option<usize>,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut out = BTreeMap::new();
    for (i, s) in doc.sections.iter().enumerate() {
        if i == 0 || s.level > 0 {
            stack.retain(|o| o.level < s.level && o.items_left.is_none());
            let number = squeeze(&s.number);
            let items = BOX_ITEMS
                .iter()
                .find(|(d, n, _)| *d == doc.id && *n == number)
                .map(|(_, _, k)| *k);
            out.insert(s.anchor.clone(), s.anchor.clone());
            stack.push(Open {
                level: s.level,
                anchor: s.anchor.clone(),
                items_left: items,
            });
        }
        for b in &s.blocks {
            let anchor = match b {
                model::Block::Paragraph(p) => &p.anchor,
                model::Block::Table(t) => &t.anchor,
            };
            while stack.last().is_some_and(|o| o.items_left == Some(0)) {
                stack.pop();
            }
            let top = stack.last_mut().unwrap();
            if let Some(k) = top.items_left.as_mut() {
                *k -= 1;
            }
            out.insert(anchor.clone(), top.anchor.clone());
        }
    }
    out
}

/// Every record names as its section the innermost heading above its quote in the text:
/// not a 专栏 box that ended before it.
#[test]
fn every_record_sits_under_the_innermost_heading_above_its_quote() {
    let out = build(&inputs()).unwrap();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for doc in &out.documents {
        let expected = innermost_headings(doc);
        // Where a quote is found, block by block in reading order (a section's first
        // paragraph also answers for a quote that starts in its heading).
        let mut blocks: Vec<(String, String)> = Vec::new();
        for s in &doc.sections {
            blocks.push((
                s.anchor.clone(),
                squeeze(&format!("{}{}", s.number, s.title)),
            ));
            for (k, b) in s.blocks.iter().enumerate() {
                match b {
                    model::Block::Paragraph(p) => {
                        let text = if k == 0 {
                            format!("{}{}{}", s.number, s.title, p.text)
                        } else {
                            p.text.clone()
                        };
                        blocks.push((p.anchor.clone(), squeeze(&text)));
                    }
                    model::Block::Table(t) => {
                        for row in t.rows.iter().chain(std::iter::once(&t.notes)) {
                            blocks.push((t.anchor.clone(), squeeze(&row.concat())));
                        }
                    }
                }
            }
        }
        let records = out
            .facts
            .fields
            .iter()
            .map(|r| (&r.id, &r.source))
            .chain(out.facts.projects.iter().map(|r| (&r.id, &r.source)))
            .chain(out.facts.targets.iter().map(|r| (&r.id, &r.source)))
            .chain(out.facts.lists.iter().map(|r| (&r.id, &r.source)))
            .filter(|(_, src)| src.doc == doc.id);
        for (id, src) in records {
            let q = squeeze(&src.quote);
            let (block, _) = blocks
                .iter()
                .find(|(_, text)| text.contains(&q))
                .unwrap_or_else(|| panic!("{id}: quote not found"));
            checked += 1;
            let want = &expected[block];
            if &src.section != want {
                wrong.push(format!(
                    "{id}: in {} under {want}, names {}",
                    block, src.section
                ));
            }
        }
    }
    assert!(checked > 500, "{checked} records checked");
    assert!(
        wrong.is_empty(),
        "{} of {checked} records name the wrong section:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Merged cells ship as spans: each span's first cell holds the text, the cells it covers
/// are empty, spans do not overlap; 历下区 专栏 1 merges 完成上级下达任务 over rows 16–18
/// and 20–21.
#[test]
fn merged_cells_ship_as_spans() {
    let out = build(&inputs()).unwrap();
    let mut tables = 0;
    for doc in &out.documents {
        for b in doc.sections.iter().flat_map(|s| &s.blocks) {
            let model::Block::Table(t) = b else { continue };
            tables += 1;
            let mut covered = std::collections::HashSet::new();
            for s in &t.spans {
                let (r, c, n) = (s.row as usize, s.col as usize, s.rows as usize);
                assert!(
                    n >= 2 && r + n <= t.rows.len(),
                    "{} {}: {s:?}",
                    doc.id,
                    t.anchor
                );
                assert!(!t.rows[r][c].is_empty(), "{} {}: {s:?}", doc.id, t.anchor);
                for k in r..r + n {
                    assert!(
                        covered.insert((k, c)),
                        "{} {}: overlap {s:?}",
                        doc.id,
                        t.anchor
                    );
                    if k > r {
                        assert_eq!(t.rows[k][c], "", "{} {}: {s:?}", doc.id, t.anchor);
                    }
                }
            }
        }
    }
    assert_eq!(tables, 2);
    let lixia = out
        .documents
        .iter()
        .find(|d| d.id == "lixia-shisiwu")
        .unwrap();
    let t = lixia
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            model::Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    let span = |row: usize| {
        let r = &t.rows[row];
        (3..=5)
            .map(|col| {
                t.spans
                    .iter()
                    .find(|s| s.row as usize == row && s.col as usize == col)
                    .map(|s| (r[col].as_str(), s.rows))
            })
            .collect::<Vec<_>>()
    };
    // Rows are numbered from 1 in the table, from 0 in `rows`.
    assert_eq!(t.rows[15][1], "16");
    assert_eq!(span(15), vec![Some(("完成上级下达任务", 3)); 3]);
    assert_eq!(t.rows[19][1], "20");
    assert_eq!(span(19), vec![Some(("完成上级下达任务", 2)); 3]);
    assert_eq!(span(18), vec![None; 3], "row 19 prints its own values");
}

#[test]
fn a_second_quote_must_be_in_the_text_and_restate_the_target() {
    let mut inputs = inputs();
    let (_, text) = inputs
        .facts
        .iter_mut()
        .find(|(l, _)| l.starts_with("lixia-shisiwu/targets"))
        .unwrap();
    let restated = "also = [\"现代服务业占服务业增加值比重达到 65%以上\"]";
    assert!(text.contains(restated), "t-2 carries its prose restatement");
    // Another sentence of the text that states a different number is not a restatement …
    *text = text.replacen(restated, "also = [\"实际使用外资超过 33 亿美元\"]", 1);
    let errors = build(&inputs).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("lixia-shisiwu.t-2") && e.message.contains("没有复述")),
        "{errors:?}"
    );
    // … and a sentence not in the text is refused like any quote.
    let (_, text) = inputs
        .facts
        .iter_mut()
        .find(|(l, _)| l.starts_with("lixia-shisiwu/targets"))
        .unwrap();
    *text = text.replacen(
        "实际使用外资超过 33 亿美元\"]",
        "服务业比重达到 65%以上，原文没有\"]",
        1,
    );
    let errors = build(&inputs).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("also 引文不在原文中")),
        "{errors:?}"
    );
}

#[test]
fn a_merged_id_is_never_reused() {
    let mut inputs = inputs();
    inputs.facts.push((
        "lixia-shisiwu/extra.toml".into(),
        "[[target]]\nid = \"t-36\"\nindicator = \"x\"\norigin = \"prose\"\nqualitative = \"完成\"\nquote = \"完成\"\n"
            .into(),
    ));
    let errors = build(&inputs).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("lixia-shisiwu.t-36") && e.message.contains("已被合并")),
        "{errors:?}"
    );
}

/// Replaces `from` by `to` once in the facts file whose label starts with `file`.
fn edited(file: &str, from: &str, to: &str) -> Inputs {
    let mut inputs = inputs();
    let (_, text) = inputs
        .facts
        .iter_mut()
        .find(|(l, _)| l.starts_with(file))
        .unwrap();
    assert!(text.contains(from), "{file}: {from}");
    *text = text.replacen(from, to, 1);
    inputs
}

#[test]
fn every_year_says_where_it_is_printed_and_only_honest_years_pass() {
    let out = build(&inputs()).unwrap();
    for t in &out.facts.targets {
        for f in [&t.baseline, &t.target, &t.growth].into_iter().flatten() {
            assert_eq!(f.year.is_some(), f.year_source.is_some(), "{}", t.id);
        }
    }
    let source = |id: &str| {
        let t = out.facts.targets.iter().find(|t| t.id == id).unwrap();
        t.baseline
            .as_ref()
            .or(t.target.as_ref())
            .unwrap()
            .year_source
    };
    use model::YearSource::*;
    assert_eq!(source("xinjiu-dongneng.t-1"), Some(TableNote));
    assert_eq!(source("xinjiu-dongneng.t-2"), Some(TableHeader));
    assert_eq!(source("gongzuo-baogao-2020.t-15"), Some(Heading));
    assert_eq!(source("lixia-shisiwu.t-10"), Some(TableHeader));

    // A value the table marks `*` (2016 data) cannot carry the column's 2017.
    let wrong = edited(
        "xinjiu-dongneng/targets",
        "baseline = { year = 2016, value = 21.8",
        "baseline = { year = 2017, value = 21.8",
    );
    let errors = build(&wrong).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("xinjiu-dongneng.t-1") && e.message.contains("表注")),
        "{errors:?}"
    );
    // A heading year must be the year the nearest dated heading prints.
    let wrong = edited(
        "gongzuo-baogao-2020/facts",
        "year = 2020, value = 3047.0",
        "year = 2019, value = 3047.0",
    );
    let errors = build(&wrong).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("gongzuo-baogao-2020.t-15")
                && e.message.contains("2020年重点工作任务")),
        "{errors:?}"
    );
}

#[test]
fn a_misprinted_unit_is_corrected_with_a_note_and_the_printed_text_kept() {
    let out = build(&inputs()).unwrap();
    let t = out
        .facts
        .targets
        .iter()
        .find(|t| t.id == "lixia-shisiwu.t-1")
        .unwrap();
    assert_eq!(t.unit, "%");
    let m = t.unit_misprint.as_ref().unwrap();
    assert!(squeeze(&t.source.quote).contains(&m.printed));
    // The printed unit must really be printed.
    let wrong = edited(
        "lixia-shisiwu/targets",
        "printed = \"亿元\"",
        "printed = \"万元\"",
    );
    let errors = build(&wrong).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("lixia-shisiwu.t-1")),
        "{errors:?}"
    );
}

#[test]
fn departments_say_what_kind_of_body_they_are() {
    use model::DepartmentKind::*;
    let out = build(&inputs()).unwrap();
    let kind = |name: &str| {
        out.facts
            .departments
            .iter()
            .find(|d| d.name == name || d.aliases.iter().any(|a| a == name))
            .map(|d| (d.name.clone(), d.kind))
    };
    // The 好差评 opinion defines the long name as 各区县政府: one collective body.
    for spelling in [
        "各区县政府",
        "各区县政府及代管镇、街道的功能区管理机构",
        "各区县政府和代管镇、街道的功能区管理机构",
    ] {
        assert_eq!(kind(spelling), Some(("各区县政府".into(), Collective)));
    }
    assert_eq!(kind("市有关部门").map(|k| k.1), Some(Collective));
    assert_eq!(kind("国网济南供电公司").map(|k| k.1), Some(Enterprise));
    assert_eq!(kind("市商务局").map(|k| k.1), Some(Agency));
    // A company left unmarked is refused.
    let mut unmarked = inputs();
    unmarked.departments = unmarked.departments.replace(
        "name = \"电信济南分公司\"\nkind = \"enterprise\"",
        "name = \"电信济南分公司\"",
    );
    let errors = build(&unmarked).unwrap_err();
    assert!(
        errors.iter().any(|e| e.message.contains("电信济南分公司")),
        "{errors:?}"
    );
}

#[test]
fn every_audit_finding_is_acknowledged_and_every_acknowledgement_still_matches() {
    use prep::audit;
    let out = build(&inputs()).unwrap();
    let label = "data/audit-allow.toml";
    let text = std::fs::read_to_string(data_dir().join("audit-allow.toml")).unwrap();
    let allow = audit::parse_allow_list(label, &text).unwrap_or_else(|e| panic!("{e}"));
    let findings = audit::audit(&out.facts, &out.documents);
    let review = audit::review(&findings, &allow, label, &text);
    let new: Vec<String> = review
        .unacknowledged()
        .map(|f| format!("{} {} {}", f.rule.name(), f.records.join(" "), f.detail))
        .collect();
    assert!(
        new.is_empty(),
        "new audit findings (fix the record or acknowledge it in {label}):\n{}",
        new.join("\n")
    );
    let stale: Vec<String> = review.stale.iter().map(|d| d.to_string()).collect();
    assert!(
        stale.is_empty(),
        "stale allow-list entries:\n{}",
        stale.join("\n")
    );
}

/// Every record's themes, by global id.
fn themes_by_id(facts: &model::Facts) -> BTreeMap<String, Vec<String>> {
    let fields = facts.fields.iter().map(|f| (&f.id, &f.themes));
    let projects = facts.projects.iter().map(|p| (&p.id, &p.themes));
    let targets = facts.targets.iter().map(|t| (&t.id, &t.themes));
    fields
        .chain(projects)
        .chain(targets)
        .map(|(id, t)| (id.clone(), t.clone()))
        .collect()
}

#[test]
fn every_record_has_a_theme_and_the_counts_add_up() {
    let out = build(&inputs()).unwrap();
    let facts = &out.facts;
    let taxonomy: Vec<&str> = facts.themes.iter().map(|t| t.id.as_str()).collect();
    assert!(
        (12..=15).contains(&taxonomy.len()),
        "about 12 themes: {taxonomy:?}"
    );
    let by_id = themes_by_id(facts);
    assert_eq!(
        by_id.len(),
        facts.fields.len() + facts.projects.len() + facts.targets.len()
    );
    for (id, themes) in &by_id {
        assert!(!themes.is_empty(), "{id} has no theme");
        // Known ids, each once, in taxonomy order.
        let positions: Vec<usize> = themes
            .iter()
            .map(|t| {
                taxonomy
                    .iter()
                    .position(|x| x == t)
                    .unwrap_or_else(|| panic!("{id}: unknown theme {t}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{id}: {themes:?}"
        );
    }
    // The shipped counts are the records' themes, and every assignment is explained.
    for t in &facts.themes {
        let count =
            |ids: Vec<&Vec<String>>| ids.iter().filter(|x| x.contains(&t.id)).count() as u32;
        assert_eq!(
            t.counts.fields,
            count(facts.fields.iter().map(|f| &f.themes).collect())
        );
        assert_eq!(
            t.counts.projects,
            count(facts.projects.iter().map(|p| &p.themes).collect())
        );
        assert_eq!(
            t.counts.targets,
            count(facts.targets.iter().map(|x| &x.themes).collect())
        );
        assert!(
            t.counts.fields + t.counts.projects + t.counts.targets > 0,
            "{}",
            t.id
        );
        assert!(t.counts.by_override <= t.counts.fields + t.counts.projects + t.counts.targets);
    }
    for a in &out.themes.assignments {
        let shipped: Vec<&String> = a.themes.iter().map(|(t, _)| t).collect();
        assert_eq!(
            shipped.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            by_id[&a.record]
        );
    }
}

#[test]
fn known_records_get_the_obvious_theme() {
    let out = build(&inputs()).unwrap();
    let by_id = themes_by_id(&out.facts);
    // (record, what it is, its themes exactly)
    let check = |id: &str, what: &str, expected: &[&str]| {
        let got = by_id
            .get(id)
            .unwrap_or_else(|| panic!("no record {id} ({what})"));
        assert_eq!(got, &expected.to_vec(), "{id} {what}");
    };
    check(
        "yanglao-fuwu.t-17",
        "养老机构护理型床位占比",
        &["elderly-care"],
    );
    check(
        "gongzuo-baogao-2020.t-91",
        "建设各类养老服务设施",
        &["elderly-care"],
    );
    // 高新技术企业 is innovation, not the economy's 企业.
    check("gongzuo-baogao-2020.t-36", "高新技术企业", &["innovation"]);
    check("lixia-shisiwu.t-10", "高新技术企业数量", &["innovation"]);
    check("xinjiu-dongneng.t-9", "高新技术企业数量", &["innovation"]);
    check("gongzuo-baogao-2020.p-98", "轨道交通2号线", &["transport"]);
    // 养老保险 is social insurance, not elderly care.
    check("lixia-shisiwu.t-28", "基本养老保险参保率", &["jobs"]);
    check("gongzuo-baogao-2020.t-13", "城镇新增就业", &["jobs"]);
    check(
        "gongzuo-baogao-2020.t-82",
        "开工建设中小学、幼儿园",
        &["education"],
    );
    check("gongzuo-baogao-2020.p-116", "市传染病医院新院", &["health"]);
    check(
        "laojiu-xiaoqu.t-1",
        "2000年前建成的老旧小区改造",
        &["housing"],
    );
    check(
        "lixia-shisiwu.t-19",
        "空气质量优良天数比率",
        &["environment"],
    );
    // Energy use per unit of GDP is environment, not the economy's GDP.
    check(
        "lixia-shisiwu.t-16",
        "单位地区生产总值能源消耗降低",
        &["environment"],
    );
    check(
        "lixia-shisiwu.p-96",
        "“书香历下·全民阅读”行动",
        &["culture-tourism-sports"],
    );
    check("lixia-shisiwu.t-71", "省级步行街", &["consumption"]);
    check("gongzuo-baogao-2020.t-1", "地区生产总值增长", &["economy"]);
    check("haochaping.t-1", "“好差评”覆盖范围", &["government"]);
    check("gongzuo-baogao-2020.p-121", "“雪亮工程”", &["safety"]);
    check("gongzuo-baogao-2020.t-72", "建成高标准农田", &["rural"]);
    // A crop festival is rural and a festival.
    check(
        "xinjiu-dongneng.p-154",
        "章丘大葱文化节",
        &["culture-tourism-sports", "rural"],
    );
    // A chapter of the work report spans its subjects (by override).
    check(
        "gongzuo-baogao-2020.f-10",
        "不断提高公共服务水平，更好保障和改善民生",
        &["jobs", "education", "health", "elderly-care", "housing"],
    );
}

/// Replaces `from` by `to` once in `data/theme-overrides.toml` (appends `to` when `from` is empty).
fn with_overrides(from: &str, to: &str) -> Inputs {
    let mut inputs = inputs();
    if from.is_empty() {
        inputs.theme_overrides.push_str(to);
    } else {
        assert!(inputs.theme_overrides.contains(from), "{from}");
        inputs.theme_overrides = inputs.theme_overrides.replacen(from, to, 1);
    }
    inputs
}

#[test]
fn a_missing_stale_or_unknown_override_fails_the_build() {
    fn check(inputs: Inputs, expected: &str) {
        let errors = build(&inputs).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.file == "data/theme-overrides.toml" && e.message.contains(expected)),
            "{expected}: {errors:?}"
        );
    }
    let missing =
        "\n[[override]]\nrecord = \"lixia-shisiwu.p-999\"\nadd = [\"jobs\"]\nreason = \"x\"\n";
    check(
        with_overrides("", missing),
        "lixia-shisiwu.p-999: 没有这条记录",
    );
    let stale = "\n[[override]]\nrecord = \"gongzuo-baogao-2020.p-98\"\nthemes = [\"transport\"]\nreason = \"x\"\n";
    check(
        with_overrides("", stale),
        "gongzuo-baogao-2020.p-98: override 没有改变任何主题",
    );
    let unknown = "\n[[override]]\nrecord = \"gongzuo-baogao-2020.p-98\"\nadd = [\"metro\"]\nreason = \"x\"\n";
    check(with_overrides("", unknown), "没有这些主题");
    // Without its override, the 京沪会客厅 (a name that says nothing of its subject) has no theme.
    let mut inputs = inputs();
    let text = &inputs.theme_overrides;
    let start = text.find("record = \"gongzuo-baogao-2020.p-6\"").unwrap();
    let block_start = text[..start].rfind("[[override]]").unwrap();
    let block_end = start + text[start..].find("\n\n").unwrap();
    inputs.theme_overrides = format!("{}{}", &text[..block_start], &text[block_end..]);
    check(inputs, "gongzuo-baogao-2020.p-6（“京沪会客厅”）没有主题");
}
