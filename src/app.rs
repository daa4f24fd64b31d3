//! Mounting the app, the shell every page shares (header, navigation, settings, footer),
//! and the route table, built from the one page table in `model::pages`.

use crate::links::{router_base, url};
use crate::{data, dom, pages, settings, takeover};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router, A};
use leptos_router::StaticSegment;
use model::pages::{Page, PAGES, PRERENDERED_ATTR, PRERENDERED_WITHOUT_QUERY, SITE_NAME};

/// Mounts the app on `<div id="app">`: at once over the static shell, or off-screen and
/// swapped in when the page was prerendered for this address (see [`takeover`]).
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(shell) = document.get_element_by_id("app") else {
        return;
    };
    dom::follow_fragment_links_in_place(&document);
    let has_query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.len() > 1);
    let prerendered = shell.get_attribute(PRERENDERED_ATTR);
    // A list prerendered without a query shows the wrong list for an address with one.
    let stands = match prerendered.as_deref() {
        None => false,
        Some(PRERENDERED_WITHOUT_QUERY) => !has_query,
        Some(_) => true,
    };
    if stands {
        let Ok(live) = document.create_element("div") else {
            return;
        };
        let live: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(live);
        takeover::arm(shell, live.clone(), data::TIMEOUT_MS);
        leptos::mount::mount_to(live, App).forget();
    } else {
        shell.set_inner_html("");
        let _ = shell.remove_attribute(PRERENDERED_ATTR);
        let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(shell);
        leptos::mount::mount_to(root, App).forget();
    }
}

/// The header, navigation and footer around a page's view; the browser app and the
/// prerender both render pages inside it.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let nav = PAGES
        .iter()
        .filter_map(|p| Some((p.page, p.nav?)))
        .map(|(page, label)| {
            // Only the home link must match exactly: every path starts with `/`.
            view! { <li><A href=url(&page.path()) exact=page == Page::Home>{label}</A></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="skip" href="#main">"跳到正文"</a>
            <div class="brand">
                <A href=url("/") exact=true>{SITE_NAME}</A>
            </div>
            <settings::SettingsBar />
        </header>
        <nav class="site-nav" aria-label="主导航">
            <ul>{nav}</ul>
        </nav>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>
                "数据来源：济南市人民政府、济南市人民政府办公厅、济南市历下区人民政府、青岛市人民政府公开发布的政策文件（含《济南市人民政府公报》2020年第10期）。"
            </p>
            <p><A href=url(&Page::About.path())>"关于本站与数据下载"</A></p>
        </footer>
    }
}

/// A page's view as the route table holds it: every route gets the same type (a function
/// pointer to an erased view), so the router's matching and view code is compiled once
/// rather than once per page (a smaller wasm).
type PageView = fn() -> AnyView;

macro_rules! page {
    ($component:path) => {
        (|| view! { <$component /> }.into_any()) as PageView
    };
}

/// The browser app: the shell and the route table.
#[component]
pub fn App() -> impl IntoView {
    settings::Settings::provide();
    data::Store::provide();
    view! {
        <Router base=router_base().to_string()>
            <Shell>
                // One route per page of the table (`model::pages::PAGES`).
                <FlatRoutes fallback=pages::not_found::NotFound>
                    <Route path=leptos_router::path!("/") view=page!(pages::home::Home) />
                    <Route path=at(Page::Themes) view=page!(pages::themes::ThemeList) />
                    <Route path=at(Page::Theme) view=page!(pages::themes::ThemeDetail) />
                    <Route path=at(Page::Documents) view=page!(pages::documents::DocumentList) />
                    <Route path=at(Page::Document) view=page!(pages::document::Reader) />
                    <Route path=at(Page::Fields) view=page!(pages::fields::FieldList) />
                    <Route path=at(Page::Field) view=page!(pages::fields::FieldDetail) />
                    <Route path=at(Page::Projects) view=page!(pages::projects::ProjectList) />
                    <Route path=at(Page::Project) view=page!(pages::projects::ProjectDetail) />
                    <Route path=at(Page::Targets) view=page!(pages::targets::TargetList) />
                    <Route path=at(Page::Target) view=page!(pages::targets::TargetDetail) />
                    <Route path=at(Page::Departments) view=page!(pages::departments::DepartmentList) />
                    <Route path=at(Page::Department) view=page!(pages::departments::DepartmentDetail) />
                    <Route path=at(Page::Search) view=page!(pages::search::Search) />
                    <Route path=at(Page::About) view=page!(pages::about::About) />
                </FlatRoutes>
            </Shell>
        </Router>
    }
}

/// The route path of a page in the table.
fn at(page: Page) -> (StaticSegment<&'static str>,) {
    (StaticSegment(page.def().segment),)
}
