//! The next document a web team adds may be broken: every bad input gets a message that
//! names the file (and line), never a panic, and no text is silently dropped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use prep::{build, Inputs};
use std::collections::BTreeMap;

const SPEC: &str = r#"
[[document]]
id = "new-doc"
title = "某某实施意见"
short_title = "某某意见"
issuer = ""
doc_number = ""
date = ""
region = "济南市"
kind = "实施意见"
sources = [{ file = "new.txt", lines = [1, 3] }]
"#;

fn inputs(source: &[u8]) -> Inputs {
    let mut sources = BTreeMap::new();
    sources.insert("new.txt".to_string(), source.to_vec());
    Inputs {
        spec: SPEC.into(),
        sources,
        facts: vec![],
        departments: String::new(),
        comparisons: String::new(),
        results: String::new(),
        themes: String::new(),
        theme_overrides: String::new(),
    }
}

fn check_error(source: &[u8], expected: &str) {
    let errors = build(&inputs(source)).expect_err("bad input must be refused");
    let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        all.iter()
            .any(|e| e.contains("new.txt") && e.contains(expected)),
        "{all:?}"
    );
}

#[test]
fn empty_file() {
    check_error(b"", "文件为空");
    check_error(b"\n \n\t\n", "文件为空");
}

#[test]
fn not_utf8() {
    // GBK bytes for 国家.
    check_error(b"\xb9\xfa\xbc\xd2\n\xb9\xfa\xbc\xd2\n", "不是 UTF-8");
}

#[test]
fn not_a_policy_text() {
    check_error(
        b"<html><body>404 Not Found</body></html>\nfoo\nbar",
        "不像中文政策文本",
    );
}

#[test]
fn span_outside_the_file() {
    check_error("一、总则\n".as_bytes(), "超出文件");
}

#[test]
fn unknown_heading_style_is_kept_and_reported() {
    let out = build(&inputs(
        "Ⅰ、总体要求\n\n坚持问题导向，推动工作落实。\n".as_bytes(),
    ))
    .unwrap();
    let warning = out
        .warnings
        .iter()
        .find(|w| w.message.contains("未识别的标题格式"))
        .expect("a warning");
    assert_eq!((warning.file.as_str(), warning.line), ("new.txt", 1));
    let text = prep::squeezed_text(&out.documents[0].sections);
    assert!(text.contains("Ⅰ、总体要求") && text.contains("坚持问题导向"));
}

#[test]
fn malformed_spec_and_facts_name_their_file() {
    let mut i = inputs("一、总则\n\n内容。\n".as_bytes());
    i.spec = "[[document]]\nid = 3".into();
    let errors = build(&i).unwrap_err();
    assert!(errors[0].to_string().contains("documents.toml"));
    let mut i = inputs("一、总则\n\n内容。\n".as_bytes());
    i.facts.push((
        "new-doc/facts.toml".into(),
        "[[target]]\nid = \"t-1\"\nquote = \n".into(),
    ));
    let errors = build(&i).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.file == "data/facts/new-doc/facts.toml" && e.line == 3),
        "{errors:?}"
    );
}
