//! 首页: what the site is, the documents at a glance, and a search box.

use crate::app::PageMeta;
use crate::data::store;
use crate::pages::{LoadFailed, Loading};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let store = store();
    let retry = Callback::new(move |_| store.index.refetch());
    view! {
        <PageMeta title=String::new() column="首页" />
        <section class="intro">
            <h1>"政策文件一览"</h1>
            <p>
                "本站整理济南市、济南市历下区和青岛市公开发布的政策文件，列出其中的重点领域、重点工程、目标指标和责任单位，每一项都可以点回原文核对。"
            </p>
            <form class="search-box" action="search/" method="get" role="search">
                <label for="home-q">"搜索政策内容"</label>
                <input id="home-q" name="q" type="search" placeholder="例如：养老服务、高新技术企业" />
                <button type="submit">"搜索"</button>
            </form>
        </section>
        <section class="doc-glance">
            <h2>"收录文件"</h2>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match store.index.await {
                        Err(error) => view! { <LoadFailed error retry /> }.into_any(),
                        Ok(index) => {
                            let cards = index
                                .documents
                                .clone()
                                .into_iter()
                                .map(|doc| {
                                    let href = format!("/document/?id={}", doc.id);
                                    view! {
                                        <li class="card">
                                            <A href=crate::app::url(&href)>{doc.short_title.clone()}</A>
                                            <p class="meta">
                                                {doc.region.clone()} " · " {doc.kind.clone()} " · "
                                                {doc.date.clone()}
                                            </p>
                                            <p class="counts">
                                                "重点领域 " {doc.counts.fields} " · 重点工程 "
                                                {doc.counts.projects} " · 目标指标 "
                                                {doc.counts.targets}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! { <ul class="cards">{cards}</ul> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
