//! The app's own router: the address as a signal, links that open pages without reloading,
//! and the page the address names. What an address means (its page, its query, whether a
//! link points at it) is pure logic in `model::route`; this is the browser's history around
//! it. It replaces `leptos_router`, whose general machinery (nested routes, params, forms,
//! actions) the app does not use, for a smaller app.

use crate::links::router_base;
use leptos::prelude::*;
use model::pages::Page;
use model::route::Query;
use wasm_bindgen::JsCast;

/// Where the resident is: the location's pathname (with the hosting sub-path) and its
/// query string (with its `?`, or empty).
#[derive(Debug, Clone, Default, PartialEq)]
struct Address {
    path: String,
    search: String,
}

/// The current address and what it names, shared through context.
#[derive(Clone, Copy)]
pub struct Router {
    address: RwSignal<Address>,
    /// The page of the address; None for an address no page has.
    pub page: Memo<Option<Page>>,
    /// The query of the address, decoded.
    pub query: Memo<Query>,
}

impl Router {
    fn provide_at(address: Address) -> Router {
        let address = RwSignal::new(address);
        let router = Router {
            address,
            page: Memo::new(move |_| {
                address.with(|a| model::route::page_at(&a.path, router_base()))
            }),
            query: Memo::new(move |_| address.with(|a| Query::parse(&a.search))),
        };
        provide_context(router);
        router
    }

    /// The browser's router: the window's address, followed through the app's links and
    /// the back and forward buttons.
    pub fn provide_browser() -> Router {
        let router = Router::provide_at(window_address().unwrap_or_default());
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            if let Some(address) = window_address() {
                router.address.set(address);
            }
        });
        let _ = window_event_listener(leptos::ev::click, move |ev| router.open_in_place(ev));
        router
    }

    /// A fixed address (`path` with no query), for the native prerender.
    pub fn provide_static(path: &str) -> Router {
        Router::provide_at(Address {
            path: path.to_string(),
            search: String::new(),
        })
    }

    /// Opens `href` (an app path made by `links::url`, with the hosting sub-path) without
    /// reloading: a new history entry, the page it names, and the top of the page or the
    /// element its `#` names.
    pub fn navigate(self, href: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let here = format!(
            "{}{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        if href != here {
            if let Ok(history) = window.history() {
                if history
                    .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
                    .is_err()
                {
                    // An address the history refuses (another origin) is opened the plain way.
                    let _ = location.set_href(href);
                    return;
                }
            }
        }
        if let Some(address) = window_address() {
            self.address.set(address);
        }
        let hash = location.hash().unwrap_or_default();
        if hash.len() > 1 {
            // The element is drawn by the page's next render, after this task.
            let scroll = wasm_bindgen::closure::Closure::once_into_js(move || scroll_to(&hash));
            let _ = window.set_timeout_with_callback(scroll.unchecked_ref());
        } else {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// A click on a link to a page of the app opens it in place; the browser keeps every
    /// other click: with a modifier key or another button, on a link with a target, a
    /// download or `rel="external"`, or to an address outside the app (another origin, or
    /// outside the hosting sub-path).
    fn open_in_place(self, ev: web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let external = link
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
        if !link.target().is_empty() || link.has_attribute("download") || external {
            return;
        }
        let Ok(to) = web_sys::Url::new(&link.href()) else {
            return;
        };
        let origin = web_sys::window().and_then(|w| w.location().origin().ok());
        let path = to.pathname();
        if origin.as_deref() != Some(to.origin().as_str()) || !path.starts_with(router_base()) {
            return;
        }
        ev.prevent_default();
        self.navigate(&format!("{path}{}{}", to.search(), to.hash()));
    }
}

pub fn router() -> Router {
    expect_context::<Router>()
}

/// The query of the current address.
pub fn use_query() -> Memo<Query> {
    router().query
}

fn window_address() -> Option<Address> {
    let location = web_sys::window()?.location();
    Some(Address {
        path: location.pathname().ok()?,
        search: location.search().ok()?,
    })
}

/// Scrolls to the element `#id` names (and focuses it), or to the top when there is none.
fn scroll_to(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let id = hash.trim_start_matches('#');
    let id = js_sys::decode_uri_component(id)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| id.to_string());
    match window.document().and_then(|d| d.get_element_by_id(&id)) {
        Some(element) => crate::dom::show(&element),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// A link to a page of the app (`href` made by `links::url`), marked `aria-current="page"`
/// while the resident is on the address it points at; a link of the main navigation
/// (`section`) while on its page, whatever the query.
#[component]
pub fn A(
    #[prop(into)] href: String,
    #[prop(optional)] section: bool,
    children: Children,
) -> impl IntoView {
    let address = router().address;
    let to = href.clone();
    let current = move || {
        address
            .with(|a| model::route::is_current(&to, &a.path, &a.search, section))
            .then_some("page")
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}
