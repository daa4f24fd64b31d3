//! The one page table: every page of the app with its path, title, the government-site
//! column it belongs to, whether the build prerenders it, and how links to it are made.
//! The router, the build (route files, native prerender) and the browser tests (through
//! `target/pages.json`, see [`table_json`]) all read this table, so a page is added here once.

use serde::Serialize;

/// Every page the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    Home,
    Themes,
    Theme,
    Documents,
    Document,
    Fields,
    Field,
    Projects,
    Project,
    Targets,
    Target,
    Departments,
    Department,
    Search,
    About,
}

/// What the app, the build and the tests know about one page.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PageDef {
    pub page: Page,
    /// The directory below the app root (`""` for the home page); the build writes an
    /// `index.html` into each so that every page opens on a plain static server.
    pub segment: &'static str,
    /// Page title (also `ArticleTitle`); record pages use the record's name instead.
    pub title: &'static str,
    /// The `ColumnName` meta tag government sites index pages by.
    pub column: &'static str,
    /// Its first view does not depend on an id, so the build renders it into its
    /// `index.html` ahead of time.
    pub prerendered: bool,
    /// The page shows one record, named by its path (`<segment>/<id>/`, or `?id=` in an
    /// older link); the build writes a page per record (`prerender::write_record_pages`,
    /// `write_topic_pages`), not this flag's.
    pub takes_id: bool,
    /// Label in the main navigation, for pages listed there.
    pub nav: Option<&'static str>,
}

const fn def(
    page: Page,
    segment: &'static str,
    title: &'static str,
    column: &'static str,
    prerendered: bool,
    takes_id: bool,
    nav: Option<&'static str>,
) -> PageDef {
    PageDef {
        page,
        segment,
        title,
        column,
        prerendered,
        takes_id,
        nav,
    }
}

/// The table, in navigation order.
pub const PAGES: [PageDef; 15] = [
    def(Page::Home, "", "", "首页", true, false, Some("首页")),
    def(
        Page::Themes,
        "themes",
        "主题",
        "主题",
        true,
        false,
        Some("主题"),
    ),
    def(Page::Theme, "theme", "主题", "主题", false, true, None),
    def(
        Page::Documents,
        "documents",
        "文件",
        "文件",
        true,
        false,
        Some("文件"),
    ),
    def(
        Page::Document,
        "document",
        "文件",
        "文件",
        false,
        true,
        None,
    ),
    def(
        Page::Fields,
        "fields",
        "重点领域",
        "重点领域",
        true,
        false,
        Some("重点领域"),
    ),
    def(
        Page::Field,
        "field",
        "重点领域",
        "重点领域",
        false,
        true,
        None,
    ),
    def(
        Page::Projects,
        "projects",
        "重点工程",
        "重点工程",
        true,
        false,
        Some("重点工程"),
    ),
    def(
        Page::Project,
        "project",
        "重点工程",
        "重点工程",
        false,
        true,
        None,
    ),
    def(
        Page::Targets,
        "targets",
        "目标指标",
        "目标指标",
        true,
        false,
        Some("目标指标"),
    ),
    def(
        Page::Target,
        "target",
        "目标指标",
        "目标指标",
        false,
        true,
        None,
    ),
    def(
        Page::Departments,
        "departments",
        "责任单位",
        "责任单位",
        true,
        false,
        Some("责任单位"),
    ),
    def(
        Page::Department,
        "department",
        "责任单位",
        "责任单位",
        false,
        true,
        None,
    ),
    def(
        Page::Search,
        "search",
        "搜索",
        "搜索",
        true,
        false,
        Some("搜索"),
    ),
    def(
        Page::About,
        "about",
        "关于本站与数据",
        "关于",
        true,
        false,
        None,
    ),
];

/// The site's name, in every title and in the `SiteName` meta tag.
pub const SITE_NAME: &str = "济南青岛政策文件解读";

/// The `<title>` of a view titled `title` (the site name alone for the home page).
pub fn page_title(title: &str) -> String {
    if title.is_empty() {
        SITE_NAME.to_string()
    } else {
        format!("{title} - {SITE_NAME}")
    }
}

/// Title and column of the view for an address no page matches.
pub const NOT_FOUND_TITLE: &str = "页面不存在";
pub const NOT_FOUND_COLUMN: &str = "404";

/// Attribute on `<div id="app">` of a page the build prerendered. Its value says whether
/// the view stands for any address of the page ([`PRERENDERED_ANY_QUERY`], the home page)
/// or only for the address without a query ([`PRERENDERED_WITHOUT_QUERY`], the lists, whose
/// content the query filters).
pub const PRERENDERED_ATTR: &str = "data-prerendered";
pub const PRERENDERED_ANY_QUERY: &str = "any-query";
pub const PRERENDERED_WITHOUT_QUERY: &str = "without-query";
/// The line a prerendered list shows, in place of its unfiltered view, while the app
/// renders the filtered one (hidden unless `<html>` has [`crate::settings::HAS_QUERY_CLASS`]).
pub const QUERY_LOADING_CLASS: &str = "query-loading";
pub const QUERY_LOADING_TEXT: &str = "正在加载…";
/// Attribute the app sets on `<div id="app">` when it takes over a prerendered page,
/// saying why (`rendered` or `failed`); the browser tests wait for it.
pub const TAKEOVER_ATTR: &str = "data-takeover";

impl Page {
    pub fn def(self) -> &'static PageDef {
        // The table lists every variant in declaration order (checked by a test).
        PAGES.get(self as usize).unwrap_or(&PAGES[0])
    }

    /// The page's path below the app root: `/` or `/targets/`.
    pub fn path(self) -> String {
        match self.def().segment {
            "" => "/".to_string(),
            s => format!("/{s}/"),
        }
    }

    /// The path with a query (`/targets/?doc=…`); `query` starts with `?` or is empty.
    pub fn path_with(self, query: &str) -> String {
        format!("{}{query}", self.path())
    }

    /// The address of one record on a page that takes an id, its own page:
    /// `/target/a.t-1/`. (Older links, `/target/?id=a.t-1`, open the same record, and the app
    /// replaces them with this one.)
    pub fn record(self, id: &str) -> String {
        format!("{}{}/", self.path(), crate::query::encode(id))
    }

    /// A record's address with a query (`/document/a/?at=p-3`); `query` starts with `?` or
    /// `&` (taken as `?`), or is empty.
    pub fn record_with(self, id: &str, query: &str) -> String {
        let query = match query.strip_prefix('&') {
            Some(rest) => format!("?{rest}"),
            None => query.to_string(),
        };
        format!("{}{query}", self.record(id))
    }

    /// The pages the build prerenders.
    pub fn prerendered() -> impl Iterator<Item = &'static PageDef> {
        PAGES.iter().filter(|p| p.prerendered)
    }
}

/// The table and the shared names as JSON, for the browser tests (`cargo xtask` writes it
/// to `target/pages.json`), so that they use the same paths and names as the app.
pub fn table_json() -> String {
    #[derive(Serialize)]
    struct Export {
        pages: &'static [PageDef],
        prerendered_attr: &'static str,
        prerendered_any_query: &'static str,
        prerendered_without_query: &'static str,
        query_loading_class: &'static str,
        has_query_class: &'static str,
        takeover_attr: &'static str,
        not_found_title: &'static str,
    }
    serde_json::to_string_pretty(&Export {
        pages: &PAGES,
        prerendered_attr: PRERENDERED_ATTR,
        prerendered_any_query: PRERENDERED_ANY_QUERY,
        prerendered_without_query: PRERENDERED_WITHOUT_QUERY,
        query_loading_class: QUERY_LOADING_CLASS,
        has_query_class: crate::settings::HAS_QUERY_CLASS,
        takeover_attr: TAKEOVER_ATTR,
        not_found_title: NOT_FOUND_TITLE,
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_indexed_by_the_enum() {
        for (i, def) in PAGES.iter().enumerate() {
            assert_eq!(def.page as usize, i, "{:?} is out of place", def.page);
            let same_segment = PAGES.iter().filter(|p| p.segment == def.segment).count();
            assert_eq!(
                same_segment, 1,
                "{:?}: its segment is another page's",
                def.page
            );
        }
    }

    #[test]
    fn paths_and_record_links() {
        fn check(got: String, expected: &str) {
            assert_eq!(got, expected);
        }
        check(Page::Home.path(), "/");
        check(Page::Targets.path(), "/targets/");
        check(Page::Targets.path_with("?doc=a"), "/targets/?doc=a");
        check(Page::Target.record("a.t-1"), "/target/a.t-1/");
        check(Page::Field.record("甲 乙"), "/field/%E7%94%B2%20%E4%B9%99/");
        check(
            Page::Document.record_with("a", "?at=p-3"),
            "/document/a/?at=p-3",
        );
        check(
            Page::Document.record_with("a", "&part=2"),
            "/document/a/?part=2",
        );
        check(Page::Document.record_with("a", ""), "/document/a/");
    }

    #[test]
    fn record_pages_are_not_prerendered() {
        for def in &PAGES {
            assert!(
                !(def.takes_id && def.prerendered),
                "{:?}: its first view depends on the id",
                def.page
            );
        }
        assert_eq!(Page::prerendered().count(), 9);
    }

    #[test]
    fn the_export_names_every_page() {
        let json = table_json();
        for def in &PAGES {
            assert!(json.contains(&format!("\"segment\": \"{}\"", def.segment)));
        }
        assert!(json.contains("\"takeover_attr\": \"data-takeover\""));
    }
}
