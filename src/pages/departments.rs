//! 责任单位: every responsible body with counts; per body, its key fields, projects and
//! targets across documents.

use crate::app::{url, PageMeta};
use crate::pages::records::{doc_title, use_query_value, ProjectCard, TargetCard, WithData};
use crate::pages::target_charts::overview_views;
use crate::pages::NotFoundRecord;
use leptos::prelude::*;
use leptos_router::components::A;
use model::RecordKind;

#[component]
pub fn DepartmentList() -> impl IntoView {
    view! {
        <PageMeta title="责任单位".to_string() column="责任单位" />
        <h1>"责任单位"</h1>
        <p class="lead">"文件中（责任单位：…）列出的部门和单位，以及各自负责的事项。"</p>
        <WithData needs=&[RecordKind::Departments] view=move |_index, facts| {
            let rows = facts
                .departments
                .iter()
                .map(|d| {
                    let href = url(&format!("/department/?id={}", d.id));
                    let name = d.name.clone();
                    let (nf, np, nt) = (d.fields.len(), d.projects.len(), d.targets.len());
                    view! {
                        <li class="record">
                            <A href=href>{name}</A>
                            <p class="meta">"重点领域 " {nf} " · 重点工程 " {np} " · 目标指标 " {nt}</p>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <p class="count">"共 " {facts.departments.len()} " 个单位"</p>
                <ul class="records">{rows}</ul>
            }
        } />
    }
}

#[component]
pub fn DepartmentDetail() -> impl IntoView {
    let id = use_query_value("id");
    view! {
        <WithData view=move |index, facts| {
            let id = id.get();
            let Some(d) = facts.departments.iter().find(|d| d.id == id).cloned() else {
                return view! {
                    <PageMeta title="未找到".to_string() column="责任单位" />
                    <NotFoundRecord what="责任单位" id back_href="/departments/" back_label="返回责任单位列表" />
                }
                .into_any();
            };
            let fields = facts.fields.iter().filter(|f| d.fields.contains(&f.id)).map(|f| {
                let href = url(&format!("/field/?id={}", model::query::encode(&f.id)));
                let (title, doc) = (f.title.clone(), doc_title(&index, &f.doc));
                view! { <li class="record"><A href=href>{title}</A><p class="meta">{doc}</p></li> }
            }).collect::<Vec<_>>();
            let projects = facts.projects.iter().filter(|p| d.projects.contains(&p.id)).map(|p| view! { <ProjectCard project=p.clone() doc_title=doc_title(&index, &p.doc) /> }).collect::<Vec<_>>();
            let targets = facts.targets.iter().filter(|t| d.targets.contains(&t.id)).map(|t| view! { <TargetCard target=t.clone() doc_title=doc_title(&index, &t.doc) /> }).collect::<Vec<_>>();
            view! {
                <PageMeta title=d.name.clone() column="责任单位" />
                <article class="detail">
                    <p class="crumb"><A href=url("/departments/")>"责任单位"</A></p>
                    <h1>{d.name.clone()}</h1>
                    {(!d.aliases.is_empty()).then(|| view! { <p class="meta">"又称：" {d.aliases.join("、")}</p> })}
                    <h2>"重点领域（" {d.fields.len()} "）"</h2>
                    <ul class="records">{fields}</ul>
                    <h2>"重点工程（" {d.projects.len()} "）"</h2>
                    <ul class="records">{projects}</ul>
                    {overview_views(&facts.targets.iter().filter(|t| d.targets.contains(&t.id)).collect::<Vec<_>>(), &d.id)}
                    <h2>"目标指标（" {d.targets.len()} "）"</h2>
                    <ul class="records">{targets}</ul>
                </article>
            }
            .into_any()
        } />
    }
}
