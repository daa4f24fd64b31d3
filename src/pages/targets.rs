//! 目标指标: every target, filterable by document, category, target year and attribute,
//! downloadable as CSV/JSON; and one page per target.

use crate::app::{url, PageMeta};
use crate::pages::records::{
    doc_options, doc_title, download, figure_text, parsed_text, plain_options, records_or_empty,
    use_filter, use_query_value, FilterSelect, FilterText, ResultBar, SourceLink, TargetCard,
    WithData,
};
use crate::pages::target_charts::{comparison_view, target_chart_view};
use crate::pages::NotFoundRecord;
use leptos::prelude::*;
use leptos_router::components::A;
use model::query::{distinct, target_year};
use model::RecordKind;

const PATH: &str = "/targets/";

#[component]
pub fn TargetList() -> impl IntoView {
    let filter = use_filter();
    view! {
        <PageMeta title="目标指标".to_string() column="目标指标" />
        <h1>"目标指标"</h1>
        <p class="lead">"各文件提出的量化目标和定性目标，数字均按原文照录，并可点回原文核对。"</p>
        <WithData needs=&[RecordKind::Targets] view=move |index, facts| {
            let f = filter.get();
            let docs = index.documents.clone();
            let matches = f.targets(&facts, &docs);
            let count = matches.len();
            let page = model::query::page_of(count, &f.page);
            let categories = plain_options(distinct(facts.targets.iter().filter(|t| f.doc.is_empty() || t.doc == f.doc), |t| t.category.as_str()));
            let mut years: Vec<String> = facts.targets.iter().filter_map(|t| target_year(t).map(|y| y.to_string())).collect();
            years.sort();
            years.dedup();
            // The files are written only when asked for.
            let csv = {
                let (facts, docs, f) = (facts.clone(), docs.clone(), f.clone());
                move |_| download("targets.csv", "text/csv;charset=utf-8", &model::csv::targets_csv(&f.targets(&facts, &docs), &docs))
            };
            let json = {
                let (facts, docs, f) = (facts.clone(), docs.clone(), f.clone());
                move |_| download("targets.json", "application/json", &model::csv::json_download(&f.targets(&facts, &docs), &docs))
            };
            let cards = matches
                .into_iter()
                .skip(page.start)
                .take(page.end - page.start)
                .map(|t| view! { <TargetCard target=t.clone() doc_title=doc_title(&index, &t.doc) /> }.into_any())
                .collect();
            view! {
                <div class="filters">
                    <FilterSelect label="文件" key="doc" options=doc_options(&index) filter path=PATH />
                    <FilterSelect label="类别" key="category" options=categories filter path=PATH />
                    <FilterSelect label="目标年份" key="year" options=plain_options(years) filter path=PATH />
                    <FilterSelect label="指标属性" key="attribute" options=plain_options(vec!["约束性".into(), "预期性".into()]) filter path=PATH />
                    <FilterText filter path=PATH placeholder="指标名称或原文" />
                </div>
                <ResultBar count page downloads=(Callback::new(csv), Callback::new(json)) />
                {records_or_empty(cards, "目标指标", PATH, page, &f)}
            }
        } />
    }
}

#[component]
pub fn TargetDetail() -> impl IntoView {
    let id = use_query_value("id");
    view! {
        <WithData view=move |index, facts| {
            let id = id.get();
            let Some(t) = facts.targets.iter().find(|t| t.id == id).cloned() else {
                return view! {
                    <PageMeta title="未找到".to_string() column="目标指标" />
                    <NotFoundRecord what="目标指标" id back_href="/targets/" back_label="返回目标指标列表" />
                }
                .into_any();
            };
            let meta = index.documents.iter().find(|d| d.id == t.doc).cloned();
            let title_of_doc = doc_title(&index, &t.doc);
            let title_in_link = title_of_doc.clone();
            let doc_href = url(&format!("/document/?id={}", t.doc));
            let date = meta.as_ref().map(|m| m.date.clone()).unwrap_or_default();
            let source = meta.as_ref().map(|m| m.title.clone()).unwrap_or_default();
            let related: Vec<(String, String)> = facts
                .projects
                .iter()
                .filter(|p| p.targets.contains(&t.id))
                .map(|p| (url(&format!("/project/?id={}", model::query::encode(&p.id))), p.name.clone()))
                .collect();
            let row = |label: &'static str, f: &Option<model::Figure>, unit: &str| {
                f.as_ref().map(|f| view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td>{figure_text(f, unit)}</td>
                        <td>{parsed_text(f)}</td>
                        <td>{f.note.clone()}</td>
                    </tr>
                })
            };
            view! {
                <PageMeta title=t.indicator.clone() column="目标指标" pub_date=date source=source />
                <article class="detail">
                    <p class="crumb"><A href=url(PATH)>"目标指标"</A> " › " {title_of_doc.clone()}</p>
                    <h1>{t.indicator.clone()}</h1>
                    <dl class="doc-meta">
                        <dt>"文件"</dt><dd><A href=doc_href.clone()>{title_in_link}</A></dd>
                        <dt>"类别"</dt><dd>{if t.category.is_empty() { "—".to_string() } else { t.category.clone() }}</dd>
                        <dt>"单位"</dt><dd>{if t.unit.is_empty() { "—".to_string() } else { t.unit.clone() }}</dd>
                        <dt>"指标属性"</dt><dd>{if t.attribute.is_empty() { "原文未注明".to_string() } else { t.attribute.clone() }}</dd>
                        <dt>"出处"</dt><dd>{if t.origin == "table" { "指标表" } else { "正文" }}</dd>
                        {t.cumulative.then(|| view! { <dt>"说明"</dt><dd>"带 [ ] 的数值为五年累计数"</dd> })}
                        {(!t.qualitative.is_empty()).then(|| view! { <dt>"定性目标"</dt><dd>{t.qualitative.clone()}</dd> })}
                    </dl>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="数值">
                        <table>
                            <caption>"原文数值与解析"</caption>
                            <thead><tr><th scope="col">"项目"</th><th scope="col">"原文照录"</th><th scope="col">"解析"</th><th scope="col">"注"</th></tr></thead>
                            <tbody>
                                {row("基期", &t.baseline, &t.unit)}
                                {row("目标", &t.target, &t.unit)}
                                {row("年均增长", &t.growth, "%")}
                            </tbody>
                        </table>
                    </div>
                    {target_chart_view(&t)}
                    {comparison_view(&t, &facts, &index)}
                    <SourceLink doc=t.doc.clone() block=t.source.block.clone() quote=t.source.quote.clone() doc_title=title_of_doc.clone() />
                    {(!related.is_empty()).then(|| view! {
                        <h2>"相关重点工程"</h2>
                        <ul>{related.into_iter().map(|(href, name)| view! { <li><A href=href>{name}</A></li> }).collect_view()}</ul>
                    })}
                </article>
            }
            .into_any()
        } />
    }
}
