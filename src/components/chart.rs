//! The chart component: sizes a canvas by `devicePixelRatio`, draws one of the `charts`
//! functions on it, redraws on resize, rotation and reader-setting changes, and offers the
//! same numbers as a text summary, a data table, and SVG/PNG downloads.

use crate::dom::{download, download_url};
use crate::settings::Settings;
use charts::{ComparedRow, Theme};
use leptos::html::Canvas;
use leptos::prelude::*;
use model::chart::{Bar, TargetChart};
use model::view::ChartText;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartKind {
    Target(TargetChart),
    Changes(Vec<Bar>),
    Years(Vec<(u16, usize)>),
    Comparison {
        rows: Vec<ComparedRow>,
        unit: String,
    },
}

impl ChartKind {
    fn height(&self, theme: &Theme) -> f64 {
        match self {
            ChartKind::Target(_) => charts::target_chart_height(theme),
            ChartKind::Changes(bars) => {
                let mut groups = bars.iter().map(|b| b.group.as_str()).collect::<Vec<_>>();
                model::sort::sort_dedup(&mut groups);
                let groups = groups.len();
                charts::bar_list_height(bars.len(), groups, theme)
            }
            ChartKind::Years(_) => charts::year_chart_height(theme),
            ChartKind::Comparison { rows, .. } => charts::comparison_height(rows.len(), theme),
        }
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, plotters::coord::Shift>,
        theme: &Theme,
    ) -> Result<(), String> {
        match self {
            ChartKind::Target(c) => charts::draw_target(root, c, theme),
            ChartKind::Changes(b) => charts::draw_bar_list(root, b, theme),
            ChartKind::Years(y) => charts::draw_years(root, y, theme),
            ChartKind::Comparison { rows, unit } => {
                charts::draw_comparison(root, rows, unit, theme)
            }
        }
        .map_err(|e| e.to_string())
    }
}

/// The chart font follows the page: 0.875 of the root font size (large-font mode included).
fn font_px() -> f64 {
    let size = web_sys::window()
        .and_then(|w| {
            let root = w.document()?.document_element()?;
            w.get_computed_style(&root).ok().flatten()
        })
        .and_then(|s| s.get_property_value("font-size").ok())
        // A computed size is always a plain number of px, which the browser's own
        // parseFloat reads exactly as Rust would; the app then needs no float parser.
        .map(|v| js_sys::parse_float(v.trim_end_matches("px")))
        .filter(|px| !px.is_nan())
        .unwrap_or(16.0);
    size * 0.875
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Sizes the canvas backing store to its CSS width × devicePixelRatio and draws.
fn redraw(canvas: &web_sys::HtmlCanvasElement, kind: &ChartKind, high_contrast: bool) {
    let Some(parent) = canvas.parent_element() else {
        return;
    };
    let css_w = f64::from(parent.client_width()).max(200.0);
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let theme = Theme::new(font_px(), dpr, high_contrast);
    let css_h = kind.height(&theme);
    let started = now();
    // Setting the size clears the canvas, so every resize is a full redraw.
    canvas.set_width((css_w * dpr).round() as u32);
    canvas.set_height((css_h * dpr).round() as u32);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let root = backend.into_drawing_area();
    if let Err(e) = kind.draw(&root, &theme) {
        web_sys::console::warn_1(&format!("chart: {e}").into());
        return;
    }
    let _ = canvas.set_attribute("data-draw-ms", &format!("{:.2}", now() - started));
    let _ = canvas.set_attribute("data-css-width", &format!("{css_w}"));
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
    let canvas: NodeRef<Canvas> = NodeRef::new();
    let kind_for_draw = kind.clone();
    let draw = move || {
        if let Some(c) = canvas.get_untracked() {
            redraw(&c, &kind_for_draw, settings.high_contrast.get_untracked());
        }
    };
    // Draw when mounted and whenever the reader settings change.
    let draw_on_settings = draw.clone();
    Effect::new(move |_| {
        settings.large_font.track();
        settings.high_contrast.track();
        let draw = draw_on_settings.clone();
        request_animation_frame(draw);
    });
    // Redraw when the available width changes (window resize, rotation, font size).
    let draw_on_resize = draw.clone();
    Effect::new(move |_| {
        let Some(c) = canvas.get() else { return };
        let Some(parent) = c.parent_element() else {
            return;
        };
        let last_width = std::cell::Cell::new(parent.client_width());
        let draw = draw_on_resize.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let width = c
                .parent_element()
                .map(|p| p.client_width())
                .unwrap_or_default();
            if width != last_width.get() {
                last_width.set(width);
                draw();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&parent);
            // The callback lives as long as the observer: both go when the chart does.
            let held = send_wrapper::SendWrapper::new((observer, callback));
            on_cleanup(move || {
                let (observer, callback) = held.take();
                observer.disconnect();
                drop(callback);
            });
        }
    });
    let svg_kind = kind.clone();
    let svg_file = format!("{file}.svg");
    let download_svg = move |_| {
        let theme = Theme::new(14.0, 1.0, false);
        let width = 800u32;
        let height = svg_kind.height(&theme) as u32;
        if let Ok(svg) = charts::to_svg(width, height, |root| {
            svg_kind
                .draw(root, &theme)
                .map_err(|_| plotters::drawing::DrawingAreaErrorKind::LayoutError)
        }) {
            download(&svg_file, "image/svg+xml", &svg);
        }
    };
    let png_file = format!("{file}.png");
    let download_png = move |_| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        let Ok(data_url) = c.to_data_url_with_type("image/png") else {
            return;
        };
        download_url(&png_file, &data_url);
    };
    // Long summaries are for screen readers; the data table shows the same to everyone.
    let summary_class = if summary.chars().count() > 160 {
        "chart-summary sr-only"
    } else {
        "chart-summary"
    };
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
        <figure class="chart">
            <figcaption>{title.clone()}</figcaption>
            <div class="chart-canvas">
                <canvas node_ref=canvas aria-hidden="true"></canvas>
            </div>
            <p class=summary_class>{summary}</p>
            <details class="chart-data">
                <summary>"查看数据表"</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{title}数据表")>
                    <table>
                        <caption>{title.clone()}</caption>
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </details>
            <div class="chart-actions">
                <button type="button" class="button secondary" on:click=download_svg>"下载图表（SVG）"</button>
                <button type="button" class="button secondary" on:click=download_png>"下载图片（PNG）"</button>
            </div>
        </figure>
    }
}
