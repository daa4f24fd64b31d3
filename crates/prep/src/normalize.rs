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
}
