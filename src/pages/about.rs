//! 关于/数据: sources, method, how to cite, downloads.

use crate::head::PageMetaOf;
use crate::takeover::Ready;
use leptos::prelude::*;
use model::files;
use model::pages::Page;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <PageMetaOf page=Page::About />
        <AboutView />
        <Ready />
    }
}

#[component]
pub fn AboutView() -> impl IntoView {
    view! {
        <h1>"关于本站与数据"</h1>
        <h2>"数据来源"</h2>
        <p>"本站收录的文件均为政府公开发布的政策文件文本。原文由 PDF 提取，本站用程序修复了提取造成的断行、分页和多余空格，其余文字保持原样。"</p>
        <h2>"整理方法"</h2>
        <p>"每一条重点领域、重点工程、目标指标都附有原文引文；构建程序会逐条核对引文确实出现在原文中、记录中的每个数字都出现在引文里，核对不通过的数据不会发布。"</p>
        <h2>"数据下载"</h2>
        <ul>
            <li><a href=format!("data/{}", files::ALL_DOCUMENTS) download>"文件目录（JSON）"</a></li>
            <li><a href=format!("data/{}", files::ALL_FACTS) download>"全部结构化数据（JSON）"</a></li>
            <li><a href=format!("data/{}", files::RESULTS_CSV) download>"文件公布的实际值（CSV）"</a></li>
        </ul>
        <p class="hint">"目标指标的 CSV（在“目标指标”列表页下载）含每项目标的进度状态和最近实际值；实际值的 CSV 列出每个实际值的年份依据、口径和原文引文。"</p>
    }
}
