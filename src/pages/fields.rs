//! 重点领域: the numbered task items of every document, filterable by document and region;
//! and one page per key field.

use crate::app::{url, PageMeta};
use crate::pages::records::{
    doc_options, doc_title, plain_options, records_or_empty, use_filter, use_query_value,
    FilterSelect, FilterText, ResultBar, SourceLink, WithData,
};
use crate::pages::NotFoundRecord;
use leptos::prelude::*;
use leptos_router::components::A;
use model::query::distinct;
use model::RecordKind;

const PATH: &str = "/fields/";

#[component]
pub fn FieldList() -> impl IntoView {
    let filter = use_filter();
    view! {
        <PageMeta title="重点领域".to_string() column="重点领域" />
        <h1>"重点领域"</h1>
        <p class="lead">"各文件部署的重点领域、重点任务和重点工作。"</p>
        <WithData needs=&[RecordKind::Fields] view=move |index, facts| {
            let f = filter.get();
            let matches = f.fields(&facts, &index.documents);
            let count = matches.len();
            let page = model::query::page_of(count, &f.page);
            let regions = plain_options(distinct(index.documents.iter(), |d| d.region.as_str()));
            let cards = matches
                .into_iter()
                .skip(page.start)
                .take(page.end - page.start)
                .map(|field| {
                    let href = url(&format!("/field/?id={}", model::query::encode(&field.id)));
                    let (title, doc, label) = (field.title.clone(), doc_title(&index, &field.doc), field.label.clone());
                    view! {
                        <li class="record">
                            <A href=href>{title}</A>
                            <p class="meta">{doc} " · " {label}</p>
                        </li>
                    }
                    .into_any()
                })
                .collect::<Vec<_>>();
            view! {
                <div class="filters">
                    <FilterSelect label="文件" key="doc" options=doc_options(&index) filter path=PATH />
                    <FilterSelect label="地区" key="region" options=regions filter path=PATH />
                    <FilterText filter path=PATH placeholder="领域名称或摘要" />
                </div>
                <ResultBar count page />
                {records_or_empty(cards, "重点领域", PATH, page, &f)}
            }
        } />
    }
}

#[component]
pub fn FieldDetail() -> impl IntoView {
    let id = use_query_value("id");
    view! {
        <WithData needs=&[RecordKind::Fields, RecordKind::Departments] view=move |index, facts| {
            let id = id.get();
            let Some(field) = facts.fields.iter().find(|f| f.id == id).cloned() else {
                return view! {
                    <PageMeta title="未找到".to_string() column="重点领域" />
                    <NotFoundRecord what="重点领域" id back_href="/fields/" back_label="返回重点领域列表" />
                }
                .into_any();
            };
            let meta = index.documents.iter().find(|d| d.id == field.doc).cloned();
            let title_of_doc = doc_title(&index, &field.doc);
            let date = meta.as_ref().map(|m| m.date.clone()).unwrap_or_default();
            let source = meta.as_ref().map(|m| m.title.clone()).unwrap_or_default();
            let depts = field.departments.iter().filter_map(|d| facts.departments.iter().find(|x| &x.id == d)).map(|d| (url(&format!("/department/?id={}", d.id)), d.name.clone())).collect::<Vec<_>>();
            let depts = depts.into_iter().map(|(href, name)| view! { <li><A href=href>{name}</A></li> }).collect_view();
            view! {
                <PageMeta title=field.title.clone() column="重点领域" pub_date=date source=source />
                <article class="detail">
                    <p class="crumb"><A href=url(PATH)>"重点领域"</A> " › " {title_of_doc.clone()}</p>
                    <h1>{field.title.clone()}</h1>
                    {(!field.summary.is_empty()).then(|| view! { <p class="summary">{field.summary.clone()}</p> })}
                    <SourceLink doc=field.doc.clone() block=field.source.block.clone() quote=field.source.quote.clone() doc_title=title_of_doc.clone() />
                    <h2>"责任单位"</h2>
                    {if field.departments.is_empty() {
                        view! { <p>"原文未列出责任单位。"</p> }.into_any()
                    } else {
                        view! { <ul>{depts}</ul> }.into_any()
                    }}
                </article>
            }
            .into_any()
        } />
    }
}
