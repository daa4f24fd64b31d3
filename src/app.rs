//! The app shell and the route table: header, navigation, settings, footer, and which
//! page each path shows.

use crate::{data, pages, settings};
use leptos::prelude::*;
use leptos_router::{
    components::{FlatRoutes, Route, Router, A},
    path,
};

pub const SITE_NAME: &str = "济南青岛政策文件解读";

pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(shell) = document.get_element_by_id("app") else {
        return;
    };
    follow_fragment_links_in_place(&document);
    let has_query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.len() > 1);
    if shell.has_attribute("data-prerendered") && !has_query {
        take_over_prerendered(&document, shell);
    } else {
        // The static shell (or a prerendered view of another address) painted the first
        // view; the app replaces it at once.
        shell.set_inner_html("");
        let _ = shell.remove_attribute("data-prerendered");
        let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(shell);
        leptos::mount::mount_to(root, App).forget();
    }
}

/// The build prerendered this page's first view (see `xtask/prerender.mjs`): the app renders
/// off-screen and swaps in once its data has arrived, so the reader never sees the text
/// disappear into a loading line and come back.
fn take_over_prerendered(document: &web_sys::Document, shell: web_sys::Element) {
    let Ok(live) = document.create_element("div") else {
        return;
    };
    let live: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(live);
    leptos::mount::mount_to(live.clone(), App).forget();
    let started = js_sys::Date::now();
    let prerendered = main_text(&shell, true);
    // The swap waits until the app shows what the prerendered page shows (or an error),
    // and until the first paint has been presented: a browser still busy with the wasm
    // when the prerendered text is removed forgets that it had painted it, and would count
    // the page as painted only after the swap.
    let reason = {
        let live = live.clone();
        move || {
            if !first_paint_presented() {
                return None;
            }
            if main_text(&live, false) == prerendered {
                Some("same-text")
            } else if live.query_selector(".load-failed").ok().flatten().is_some() {
                Some("failed")
            } else {
                None
            }
        }
    };
    let swap = move |why: &str| {
        let _ = shell.replace_with_with_node_1(&live);
        live.set_id("app");
        // Says why the app took over, for the browser tests.
        let _ = live.set_attribute("data-takeover", why);
    };
    if let Some(why) = reason() {
        swap(why);
        return;
    }
    // Data that never arrives ends in an error view after the fetch timeout; the swap
    // happens by then whatever the page shows.
    let limit = f64::from(data::TIMEOUT_MS) + 1000.0;
    let pending = std::rc::Rc::new(std::cell::RefCell::new(Some(swap)));
    let handle = std::rc::Rc::new(std::cell::Cell::new(None::<IntervalHandle>));
    let interval = {
        let handle = handle.clone();
        set_interval_with_handle(
            move || {
                let why = match reason() {
                    Some(why) => why,
                    None if js_sys::Date::now() - started > limit => "timeout",
                    None => return,
                };
                if let Some(swap) = pending.borrow_mut().take() {
                    swap(why);
                }
                if let Some(h) = handle.take() {
                    h.clear();
                }
            },
            std::time::Duration::from_millis(40),
        )
    };
    handle.set(interval.ok());
}

/// The text of a page's `<main>`, leaving out the line the prerendered page shows instead
/// of itself when the address has a query.
fn main_text(root: &web_sys::Element, prerendered: bool) -> String {
    let Some(main) = root.query_selector("main").ok().flatten() else {
        return String::new();
    };
    let text = main.text_content().unwrap_or_default();
    let shown_instead = main
        .query_selector(".query-loading")
        .ok()
        .flatten()
        .and_then(|p| p.text_content())
        .filter(|_| prerendered);
    match shown_instead {
        // The build puts that line first in `<main>`.
        Some(line) => text
            .strip_prefix(line.as_str())
            .unwrap_or(&text)
            .to_string(),
        None => text,
    }
}

/// `href="#…"` resolves against `<base href>`, which points at the site root so that one
/// build serves any sub-path; left alone, the skip link and the outline would open the home
/// page. Such links scroll to and focus their target on the current page instead.
fn follow_fragment_links_in_place(document: &web_sys::Document) {
    use wasm_bindgen::JsCast;
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        |ev: web_sys::MouseEvent| {
            if ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key()
            {
                return;
            }
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href^='#']").ok().flatten());
            let Some(link) = link else {
                return;
            };
            let id = link.get_attribute("href").unwrap_or_default();
            let id = id.trim_start_matches('#');
            let Some(target) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
            else {
                return;
            };
            ev.prevent_default();
            target.scroll_into_view();
            // Focus moves with the view, so keyboard and screen-reader users continue there.
            if !target.has_attribute("tabindex") {
                let _ = target.set_attribute("tabindex", "-1");
            }
            if let Some(target) = target.dyn_ref::<web_sys::HtmlElement>() {
                let _ = target.focus();
            }
            if let Some(w) = web_sys::window() {
                let here = w.location();
                let address = format!(
                    "{}{}#{id}",
                    here.pathname().unwrap_or_default(),
                    here.search().unwrap_or_default()
                );
                if let Ok(history) = w.history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&address),
                    );
                }
            }
        },
    );
    // Capture phase: ahead of the router's own link handling.
    let _ = document.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
}

fn first_paint_presented() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .is_none_or(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
}

/// The path the app is hosted under, read once from `<base href>` so that one build works
/// under any sub-path.
fn router_base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        model::route::base_path(&base)
    })
}

/// An app path (`/targets/?year=2025`) as a link under the hosting sub-path: the router
/// does not prefix absolute links with its base.
pub fn url(path: &str) -> String {
    format!("{}{path}", router_base())
}

/// Navigation options for a path already made by [`url`]: the router would otherwise put
/// its base in front a second time.
pub fn as_given() -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions {
        resolve: false,
        ..Default::default()
    }
}

#[component]
pub fn App() -> impl IntoView {
    settings::Settings::provide();
    data::Store::provide();
    view! {
        <Router base=router_base().to_string()>
            <header class="site-header">
                <a class="skip" href="#main">"跳到正文"</a>
                <div class="brand">
                    <A href=crate::app::url("/")>{SITE_NAME}</A>
                </div>
                <settings::SettingsBar />
            </header>
            <nav class="site-nav" aria-label="主导航">
                <ul>
                    <li><A href=crate::app::url("/") exact=true>"首页"</A></li>
                    <li><A href=crate::app::url("/documents/")>"文件"</A></li>
                    <li><A href=crate::app::url("/fields/")>"重点领域"</A></li>
                    <li><A href=crate::app::url("/projects/")>"重点工程"</A></li>
                    <li><A href=crate::app::url("/targets/")>"目标指标"</A></li>
                    <li><A href=crate::app::url("/departments/")>"责任单位"</A></li>
                    <li><A href=crate::app::url("/search/")>"搜索"</A></li>
                </ul>
            </nav>
            <main id="main" tabindex="-1">
                <FlatRoutes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/documents") view=pages::documents::DocumentList />
                    <Route path=path!("/document") view=pages::reader::Reader />
                    <Route path=path!("/fields") view=pages::fields::FieldList />
                    <Route path=path!("/field") view=pages::fields::FieldDetail />
                    <Route path=path!("/projects") view=pages::projects::ProjectList />
                    <Route path=path!("/project") view=pages::projects::ProjectDetail />
                    <Route path=path!("/targets") view=pages::targets::TargetList />
                    <Route path=path!("/target") view=pages::targets::TargetDetail />
                    <Route path=path!("/departments") view=pages::departments::DepartmentList />
                    <Route path=path!("/department") view=pages::departments::DepartmentDetail />
                    <Route path=path!("/search") view=pages::search::Search />
                    <Route path=path!("/about") view=pages::about::About />
                </FlatRoutes>
            </main>
            <footer class="site-footer">
                <p>
                    "数据来源：济南市人民政府、济南市人民政府办公厅、济南市历下区人民政府、青岛市人民政府公开发布的政策文件（含《济南市人民政府公报》2020年第10期）。"
                </p>
                <p><A href=crate::app::url("/about/")>"关于本站与数据下载"</A></p>
            </footer>
        </Router>
    }
}

/// Sets `<meta name=…>` in the head, creating it when missing.
fn set_meta(name: &str, content: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("meta[name=\"{name}\"]");
    let existing = doc.query_selector(&selector).ok().flatten();
    let meta = match existing {
        Some(m) => m,
        None => {
            let Ok(m) = doc.create_element("meta") else {
                return;
            };
            let _ = m.set_attribute("name", name);
            if let Some(head) = doc.head() {
                let _ = head.append_child(&m);
            }
            m
        }
    };
    let _ = meta.set_attribute("content", content);
}

/// Page title and the government-site meta tags (`SiteName`, `ColumnName`, …) of one view.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] column: String,
    #[prop(optional, into)] pub_date: Signal<String>,
    #[prop(optional, into)] source: Signal<String>,
) -> impl IntoView {
    Effect::new(move |_| {
        let t = title.get();
        let full = if t.is_empty() {
            SITE_NAME.to_string()
        } else {
            format!("{t} - {SITE_NAME}")
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&full);
        }
        set_meta("SiteName", SITE_NAME);
        set_meta("ColumnName", &column);
        set_meta("ArticleTitle", if t.is_empty() { SITE_NAME } else { &t });
        set_meta("PubDate", &pub_date.get());
        set_meta("ContentSource", &source.get());
    });
}
