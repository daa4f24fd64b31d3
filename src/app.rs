//! Mounting the app, the shell every page shares (header, navigation, settings, footer),
//! and the route table, built from the one page table in `model::pages`.

use crate::links::url;
use crate::router::{Router, A};
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

/// The view of `page`, or of "页面不存在" for an address no page has: the route table,
/// one arm per page of `model::pages::PAGES`.
fn page_view(page: Option<Page>) -> AnyView {
    use pages::*;
    match page {
        Some(Page::Home) => view! { <home::Home /> }.into_any(),
        Some(Page::Themes) => view! { <themes::ThemeList /> }.into_any(),
        Some(Page::Theme) => view! { <themes::ThemeDetail /> }.into_any(),
        Some(Page::Documents) => view! { <documents::DocumentList /> }.into_any(),
        Some(Page::Document) => view! { <document::Reader /> }.into_any(),
        Some(Page::Fields) => view! { <fields::FieldList /> }.into_any(),
        Some(Page::Field) => view! { <fields::FieldDetail /> }.into_any(),
        Some(Page::Projects) => view! { <projects::ProjectList /> }.into_any(),
        Some(Page::Project) => view! { <projects::ProjectDetail /> }.into_any(),
        Some(Page::Targets) => view! { <targets::TargetList /> }.into_any(),
        Some(Page::Target) => view! { <targets::TargetDetail /> }.into_any(),
        Some(Page::Departments) => view! { <departments::DepartmentList /> }.into_any(),
        Some(Page::Department) => view! { <departments::DepartmentDetail /> }.into_any(),
        Some(Page::Search) => view! { <search::Search /> }.into_any(),
        Some(Page::About) => view! { <about::About /> }.into_any(),
        None => view! { <not_found::NotFound /> }.into_any(),
    }
}

/// The browser app: the shell around the page the address names. A new page is drawn
/// when the address names another page; a new query alone leaves the page to follow it.
#[component]
pub fn App() -> impl IntoView {
    settings::Settings::provide();
    data::Store::provide();
    let router = Router::provide_browser();
    view! { <Shell>{move || page_view(router.page.get())}</Shell> }
}
