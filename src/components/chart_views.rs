//! The charts pages show, from the view-model's chart data (`model::view`).

use crate::components::chart::{Chart, ChartKind};
use leptos::prelude::*;
use model::files::DocName;
use model::view::{changes_chart, comparison_of, target_chart_text, years_chart};
use model::Target;

/// Baseline → target of one target; nothing for qualitative targets.
pub fn target_chart_view(t: &Target) -> Option<impl IntoView> {
    let (chart, text) = target_chart_text(t)?;
    Some(view! { <Chart kind=ChartKind::Target(chart) text /> })
}

/// The same indicator in other documents, when there is one.
pub fn comparison_view(
    t: &Target,
    targets: &[Target],
    comparisons: &[model::Comparison],
    docs: &[DocName],
) -> Option<impl IntoView> {
    let (rows, unit, text) = comparison_of(t, targets, comparisons, docs)?;
    Some(view! { <Chart kind=ChartKind::Comparison { rows, unit } text /> })
}

/// All targets of a document or a department: change from baseline, and targets by year.
pub fn overview_views(targets: &[&Target], file: &str) -> Option<impl IntoView> {
    if targets.is_empty() {
        return None;
    }
    let changes = changes_chart(targets, file)
        .map(|(bars, text)| view! { <Chart kind=ChartKind::Changes(bars) text /> });
    let by_year = years_chart(targets, file)
        .map(|(years, text)| view! { <Chart kind=ChartKind::Years(years) text /> });
    Some(view! { <div class="chart-grid">{changes}{by_year}</div> })
}
