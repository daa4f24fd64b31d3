//! Taking over a prerendered page. The build wrote the page's first view into its HTML
//! from the same components (`crates/prerender`); the app renders off-screen and swaps in
//! when the page's data has arrived and its view is built, so the text never changes under
//! the reader. No polling: the page tells when it is ready, through [`Ready`].

use leptos::prelude::*;
use model::pages::TAKEOVER_ATTR;
use std::cell::RefCell;

type Swap = Box<dyn FnOnce(&str)>;

thread_local! {
    static PENDING: RefCell<Option<Swap>> = RefCell::new(None);
}

/// Remembers how to swap the live app in; the first [`ready`] call (or the timeout) does it.
pub fn arm(shell: web_sys::Element, live: web_sys::HtmlElement, timeout_ms: u32) {
    let swap = move |why: &str| {
        let _ = shell.replace_with_with_node_1(&live);
        live.set_id("app");
        // Says why the app took over, for the browser tests.
        let _ = live.set_attribute(TAKEOVER_ATTR, why);
    };
    PENDING.with(|p| *p.borrow_mut() = Some(Box::new(swap)));
    // Data that never arrives ends in an error view after the fetch timeout; the swap
    // happens by then whatever the page shows.
    let _ = set_timeout_with_handle(
        || ready("timeout"),
        std::time::Duration::from_millis(u64::from(timeout_ms) + 1000),
    );
}

/// Swaps the live app in, once; later calls do nothing.
pub fn ready(why: &str) {
    if let Some(swap) = PENDING.with(|p| p.borrow_mut().take()) {
        swap(why);
    }
}

/// Placed in a page's view where its data has been shown (or its failure): the effect runs
/// once that view is in the (off-screen) DOM.
#[component]
pub fn Ready(#[prop(optional)] failed: bool) -> impl IntoView {
    Effect::new(move |_| ready(if failed { "failed" } else { "rendered" }));
}
