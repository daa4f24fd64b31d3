//! 重点工程: every project, filterable by document, domain, kind, place and department, with
//! a text filter and downloads; and one page per project.

use crate::components::records::{
    list_downloads, records_or_empty, use_filter, FilterPanel, ProjectCard, ResultBar, SelectSpec,
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
use model::Project;
use std::sync::Arc;

/// Heading and lead, shown while the list loads too.
pub fn intro() -> impl IntoView {
    view! {
        <h1>"重点工程"</h1>
        <p class="lead">"重点工程、专项行动，以及各专栏列出的项目、平台、园区和基地。"</p>
    }
}

#[component]
pub fn ProjectList() -> impl IntoView {
    let filter = use_filter();
    let store = store();
    // Refetched when the address changes (or on a retry): one page of cards and the
    // filters' files.
    let page = Data::new(move || {
        store.track_retry();
        load_list::<Project>(filter.get())
    });
    view! {
        <PageMetaOf page=Page::Projects />
        {intro()}
        <Awaited
            load=move || async move { page.await }
            view=move |page| view! { <ProjectsView page filter /> }
        />
    }
}

#[component]
pub fn ProjectsView(page: Arc<ListPage<Project>>, filter: Memo<Filter>) -> impl IntoView {
    let f = filter.get_untracked();
    let list = page.list.clone();
    let (count, list_page) = (page.count(), page.page);
    let downloads = list_downloads(page.clone(), "projects", |rows, list, docs| {
        let depts = list.options("dept");
        let name = |id: &str| {
            depts
                .iter()
                .find(|(v, _)| v == id)
                .map(|(_, name)| name.clone())
                .unwrap_or_default()
        };
        model::csv::projects_csv(rows, docs, name)
    });
    let cards = page
        .records
        .iter()
        .map(|p| {
            view! { <ProjectCard project=p.clone() doc_title=list.short_title(&p.doc) /> }
                .into_any()
        })
        .collect();
    let selects = vec![
        SelectSpec::new("主题", "theme", list.options("theme")),
        SelectSpec::new("文件", "doc", list.doc_options()),
        SelectSpec::new("领域", "domain", list.options("domain")),
        SelectSpec::new("类型", "kind", list.options("kind")),
        SelectSpec::new("地点", "place", list.options("place")),
        SelectSpec::new("责任单位", "dept", list.options("dept")),
    ];
    view! {
        <FilterPanel filter page=Page::Projects selects placeholder="名称或原文" />
        <ResultBar count page=list_page downloads />
        {records_or_empty(cards, "重点工程", Page::Projects, list_page, &f)}
    }
}

#[component]
pub fn ProjectDetail() -> impl IntoView {
    let id = crate::router::use_record_id(Page::Project);
    let store = store();
    let departments = store.departments();
    let records = records_of_id(id);
    view! {
        <Awaited
            load=move || async move { Ok((records.await?, departments.await?)) }
            view=move |(files, departments)| view! { <ProjectDetailView id=id.get_untracked() files departments /> }
        />
    }
}

#[component]
pub fn ProjectDetailView(
    id: String,
    files: Arc<DocFiles>,
    departments: Arc<DepartmentsFile>,
) -> impl IntoView {
    let records = &files.records;
    let Some(p) = records.project(&id).cloned() else {
        return crate::components::status::missing_record(
            records,
            id,
            "重点工程",
            Page::Projects,
            "返回重点工程列表",
        );
    };
    let meta = files.meta.as_ref();
    let title_of_doc = files.short_title();
    let title_in_link = title_of_doc.clone();
    let doc_href = url(&Page::Document.record(&p.doc));
    let date = meta.map(|m| m.date.clone()).unwrap_or_default();
    let source = meta.map(|m| m.title.clone()).unwrap_or_default();
    let depts = departments
        .departments_of(&p.departments)
        .map(|d| (url(&Page::Department.record(&d.id)), d.name.clone()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(href, name)| view! { <li><A href=href>{name}</A></li> })
        .collect_view();
    let related = p
        .targets
        .iter()
        .filter_map(|t| records.target(t))
        .map(|t| (url(&Page::Target.record(&t.id)), t.indicator.clone()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(href, name)| view! { <li><A href=href>{name}</A></li> })
        .collect_view();
    view! {
        <PageMeta title=p.name.clone() column=Page::Project.def().column pub_date=date source=source />
        <article class="detail">
            <p class="crumb"><A href=url(&Page::Projects.path())>"重点工程"</A> " › " {title_of_doc.clone()}</p>
            <h1>{p.name.clone()}</h1>
            <dl class="doc-meta">
                <dt>"类型"</dt><dd>{p.kind.label()}</dd>
                <dt>"文件"</dt><dd><A href=doc_href>{title_in_link}</A></dd>
                {(!p.domain.is_empty()).then(|| view! { <dt>"领域"</dt><dd>{p.domain.clone()}</dd> })}
                {(!p.place.is_empty()).then(|| view! { <dt>"地点"</dt><dd>{p.place.clone()}</dd> })}
            </dl>
            {(!p.description.is_empty()).then(|| view! { <p>{p.description.clone()}</p> })}
            <Sources sources=p.sources().cloned().collect() doc_title=title_of_doc.clone() />
            {(!p.departments.is_empty()).then(|| view! { <h2>"责任单位"</h2><ul>{depts}</ul> })}
            {(!p.targets.is_empty()).then(|| view! { <h2>"相关目标指标"</h2><ul>{related}</ul> })}
        </article>
    }
    .into_any()
}
