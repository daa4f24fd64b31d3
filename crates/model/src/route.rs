//! Pure helpers for addresses that `leptos_router` does not cover: the router base taken
//! from `<base href>`, when a link points at the current page (its `aria-current`), and id
//! checks for values that arrive in the query string. The pages are in `pages.rs`.

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
