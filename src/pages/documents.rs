//! 文件: the documents with their metadata, a page at a time, filterable by region and type
//! (the documents list, `lists/documents/`: its index, the member files of the filters set
//! and the chunks of the page shown, never every document).

use crate::components::records::{pager, use_filter, FilterPanel, SelectSpec};
use crate::components::status::Awaited;
use crate::data::{load_list, store, Data};
use crate::head::PageMetaOf;
use crate::links::url;
use crate::router::A;
use leptos::prelude::*;
use model::lists::ListPage;
use model::pages::Page;
use model::query::Filter;
use model::DocumentMeta;
use std::sync::Arc;

#[component]
pub fn DocumentList() -> impl IntoView {
    let address = use_filter();
    // Only the filters the documents have; others in the address do not apply here.
    let filter = Memo::new(move |_| address.get().for_documents());
    let store = store();
    let page = Data::new(move || {
        store.track_retry();
        load_list::<DocumentMeta>(filter.get())
    });
    view! {
        <PageMetaOf page=Page::Documents />
        <Awaited
            load=move || async move { page.await }
            view=move |page| view! { <DocumentsView page filter /> }
        />
    }
}

/// The documents, a page of them at a time (a large library stays quick to draw).
#[component]
pub fn DocumentsView(page: Arc<ListPage<DocumentMeta>>, filter: Memo<Filter>) -> impl IntoView {
    let f = filter.get_untracked();
    let list = &page.list;
    let (count, list_page) = (page.count(), page.page);
    let selects = vec![
        SelectSpec::new("地区", "region", list.options("region")),
        SelectSpec::new("类型", "kind", list.options("kind")),
    ];
    let rows = page
        .records
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
    let body = if count == 0 {
        view! {
            <p class="empty">"没有符合条件的文件。" <A href=url(&Page::Documents.path())>"清除筛选"</A></p>
        }
        .into_any()
    } else {
        view! {
            <ul class="doc-list">{rows}</ul>
            {pager(list_page, &f, Page::Documents)}
        }
        .into_any()
    };
    view! {
        <h1>"文件"</h1>
        <FilterPanel filter page=Page::Documents selects placeholder="" no_text=true />
        {(list_page.pages > 1 || !f.is_empty()).then(|| view! { <p class="count" role="status">{format!("共 {count} 份文件")}</p> })}
        {body}
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
