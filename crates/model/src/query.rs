//! Filter state as it travels in the URL: parsing that survives hostile input, and the
//! filters of the list pages as pure functions over the records.

use crate::wire::Target;

/// Longest filter value kept from the URL; longer values are cut, not rejected.
pub const MAX_VALUE_CHARS: usize = 100;

/// Cleans one value from the query string: control characters removed, length capped.
pub fn clean_value(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_control())
        .take(MAX_VALUE_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The filters of the list pages. Empty strings mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub doc: String,
    pub region: String,
    pub category: String,
    pub year: String,
    pub attribute: String,
    pub domain: String,
    pub kind: String,
    pub place: String,
    pub dept: String,
    /// A resident theme's id (`elderly-care`).
    pub theme: String,
    /// A target's status in words (`进度滞后`, `crate::wire::Status::label`).
    pub status: String,
    pub q: String,
    /// Page of the list, 1-based as people count; empty for the first.
    pub page: String,
}

impl Filter {
    pub const KEYS: [&'static str; 13] = [
        "doc",
        "region",
        "category",
        "year",
        "attribute",
        "domain",
        "kind",
        "place",
        "dept",
        "theme",
        "status",
        "q",
        "page",
    ];

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut f = Filter::default();
        for (k, v) in pairs {
            if let Some(slot) = f.slot(k) {
                *slot = clean_value(v);
            }
        }
        f
    }

    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "doc" => &mut self.doc,
            "region" => &mut self.region,
            "category" => &mut self.category,
            "year" => &mut self.year,
            "attribute" => &mut self.attribute,
            "domain" => &mut self.domain,
            "kind" => &mut self.kind,
            "place" => &mut self.place,
            "dept" => &mut self.dept,
            "theme" => &mut self.theme,
            "status" => &mut self.status,
            "q" => &mut self.q,
            "page" => &mut self.page,
            _ => return None,
        })
    }

    pub fn get(&self, key: &str) -> &str {
        match key {
            "doc" => &self.doc,
            "region" => &self.region,
            "category" => &self.category,
            "year" => &self.year,
            "attribute" => &self.attribute,
            "domain" => &self.domain,
            "kind" => &self.kind,
            "place" => &self.place,
            "dept" => &self.dept,
            "theme" => &self.theme,
            "status" => &self.status,
            "q" => &self.q,
            "page" => &self.page,
            _ => "",
        }
    }

    /// A copy with one key changed: what a filter control links to. Changing a filter
    /// starts the list again from its first page.
    pub fn with(&self, key: &str, value: &str) -> Self {
        let mut f = self.clone();
        if let Some(slot) = f.slot(key) {
            *slot = clean_value(value);
        }
        if key != "page" {
            f.page.clear();
        }
        f
    }

    /// `?doc=…&year=…` with only the set keys, percent-encoded; empty when nothing is set.
    pub fn to_query(&self) -> String {
        let parts: Vec<String> = Self::KEYS
            .iter()
            .filter(|k| !self.get(k).is_empty())
            .map(|k| format!("{k}={}", encode(self.get(k))))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// No filter set (the page number is not a filter).
    pub fn is_empty(&self) -> bool {
        Self::KEYS
            .iter()
            .filter(|k| **k != "page")
            .all(|k| self.get(k).is_empty())
    }

    /// The documents list's own filter: region, type and page; the others do not apply.
    pub fn for_documents(&self) -> Filter {
        Filter {
            region: self.region.clone(),
            kind: self.kind.clone(),
            page: self.page.clone(),
            ..Filter::default()
        }
    }
}

/// The year a target is due, if printed.
/// Records a list page shows at once: enough to scan, few enough for a phone to draw fast.
pub const PAGE_SIZE: usize = 50;

/// One page of a list of `total` records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub pages: usize,
    /// The records shown: `start..end`.
    pub start: usize,
    pub end: usize,
}

/// The page asked for in the URL: anything that is not a page number opens the first page,
/// a number past the end opens the last.
pub fn page_of(total: usize, requested: &str) -> Page {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let number = requested.parse::<usize>().unwrap_or(1).clamp(1, pages);
    let start = (number - 1) * PAGE_SIZE;
    Page {
        number,
        pages,
        start: start.min(total),
        end: (start + PAGE_SIZE).min(total),
    }
}

pub fn target_year(t: &Target) -> Option<u16> {
    t.target.as_ref().and_then(|f| f.year)
}

/// The distinct non-empty values of one attribute, in first-seen order: filter options.
pub fn distinct<'a, T>(
    items: impl IntoIterator<Item = &'a T>,
    key: impl Fn(&'a T) -> &'a str,
) -> Vec<String>
where
    T: 'a,
{
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let v = key(item);
        if !v.is_empty() && !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    out
}

/// Percent-encodes a query value (UTF-8 bytes outside the unreserved set).
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trip_and_hostile_values() {
        let f = Filter::from_pairs([
            ("doc", "lixia-shisiwu"),
            ("year", "2025"),
            ("q", "高新 技术"),
            ("evil", "x"),
        ]);
        assert_eq!(
            f.to_query(),
            "?doc=lixia-shisiwu&year=2025&q=%E9%AB%98%E6%96%B0%20%E6%8A%80%E6%9C%AF"
        );
        let long = "a".repeat(10_000);
        let f = Filter::from_pairs([("q", long.as_str())]);
        assert_eq!(f.q.chars().count(), MAX_VALUE_CHARS);
        let f = Filter::from_pairs([("q", "<script>alert(1)</script>\u{0}\u{202e}")]);
        assert_eq!(f.q, "<script>alert(1)</script>\u{202e}");
        assert!(Filter::default().is_empty());
        assert_eq!(Filter::default().to_query(), "");
    }

    fn check_page(total: usize, requested: &str, expected: (usize, usize, usize, usize)) {
        let p = page_of(total, requested);
        assert_eq!(
            (p.number, p.pages, p.start, p.end),
            expected,
            "{total} records, page {requested:?}"
        );
    }

    #[test]
    fn pages_of_a_list() {
        check_page(0, "", (1, 1, 0, 0));
        check_page(49, "", (1, 1, 0, 49));
        check_page(50, "2", (1, 1, 0, 50));
        check_page(51, "2", (2, 2, 50, 51));
        check_page(415, "", (1, 9, 0, 50));
        check_page(415, "9", (9, 9, 400, 415));
        // Past the end, zero, negative, not a number: the nearest real page.
        check_page(415, "99", (9, 9, 400, 415));
        check_page(415, "0", (1, 9, 0, 50));
        check_page(415, "-3", (1, 9, 0, 50));
        check_page(415, "2x", (1, 9, 0, 50));
        check_page(415, "99999999999999999999999", (1, 9, 0, 50));
    }

    #[test]
    fn changing_a_filter_starts_from_the_first_page() {
        let f = Filter::from_pairs([("doc", "lixia-shisiwu"), ("page", "3")]);
        assert_eq!(f.to_query(), "?doc=lixia-shisiwu&page=3");
        assert_eq!(
            f.with("year", "2025").to_query(),
            "?doc=lixia-shisiwu&year=2025"
        );
        assert_eq!(f.with("page", "4").to_query(), "?doc=lixia-shisiwu&page=4");
        assert!(
            Filter::from_pairs([("page", "2")]).is_empty(),
            "a page number is not a filter"
        );
    }
}
