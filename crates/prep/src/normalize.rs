//! Character-level normalisation shared by the text repair and the fact checks.

/// Removes spaces that PDF extraction put inside Chinese text (`到 2025 年` → `到2025年`)
/// while keeping the ones that separate two Latin words or numbers (`PM 2.5`, `MC 发动机`
/// keeps none, `Mills 癌症` keeps none, `Hong Kong` keeps one).
pub fn collapse_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}' {
            let start = i;
            while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\u{3000}' | '\u{a0}') {
                i += 1;
            }
            let before = start.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i).copied();
            if let (Some(b), Some(a)) = (before, after) {
                if is_latin_word_char(b)
                    && is_latin_word_char(a)
                    && !(b.is_ascii_digit() && a.is_ascii_digit())
                {
                    out.push(' ');
                }
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_latin_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The form used to compare a quote with the text: all whitespace removed.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// True for the CJK ideographs and the full-width punctuation of Chinese prose.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef | 0x2014 | 0x2018..=0x201d | 0x2026)
}

/// The note the repair puts after a word it replaced, quoting the source's own wording
/// (`和〔原文为“and”〕`): the reader sees both what is meant and what is printed.
pub const REPAIR_NOTE: (&str, &str) = ("〔原文为“", "”〕");

/// A subscript printed as markup (`PM<sub>2.5</sub>`, TeX `PM _{2.5}`) as the characters it
/// stands for (`PM₂.₅`); digits become subscript digits, anything else is kept.
pub fn render_subscripts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let html = rest.find("<sub>").map(|i| (i, "<sub>", "</sub>"));
        let tex = rest.find("_{").map(|i| (i, "_{", "}"));
        let next = match (html, tex) {
            (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        let Some((i, open, close)) = next else { break };
        let after = &rest[i + open.len()..];
        let Some(j) = after.find(close) else { break };
        out.push_str(rest[..i].trim_end_matches(' '));
        out.extend(after[..j].chars().map(subscript));
        rest = &after[j + close.len()..];
    }
    out.push_str(rest);
    out
}

fn subscript(c: char) -> char {
    match c.to_digit(10) {
        Some(d) => char::from_u32(0x2080 + d).unwrap_or(c),
        None => c,
    }
}

/// The English `and` that the extraction printed for 和 between two Chinese words
/// (`企业and群众`), replaced by 和 with a note quoting what the source prints.
pub fn replace_latin_and(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let space = |c: &char| *c == ' ';
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let word = chars.get(i..i + 3).is_some_and(|w| w == ['a', 'n', 'd']);
        let before = chars[..i].iter().rev().find(|c| !space(c)).copied();
        let after_at = i
            + 3
            + chars[(i + 3).min(chars.len())..]
                .iter()
                .take_while(|c| space(c))
                .count();
        let after = chars.get(after_at).copied();
        let letter_before = i
            .checked_sub(1)
            .is_some_and(|j| chars[j].is_ascii_alphabetic());
        if word && !letter_before && before.is_some_and(is_cjk) && after.is_some_and(is_cjk) {
            out.truncate(out.trim_end_matches(' ').len());
            out.push('和');
            out.push_str(REPAIR_NOTE.0);
            out.push_str("and");
            out.push_str(REPAIR_NOTE.1);
            i = after_at;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(collapse_spaces(input), expected, "input: {input:?}");
    }

    #[test]
    fn spaces() {
        check("到 2025 年，打造形成 10 个", "到2025年，打造形成10个");
        check("网络 APP 等", "网络APP等");
        check("4.4 : 35.7 : 59.9", "4.4:35.7:59.9");
        check("Hong Kong", "Hong Kong");
        check("MC 发动机", "MC发动机");
        check("PM 2.5", "PM 2.5");
        check("1 2", "12");
        check(" 前后 ", "前后");
        check("", "");
    }

    #[test]
    fn subscripts_and_words_repaired() {
        assert_eq!(
            render_subscripts("PM<sub>2.5</sub>平均浓度"),
            "PM₂.₅平均浓度"
        );
        assert_eq!(
            render_subscripts("细颗粒物(PM _{2.5})浓度"),
            "细颗粒物(PM₂.₅)浓度"
        );
        assert_eq!(render_subscripts("a_{b"), "a_{b");
        assert_eq!(
            replace_latin_and("企业and群众"),
            "企业和〔原文为“and”〕群众"
        );
        assert_eq!(
            replace_latin_and("Hong Kong and Macau"),
            "Hong Kong and Macau"
        );
        assert_eq!(replace_latin_and("band宽"), "band宽");
        assert_eq!(
            replace_latin_and("由企业 and 群众评判"),
            "由企业和〔原文为“and”〕群众评判"
        );
    }
}
