//! Mounting the app, the shell every page shares (header, navigation, settings, footer),
//! and the route table, built from the one page table in `model::pages`.

use crate::links::{router_base, url};
use crate::router::A;
use crate::{data, dom, pages, settings, takeover};
use leptos::prelude::*;
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
            view! { <li><A href=url(&page.path()) section=true>{label}</A></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="skip" href="#main">"跳到正文"</a>
            <div class="brand">
                <A href=url("/")>{SITE_NAME}</A>
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

/// The route table, one route per page of `model::pages::PAGES` (a test checks that), each
/// at its segment under the router's base, and "页面不存在" for any other address. A new
/// query alone keeps the page, which follows it.
#[component]
fn PageRoutes() -> impl IntoView {
    use leptos_router::components::{Route, Routes};
    use leptos_router::{ParamSegment, StaticSegment};
    use pages::*;
    let at = |page: Page| StaticSegment(page.def().segment);
    // A record page answers at its own address (`target/<id>/`) and at the older one
    // (`target/?id=…`), which it replaces.
    let one = |page: Page| (StaticSegment(page.def().segment), ParamSegment("id"));
    view! {
        <Routes fallback=not_found::NotFound>
            <Route path=at(Page::Home) view=home::Home />
            <Route path=at(Page::Themes) view=themes::ThemeList />
            <Route path=at(Page::Theme) view=themes::ThemeDetail />
            <Route path=one(Page::Theme) view=themes::ThemeDetail />
            <Route path=at(Page::Documents) view=documents::DocumentList />
            <Route path=at(Page::Document) view=document::Reader />
            <Route path=one(Page::Document) view=document::Reader />
            <Route path=at(Page::Fields) view=fields::FieldList />
            <Route path=at(Page::Field) view=fields::FieldDetail />
            <Route path=one(Page::Field) view=fields::FieldDetail />
            <Route path=at(Page::Projects) view=projects::ProjectList />
            <Route path=at(Page::Project) view=projects::ProjectDetail />
            <Route path=one(Page::Project) view=projects::ProjectDetail />
            <Route path=at(Page::Targets) view=targets::TargetList />
            <Route path=at(Page::Target) view=targets::TargetDetail />
            <Route path=one(Page::Target) view=targets::TargetDetail />
            <Route path=at(Page::Departments) view=departments::DepartmentList />
            <Route path=at(Page::Department) view=departments::DepartmentDetail />
            <Route path=one(Page::Department) view=departments::DepartmentDetail />
            <Route path=at(Page::Search) view=search::Search />
            <Route path=at(Page::About) view=about::About />
        </Routes>
    }
}

/// The browser app: `leptos_router` under the hosting sub-path, the shell around the page
/// the address names.
#[component]
pub fn App() -> impl IntoView {
    use leptos_router::components::Router;
    settings::Settings::provide();
    data::Store::provide();
    view! {
        <Router base=router_base()>
            <Shell><PageRoutes /></Shell>
        </Router>
    }
}
