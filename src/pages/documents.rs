//! 文件: the list of all documents with their metadata.

use crate::app::PageMeta;
use crate::data::store;
use crate::pages::{LoadFailed, Loading};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DocumentList() -> impl IntoView {
    let store = store();
    let retry = Callback::new(move |_| store.index.refetch());
    view! {
        <PageMeta title="文件".to_string() column="文件" />
        <h1>"文件"</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match store.index.await {
                    Err(error) => view! { <LoadFailed error retry /> }.into_any(),
                    Ok(index) => {
                        let rows = index
                            .documents
                            .clone()
                            .into_iter()
                            .map(|doc| {
                                let href = format!("/document/?id={}", doc.id);
                                view! {
                                    <li class="doc-item">
                                        <h2><A href=crate::app::url(&href)>{doc.title.clone()}</A></h2>
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
                        view! { <ul class="doc-list">{rows}</ul> }.into_any()
                    }
                }
            })}
        </Transition>
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
