//! 重点工程: every project, filterable by document, domain, kind, place and department, with
//! a text filter and downloads; and one page per project.

use crate::app::{url, PageMeta};
use crate::pages::records::{
    doc_options, doc_title, download, plain_options, records_or_empty, use_filter, use_query_value,
    FilterSelect, FilterText, ProjectCard, ResultBar, SourceLink, WithData,
};
use crate::pages::NotFoundRecord;
use leptos::prelude::*;
use leptos_router::components::A;
use model::query::distinct;

const PATH: &str = "/projects/";

#[component]
pub fn ProjectList() -> impl IntoView {
    let filter = use_filter();
    view! {
        <PageMeta title="重点工程".to_string() column="重点工程" />
        <h1>"重点工程"</h1>
        <p class="lead">"重点工程、专项行动，以及各专栏列出的项目、平台、园区和基地。"</p>
        <WithData view=move |index, facts| {
            let f = filter.get();
            let docs = index.documents.clone();
            let matches = f.projects(&facts, &docs);
            let count = matches.len();
            let page = model::query::page_of(count, &f.page);
            let in_doc: Vec<_> = facts.projects.iter().filter(|p| f.doc.is_empty() || p.doc == f.doc).collect();
            let domains = plain_options(distinct(in_doc.iter().copied(), |p| p.domain.as_str()));
            let places = plain_options(distinct(in_doc.iter().copied(), |p| p.place.as_str()));
            let kinds = plain_options(distinct(facts.projects.iter(), |p| p.kind.as_str()));
            let depts: Vec<(String, String)> = facts.departments.iter().filter(|d| !d.projects.is_empty()).map(|d| (d.id.clone(), d.name.clone())).collect();
            // The files are written only when asked for.
            let csv = {
                let (facts, docs, f) = (facts.clone(), docs.clone(), f.clone());
                move |_| {
                    let name = |id: &str| facts.departments.iter().find(|d| d.id == id).map(|d| d.name.clone()).unwrap_or_default();
                    download("projects.csv", "text/csv;charset=utf-8", &model::csv::projects_csv(&f.projects(&facts, &docs), &docs, name))
                }
            };
            let json = {
                let (facts, docs, f) = (facts.clone(), docs.clone(), f.clone());
                move |_| download("projects.json", "application/json", &model::csv::json_download(&f.projects(&facts, &docs), &docs))
            };
            let cards = matches.into_iter().skip(page.start).take(page.end - page.start).map(|p| view! { <ProjectCard project=p.clone() doc_title=doc_title(&index, &p.doc) /> }.into_any()).collect();
            view! {
                <div class="filters">
                    <FilterSelect label="文件" key="doc" options=doc_options(&index) filter path=PATH />
                    <FilterSelect label="领域" key="domain" options=domains filter path=PATH />
                    <FilterSelect label="类型" key="kind" options=kinds filter path=PATH />
                    <FilterSelect label="地点" key="place" options=places filter path=PATH />
                    <FilterSelect label="责任单位" key="dept" options=depts filter path=PATH />
                    <FilterText filter path=PATH placeholder="名称、领域或原文" />
                </div>
                <ResultBar count page downloads=(Callback::new(csv), Callback::new(json)) />
                {records_or_empty(cards, "重点工程", PATH, page, &f)}
            }
        } />
    }
}

#[component]
pub fn ProjectDetail() -> impl IntoView {
    let id = use_query_value("id");
    view! {
        <WithData view=move |index, facts| {
            let id = id.get();
            let Some(p) = facts.projects.iter().find(|p| p.id == id).cloned() else {
                return view! {
                    <PageMeta title="未找到".to_string() column="重点工程" />
                    <NotFoundRecord what="重点工程" id back_href="/projects/" back_label="返回重点工程列表" />
                }
                .into_any();
            };
            let meta = index.documents.iter().find(|d| d.id == p.doc).cloned();
            let title_of_doc = doc_title(&index, &p.doc);
            let title_in_link = title_of_doc.clone();
            let doc_href = url(&format!("/document/?id={}", p.doc));
            let date = meta.as_ref().map(|m| m.date.clone()).unwrap_or_default();
            let source = meta.as_ref().map(|m| m.title.clone()).unwrap_or_default();
            let depts = p.departments.iter().filter_map(|d| facts.departments.iter().find(|x| &x.id == d)).map(|d| (url(&format!("/department/?id={}", d.id)), d.name.clone())).collect::<Vec<_>>();
            let depts = depts.into_iter().map(|(href, name)| view! { <li><A href=href>{name}</A></li> }).collect_view();
            let targets = p.targets.iter().filter_map(|t| facts.targets.iter().find(|x| &x.id == t)).map(|t| (url(&format!("/target/?id={}", model::query::encode(&t.id))), t.indicator.clone())).collect::<Vec<_>>();
            let targets = targets.into_iter().map(|(href, name)| view! { <li><A href=href>{name}</A></li> }).collect_view();
            view! {
                <PageMeta title=p.name.clone() column="重点工程" pub_date=date source=source />
                <article class="detail">
                    <p class="crumb"><A href=url(PATH)>"重点工程"</A> " › " {title_of_doc.clone()}</p>
                    <h1>{p.name.clone()}</h1>
                    <dl class="doc-meta">
                        <dt>"类型"</dt><dd>{p.kind.clone()}</dd>
                        <dt>"文件"</dt><dd><A href=doc_href.clone()>{title_in_link}</A></dd>
                        {(!p.domain.is_empty()).then(|| view! { <dt>"领域"</dt><dd>{p.domain.clone()}</dd> })}
                        {(!p.place.is_empty()).then(|| view! { <dt>"地点"</dt><dd>{p.place.clone()}</dd> })}
                    </dl>
                    {(!p.description.is_empty()).then(|| view! { <p>{p.description.clone()}</p> })}
                    <SourceLink doc=p.doc.clone() block=p.source.block.clone() quote=p.source.quote.clone() doc_title=title_of_doc.clone() />
                    {(!p.departments.is_empty()).then(|| view! { <h2>"责任单位"</h2><ul>{depts}</ul> })}
                    {(!p.targets.is_empty()).then(|| view! { <h2>"相关目标指标"</h2><ul>{targets}</ul> })}
                </article>
            }
            .into_any()
        } />
    }
}
