//! The view for a path no route matches.

use crate::app::PageMeta;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageMeta title="页面不存在".to_string() column="404" />
        <section class="not-found">
            <h1>"页面不存在"</h1>
            <p>"您访问的地址没有对应的页面，可能链接有误或页面已调整。"</p>
            <ul>
                <li><A href=crate::app::url("/")>"返回首页"</A></li>
                <li><A href=crate::app::url("/documents/")>"浏览全部文件"</A></li>
                <li><A href=crate::app::url("/search/")>"搜索政策内容"</A></li>
            </ul>
        </section>
    }
}
