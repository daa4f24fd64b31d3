//! The page title and the government-site meta tags (`SiteName`, `ColumnName`, …) of the
//! view on show. The prerender writes the same title into each page's HTML.

use leptos::prelude::*;
use model::pages::{page_title, SITE_NAME};

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

/// Title and meta tags of one view (effects only: nothing is rendered in place).
#[component]
pub fn PageMeta(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] column: String,
    #[prop(optional, into)] pub_date: Signal<String>,
    #[prop(optional, into)] source: Signal<String>,
) -> impl IntoView {
    Effect::new(move |_| {
        let t = title.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&page_title(&t));
        }
        set_meta("SiteName", SITE_NAME);
        set_meta("ColumnName", &column);
        set_meta("ArticleTitle", if t.is_empty() { SITE_NAME } else { &t });
        set_meta("PubDate", &pub_date.get());
        set_meta("ContentSource", &source.get());
    });
}

/// The meta tags of a page in the page table.
#[component]
pub fn PageMetaOf(page: model::pages::Page) -> impl IntoView {
    let def = page.def();
    view! { <PageMeta title=def.title.to_string() column=def.column /> }
}
