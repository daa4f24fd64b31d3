//! Which file of a long document holds an anchor, and which part a reader asked for.

use crate::PartSpan;

/// The part (0-based) that holds `anchor` (`s-N`, `p-N` or `t-N`); the first part for an
/// anchor that is malformed or beyond the document, so a bad link still opens the text.
pub fn part_for_anchor(parts: &[PartSpan], anchor: &str) -> usize {
    let Some((kind, number)) = anchor.split_once('-') else {
        return 0;
    };
    let Ok(n) = number.parse::<u32>() else {
        return 0;
    };
    let last = |p: &PartSpan| match kind {
        "s" => Some(p.last_section),
        "p" => Some(p.last_paragraph),
        "t" => Some(p.last_table),
        _ => None,
    };
    parts
        .iter()
        .position(|p| last(p).is_some_and(|l| n <= l))
        .unwrap_or(0)
}

/// The part a reader opens: the one holding `at` when given, else `part` (1-based, as
/// shown to people) when it names one, else the first.
pub fn requested_part(parts: &[PartSpan], at: &str, part: &str) -> usize {
    if !at.is_empty() {
        return part_for_anchor(parts, at);
    }
    match part.parse::<usize>() {
        Ok(n) if n >= 1 && n <= parts.len() => n - 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: u32, p: u32, t: u32) -> PartSpan {
        PartSpan {
            file: String::new(),
            first_anchor: String::new(),
            title: String::new(),
            last_section: s,
            last_paragraph: p,
            last_table: t,
        }
    }

    fn check(anchor: &str, part: &str, expected: usize) {
        // Part 0 ends at s-10/p-40/t-1; part 1 (no tables of its own) at s-25/p-90/t-1.
        let parts = [span(10, 40, 1), span(25, 90, 1)];
        assert_eq!(
            requested_part(&parts, anchor, part),
            expected,
            "{anchor:?} {part:?}"
        );
    }

    #[test]
    fn anchors_and_part_numbers_pick_a_part() {
        check("s-0", "", 0);
        check("s-10", "", 0);
        check("s-11", "", 1);
        check("p-40", "", 0);
        check("p-41", "", 1);
        check("t-1", "", 0);
        check("p-90", "2", 1);
        // Beyond the document, malformed, or hostile: the first part.
        check("p-91", "", 0);
        check("t-2", "", 0);
        check("x-3", "", 0);
        check("p-", "", 0);
        check("p--1", "", 0);
        check("javascript:alert(1)", "", 0);
        check("", "2", 1);
        check("", "3", 0);
        check("", "0", 0);
        check("", "-1", 0);
        check("", "١", 0);
        check("", "", 0);
    }
}
