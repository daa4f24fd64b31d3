//! 目标指标: every target, filterable by document, category, target year and attribute,
//! downloadable as CSV; and one page per target.

use crate::components::chart_views::{comparison_view, overview_views, target_chart_view};
use crate::components::progress::{progress_section, StatusOverview};
use crate::components::records::{
    list_downloads, records_or_empty, use_filter, FilterPanel, ResultBar, SelectSpec, Sources,
    TargetCard,
};
use crate::components::status::Awaited;
use crate::data::{load_list, records_of_id, store, Data, DocFiles};
use crate::head::{PageMeta, PageMetaOf};
use crate::links::url;
use crate::router::A;
use leptos::prelude::*;
use model::lists::{ListIndex, ListPage};
use model::pages::Page;
use model::query::Filter;
use model::view::{figure_text, parsed_text, targets_overview_of, year_note, TargetsOverview};
use model::Target;
use std::sync::Arc;

/// Heading and lead, shown while the list loads too.
pub fn intro() -> impl IntoView {
    view! {
        <h1>"目标指标"</h1>
        <p class="lead">"各文件提出的量化目标和定性目标，数字均按原文照录，并可点回原文核对。"</p>
    }
}

#[component]
pub fn TargetList() -> impl IntoView {
    let filter = use_filter();
    let store = store();
    // Refetched when the address changes (or on a retry): one page of cards and the
    // filters' files.
    let page = Data::new(move || {
        store.track_retry();
        load_list::<Target>(filter.get())
    });
    view! {
        <PageMetaOf page=Page::Targets />
        {intro()}
        <Awaited
            load=move || async move { page.await }
            view=move |page| view! { <TargetsView page filter /> }
        />
    }
}

#[component]
pub fn TargetsView(page: Arc<ListPage<Target>>, filter: Memo<Filter>) -> impl IntoView {
    let f = filter.get_untracked();
    let list = page.list.clone();
    let (count, list_page) = (page.count(), page.page);
    let downloads = list_downloads(page.clone(), "targets", |rows, _, docs| {
        model::csv::targets_csv(rows, docs)
    });
    let shown: Vec<&Target> = page.records.iter().collect();
    let chart = targets_chart(&f, &shown, &list);
    let cards = page
        .records
        .iter()
        .map(|t| {
            view! { <TargetCard target=t.clone() doc_title=list.short_title(&t.doc) /> }.into_any()
        })
        .collect();
    let selects = vec![
        SelectSpec::new("主题", "theme", list.options("theme")),
        SelectSpec::new("文件", "doc", list.doc_options()),
        SelectSpec::new("类别", "category", list.options("category")),
        SelectSpec::new("目标年份", "year", list.options("year")),
        SelectSpec::new("指标属性", "attribute", list.options("attribute")),
        SelectSpec::new("进度状态", "status", list.options("status")),
    ];
    let statuses = status_overview(&f, &list);
    view! {
        <FilterPanel filter page=Page::Targets selects placeholder="指标名称或原文" />
        {statuses}
        {chart}
        <ResultBar count page=list_page downloads />
        {records_or_empty(cards, "目标指标", Page::Targets, list_page, &f)}
    }
}

/// The chart above the list, where people look for one: with no filter, how many targets
/// each document sets by year (linking into the filtered lists); for one document, its
/// indicator table (change from baseline, by category); otherwise the filtered targets'.
fn targets_chart(f: &Filter, matches: &[&model::Target], list: &ListIndex) -> Option<AnyView> {
    if f.is_empty() {
        return Some(view! { <OverviewTable overview=targets_overview_of(list) /> }.into_any());
    }
    let table: Vec<&model::Target> = matches
        .iter()
        .copied()
        .filter(|t| t.origin == model::Origin::Table)
        .collect();
    let (shown, heading) = if !f.doc.is_empty() && !table.is_empty() {
        (table, "本文件指标表")
    } else if !f.theme.is_empty() && f.doc.is_empty() {
        (matches.to_vec(), "本主题各文件的量化目标")
    } else {
        (matches.to_vec(), "筛选结果的目标")
    };
    let file = if f.doc.is_empty() {
        "targets".to_string()
    } else {
        f.doc.clone()
    };
    let charts = overview_views(&shown, &file)?;
    Some(
        view! {
            <section class="list-charts" aria-label=heading>
                <h2>{heading}</h2>
                {charts}
            </section>
        }
        .into_any(),
    )
}

/// The whole library's targets by status, above the unfiltered list and the list of one
/// status (that status marked), each count a link to the list of that status.
fn status_overview(f: &Filter, list: &ListIndex) -> Option<impl IntoView> {
    if !f.with("status", "").is_empty() {
        return None;
    }
    let counts = list
        .facet("status")
        .map(|facet| model::progress::counts_of(&facet.values))
        .unwrap_or_default();
    let (total, current) = (list.total, f.status.clone());
    Some(view! { <StatusOverview counts total base=Filter::default() current /> })
}

/// Documents the overview draws: a large library's first ones, the others by the filter.
const OVERVIEW_DOCUMENTS: usize = 30;

/// Targets per document and target year, every count a link to that filtered list: a bar
/// per document for its total, and its years below, so it reads on a phone as on a desktop.
#[component]
fn OverviewTable(overview: TargetsOverview) -> impl IntoView {
    let link = |doc: &str, year: Option<u16>| {
        let mut f = Filter::default().with("doc", doc);
        if let Some(y) = year {
            f = f.with("year", &y.to_string());
        }
        url(&Page::Targets.path_with(&f.to_query()))
    };
    let max = overview
        .rows
        .iter()
        .map(|r| r.total)
        .max()
        .unwrap_or(1)
        .max(1);
    let rest = overview.rows.len().saturating_sub(OVERVIEW_DOCUMENTS);
    let items = overview
        .rows
        .iter()
        .take(OVERVIEW_DOCUMENTS)
        .map(|r| {
            let years = overview
                .years
                .iter()
                .zip(&r.by_year)
                .filter(|(_, n)| **n > 0)
                .map(|(y, n)| {
                    let text = format!("{y}年 {n} 项");
                    view! { <li><a href=link(&r.doc, Some(*y))>{text}</a></li> }
                })
                .collect_view();
            let undated = (r.undated > 0).then(|| view! { <li class="undated">{format!("未注明年份 {} 项", r.undated)}</li> });
            // The bar is drawn with SVG attributes: no style attribute, so the CSP holds.
            let width = (r.total * 100 / max).max(1).to_string();
            let (title, total) = (r.title.clone(), format!("{} 项", r.total));
            view! {
                <li>
                    <p class="overview-doc"><a href=link(&r.doc, None)>{title}</a> <span class="total">{total}</span></p>
                    <svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                        <rect width=width height="6"></rect>
                    </svg>
                    <ul class="overview-years" aria-label="按目标年份">{years}{undated}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h2 id="overview-title">"各文件的目标指标数（按目标年份）"</h2>
            <p class="hint">"点文件名或年份查看对应的指标。"</p>
            <ol class="overview-list">{items}</ol>
            {(rest > 0).then(|| view! { <p class="hint">{format!("另有 {rest} 份文件，请用上方的“文件”筛选查看。")}</p> })}
        </section>
    }
}

#[component]
pub fn TargetDetail() -> impl IntoView {
    let id = crate::router::use_record_id(Page::Target);
    let records = records_of_id(id);
    view! {
        <Awaited
            load=move || async move { records.await }
            view=move |files| view! { <TargetDetailView id=id.get_untracked() files /> }
        />
    }
}

#[component]
pub fn TargetDetailView(id: String, files: Arc<DocFiles>) -> impl IntoView {
    let records = &files.records;
    let Some(t) = records.target(&id).cloned() else {
        return crate::components::status::missing_record(
            records,
            id,
            "目标指标",
            Page::Targets,
            "返回目标指标列表",
        );
    };
    let meta = files.meta.as_ref();
    let title_of_doc = files.short_title();
    let title_in_link = title_of_doc.clone();
    let doc_href = url(&Page::Document.record(&t.doc));
    let date = meta.map(|m| m.date.clone()).unwrap_or_default();
    let source = meta.map(|m| m.title.clone()).unwrap_or_default();
    let related = records
        .projects
        .iter()
        .filter(|p| p.targets.contains(&t.id))
        .map(|p| (url(&Page::Project.record(&p.id)), p.name.clone()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(href, name)| view! { <li><A href=href>{name}</A></li> })
        .collect::<Vec<_>>();
    let or_dash = |s: &str, dash: &str| {
        if s.is_empty() {
            dash.to_string()
        } else {
            s.to_string()
        }
    };
    view! {
        <PageMeta title=t.indicator.clone() column=Page::Target.def().column pub_date=date source=source />
        <article class="detail">
            <p class="crumb"><A href=url(&Page::Targets.path())>"目标指标"</A> " › " {title_of_doc.clone()}</p>
            <h1>{t.indicator.clone()}</h1>
            <dl class="doc-meta">
                <dt>"文件"</dt><dd><A href=doc_href>{title_in_link}</A></dd>
                <dt>"类别"</dt><dd>{or_dash(&t.category, "—")}</dd>
                <dt>"单位"</dt><dd>{or_dash(&t.unit, "—")}</dd>
                <dt>"指标属性"</dt><dd>{t.attribute.map_or("原文未注明", |a| a.label())}</dd>
                <dt>"出处"</dt><dd>{t.origin.label()}</dd>
                {t.unit_misprint.clone().map(|m| view! { <dt>"原文勘误"</dt><dd class="misprint">"原文印作“" {m.printed} "”：" {m.note}</dd> })}
                {t.cumulative.then(|| view! { <dt>"说明"</dt><dd>"带 [ ] 的数值为五年累计数"</dd> })}
                {(!t.qualitative.is_empty()).then(|| view! { <dt>"定性目标"</dt><dd>{t.qualitative.clone()}</dd> })}
            </dl>
            {figures_table(&t)}
            {progress_section(&t, &title_of_doc)}
            {target_chart_view(&t)}
            {comparison_view(&t, &records.compared.targets, &records.compared.comparisons, &records.compared.documents)}
            <Sources sources=t.sources().cloned().collect() doc_title=title_of_doc.clone() />
            {(!related.is_empty()).then(|| view! {
                <h2>"相关重点工程"</h2>
                <ul>{related}</ul>
            })}
        </article>
    }
    .into_any()
}

/// The target's figures as printed and as parsed: baseline, target and annual growth.
fn figures_table(t: &model::Target) -> impl IntoView {
    let row = |label: &'static str, f: &Option<model::Figure>, unit: &str| {
        f.as_ref().map(|f| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{figure_text(f, unit)}</td>
                    <td>{parsed_text(f)}</td>
                    <td>{year_note(f)}</td>
                </tr>
            }
        })
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="数值">
            <table>
                <caption>"原文数值与解析"</caption>
                <thead><tr><th scope="col">"项目"</th><th scope="col">"原文照录"</th><th scope="col">"解析"</th><th scope="col">"年份出处与注"</th></tr></thead>
                <tbody>
                    {row("基期", &t.baseline, &t.unit)}
                    {row("目标", &t.target, &t.unit)}
                    {row("年均增长", &t.growth, "%")}
                </tbody>
            </table>
        </div>
    }
}
