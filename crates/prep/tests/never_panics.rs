//! Property tests: the text pipeline never panics, whatever it is fed, and never loses a
//! visible character.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use prep::normalize::squeeze;
use prep::repair::{paragraphs, Line, Removed};
use proptest::prelude::*;

/// Strings built from the pieces policy texts are made of, so the parser's branches are hit.
fn policy_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一、",
        "（一）",
        "(2)",
        "1.",
        "1.5",
        "第三章",
        "第二节",
        "专栏 2",
        "表 1",
        "附件",
        "注：",
        "类别",
        "约束性",
        "预期性",
        "\t",
        "\n",
        "\n\n",
        " ",
        "  ",
        "。",
        "，",
        "、",
        "**",
        "# ",
        "---",
        "2025年",
        "[>33]",
        "—",
        "完成上",
        "级下达",
        "任务",
        "Ⅰ、",
        "甲、",
        "中文",
        "ABC",
        "”",
        "）",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(String::from), any::<String>()],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn repair_keeps_every_visible_character(text in policy_like()) {
        let lines: Vec<Line> = text.split('\n').enumerate().map(|(i, t)| Line { number: i as u32 + 1, text: t }).collect();
        let mut removed = Removed::default();
        let paras = paragraphs(&lines, &mut removed);
        let out: String = paras.iter().map(|p| p.text.as_str()).collect();
        // Only Markdown marks may go (and list marks), subscript markup becomes subscript
        // digits, and an `and` read as 和 carries a note quoting it: compare with those
        // undone in the output and the marks taken out of the input too.
        let strip = |s: &str| {
            squeeze(s)
                .replace("和〔原文为“and”〕", "and")
                .replace("**", "")
                .replace(['#', '-', '}'], "")
                .replace("<sub>", "")
                .replace("</sub>", "")
                .replace("_{", "")
                .chars()
                .map(|c| match c {
                    '₀'..='₉' => char::from_u32(c as u32 - 0x2080 + '0' as u32).unwrap_or(c),
                    c => c,
                })
                .collect::<String>()
        };
        // Taking the marks out can make new ones (`__{{}` → `_{`): until none is left.
        let stripped = |s: &str| {
            let mut s = strip(s);
            while s.contains("_{") {
                s = s.replace("_{", "");
            }
            s
        };
        prop_assert_eq!(stripped(&out), stripped(&text));
    }

    #[test]
    fn outline_and_tables_never_panic(text in policy_like()) {
        let _ = prep::outline::heading_number(&text);
        let lines: Vec<&str> = text.split('\n').collect();
        let _ = prep::table::parse(&lines);
        let numbered: Vec<Line> = text.split('\n').enumerate().map(|(i, t)| Line { number: i as u32 + 1, text: t }).collect();
        let mut diagnostics = Vec::new();
        let _ = prep::document::build("fuzz.txt", &numbered, &mut diagnostics);
    }

    #[test]
    fn whole_pipeline_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), text in policy_like()) {
        for source in [bytes, text.into_bytes()] {
            let mut sources = std::collections::BTreeMap::new();
            sources.insert("x.txt".to_string(), source);
            let spec = "[[document]]\nid = \"x\"\ntitle = \"x\"\nshort_title = \"x\"\nissuer = \"\"\ndoc_number = \"\"\ndate = \"\"\nregion = \"\"\nkind = \"\"\nsources = [{ file = \"x.txt\", lines = [1, 1] }]\n";
            let _ = prep::build(&prep::Inputs { spec: spec.into(), sources, facts: vec![], departments: String::new(), comparisons: String::new(), results: String::new(), themes: String::new(), theme_overrides: String::new() });
        }
    }
}
