//! The chart component: one of the `charts` kinds drawn with plotters-canvas on a
//! `<canvas>` as wide as its container and `devicePixelRatio` times as dense (crisp at DPR
//! 1, 2 and 3), redrawn on resize, rotation and reader-setting changes; the same numbers as
//! a text summary and a data table; SVG (plotters' SVG backend) and PNG (the canvas)
//! downloads. The prerendered page, read without script, shows the chart as SVG.

use crate::dom::{download, download_url};
use crate::settings::Settings;
pub use charts::ChartKind;
use charts::Theme;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use model::view::ChartText;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The CSS width of the SVG in a prerendered page, a phone's; it scales to its container
/// (viewBox), up to 30rem (`style.css`).
const PRERENDER_WIDTH: u32 = 360;

/// The chart font follows the page: 0.875 of the root font size (large-font mode included).
fn font_px() -> f64 {
    let size = web_sys::window()
        .and_then(|w| {
            let root = w.document()?.document_element()?;
            w.get_computed_style(&root).ok().flatten()
        })
        .and_then(|s| s.get_property_value("font-size").ok())
        .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
        .unwrap_or(16.0);
    size * 0.875
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Draws the chart on `canvas` at its holder's CSS width (at least 200 px), in the page's
/// font size and contrast, at the screen's pixel density; notes the time it took
/// (`data-draw-ms`), the CSS width (`data-css-width`) and the ratio (`data-ratio`).
fn redraw(
    holder: &web_sys::Element,
    canvas: &web_sys::HtmlCanvasElement,
    kind: &ChartKind,
    high_contrast: bool,
) {
    use plotters::prelude::IntoDrawingArea;
    let started = now();
    let css_w = u32::try_from(holder.client_width()).unwrap_or(0).max(200);
    let theme = Theme::new(font_px(), high_contrast);
    let css_h = kind.height(&theme);
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| *r >= 1.0)
        .unwrap_or(1.0);
    // The canvas's CSS size follows from its width (100 %) and its aspect ratio.
    canvas.set_width((f64::from(css_w) * ratio).round() as u32);
    canvas.set_height((f64::from(css_h) * ratio).round() as u32);
    let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let drawn = kind.draw(&backend.into_drawing_area(), ratio, &theme);
    let _ = holder.set_attribute("data-draw-ms", &format!("{:.2}", now() - started));
    let _ = holder.set_attribute("data-css-width", &css_w.to_string());
    let _ = holder.set_attribute("data-ratio", &ratio.to_string());
    if let Err(e) = drawn {
        let _ = holder.set_attribute("data-error", &e.to_string());
    }
}

/// The chart as the prerendered page shows it: SVG text at [`PRERENDER_WIDTH`].
fn prerendered_svg(kind: &ChartKind) -> String {
    kind.svg(PRERENDER_WIDTH, &Theme::new(14.0, false))
        .unwrap_or_default()
}

/// Redraws through `draw` whenever the holder's width changes (window resize, rotation,
/// zoom); the observer goes when the chart does.
fn redraw_on_resize(holder: NodeRef<Div>, draw: impl Fn() + Clone + 'static) {
    Effect::new(move |_| {
        let Some(h) = holder.get() else { return };
        let observed: web_sys::Element = h.clone().into();
        let last_width = std::cell::Cell::new(h.client_width());
        let draw = draw.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let width = h.client_width();
            if width != last_width.get() {
                last_width.set(width);
                draw();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&observed);
            let held = send_wrapper::SendWrapper::new((observer, callback));
            on_cleanup(move || {
                let (observer, callback) = held.take();
                observer.disconnect();
                drop(callback);
            });
        }
    });
}

/// The data table with the chart's numbers.
fn data_table(title: &str, header: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    let head = header
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <details class="chart-data">
            <summary>"查看数据表"</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{title}数据表")>
                <table>
                    <caption>{title.to_string()}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </details>
    }
}

#[component]
pub fn Chart(
    kind: ChartKind,
    /// Title, the summary a screen reader hears instead of the picture, the data table with
    /// the same numbers, and the base of the download file names.
    text: ChartText,
) -> impl IntoView {
    let ChartText {
        title,
        summary,
        header,
        rows,
        file,
    } = text;
    let settings = expect_context::<Settings>();
    let holder: NodeRef<Div> = NodeRef::new();
    let canvas: NodeRef<Canvas> = NodeRef::new();
    let kind_for_draw = kind.clone();
    let draw = move || {
        if let (Some(h), Some(c)) = (holder.get_untracked(), canvas.get_untracked()) {
            redraw(
                &h,
                &c,
                &kind_for_draw,
                settings.high_contrast.get_untracked(),
            );
        }
    };
    // Draw when mounted and whenever the reader settings change.
    let draw_on_settings = draw.clone();
    Effect::new(move |_| {
        settings.large_font.track();
        settings.high_contrast.track();
        request_animation_frame(draw_on_settings.clone());
    });
    redraw_on_resize(holder, draw);
    let svg_kind = kind.clone();
    let svg_file = format!("{file}.svg");
    let download_svg = move |_| {
        if let Ok(svg) = svg_kind.svg(800, &Theme::new(14.0, false)) {
            download(&svg_file, "image/svg+xml", &svg);
        }
    };
    let png_file = format!("{file}.png");
    // What the reader sees: the canvas at its width, density, font size and contrast.
    let download_png = move |_| {
        if let Some(url) = canvas
            .get_untracked()
            .and_then(|c| c.to_data_url_with_type("image/png").ok())
        {
            download_url(&png_file, &url);
        }
    };
    // Long summaries are for screen readers; the data table shows the same to everyone.
    let summary_class = if summary.chars().count() > 160 {
        "chart-summary sr-only"
    } else {
        "chart-summary"
    };
    // Rendered natively (the prerender), the picture is SVG; in the browser, the canvas.
    let svg = cfg!(feature = "ssr").then(|| prerendered_svg(&kind));
    let picture = match svg {
        Some(svg) => view! { <div class="chart-canvas" aria-hidden="true" inner_html=svg></div> }.into_any(),
        None => view! {
            <div class="chart-canvas" aria-hidden="true" node_ref=holder><canvas node_ref=canvas></canvas></div>
        }
        .into_any(),
    };
    view! {
        <figure class="chart">
            <figcaption>{title.clone()}</figcaption>
            {picture}
            <p class=summary_class>{summary}</p>
            {data_table(&title, header, rows)}
            <div class="chart-actions">
                <button type="button" class="button secondary" on:click=download_svg>"下载图表（SVG）"</button>
                <button type="button" class="button secondary" on:click=download_png>"下载图片（PNG）"</button>
            </div>
        </figure>
    }
}
