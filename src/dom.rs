//! Small browser helpers the pages share: file downloads built in the page, and in-page
//! `#` links that must not follow `<base href>`.

use wasm_bindgen::JsCast;

/// Offers the given text as a file download through a Blob URL (no server involved).
pub fn download(name: &str, mime: &str, body: &str) {
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(name, &href);
    let _ = web_sys::Url::revoke_object_url(&href);
}

/// Clicks a temporary `<a download>` for `href`.
pub fn download_url(name: &str, href: &str) {
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(href);
        a.set_download(name);
        a.click();
    }
}

/// Scrolls `target` into view and moves focus to it, so keyboard and screen-reader users
/// continue where the view went.
pub fn show(target: &web_sys::Element) {
    target.scroll_into_view();
    if !target.has_attribute("tabindex") {
        let _ = target.set_attribute("tabindex", "-1");
    }
    if let Some(target) = target.dyn_ref::<web_sys::HtmlElement>() {
        let _ = target.focus();
    }
}

/// `href="#…"` resolves against `<base href>`, which points at the site root so that one
/// build serves any sub-path; left alone, the skip link and the outline would open the home
/// page. Such links scroll to and focus their target on the current page instead.
pub fn follow_fragment_links_in_place(document: &web_sys::Document) {
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
            let href = link.get_attribute("href").unwrap_or_default();
            let id = href.trim_start_matches('#');
            let Some(target) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
            else {
                return;
            };
            ev.prevent_default();
            show(&target);
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
    // One listener for the life of the page.
    on_click.forget();
}
