//! Reading Chinese policy text by its punctuation: separators outside quotation marks and
//! parentheses, quoted names printed one after another.

/// Text split at separators outside quotation marks and parentheses (`“济南造、全球行”…`
/// stays one item).
pub fn split_outside<'t>(text: &'t str, seps: &[char]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '（' | '(' | '《' => depth += 1,
            '”' | '）' | ')' | '》' => depth = depth.saturating_sub(1),
            c if depth == 0 && seps.contains(&c) => {
                out.extend(text.get(start..i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.extend(text.get(start..));
    out
}

/// Quoted names printed one after another (`“百兆乡村”“厕所革命”等…`) as one item each, the
/// last keeping what follows it.
pub fn quoted_run(item: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = item;
    while let Some(at) = rest.find("”“") {
        let cut = at + '”'.len_utf8();
        out.extend(rest.get(..cut));
        rest = rest.get(cut..).unwrap_or("");
    }
    out.push(rest);
    out
}

/// The text before the first place `stop` says, outside quotation marks and parentheses.
pub fn until_outside(text: &str, stop: impl Fn(&str, usize) -> bool) -> &str {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '（' | '(' | '《' => depth += 1,
            '”' | '）' | ')' | '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 && stop(text, i) => return text.get(..i).unwrap_or(text),
            _ => {}
        }
    }
    text
}

/// The text after the last `c` outside quotation marks and parentheses.
pub fn after_last_outside(text: &str, c: char) -> &str {
    let parts = split_outside(text, &[c]);
    parts.last().copied().unwrap_or(text)
}

/// The text up to the end of `part`, a slice of it (the whole text when it is not one).
pub fn until_end_of<'t>(text: &'t str, part: &str) -> &'t str {
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    start
        .checked_add(part.len())
        .and_then(|end| text.get(..end))
        .unwrap_or(text)
}
