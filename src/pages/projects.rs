//! 重点工程: every project, filterable by document, domain, kind, place and department, with
//! a text filter and downloads; and one page per project.

use crate::components::records::{
    doc_options, plain_options, records_or_empty, theme_options, use_filter, use_query_value,
    FilterPanel, ProjectCard, ResultBar, SelectSpec, Sources,
};
use crate::components::status::{Awaited, NotFoundRecord};
use crate::data::store;
use crate::dom::download;
use crate::head::{PageMeta, PageMetaOf};
use crate::links::url;
use leptos::prelude::*;
use leptos_router::components::A;
use model::files::{DepartmentsFile, ProjectsFile, TargetsFile, ThemesFile};
use model::pages::Page;
use model::query::{distinct, Filter};
use model::Index;
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
    let themes = store.themes();
    let (index, projects, departments) = (store.index, store.projects(), store.departments());
    view! {
        <PageMetaOf page=Page::Projects />
        {intro()}
        <Awaited
            load=move || async move { Ok((index.await?, projects.await?, departments.await?, themes.await?)) }
            view=move |(index, projects, departments, themes)| {
                // Components run untracked: the list follows the URL through this read.
                filter.track();
                view! { <ProjectsView index themes projects departments filter /> }
            }
        />
    }
}

#[component]
pub fn ProjectsView(
    index: Arc<Index>,
    themes: Arc<ThemesFile>,
    projects: Arc<ProjectsFile>,
    departments: Arc<DepartmentsFile>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let f = filter.get();
    let docs = &index.documents;
    let matches = f.projects(&projects.projects, docs);
    let count = matches.len();
    let list_page = model::query::page_of(count, &f.page);
    let in_doc: Vec<_> = projects
        .projects
        .iter()
        .filter(|p| f.doc.is_empty() || p.doc == f.doc)
        .collect();
    let domains = plain_options(distinct(in_doc.iter().copied(), |p| p.domain.as_str()));
    let places = plain_options(distinct(in_doc.iter().copied(), |p| p.place.as_str()));
    let kinds = plain_options(distinct(projects.projects.iter(), |p| p.kind.label()));
    let depts: Vec<(String, String)> = departments
        .departments
        .iter()
        .filter(|d| !d.projects.is_empty())
        .map(|d| (d.id.clone(), d.name.clone()))
        .collect();
    // The files are written only when asked for.
    let csv = {
        let (projects, departments, index, f) = (
            projects.clone(),
            departments.clone(),
            index.clone(),
            f.clone(),
        );
        move |_| {
            let name = |id: &str| {
                departments
                    .department(id)
                    .map(|d| d.name.clone())
                    .unwrap_or_default()
            };
            let rows = f.projects(&projects.projects, &index.documents);
            download(
                "projects.csv",
                "text/csv;charset=utf-8",
                &model::csv::projects_csv(&rows, &index.documents, name),
            )
        }
    };
    let json = {
        let (projects, index, f) = (projects.clone(), index.clone(), f.clone());
        move |_| {
            let rows = f.projects(&projects.projects, &index.documents);
            download(
                "projects.json",
                "application/json",
                &model::csv::json_download(&rows, &index.documents),
            )
        }
    };
    let cards = matches
        .into_iter()
        .skip(list_page.start)
        .take(list_page.end - list_page.start)
        .map(|p| {
            view! { <ProjectCard project=p.clone() doc_title=index.short_title(&p.doc) /> }
                .into_any()
        })
        .collect();
    let selects = vec![
        SelectSpec::new("主题", "theme", theme_options(&themes)),
        SelectSpec::new("文件", "doc", doc_options(&index)),
        SelectSpec::new("领域", "domain", domains),
        SelectSpec::new("类型", "kind", kinds),
        SelectSpec::new("地点", "place", places),
        SelectSpec::new("责任单位", "dept", depts),
    ];
    view! {
        <FilterPanel filter page=Page::Projects selects placeholder="名称、领域或原文" />
        <ResultBar count page=list_page downloads=(Callback::new(csv), Callback::new(json)) />
        {records_or_empty(cards, "重点工程", Page::Projects, list_page, &f)}
    }
}

#[component]
pub fn ProjectDetail() -> impl IntoView {
    let id = use_query_value("id");
    let store = store();
    let (index, projects, targets, departments) = (
        store.index,
        store.projects(),
        store.targets(),
        store.departments(),
    );
    view! {
        <Awaited
            load=move || async move { Ok((index.await?, projects.await?, targets.await?, departments.await?)) }
            view=move |(index, projects, targets, departments)| view! { <ProjectDetailView id=id.get() index projects targets departments /> }
        />
    }
}

#[component]
fn ProjectDetailView(
    id: String,
    index: Arc<Index>,
    projects: Arc<ProjectsFile>,
    targets: Arc<TargetsFile>,
    departments: Arc<DepartmentsFile>,
) -> impl IntoView {
    let Some(p) = projects.project(&id).cloned() else {
        return view! {
            <PageMeta title="未找到".to_string() column=Page::Project.def().column />
            <NotFoundRecord what="重点工程" id back=Page::Projects back_label="返回重点工程列表" />
        }
        .into_any();
    };
    let meta = index.doc(&p.doc);
    let title_of_doc = index.short_title(&p.doc);
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
        .filter_map(|t| targets.target(t))
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
