//! 文件阅读: metadata, outline, and the cleaned text by section, with an anchor per section
//! and paragraph, at `document/<doc>/`. `?at=<anchor>` scrolls to and highlights one paragraph; a long
//! document comes in parts (`&part=2`), and an anchor opens the part that holds it.

use crate::components::chart_views::overview_views;
use crate::components::progress::StatusOverview;
use crate::components::status::{LoadFailed, Loading, NotFoundRecord};
use crate::data::{doc_meta, doc_records, document_resource, store, Data};
use crate::head::PageMeta;
use crate::links::url;
use crate::pages::documents::or_dash;
use crate::router::A;
use crate::takeover::Ready;
use leptos::prelude::*;
use model::pages::Page;
use model::query::Filter;
use model::view::{paragraph_runs, record_marks, table_cells, RecordMark};
use model::{Block, Document, DocumentMeta};
use std::collections::HashMap;

#[component]
pub fn Reader() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let id = crate::router::use_record_id(Page::Document);
    let at = Memo::new(move |_| query.read().get("at").unwrap_or_default());
    let part = Memo::new(move |_| query.read().get("part").unwrap_or_default());
    let store = store();
    let doc = document_resource(move || (id.get(), at.get(), part.get()));
    // The document's metadata (its header), and its own records, marked beside their
    // paragraphs: small files of this document, not the whole library's. Both, and the
    // text, are fetched at once, and only for an id its bucket names: an unknown id never
    // turns into a request for a file that does not exist.
    let meta = Data::new(move || {
        let id = id.get();
        async move { doc_meta(&id).await.map(std::sync::Arc::new) }
    });
    let records = Data::new(move || {
        let id = id.get();
        async move { doc_records(&id).await }
    });
    let retry = store.retry();
    let retry = Callback::new(move |_| {
        retry.run(());
        meta.refetch();
        doc.refetch();
        records.refetch();
    });
    let title = Signal::derive(move || {
        meta.get()
            .and_then(|r| r.ok())
            .and_then(|m| m.as_ref().as_ref().map(|m| m.document.title.clone()))
            .unwrap_or_else(|| Page::Document.def().title.into())
    });
    view! {
        <PageMeta title=title column=Page::Document.def().column />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let found = match meta.await {
                    Ok(found) => found,
                    Err(error) => return view! { <LoadFailed error retry /> }.into_any(),
                };
                let id = id.get();
                let Some(meta) = found.as_ref().as_ref().map(|m| m.document.clone()) else {
                    return view! {
                        <NotFoundRecord what="文件" id back=Page::Documents back_label="返回文件列表" />
                    }
                        .into_any();
                };
                match doc.await {
                    Err(error) => view! { <LoadFailed error retry /> }.into_any(),
                    Ok(document) => {
                        // Records are marked beside their paragraphs when they are in; the
                        // text alone is still worth showing if they are not.
                        let records = records.await.ok();
                        let marks = records
                            .as_ref()
                            .map(|r| record_marks(&id, &r.fields, &r.projects, &r.targets))
                            .unwrap_or_default();
                        let targets: Vec<model::Target> =
                            records.map(|r| r.targets.clone()).unwrap_or_default();
                        view! { <DocumentView meta document=document.as_ref().clone() at=at.get() marks targets /> <Ready /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Block anchor → links to the records quoted from it.
pub type Marks = HashMap<String, Vec<RecordMark>>;

#[component]
pub fn DocumentView(
    meta: DocumentMeta,
    document: Document,
    at: String,
    marks: Marks,
    targets: Vec<model::Target>,
) -> impl IntoView {
    let target_refs: Vec<&model::Target> = targets.iter().collect();
    let part = document.part;
    // The charts go with the opening part of a long document; later parts link to them.
    let charts = (part == 0).then(|| overview_views(&target_refs, &meta.id));
    let counts = model::progress::status_counts(targets.iter());
    let statuses = (part == 0 && !counts.is_empty()).then(|| {
        let base = Filter::default().with("doc", &meta.id);
        view! { <StatusOverview counts total=targets.len() as u32 base nested=true /> }
    });
    let targets_href = url(&Page::Targets.path_with(&format!("?doc={}", meta.id)));
    let n_targets = targets.len();
    let outline = outline_view(&document, &meta.id);
    let parts_nav = parts_nav(&meta, part);
    let next_part = meta.parts.get(part as usize + 1).map(|p| {
        let href = doc_href(&meta.id, format!("&part={}", part + 2));
        let title = p.title.clone();
        view! { <p class="next-part"><a href=href>"下一部分：" {title}</a></p> }
    });
    let body = body_view(&document, &at, &marks);
    scroll_into_view(&at);
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
            {(n_targets > 0).then(|| view! {
                <section class="doc-charts" aria-label="本文件的目标指标">
                    <h2>"本文件的目标指标"</h2>
                    <p><A href=targets_href>"查看本文件全部 " {n_targets} " 项目标指标"</A></p>
                    {statuses}
                    {charts}
                </section>
            })}
            {parts_nav}
            <nav class="outline" aria-label="文件目录">
                <h2>"目录"</h2>
                <ul>{outline}</ul>
            </nav>
            <div class="doc-body">{body}</div>
            {next_part}
        </article>
    }
}

/// The address of document `id`'s reader with `query` (starting with `&`) after its id.
fn doc_href(id: &str, query: String) -> String {
    url(&Page::Document.record_with(id, &query))
}

/// The outline's entries: headings in this part are a jump within the page; others open
/// their part.
fn outline_view(document: &Document, id: &str) -> impl IntoView {
    let part = document.part;
    document
        .outline
        .iter()
        .map(|e| {
            let href = if e.part == part {
                format!("#{}", e.anchor)
            } else {
                doc_href(id, format!("&at={}", e.anchor))
            };
            let class = format!("outline-l{}", e.level);
            view! { <li class=class><a href=href>{e.number.clone()} {e.title.clone()}</a></li> }
        })
        .collect_view()
}

/// The list of a long document's parts, the current one marked; none for a document in one
/// part.
fn parts_nav(meta: &DocumentMeta, part: u32) -> Option<impl IntoView> {
    (meta.parts.len() > 1).then(|| {
        let n = meta.parts.len();
        let items = meta
            .parts
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let label = format!("第{}部分：{}", k + 1, p.title);
                if k as u32 == part {
                    view! { <li><span aria-current="page">{label}</span></li> }.into_any()
                } else {
                    // A plain link: `A` would mark every part current, as they share a path.
                    view! { <li><a href=doc_href(&meta.id, format!("&part={}", k + 1))>{label}</a></li> }
                        .into_any()
                }
            })
            .collect_view();
        view! {
            <nav class="doc-parts" aria-label="文件分部分">
                <p>"本文件较长，分 " {n} " 部分显示，当前为第 " {part + 1} " 部分。"</p>
                <ol>{items}</ol>
            </nav>
        }
    })
}

/// The part's sections: each heading with the records quoted from it, then its blocks.
fn body_view(document: &Document, at: &str, marks: &Marks) -> impl IntoView {
    document
        .sections
        .iter()
        .map(|s| {
            let heading_marks = marks_view(marks.get(&s.anchor));
            let hl = if s.anchor == at { "highlighted" } else { "" };
            let heading = match s.level {
                0 => None,
                1 => Some(
                    view! { <h2 id=s.anchor.clone() class=hl>{s.number.clone()} " " {s.title.clone()}</h2> }
                        .into_any(),
                ),
                2 => Some(
                    view! { <h3 id=s.anchor.clone() class=hl>{s.number.clone()} " " {s.title.clone()}</h3> }
                        .into_any(),
                ),
                _ => Some(
                    view! { <h4 id=s.anchor.clone() class=hl>{s.number.clone()} " " {s.title.clone()}</h4> }
                        .into_any(),
                ),
            };
            let blocks = s.blocks.iter().map(|b| block_view(b, at, marks)).collect_view();
            view! { <section class="doc-section">{heading}{heading_marks}{blocks}</section> }
        })
        .collect_view()
}

/// Scrolls the requested paragraph into view once it is in the DOM.
fn scroll_into_view(at: &str) {
    if !at.is_empty() {
        let at = at.to_string();
        request_animation_frame(move || {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&at));
            if let Some(el) = el {
                el.scroll_into_view();
            }
        });
    }
}

fn marks_view(marks: Option<&Vec<RecordMark>>) -> Option<impl IntoView> {
    let marks = marks?.clone();
    let links = marks
        .into_iter()
        .map(|m| view! { <A href=url(&m.href)>{m.label}</A> })
        .collect_view();
    Some(
        view! { <div class="record-marks" role="note" aria-label="本段整理出的条目">{links}</div> },
    )
}

/// A paragraph with its bold runs.
fn paragraph_text(p: &model::Paragraph) -> AnyView {
    paragraph_runs(p)
        .into_iter()
        .map(|(text, bold)| {
            if bold {
                view! { <strong>{text}</strong> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
        .into_any()
}

fn block_view(block: &Block, at: &str, marks: &Marks) -> AnyView {
    match block {
        Block::Paragraph(p) => {
            let class = if p.anchor == at {
                "para highlighted"
            } else {
                "para"
            };
            let text = paragraph_text(p);
            let marks = marks_view(marks.get(&p.anchor));
            view! { <p id=p.anchor.clone() class=class>{text}</p> {marks} }.into_any()
        }
        Block::Table(t) => {
            let class = if t.anchor == at {
                "table-wrap highlighted"
            } else {
                "table-wrap"
            };
            let table_marks = marks_view(marks.get(&t.anchor));
            let head = t
                .header
                .iter()
                .map(|h| view! { <th scope="col">{h.clone()}</th> })
                .collect_view();
            let rows = table_cells(t)
                .into_iter()
                .map(|r| {
                    let cells = r
                        .into_iter()
                        .map(|c| {
                            let rowspan = (c.rows > 1).then(|| c.rows.to_string());
                            view! { <td rowspan=rowspan>{c.text}</td> }
                        })
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
                {table_marks}
            }
            .into_any()
        }
    }
}
