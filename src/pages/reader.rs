//! 文件阅读: metadata, outline, and the cleaned text by section, with an anchor per section
//! and paragraph. `?id=<doc>&at=<anchor>` scrolls to and highlights one paragraph.

use crate::app::PageMeta;
use crate::data::{document_resource, store};
use crate::pages::documents::or_dash;
use crate::pages::{LoadFailed, Loading, NotFoundRecord};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::{Block, Document, DocumentMeta};

#[component]
pub fn Reader() -> impl IntoView {
    let query = use_query_map();
    let id = Memo::new(move |_| query.read().get("id").unwrap_or_default());
    let at = Memo::new(move |_| query.read().get("at").unwrap_or_default());
    let store = store();
    let doc = document_resource(move || id.get());
    let retry = Callback::new(move |_| {
        store.index.refetch();
        doc.refetch();
    });
    let title = Signal::derive(move || {
        let id = id.get();
        store
            .index
            .get()
            .and_then(|r| r.ok())
            .and_then(|index| {
                index
                    .documents
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.title.clone())
            })
            .unwrap_or_else(|| "文件".into())
    });
    view! {
        <PageMeta title=title column="文件" />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let index = match store.index.await {
                    Ok(index) => index,
                    Err(error) => return view! { <LoadFailed error retry /> }.into_any(),
                };
                let id = id.get();
                let Some(meta) = index.documents.iter().find(|d| d.id == id).cloned() else {
                    return view! {
                        <NotFoundRecord what="文件" id back_href="/documents/" back_label="返回文件列表" />
                    }
                        .into_any();
                };
                match doc.await {
                    Err(error) => view! { <LoadFailed error retry /> }.into_any(),
                    Ok(document) => view! { <DocumentView meta document=document.as_ref().clone() at=at.get() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn DocumentView(meta: DocumentMeta, document: Document, at: String) -> impl IntoView {
    let outline = document
        .sections
        .iter()
        .filter(|s| s.level >= 1 && s.level <= 2)
        .map(|s| {
            let href = format!("#{}", s.anchor);
            let class = format!("outline-l{}", s.level);
            view! { <li class=class><a href=href>{s.number.clone()} {s.title.clone()}</a></li> }
        })
        .collect_view();
    let body = document
        .sections
        .iter()
        .map(|s| {
            let heading = match s.level {
                0 => None,
                1 => Some(
                    view! { <h2 id=s.anchor.clone()>{s.number.clone()} " " {s.title.clone()}</h2> }
                        .into_any(),
                ),
                2 => Some(
                    view! { <h3 id=s.anchor.clone()>{s.number.clone()} " " {s.title.clone()}</h3> }
                        .into_any(),
                ),
                _ => Some(
                    view! { <h4 id=s.anchor.clone()>{s.number.clone()} " " {s.title.clone()}</h4> }
                        .into_any(),
                ),
            };
            let blocks = s.blocks.iter().map(|b| block_view(b, &at)).collect_view();
            view! { <section class="doc-section">{heading}{blocks}</section> }
        })
        .collect_view();
    // Scroll the requested paragraph into view once it is in the DOM.
    if !at.is_empty() {
        let at = at.clone();
        request_animation_frame(move || {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&at));
            if let Some(el) = el {
                el.scroll_into_view();
            }
        });
    }
    view! {
        <article class="reader">
            <h1>{meta.title.clone()}</h1>
            <dl class="doc-meta">
                <dt>"发文机关"</dt><dd>{or_dash(&meta.issuer)}</dd>
                <dt>"文号"</dt><dd>{or_dash(&meta.doc_number)}</dd>
                <dt>"日期"</dt><dd>{or_dash(&meta.date)}</dd>
                <dt>"地区"</dt><dd>{meta.region.clone()}</dd>
                <dt>"类型"</dt><dd>{meta.kind.clone()}</dd>
            </dl>
            <nav class="outline" aria-label="文件目录">
                <h2>"目录"</h2>
                <ul>{outline}</ul>
            </nav>
            <div class="doc-body">{body}</div>
        </article>
    }
}

fn block_view(block: &Block, at: &str) -> AnyView {
    match block {
        Block::Paragraph(p) => {
            let class = if p.anchor == at {
                "para highlighted"
            } else {
                "para"
            };
            view! { <p id=p.anchor.clone() class=class>{p.text.clone()}</p> }.into_any()
        }
        Block::Table(t) => {
            let class = if t.anchor == at {
                "table-wrap highlighted"
            } else {
                "table-wrap"
            };
            let head = t
                .header
                .iter()
                .map(|h| view! { <th scope="col">{h.clone()}</th> })
                .collect_view();
            let rows = t
                .rows
                .iter()
                .map(|r| {
                    let cells = r
                        .iter()
                        .map(|c| view! { <td>{c.clone()}</td> })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            let notes = t
                .notes
                .iter()
                .map(|n| view! { <p class="table-note">{n.clone()}</p> })
                .collect_view();
            view! {
                <div id=t.anchor.clone() class=class tabindex="0" role="region" aria-label=t.caption.clone()>
                    <table>
                        <caption>{t.caption.clone()}</caption>
                        <thead><tr>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {notes}
                </div>
            }
            .into_any()
        }
    }
}
