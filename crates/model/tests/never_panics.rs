//! Property tests over what arrives from the URL: query parsing, filtering, search and
//! highlighting never panic and keep their promises for any input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use model::oracle::search;
use model::query::{clean_value, Filter, MAX_VALUE_CHARS};
use model::search::{highlight, terms, Entry, Kind};
use proptest::prelude::*;

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(vec![
            "<script>alert(1)</script>",
            "%E4%B8%ZZ",
            "\u{202e}养老",
            "\u{0}",
            "🏠",
            "养老 服务",
            "　",
            "Ａ５Ｇ",
            "'\"><img>"
        ])
        .prop_map(String::from),
        "[\\PC]{0,300}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn query_values_are_cleaned_and_round_trip(key in prop::sample::select(Filter::KEYS.to_vec()), value in hostile()) {
        let f = Filter::from_pairs([(key, value.as_str())]);
        let v = f.get(key);
        prop_assert!(v.chars().count() <= MAX_VALUE_CHARS);
        prop_assert!(!v.chars().any(char::is_control));
        prop_assert_eq!(v, clean_value(&value));
        let q = f.to_query();
        prop_assert!(q.is_ascii(), "percent-encoded: {}", q);
    }

    #[test]
    fn search_and_highlight_never_panic(text in hostile(), query in hostile()) {
        let entries = vec![Entry::new(Kind::Text, "d", "d", "p-1", "标题", &text)];
        let groups = search(&entries, &query, 5);
        for g in &groups {
            prop_assert!(g.hits.len() <= 5);
        }
        let pieces = highlight(&text, &terms(&query));
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        prop_assert_eq!(joined, text);
    }
}
