//! Whether targets are on track (`model::progress`): a status badge for a target card, the
//! overview of a list, a theme, a department or a document (each count a link to the
//! filtered targets list), and a target's own progress section with its chart.

use crate::components::chart::{Chart, ChartKind};
use crate::components::records::SourceLink;
use crate::links::url;
use leptos::prelude::*;
use model::pages::Page;
use model::progress::{
    assess_target, basis_text, inputs_text, overview_text, progress_chart_text, status_class,
    status_links, status_text,
};
use model::query::Filter;
use model::{Status, Target};

/// A target's status in words, on a card.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! { <span class=status_class(status)>{status.label()}</span> }
}

/// How many of `total` targets have each status, each count a link to the targets list
/// filtered by `base` and that status; `current` is the status the list shows, if any.
#[component]
pub fn StatusOverview(
    counts: Vec<(Status, u32)>,
    total: u32,
    base: Filter,
    #[prop(optional)] current: String,
    /// Under a section's own heading (a theme's, a department's or a document's targets):
    /// an `h3`, else an `h2`.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let sentence = overview_text(&counts, total);
    let links = status_links(&counts, &base)
        .into_iter()
        .map(|l| {
            let href = url(&Page::Targets.path_with(&l.query));
            let here = (l.status.label() == current).then_some("page");
            let count = format!("{} 项", l.count);
            view! {
                <li>
                    <a href=href aria-current=here>
                        <span class=status_class(l.status)>{l.status.label()}</span>
                        " " <span class="count">{count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="status-overview" aria-labelledby="status-overview-title">
            {if nested {
                view! { <h3 id="status-overview-title">"目标进度"</h3> }.into_any()
            } else {
                view! { <h2 id="status-overview-title">"目标进度"</h2> }.into_any()
            }}
            <p>{sentence}</p>
            <ul class="status-links">{links}</ul>
            <p class="hint">
                "进度由基期值、目标值和文件公布的最近实际值算出，直线路径是一个假设；点状态查看对应的目标。"
            </p>
        </section>
    }
}

/// A target's progress: its status in words, the chart, what it is computed from, and the
/// quotes of the results and of the target, each linked to its paragraph. Nothing for a
/// target without results.
pub fn progress_section(target: &Target, doc_title: &str) -> Option<impl IntoView> {
    let progress = target.progress.clone()?;
    let assessment = assess_target(target);
    // The badge says the status; the sentence after it, why.
    let full = status_text(target, &assessment);
    let label = format!("{}：", progress.status.label());
    let sentence = full.strip_prefix(&label).unwrap_or(&full).to_string();
    let chart = progress_chart_text(target)
        .map(|(chart, text)| view! { <Chart kind=ChartKind::Progress(chart) text /> });
    let inputs = inputs_text(target)
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    let results = result_quotes(&progress);
    let goal = target.source.clone();
    Some(view! {
        <section class="progress" aria-labelledby="progress-title">
            <h2 id="progress-title">"进度：目标完成得怎样"</h2>
            <p class="status-line">
                <span class=status_class(progress.status)>{progress.status.label()}</span>
                " " {sentence}
            </p>
            {chart}
            <h3>"状态怎样算出"</h3>
            <ul class="inputs">{inputs}</ul>
            <p class="hint">{basis_text()}</p>
            {results}
            <h3>"目标（规划原文）"</h3>
            <SourceLink doc=goal.doc block=goal.block quote=goal.quote doc_title=doc_title.to_string() />
        </section>
    })
}

/// The quotes of a target's results, latest first, each linked to its paragraph in the
/// document that reports it (its short title as the data names it).
fn result_quotes(progress: &model::Progress) -> impl IntoView + use<> {
    progress
        .results
        .iter()
        .rev()
        .map(|l| {
            let r = &l.result;
            let s = &r.source;
            let year = r.value.year.map(|y| format!("{y}年，")).unwrap_or_default();
            let heading = format!("实际值原文（{year}{}，{}）", r.region, r.scope.label());
            let note = (!l.note.is_empty()).then(|| view! { <p class="hint">{l.note.clone()}</p> });
            let title = if l.doc_title.is_empty() { s.doc.clone() } else { l.doc_title.clone() };
            view! {
                <h3>{heading}</h3>
                <SourceLink doc=s.doc.clone() block=s.block.clone() quote=s.quote.clone() doc_title=title />
                {note}
            }
        })
        .collect_view()
}
