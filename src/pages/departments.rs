//! 责任单位: every responsible body with counts; per body, its key fields, projects and
//! targets across documents.

use crate::components::chart_views::overview_views;
use crate::components::progress::StatusOverview;
use crate::components::records::{see_all, FieldCard, ProjectCard, TargetCard};
use crate::components::status::{Awaited, NotFoundRecord};
use crate::data::{store, topic_records, Data, TopicRecords, TopicWant};
use crate::head::{PageMeta, PageMetaOf};
use crate::links::url;
use crate::router::A;
use leptos::prelude::*;
use model::files::DepartmentsFile;
use model::lists::ListKind;
use model::pages::Page;
use model::query::Filter;
use model::{DepartmentKind, Target};
use std::sync::Arc;

/// Heading and lead, shown while the list loads too.
pub fn intro() -> impl IntoView {
    view! {
        <h1>"责任单位"</h1>
        <p class="lead">"文件中（责任单位：…）列出的部门和单位，以及各自负责的事项。"</p>
    }
}

#[component]
pub fn DepartmentList() -> impl IntoView {
    let departments = store().departments();
    view! {
        <PageMetaOf page=Page::Departments />
        {intro()}
        <Awaited
            load=move || async move { departments.await }
            view=|departments| view! { <DepartmentsView departments /> }
        />
    }
}

/// What each group of the list is, in a sentence for the reader.
fn group_note(kind: DepartmentKind) -> &'static str {
    match kind {
        DepartmentKind::Agency => "政府部门和单位。",
        DepartmentKind::Collective => "原文用一个名称泛指多个单位，本站照录，不拆分为具体部门。",
        DepartmentKind::Enterprise => "原文列为责任单位的企业。",
    }
}

#[component]
pub fn DepartmentsView(departments: Arc<DepartmentsFile>) -> impl IntoView {
    let groups = [
        DepartmentKind::Agency,
        DepartmentKind::Collective,
        DepartmentKind::Enterprise,
    ]
    .into_iter()
    .filter_map(|kind| {
        let rows: Vec<_> = departments
            .departments
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| {
                let (nf, np, nt) = (d.counts.fields, d.counts.projects, d.counts.targets);
                let name = d.name.clone();
                view! {
                    <li class="record">
                        <A href=url(&Page::Department.record(&d.id))>{name}</A>
                        <p class="meta">"重点领域 " {nf} " · 重点工程 " {np} " · 目标指标 " {nt}</p>
                    </li>
                }
            })
            .collect();
        (!rows.is_empty()).then(|| {
            let n = rows.len();
            view! {
                <section class="dept-group">
                    <h2>{kind.label()} "（" {n} "）"</h2>
                    <p class="meta">{group_note(kind)}</p>
                    <ul class="records">{rows}</ul>
                </section>
            }
        })
    })
    .collect_view();
    view! {
        <p class="count">"共 " {departments.departments.len()} " 个单位"</p>
        {groups}
    }
}

/// How many records of each kind a department page lists before linking to the full list.
const SHOWN: usize = 20;
/// What a department's page shows of its topic: [`SHOWN`] records of each kind.
pub const TOPIC: TopicWant = TopicWant {
    key: "dept",
    shown: SHOWN,
    targets: SHOWN,
};

#[component]
pub fn DepartmentDetail() -> impl IntoView {
    let id = crate::router::use_record_id(Page::Department);
    let store = store();
    let departments = store.departments();
    let records = Data::new(move || {
        store.track_retry();
        let id = id.get();
        async move {
            let known = departments.await?.department(&id).is_some();
            topic_records(TOPIC, &id, known).await
        }
    });
    view! {
        <Awaited
            load=move || async move { Ok((departments.await?, records.await?)) }
            view=move |(departments, records)| view! {
                <DepartmentDetailView id=id.get_untracked() departments records />
            }
        />
    }
}

#[component]
pub fn DepartmentDetailView(
    id: String,
    departments: Arc<DepartmentsFile>,
    records: Arc<TopicRecords>,
) -> impl IntoView {
    let Some(d) = departments.department(&id).cloned() else {
        return view! {
            <PageMeta title="未找到".to_string() column=Page::Department.def().column />
            <NotFoundRecord what="责任单位" id back=Page::Departments back_label="返回责任单位列表" />
        }
        .into_any();
    };
    let topic = &records.topic;
    let (n_fields, n_projects, n_targets) = (
        topic.total(ListKind::Fields),
        topic.total(ListKind::Projects),
        topic.total(ListKind::Targets),
    );
    let filter = Filter::default().with("dept", &d.id);
    let field_cards = records
        .fields
        .iter()
        .map(|f| view! { <FieldCard field=f.clone() doc_title=topic.short_title(&f.doc) /> })
        .collect_view();
    let project_cards = records
        .projects
        .iter()
        .map(|p| view! { <ProjectCard project=p.clone() doc_title=topic.short_title(&p.doc) /> })
        .collect_view();
    let own_targets: Vec<&Target> = records.targets.iter().collect();
    let target_cards = own_targets
        .iter()
        .map(|t| view! { <TargetCard target=(*t).clone() doc_title=topic.short_title(&t.doc) /> })
        .collect_view();
    let statuses = (!topic.statuses.is_empty()).then(|| {
        let counts = model::progress::counts_of(&topic.statuses);
        let base = filter.clone();
        view! { <StatusOverview counts total=n_targets as u32 base nested=true /> }
    });
    view! {
        <PageMeta title=d.name.clone() column=Page::Department.def().column />
        <article class="detail">
            <p class="crumb"><A href=url(&Page::Departments.path())>"责任单位"</A></p>
            <h1>{d.name.clone()}</h1>
            <p class="meta">{d.kind.label()} {(d.kind != DepartmentKind::Agency).then(|| format!("：{}", group_note(d.kind)))}</p>
            {(!d.aliases.is_empty()).then(|| view! { <p class="meta">"又称：" {d.aliases.join("、")}</p> })}
            <h2>"重点领域（" {n_fields} "）"</h2>
            <ul class="records">{field_cards}</ul>
            {see_all(Page::Fields, &filter, n_fields, records.fields.len(), "重点领域")}
            <h2>"重点工程（" {n_projects} "）"</h2>
            <ul class="records">{project_cards}</ul>
            {see_all(Page::Projects, &filter, n_projects, records.projects.len(), "重点工程")}
            {overview_views(&own_targets, &d.id)}
            <h2>"目标指标（" {n_targets} "）"</h2>
            {statuses}
            <ul class="records">{target_cards}</ul>
            {see_all(Page::Targets, &filter, n_targets, records.targets.len(), "目标指标")}
        </article>
    }
    .into_any()
}
