//! One module per page, plus the loading and failure views they share.

pub mod about;
pub mod departments;
pub mod documents;
pub mod fields;
pub mod home;
pub mod not_found;
pub mod projects;
pub mod reader;
pub mod records;
pub mod search;
pub mod target_charts;
pub mod targets;

use crate::data::LoadError;
use leptos::prelude::*;

/// Shown while a data file is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"正在加载数据…"</p> }
}

/// A data file failed: say what happened and offer a retry; the rest of the app keeps working.
#[component]
pub fn LoadFailed(error: LoadError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="load-failed" role="alert">
            <p>{error.to_string()}</p>
            <button type="button" on:click=move |_| retry.run(())>"重试"</button>
        </div>
    }
}

/// A missing record: say what was asked for and link back to its list.
#[component]
pub fn NotFoundRecord(
    #[prop(into)] what: String,
    #[prop(into)] id: String,
    #[prop(into)] back_href: String,
    #[prop(into)] back_label: String,
) -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"未找到"</h1>
            <p>"没有编号为“" <span class="bad-id">{id}</span> "”的" {what} "。"</p>
            <p><leptos_router::components::A href=crate::app::url(&back_href)>{back_label}</leptos_router::components::A></p>
        </section>
    }
}
