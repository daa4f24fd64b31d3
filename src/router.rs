//! The app's few helpers over `leptos_router`, which does the routing (the route table is in
//! `app.rs`): a query value read from the address, opening an app path, and a link marked
//! `aria-current="page"` by the app's own rule (`model::route::is_current`).

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use model::pages::Page;

/// One query value of the current address, cleaned (`model::query::clean_value`).
pub fn use_query_value(key: &'static str) -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| model::query::clean_value(&query.read().get(key).unwrap_or_default()))
}

/// The id of the record a record page shows: from its address (`target/<id>/`), or from an
/// older link's query (`target/?id=<id>`), whose address the app then replaces with the
/// record's own, keeping the rest of the query (`document/?id=a&at=p-3` → `document/a/?at=p-3`).
pub fn use_record_id(page: Page) -> Memo<String> {
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if params.read().get("id").is_some() {
            return;
        }
        let q = query.read();
        let Some(id) = q.get("id").filter(|id| model::is_safe_id(id)) else {
            return;
        };
        let mut rest = q.clone();
        rest.remove("id");
        let rest = rest.to_query_string();
        let replace = NavigateOptions {
            replace: true,
            ..NavigateOptions::default()
        };
        navigate(&page.record_with(&id, &rest), replace);
    });
    Memo::new(move |_| {
        let id = params.read().get("id").or_else(|| query.read().get("id"));
        model::query::clean_value(&id.unwrap_or_default())
    })
}

/// A function that opens an app path (`/targets/?year=2025`, without the hosting sub-path,
/// which the router adds) as a new history entry, scrolled to its top or its `#` target.
pub fn use_open() -> impl Fn(&str) + Clone {
    let navigate = use_navigate();
    move |path: &str| navigate(path, NavigateOptions::default())
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
    let location = use_location();
    let to = href.clone();
    let current = move || {
        let (path, search) = (location.pathname.read(), location.search.read());
        model::route::is_current(&to, &path, &search, section).then_some("page")
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}
