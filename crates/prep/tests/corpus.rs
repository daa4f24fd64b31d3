//! Tests over the real corpus in `data/`: conservation of the text, verified facts,
//! traceable metadata, and the floors the product promises.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use prep::normalize::squeeze;
use prep::{build, squeezed_text, Inputs};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn inputs() -> Inputs {
    let data = data_dir();
    let mut sources = BTreeMap::new();
    for e in std::fs::read_dir(data.join("sources")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            sources.insert(
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            );
        }
    }
    let mut facts = Vec::new();
    for d in std::fs::read_dir(data.join("facts")).unwrap() {
        let d = d.unwrap().path();
        if d.is_dir() {
            for f in std::fs::read_dir(&d).unwrap() {
                let f = f.unwrap().path();
                let label = format!(
                    "{}/{}",
                    d.file_name().unwrap().to_string_lossy(),
                    f.file_name().unwrap().to_string_lossy()
                );
                facts.push((label, std::fs::read_to_string(&f).unwrap()));
            }
        }
    }
    facts.sort();
    Inputs {
        spec: std::fs::read_to_string(data.join("documents.toml")).unwrap(),
        sources,
        facts,
        departments: std::fs::read_to_string(data.join("departments.toml")).unwrap(),
    }
}

/// The source span with only the documented artefact kinds removed: Markdown heading marks,
/// bold marks, horizontal rules, and all whitespace (line and page breaks, stray spaces).
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
        let mut l = line.trim_start();
        if l.starts_with('#') {
            let rest = l.trim_start_matches('#');
            if rest.starts_with(' ') || rest.is_empty() {
                *removed.entry("heading mark `#`").or_default() += l.len() - rest.len();
                l = rest;
            }
        }
        let bold = l.matches("**").count();
        if bold > 0 {
            *removed.entry("bold mark `**`").or_default() += bold * 2;
        }
        out.push_str(&l.replace("**", ""));
    }
    (squeeze(&out), removed)
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
        let total: usize = removed.values().sum();
        eprintln!(
            "{id}: kept {} chars, removed besides whitespace {total}: {removed:?}",
            got.chars().count()
        );
        assert!(
            total * 20 < got.chars().count(),
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
