//! Pure helpers for addresses: the router base taken from `<base href>`, the page an
//! address names, its query string read as a browser reads it, when a link points at the
//! current page, and id checks for values that arrive in the query string. The pages
//! themselves are in `pages.rs`; the app's router (`src/router.rs`) is these plus the
//! browser's history.

use crate::pages::Page;

/// The path part of the document's base URI without its trailing slash:
/// `http://h/zwgk/zcdl/` → `/zwgk/zcdl`, `http://h/` → ``.
pub fn base_path(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.trim_end_matches('/').to_string()
}

/// Ids are ASCII slugs (`xinjiu-dongneng.t-3`); anything else is refused before it is
/// used to build a URL.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        && !id.contains("..")
}

/// The document a record id belongs to (`xinjiu-dongneng.t-3` → `xinjiu-dongneng`): its
/// detail page fetches that document's records only. None for ids that are not safe or
/// have no document part.
pub fn record_doc(id: &str) -> Option<&str> {
    if !is_safe_id(id) {
        return None;
    }
    id.rsplit_once('.')
        .map(|(doc, _)| doc)
        .filter(|d| !d.is_empty())
}

/// The page at `path` (a location's pathname), for an app hosted under `base` (see
/// [`base_path`]): `/zwgk/zcdl/targets/` → Targets. The home page is `base` itself, with or
/// without its slash; a page's path may drop its trailing slash. Anything else, a path
/// outside `base` or one with more segments, is no page (the app shows "页面不存在").
pub fn page_at(path: &str, base: &str) -> Option<Page> {
    let rest = path.strip_prefix(base)?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let segment = rest.strip_suffix('/').unwrap_or(rest);
    if segment.contains('/') {
        return None;
    }
    Page::from_segment(segment)
}

/// A query string's `key=value` pairs, decoded as the browser's `URLSearchParams` decodes
/// them (`+` is a space, `%XX` a byte, bytes that are not UTF-8 become U+FFFD), so that a
/// hostile address reads the same here as anywhere else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Reads `search`, with or without its leading `?`.
    pub fn parse(search: &str) -> Query {
        let search = search.strip_prefix('?').unwrap_or(search);
        Query(
            search
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (form_decode(key), form_decode(value))
                })
                .collect(),
        )
    }

    /// The value of `key`; the last one when the address repeats the key.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

/// One `application/x-www-form-urlencoded` name or value, decoded.
fn form_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |k: usize| bytes.get(k).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'+', ..) => out.push(b' '),
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a link to `href` points at the address `path` + `search` the resident is on,
/// for its `aria-current="page"`. A link of the main navigation (`section`) stands for
/// its page whatever the query (the targets link is current on `/targets/?year=2025`);
/// any other link only for that very address (a pager's or a filter's link is not).
pub fn is_current(href: &str, path: &str, search: &str, section: bool) -> bool {
    let href = href.split('#').next().unwrap_or(href);
    let (href_path, href_query) = href.split_once('?').unwrap_or((href, ""));
    let search = search.strip_prefix('?').unwrap_or(search);
    href_path == path && (section || href_query == search)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_id_names_its_document() {
        let check = |id: &str, expected: Option<&str>| assert_eq!(record_doc(id), expected, "{id}");
        check("xinjiu-dongneng.t-3", Some("xinjiu-dongneng"));
        check("lixia-shisiwu-s0001.p-12", Some("lixia-shisiwu-s0001"));
        check("no-dot", None);
        check(".t-1", None);
        check("../etc.t-1", None);
        check("<script>.t-1", None);
    }

    #[test]
    fn base_paths() {
        fn check(input: &str, expected: &str) {
            assert_eq!(base_path(input), expected, "{input}");
        }
        check("http://127.0.0.1:8080/zwgk/zcdl/", "/zwgk/zcdl");
        check("http://127.0.0.1:8080/", "");
        check("https://www.jinan.gov.cn/a/b/c/?x=1#y", "/a/b/c");
        check("http://h", "");
        check("", "");
    }

    #[test]
    fn pages_at_paths() {
        fn check(path: &str, base: &str, expected: Option<Page>) {
            assert_eq!(page_at(path, base), expected, "{path} under {base:?}");
        }
        check("/zwgk/zcdl/", "/zwgk/zcdl", Some(Page::Home));
        check("/zwgk/zcdl", "/zwgk/zcdl", Some(Page::Home));
        check("/zwgk/zcdl/targets/", "/zwgk/zcdl", Some(Page::Targets));
        check("/zwgk/zcdl/targets", "/zwgk/zcdl", Some(Page::Targets));
        check("/zwgk/zcdl/target/", "/zwgk/zcdl", Some(Page::Target));
        check("/", "", Some(Page::Home));
        check("/search/", "", Some(Page::Search));
        check("/zwgk/zcdlx/targets/", "/zwgk/zcdl", None);
        check("/other/targets/", "/zwgk/zcdl", None);
        check("/zwgk/zcdl/targets/extra/", "/zwgk/zcdl", None);
        check("/zwgk/zcdl/targets//", "/zwgk/zcdl", None);
        check("/zwgk/zcdl/nope/", "/zwgk/zcdl", None);
        check("/zwgk/zcdl/index.html", "/zwgk/zcdl", None);
        check("/zwgk/zcdl/%74argets/", "/zwgk/zcdl", None);
    }

    #[test]
    fn queries_read_as_a_browser_reads_them() {
        fn check(search: &str, key: &str, expected: Option<&str>) {
            assert_eq!(
                Query::parse(search).get(key).as_deref(),
                expected,
                "{search} {key}"
            );
        }
        check("?q=%E5%85%BB%E8%80%81", "q", Some("养老"));
        check("q=%E5%85%BB%E8%80%81", "q", Some("养老"));
        check("?q=养老+床位", "q", Some("养老 床位"));
        check("?q=a%2Bb", "q", Some("a+b"));
        check("?q=100%", "q", Some("100%"));
        check("?q=%zz%4", "q", Some("%zz%4"));
        check("?q=%2541", "q", Some("%41"));
        check("?q=%E0%A4%A", "q", Some("\u{FFFD}%A"));
        check("?q=%FF", "q", Some("\u{FFFD}"));
        check("?id=a&id=b", "id", Some("b"));
        check("?id", "id", Some(""));
        check("?id=a=b", "id", Some("a=b"));
        check("?&&x=1&", "x", Some("1"));
        check("?x=1", "y", None);
        check("", "q", None);
        check("?%71=1", "q", Some("1"));
    }

    #[test]
    fn current_links() {
        let check = |href: &str, path: &str, search: &str, section: bool, expected: bool| {
            assert_eq!(
                is_current(href, path, search, section),
                expected,
                "{href} at {path}{search}"
            );
        };
        check("/b/targets/", "/b/targets/", "", false, true);
        check("/b/targets/", "/b/targets/", "?year=2025", false, false);
        check("/b/targets/", "/b/targets/", "?year=2025", true, true);
        check(
            "/b/targets/?year=2025",
            "/b/targets/",
            "?year=2025",
            false,
            true,
        );
        check(
            "/b/target/?id=a.t-1",
            "/b/target/",
            "?id=a.t-2",
            false,
            false,
        );
        check("/b/targets/", "/b/target/", "?id=a.t-1", true, false);
        check("/b/", "/b/targets/", "", true, false);
        check("/b/", "/b/", "", true, true);
        check("/b/document/?id=x#s2", "/b/document/", "?id=x", false, true);
    }

    #[test]
    fn safe_ids() {
        for ok in ["xinjiu-dongneng", "xinjiu-dongneng.t-3", "a_b"] {
            assert!(is_safe_id(ok), "{ok}");
        }
        for bad in [
            "",
            "../index",
            "a/b",
            "<script>",
            "中文",
            "a..b",
            &"x".repeat(81),
        ] {
            assert!(!is_safe_id(bad), "{bad}");
        }
    }
}
