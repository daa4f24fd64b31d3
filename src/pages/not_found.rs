//! The view for a path no route matches.

use crate::head::PageMeta;
use crate::links::url;
use crate::router::A;
use crate::takeover::Ready;
use leptos::prelude::*;
use model::pages::{Page, NOT_FOUND_COLUMN, NOT_FOUND_TITLE};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageMeta title=NOT_FOUND_TITLE.to_string() column=NOT_FOUND_COLUMN />
        <section class="not-found">
            <h1>{NOT_FOUND_TITLE}</h1>
            <p>"您访问的地址没有对应的页面，可能链接有误或页面已调整。"</p>
            <ul>
                <li><A href=url(&Page::Home.path())>"返回首页"</A></li>
                <li><A href=url(&Page::Documents.path())>"浏览全部文件"</A></li>
                <li><A href=url(&Page::Search.path())>"搜索政策内容"</A></li>
            </ul>
        </section>
        <Ready />
    }
}
