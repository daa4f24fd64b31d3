//! 重点领域: the numbered task items of every document, filterable by document and region;
//! and one page per key field.

use crate::components::records::{
    plain_options, records_or_empty, use_filter, FieldCard, FilterPanel, ResultBar, SelectSpec,
    Sources,
};
use crate::components::status::Awaited;
use crate::data::{load_list, records_of_id, store, Data, DocFiles};
use crate::head::{PageMeta, PageMetaOf};
use crate::links::url;
use crate::router::A;
use leptos::prelude::*;
use model::files::DepartmentsFile;
use model::lists::ListPage;
use model::pages::Page;
use model::query::Filter;
use model::Field;
use std::sync::Arc;

/// Heading and lead, shown while the list loads too.
pub fn intro() -> impl IntoView {
    view! {
        <h1>"重点领域"</h1>
        <p class="lead">"各文件部署的重点领域、重点任务和重点工作。"</p>
    }
}

#[component]
pub fn FieldList() -> impl IntoView {
    let filter = use_filter();
    let store = store();
    // Refetched when the address changes (or on a retry): one page of cards and the
    // filters' files.
    let page = Data::new(move || {
        store.track_retry();
        load_list::<Field>(filter.get())
    });
    view! {
        <PageMetaOf page=Page::Fields />
        {intro()}
        <Awaited
            load=move || async move { page.await }
            view=move |page| view! { <FieldsView page filter /> }
        />
    }
}

#[component]
pub fn FieldsView(page: Arc<ListPage<Field>>, filter: Memo<Filter>) -> impl IntoView {
    let f = filter.get_untracked();
    let list = &page.list;
    let (count, list_page) = (page.count(), page.page);
    let regions = plain_options(list.region_options());
    let cards = page
        .records
        .iter()
        .map(|field| view! { <FieldCard field=field.clone() doc_title=list.short_title(&field.doc) label=true /> }.into_any())
        .collect::<Vec<_>>();
    let selects = vec![
        SelectSpec::new("主题", "theme", list.options("theme")),
        SelectSpec::new("文件", "doc", list.doc_options()),
        SelectSpec::new("地区", "region", regions),
    ];
    view! {
        <FilterPanel filter page=Page::Fields selects placeholder="领域名称或摘要" />
        <ResultBar count page=list_page />
        {records_or_empty(cards, "重点领域", Page::Fields, list_page, &f)}
    }
}

#[component]
pub fn FieldDetail() -> impl IntoView {
    let id = crate::router::use_record_id(Page::Field);
    let store = store();
    let departments = store.departments();
    let records = records_of_id(id);
    view! {
        <Awaited
            load=move || async move { Ok((records.await?, departments.await?)) }
            view=move |(files, departments)| view! { <FieldDetailView id=id.get_untracked() files departments /> }
        />
    }
}

#[component]
pub fn FieldDetailView(
    id: String,
    files: Arc<DocFiles>,
    departments: Arc<DepartmentsFile>,
) -> impl IntoView {
    let Some(field) = files.records.field(&id).cloned() else {
        return crate::components::status::missing_record(
            &files.records,
            id,
            "重点领域",
            Page::Fields,
            "返回重点领域列表",
        );
    };
    let meta = files.meta.as_ref();
    let title_of_doc = files.short_title();
    let date = meta.map(|m| m.date.clone()).unwrap_or_default();
    let source = meta.map(|m| m.title.clone()).unwrap_or_default();
    let depts = departments
        .departments_of(&field.departments)
        .map(|d| (url(&Page::Department.record(&d.id)), d.name.clone()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(href, name)| view! { <li><A href=href>{name}</A></li> })
        .collect_view();
    view! {
        <PageMeta title=field.title.clone() column=Page::Field.def().column pub_date=date source=source />
        <article class="detail">
            <p class="crumb"><A href=url(&Page::Fields.path())>"重点领域"</A> " › " {title_of_doc.clone()}</p>
            <h1>{field.title.clone()}</h1>
            {(!field.summary.is_empty()).then(|| view! { <p class="summary">{field.summary.clone()}</p> })}
            <Sources sources=field.sources().cloned().collect() doc_title=title_of_doc.clone() />
            <h2>"责任单位"</h2>
            {if field.departments.is_empty() {
                view! { <p>"原文未列出责任单位。"</p> }.into_any()
            } else {
                view! { <ul>{depts}</ul> }.into_any()
            }}
        </article>
    }
    .into_any()
}
