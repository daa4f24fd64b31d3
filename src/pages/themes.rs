//! 主题: the resident themes (养老, 交通出行, …) as a way into the records across documents;
//! and one page per theme with its targets (charted), projects, key fields, documents and
//! departments.

use crate::components::chart_views::overview_views;
use crate::components::progress::StatusOverview;
use crate::components::records::{FieldCard, ProjectCard, TargetCard};
use crate::components::status::{Awaited, NotFoundRecord};
use crate::data::{store, topic_records, Data, TopicRecords, TopicWant};
use crate::head::{PageMeta, PageMetaOf};
use crate::links::url;
use crate::router::A;
use leptos::prelude::*;
use model::files::ThemesFile;
use model::lists::{ListKind, Topic, TopicDoc};
use model::pages::Page;
use model::query::Filter;
use model::{Target, Theme};
use std::sync::Arc;

/// How many records of each kind a theme page lists before linking to the full list.
const SHOWN: usize = 8;
/// What a theme's page shows of its topic: [`SHOWN`] fields and projects, and the first 40
/// targets, which its chart draws (in list order; the full list is a link away): every one
/// of today's themes, and a bounded fetch for a large library.
pub const TOPIC: TopicWant = TopicWant {
    key: "theme",
    shown: SHOWN,
    targets: 40,
};

/// A theme page lists every document its records come from up to this many; beyond, the
/// [`DOCS_LEADING`] with the most records, and the others folded away.
const DOCS_ALL_UP_TO: usize = 20;
const DOCS_LEADING: usize = 10;

/// Heading and lead, shown while the list loads too.
pub fn intro() -> impl IntoView {
    view! {
        <h1>"主题"</h1>
        <p class="lead">"按居民关心的事情浏览：各份文件在同一主题下提出的目标、工程和重点领域，以及负责的单位。"</p>
    }
}

#[component]
pub fn ThemeList() -> impl IntoView {
    let themes = store().themes();
    view! {
        <PageMetaOf page=Page::Themes />
        {intro()}
        <Awaited load=move || async move { themes.await } view=|themes| view! { <ThemeCards themes /> } />
    }
}

/// A compact tile per theme (the home page): its name and how many records it holds.
#[component]
pub fn ThemeTiles(themes: Arc<ThemesFile>) -> impl IntoView {
    let tiles = themes
        .themes
        .iter()
        .map(|t| {
            let c = t.counts;
            let total = format!("{} 项", c.fields + c.projects + c.targets);
            let name = t.name.clone();
            view! {
                <li>
                    <A href=url(&Page::Theme.record(&t.id))>
                        <span class="name">{name}</span>
                        <span class="total">{total}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="theme-tiles">{tiles}</ul>
        <p class="more"><A href=url(&Page::Themes.path())>"各主题说明"</A></p>
    }
}

/// A card per theme: name, what it covers, and how many records of each kind it holds.
#[component]
pub fn ThemeCards(themes: Arc<ThemesFile>) -> impl IntoView {
    let cards = themes
        .themes
        .iter()
        .map(|t| {
            let (name, description) = (t.name.clone(), t.description.clone());
            let c = t.counts;
            view! {
                <li class="card theme-card">
                    <A href=url(&Page::Theme.record(&t.id))>{name}</A>
                    <p class="meta">{description}</p>
                    <p class="counts">
                        "目标指标 " {c.targets} " · 重点工程 " {c.projects} " · 重点领域 " {c.fields}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cards themes">{cards}</ul> }
}

#[component]
pub fn ThemeDetail() -> impl IntoView {
    let id = crate::router::use_record_id(Page::Theme);
    let store = store();
    let themes = store.themes();
    let records = Data::new(move || {
        store.track_retry();
        let id = id.get();
        async move {
            let known = themes.await?.theme(&id).is_some();
            topic_records(TOPIC, &id, known).await
        }
    });
    view! {
        <Awaited
            load=move || async move { Ok((themes.await?, records.await?)) }
            view=move |(themes, records)| view! {
                <ThemeView id=id.get_untracked() themes records />
            }
        />
    }
}

#[component]
pub fn ThemeView(id: String, themes: Arc<ThemesFile>, records: Arc<TopicRecords>) -> impl IntoView {
    let Some(theme) = themes.theme(&id).cloned() else {
        return view! {
            <PageMeta title="未找到".to_string() column=Page::Theme.def().column />
            <NotFoundRecord what="主题" id back=Page::Themes back_label="返回主题列表" />
        }
        .into_any();
    };
    let topic = &records.topic;
    let all_of =
        |page: Page| url(&page.path_with(&Filter::default().with("theme", &theme.id).to_query()));
    let more = |page: Page, n: usize, what: &'static str| {
        (n > SHOWN).then(|| view! { <p class="more"><A href=all_of(page)>{format!("查看全部 {n} 项{what}")}</A></p> })
    };
    let (n_targets, n_projects, n_fields, n_docs) = (
        topic.total(ListKind::Targets),
        topic.total(ListKind::Projects),
        topic.total(ListKind::Fields),
        topic.documents.len(),
    );
    // The chart draws the first `TOPIC.targets` targets (every one, for today's library).
    let charted: Vec<&Target> = records.targets.iter().collect();
    let charted_n = charted.len();
    let charts = overview_views(&charted, &format!("theme-{}", theme.id));
    let statuses = (!topic.statuses.is_empty()).then(|| {
        let counts = model::progress::counts_of(&topic.statuses);
        let base = Filter::default().with("theme", &theme.id);
        view! { <StatusOverview counts total=n_targets as u32 base nested=true /> }
    });
    let (target_cards, project_cards, field_cards) = record_cards(&records);
    view! {
        <PageMeta title=theme.name.clone() column=Page::Theme.def().column />
        <article class="detail theme">
            <p class="crumb"><A href=url(&Page::Themes.path())>"主题"</A></p>
            <h1>{theme.name.clone()}</h1>
            <p class="summary">{theme.description.clone()}</p>
            <p class="meta">
                {format!("目标指标 {n_targets} 项 · 重点工程 {n_projects} 项 · 重点领域 {n_fields} 项，来自 {n_docs} 份文件")}
            </p>
            <section aria-labelledby="theme-targets">
                <h2 id="theme-targets">"目标指标（" {n_targets} "）"</h2>
                {(n_targets > charted_n).then(|| view! {
                    <p class="meta">{format!("图表按列表顺序画出前 {charted_n} 项；全部 {n_targets} 项见下方链接。")}</p>
                })}
                {statuses}
                {charts}
                <ul class="records">{target_cards}</ul>
                {more(Page::Targets, n_targets, "目标指标")}
            </section>
            <section aria-labelledby="theme-projects">
                <h2 id="theme-projects">"重点工程（" {n_projects} "）"</h2>
                <ul class="records">{project_cards}</ul>
                {more(Page::Projects, n_projects, "重点工程")}
            </section>
            <section aria-labelledby="theme-fields">
                <h2 id="theme-fields">"重点领域（" {n_fields} "）"</h2>
                <ul class="records">{field_cards}</ul>
                {more(Page::Fields, n_fields, "重点领域")}
            </section>
            {docs_section(topic)}
            {departments_section(&theme)}
        </article>
    }
    .into_any()
}

/// The first [`SHOWN`] cards of each kind of the theme's records: targets, projects, key
/// fields.
fn record_cards(records: &TopicRecords) -> (impl IntoView, impl IntoView, impl IntoView) {
    let topic = &records.topic;
    let target_cards = records
        .targets
        .iter()
        .take(SHOWN)
        .map(|t| view! { <TargetCard target=t.clone() doc_title=topic.short_title(&t.doc) /> })
        .collect_view();
    let project_cards = records
        .projects
        .iter()
        .take(SHOWN)
        .map(|p| view! { <ProjectCard project=p.clone() doc_title=topic.short_title(&p.doc) /> })
        .collect_view();
    let field_cards = records
        .fields
        .iter()
        .take(SHOWN)
        .map(|f| view! { <FieldCard field=f.clone() doc_title=topic.short_title(&f.doc) label=true /> })
        .collect_view();
    (target_cards, project_cards, field_cards)
}

/// A document's link, name and record count, for [`model::view::link_items_html`].
fn doc_items(docs: Vec<&TopicDoc>) -> Vec<(String, String, String)> {
    docs.into_iter()
        .map(|d| {
            (
                url(&Page::Document.record(&d.0)),
                d.1.clone(),
                format!("{} 项", d.2),
            )
        })
        .collect()
}

/// The documents the theme's records come from, the leading ones first and the others
/// folded away. The documents (at 1 000 documents 养老 comes from 545) and departments are
/// pieces of HTML: drawn one link component at a time, hundreds of them held up the page.
fn docs_section(topic: &Topic) -> impl IntoView {
    let n_docs = topic.documents.len();
    let (leading, others) = topic.documents_shown(DOCS_ALL_UP_TO, DOCS_LEADING);
    let docs = model::view::link_items_html(&doc_items(leading));
    let others = (!others.is_empty()).then(|| {
        let items = doc_items(others);
        let summary = format!("其余 {} 份文件（按文件顺序）", items.len());
        let html = model::view::link_items_html(&items);
        view! {
            <details class="more-docs">
                <summary>{summary}</summary>
                <ul class="plain-list" inner_html=html></ul>
            </details>
        }
    });
    view! {
        <section aria-labelledby="theme-docs">
            <h2 id="theme-docs">"来自哪些文件（" {n_docs} "）"</h2>
            {(n_docs > DOCS_ALL_UP_TO).then(|| view! { <p class="meta">{format!("记录最多的 {DOCS_LEADING} 份：")}</p> })}
            <ul class="plain-list" inner_html=docs></ul>
            {others}
        </section>
    }
}

/// The theme's first 20 responsible departments, linked, with their record counts.
fn departments_section(theme: &Theme) -> impl IntoView {
    let depts: Vec<(String, String, String)> = theme
        .departments
        .iter()
        .take(20)
        .map(|d| {
            (
                url(&Page::Department.record(&d.id)),
                d.name.clone(),
                format!("{} 项", d.count),
            )
        })
        .collect();
    let depts = model::view::link_items_html(&depts);
    let n_depts = theme.departments.len();
    view! {
        <section aria-labelledby="theme-depts">
            <h2 id="theme-depts">"责任单位（" {n_depts} "）"</h2>
            {(n_depts == 0).then(|| view! { <p>"原文未列出这一主题的责任单位。"</p> })}
            <ul class="plain-list" inner_html=depts></ul>
        </section>
    }
}
