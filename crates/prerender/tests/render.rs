//! The prerender over the real data in `public/data/`: every prerendered page renders, with
//! relative links only, the same bytes twice, and fills its HTML shell.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

use model::pages::{Page, PAGES};
use policy_explorer::pages::FirstViewData;
use std::path::Path;

fn data() -> FirstViewData {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    prerender::first_view_data(&dir).unwrap()
}

const SHELL: &str = "<!DOCTYPE html><html><head><base href=\"../\"><title>x</title>\
<link rel=\"preload\" href=\"./app_bg.wasm\" as=\"fetch\"><link rel=\"stylesheet\" href=\"./s.css\"></head>\
<body><div id=\"panic\" hidden></div><div id=\"app\"><main>static</main></div></body></html>";

#[test]
fn every_prerendered_page_renders_the_same_bytes_twice_with_relative_links() {
    let data = data();
    for def in PAGES.iter() {
        let first = prerender::render(def.page, &data);
        assert_eq!(first.is_some(), !def.takes_id, "{:?}", def.page);
        let Some(first) = first else { continue };
        assert!(
            !first.contains("<!>"),
            "{:?}: no text-node markers",
            def.page
        );
        assert_eq!(
            prerender::render(def.page, &data),
            Some(first.clone()),
            "{:?}",
            def.page
        );
        let body = prerender::relative_links(&first, &def.page.path()).unwrap();
        let page =
            prerender::fill(SHELL, &prerender::PageHead::of(def), &body, "without-query").unwrap();
        assert!(page.contains("<div id=\"app\" data-prerendered=\"without-query\">"));
        assert!(
            !page.contains(".wasm\""),
            "{:?}: the first view needs no wasm",
            def.page
        );
        assert!(page.contains("s.css"), "other links stay");
        assert!(page.contains(&format!(
            "<title>{}</title>",
            model::pages::page_title(def.title)
        )));
        assert!(page.contains("<h1>"), "{:?}", def.page);
        assert!(
            !page.contains("static"),
            "the shell's own content is replaced"
        );
    }
}

#[test]
fn the_target_list_shows_its_first_page_and_the_overview() {
    let body = prerender::render(Page::Targets, &data()).unwrap();
    assert_eq!(body.matches("<li class=\"record\">").count(), 50);
    assert!(body.contains("各文件的目标指标数"));
    assert!(
        !body.contains("class=\"query-loading\""),
        "added by fill, not the view"
    );
}

#[test]
fn absolute_links_and_style_attributes_are_refused() {
    let def = Page::Targets.def();
    assert!(prerender::relative_links("<a href=\"/elsewhere/\">x</a>", &def.page.path()).is_err());
    assert!(prerender::relative_links("<p style=\"color:red\">x</p>", &def.page.path()).is_err());
    assert_eq!(
        prerender::relative_links(
            "<a href=\"/__app_root__/fields/\">x</a><a href=\"#main\">y</a>",
            &def.page.path()
        )
        .unwrap(),
        "<a href=\"./fields/\">x</a><a href=\"targets/#main\">y</a>"
    );
}

#[test]
fn the_404_page_has_absolute_links_under_the_public_url() {
    let page =
        prerender::not_found_page(SHELL, "/zwgk/zcdl/", &prerender::render_not_found()).unwrap();
    assert!(page.contains("<base href=\"/zwgk/zcdl/\">"));
    assert!(page.contains("href=\"/zwgk/zcdl/documents/\""));
    assert!(page.contains("页面不存在"));
    assert!(prerender::not_found_page(SHELL, "zwgk", "").is_err());
}

/// The navigation of the hand-written shell (`index.html`: what a page shows before its
/// view is written in, and every page the build does not prerender) is the page table's.
#[test]
fn the_static_shell_navigates_as_the_page_table_says() {
    let shell =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../index.html"))
            .unwrap();
    let nav_at = shell
        .find("<nav class=\"site-nav\"")
        .expect("the shell has the navigation");
    let nav = &shell[nav_at..nav_at + shell[nav_at..].find("</nav>").unwrap()];
    let links: Vec<(String, String)> = nav
        .split("<a href=\"")
        .skip(1)
        .map(|rest| {
            let (href, rest) = rest.split_once("\">").unwrap();
            let text = rest.split("</a>").next().unwrap();
            (href.to_string(), text.to_string())
        })
        .collect();
    let expected: Vec<(String, String)> = PAGES
        .iter()
        .filter_map(|p| {
            let label = p.nav?;
            let href = if p.segment.is_empty() {
                "./".to_string()
            } else {
                format!("{}/", p.segment)
            };
            Some((href, label.to_string()))
        })
        .collect();
    assert_eq!(links, expected);
}
