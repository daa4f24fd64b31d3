//! The charts each page shows, with their summaries and data tables, built from records.

use crate::chart_view::{Chart, ChartKind};
use charts::ComparedRow;
use leptos::prelude::*;
use model::chart::{
    change_bars, comparisons, describe_target, format_number, format_with_unit, printed_with_unit,
    target_chart, year_counts,
};
use model::{Facts, Index, Target};

fn printed(f: &Option<model::Figure>) -> String {
    f.as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

fn year_label(f: &model::Figure) -> String {
    f.year.map(|y| format!("{y}年")).unwrap_or_default()
}

/// Baseline → target of one target; nothing for qualitative targets.
pub fn target_chart_view(t: &Target) -> Option<impl IntoView> {
    let chart = target_chart(t)?;
    let summary = describe_target(&chart);
    let mut rows: Vec<Vec<String>> = chart
        .bars
        .iter()
        .map(|(label, v, printed)| {
            vec![
                label.clone(),
                printed.clone(),
                format_with_unit(*v, &chart.unit),
            ]
        })
        .collect();
    if let Some(g) = chart.implied_growth {
        rows.push(vec![
            "隐含年均增长（计算值）".into(),
            "—".into(),
            format!("{}%", format_number(g)),
        ]);
    }
    let file = t.id.replace('.', "-");
    Some(view! {
        <Chart title=format!("{}：基期与目标", t.indicator) summary kind=ChartKind::Target(chart) header=vec!["年份".into(), "原文".into(), "数值".into()] rows file />
    })
}

/// The same indicator in other documents, when there is one.
pub fn comparison_view(t: &Target, facts: &Facts, index: &Index) -> Option<impl IntoView> {
    let group = comparisons(facts)
        .into_iter()
        .find(|g| g.members.contains(&t.id))?;
    let title_of = |doc: &str| {
        index
            .documents
            .iter()
            .find(|d| d.id == doc)
            .map(|d| d.short_title.clone())
            .unwrap_or_default()
    };
    let members: Vec<&Target> = group
        .members
        .iter()
        .filter_map(|id| facts.targets.iter().find(|x| &x.id == id))
        .collect();
    let rows: Vec<ComparedRow> = members
        .iter()
        .filter_map(|m| {
            let goal = m.target.as_ref()?;
            Some(ComparedRow {
                document: title_of(&m.doc),
                baseline: m
                    .baseline
                    .as_ref()
                    .and_then(|b| Some((year_label(b), b.value?))),
                target: (year_label(goal), goal.value?),
            })
        })
        .collect();
    let table: Vec<Vec<String>> = members
        .iter()
        .map(|m| {
            vec![
                title_of(&m.doc),
                m.indicator.clone(),
                printed(&m.baseline),
                printed(&m.target),
            ]
        })
        .collect();
    let summary = members
        .iter()
        .map(|m| {
            let b = m
                .baseline
                .as_ref()
                .map(|b| {
                    format!(
                        "{}{}",
                        year_label(b),
                        printed_with_unit(&b.text, &group.unit)
                    )
                })
                .unwrap_or_default();
            let g = m
                .target
                .as_ref()
                .map(|g| {
                    format!(
                        "{}{}",
                        year_label(g),
                        printed_with_unit(&g.text, &group.unit)
                    )
                })
                .unwrap_or_default();
            format!("{}：{b}，目标{g}", title_of(&m.doc))
        })
        .collect::<Vec<_>>()
        .join("；");
    let file = format!("compare-{}", t.id.replace('.', "-"));
    Some(view! {
        <Chart title=format!("各文件比较：{}", group.title) summary=format!("{summary}。") kind=ChartKind::Comparison { rows, unit: group.unit.clone() } header=vec!["文件".into(), "指标".into(), "基期".into(), "目标".into()] rows=table file />
    })
}

/// All targets of a document or a department: change from baseline, and targets by year.
pub fn overview_views(targets: &[&Target], file: &str) -> Option<impl IntoView> {
    if targets.is_empty() {
        return None;
    }
    let bars = change_bars(targets);
    let changes = (!bars.is_empty()).then(|| {
        let rows: Vec<Vec<String>> = bars
            .iter()
            .filter_map(|b| {
                let t = targets.iter().find(|t| t.id == b.id)?;
                Some(vec![t.indicator.clone(), t.category.clone(), printed(&t.baseline), printed(&t.target), b.text.clone()])
            })
            .collect();
        let summary = format!(
            "{}项可比较的指标相对基期的变化：{}。",
            bars.len(),
            bars.iter().map(|b| format!("{}{}", b.label, b.text)).collect::<Vec<_>>().join("，")
        );
        view! {
            <Chart title="目标相对基期的变化（%，按类别）" summary kind=ChartKind::Changes(bars) header=vec!["指标".into(), "类别".into(), "基期（原文）".into(), "目标（原文）".into(), "变化（计算值）".into()] rows file=format!("{file}-changes") />
        }
    });
    let years = year_counts(targets);
    let by_year = (!years.is_empty()).then(|| {
        let rows: Vec<Vec<String>> = years.iter().map(|(y, n)| vec![format!("{y}年"), n.to_string()]).collect();
        let summary = format!("按目标年份统计：{}。", years.iter().map(|(y, n)| format!("{y}年{n}项")).collect::<Vec<_>>().join("，"));
        view! {
            <Chart title="目标年份分布" summary kind=ChartKind::Years(years) header=vec!["目标年份".into(), "指标数".into()] rows file=format!("{file}-years") />
        }
    });
    Some(view! { <div class="chart-grid">{changes}{by_year}</div> })
}
