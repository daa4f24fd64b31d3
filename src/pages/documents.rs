//! 文件: the list of all documents with their metadata.

use crate::components::records::{pager, use_filter};
use crate::components::status::Awaited;
use crate::data::store;
use crate::head::PageMetaOf;
use crate::links::url;
use crate::router::A;
use leptos::prelude::*;
use model::pages::Page;
use model::query::{page_of, Filter};
use model::Index;
use std::sync::Arc;

#[component]
pub fn DocumentList() -> impl IntoView {
    let index = store().index;
    let filter = use_filter();
    view! {
        <PageMetaOf page=Page::Documents />
        <Awaited
            load=move || async move { index.await }
            view=move |index| {
                filter.track();
                view! { <DocumentsView index filter=filter.get_untracked() /> }
            }
        />
    }
}

/// The documents, a page of them at a time (a large library stays quick to draw).
#[component]
pub fn DocumentsView(index: Arc<Index>, #[prop(optional)] filter: Filter) -> impl IntoView {
    let list_page = page_of(index.documents.len(), &filter.page);
    let rows = index
        .documents
        .get(list_page.start..list_page.end)
        .unwrap_or_default()
        .iter()
        .map(|doc| {
            let title = doc.title.clone();
            view! {
                <li class="doc-item">
                    <h2><A href=url(&Page::Document.record(&doc.id))>{title}</A></h2>
                    <dl class="doc-meta">
                        <dt>"发文机关"</dt><dd>{or_dash(&doc.issuer)}</dd>
                        <dt>"文号"</dt><dd>{or_dash(&doc.doc_number)}</dd>
                        <dt>"日期"</dt><dd>{or_dash(&doc.date)}</dd>
                        <dt>"地区"</dt><dd>{doc.region.clone()}</dd>
                        <dt>"类型"</dt><dd>{doc.kind.clone()}</dd>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"文件"</h1>
        {(list_page.pages > 1).then(|| view! { <p class="count">{format!("共 {} 份文件", index.documents.len())}</p> })}
        <ul class="doc-list">{rows}</ul>
        {pager(list_page, &filter, Page::Documents)}
    }
}

/// Empty metadata is shown as a dash: the text did not print that field.
pub fn or_dash(s: &str) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}
