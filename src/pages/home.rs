//! 首页: what the site is, the documents at a glance, and a search box.

use crate::components::status::Awaited;
use crate::data::{load_list, store, Data};
use crate::head::PageMetaOf;
use crate::links::url;
use crate::pages::themes::ThemeTiles;
use crate::router::A;
use leptos::prelude::*;
use model::files::ThemesFile;
use model::lists::ListPage;
use model::pages::Page;
use model::query::Filter;
use model::DocumentMeta;
use std::sync::Arc;

#[component]
pub fn Home() -> impl IntoView {
    let store = store();
    let themes = store.themes();
    // The first page of the documents list, not every document.
    let documents = Data::new(move || {
        store.track_retry();
        load_list::<DocumentMeta>(Filter::default())
    });
    view! {
        <PageMetaOf page=Page::Home />
        <Awaited
            load=move || async move { Ok((documents.await?, themes.await?)) }
            view=|(documents, themes)| view! { <HomeView documents themes /> }
        />
    }
}

/// The themes first, the main way in for a resident; the documents beside them (the first
/// page of them, with a link to all when there are more).
#[component]
pub fn HomeView(documents: Arc<ListPage<DocumentMeta>>, themes: Arc<ThemesFile>) -> impl IntoView {
    let (total, shown) = (documents.count(), documents.records.len());
    let more = (total > shown).then(|| {
        view! { <p class="more"><A href=url(&Page::Documents.path())>{format!("查看全部 {total} 份文件")}</A></p> }
    });
    let cards = documents
        .records
        .iter()
        .map(|doc| {
            let title = doc.short_title.clone();
            view! {
                <li class="card">
                    <A href=url(&Page::Document.record(&doc.id))>{title}</A>
                    <p class="meta">
                        {doc.region.clone()} " · " {doc.kind.clone()} " · " {doc.date.clone()}
                    </p>
                    <p class="counts">
                        "重点领域 " {doc.counts.fields} " · 重点工程 " {doc.counts.projects}
                        " · 目标指标 " {doc.counts.targets}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
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
        <section class="theme-glance" aria-labelledby="home-themes">
            <h2 id="home-themes">"按主题浏览"</h2>
            <ThemeTiles themes />
        </section>
        <section class="doc-glance">
            <h2>"收录文件"</h2>
            <ul class="cards">{cards}</ul>
            {more}
        </section>
    }
}
