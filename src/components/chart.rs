//! The chart component: draws one of the `charts` functions as SVG text at its
//! container's CSS width and puts it into the page (vector, so sharp at any
//! devicePixelRatio), redraws on resize, rotation and reader-setting changes, and offers
//! the same numbers as a text summary, a data table, and SVG/PNG downloads.

use crate::dom::{download, download_url};
use crate::settings::Settings;
use charts::{ComparedRow, Theme};
use leptos::html::Div;
use leptos::prelude::*;
use model::chart::{Bar, TargetChart};
use model::view::ChartText;
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
                groups.sort();
                groups.dedup();
                let groups = groups.len();
                charts::bar_list_height(bars.len(), groups, theme)
            }
            ChartKind::Years(_) => charts::year_chart_height(theme),
            ChartKind::Comparison { rows, .. } => charts::comparison_height(rows.len(), theme),
        }
    }

    /// The chart as SVG text, `width` CSS px wide and as tall as the theme asks (the
    /// height is returned with it).
    fn svg(&self, width: u32, theme: &Theme) -> (String, u32) {
        let height = self.height(theme).round() as u32;
        let svg = match self {
            ChartKind::Target(c) => charts::draw_target(width, height, c, theme),
            ChartKind::Changes(b) => charts::draw_bar_list(width, height, b, theme),
            ChartKind::Years(y) => charts::draw_years(width, height, y, theme),
            ChartKind::Comparison { rows, unit } => {
                charts::draw_comparison(width, height, rows, unit, theme)
            }
        };
        (svg, height)
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

/// The chart as the reader sees it: at the holder's CSS width (at least 200 px), in the
/// page's font size and contrast. Returns the SVG text, its width and its height.
fn screen_svg(
    holder: &web_sys::Element,
    kind: &ChartKind,
    high_contrast: bool,
) -> (String, u32, u32) {
    let css_w = u32::try_from(holder.client_width()).unwrap_or(0).max(200);
    let theme = Theme::new(font_px(), high_contrast);
    let (svg, css_h) = kind.svg(css_w, &theme);
    (svg, css_w, css_h)
}

/// Draws the chart into its holder, replacing what was there, and notes the time it took
/// (`data-draw-ms`, from the browser's own number formatting: the app carries no float
/// formatting code) and the width drawn (`data-css-width`, whole CSS px).
fn redraw(holder: &web_sys::Element, kind: &ChartKind, high_contrast: bool) {
    let started = now();
    let (svg, css_w, _) = screen_svg(holder, kind, high_contrast);
    holder.set_inner_html(&svg);
    let ms = js_sys::Number::from(now() - started)
        .to_fixed(2)
        .map(String::from)
        .unwrap_or_default();
    let _ = holder.set_attribute("data-draw-ms", &ms);
    let _ = holder.set_attribute("data-css-width", &css_w.to_string());
}

/// Offers `svg` (`width` × `height` CSS px) as a PNG at twice its size: the browser draws
/// the SVG as an image onto an off-screen canvas (a `data:` URL, allowed by the CSP's
/// `img-src`), which gives the PNG.
async fn download_png(name: String, svg: String, width: u32, height: u32) -> Option<()> {
    const SCALE: u32 = 2;
    let document = web_sys::window()?.document()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    );
    image.set_src(&url);
    wasm_bindgen_futures::JsFuture::from(image.decode())
        .await
        .ok()?;
    let canvas = document
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    canvas.set_width(width * SCALE);
    canvas.set_height(height * SCALE);
    let context = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width * SCALE),
            f64::from(height * SCALE),
        )
        .ok()?;
    let data_url = canvas.to_data_url_with_type("image/png").ok()?;
    download_url(&name, &data_url);
    Some(())
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
    let kind_for_draw = kind.clone();
    let draw = move || {
        if let Some(h) = holder.get_untracked() {
            redraw(&h, &kind_for_draw, settings.high_contrast.get_untracked());
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
        let Some(h) = holder.get() else { return };
        let observed: web_sys::Element = h.clone().into();
        let last_width = std::cell::Cell::new(h.client_width());
        let draw = draw_on_resize.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let width = h.client_width();
            if width != last_width.get() {
                last_width.set(width);
                draw();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&observed);
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
        let theme = Theme::new(14.0, false);
        download(&svg_file, "image/svg+xml", &svg_kind.svg(800, &theme).0);
    };
    let png_kind = kind;
    let png_file = format!("{file}.png");
    let download_png = move |_| {
        let Some(h) = holder.get_untracked() else {
            return;
        };
        // What the reader sees: the chart at its width, font size and contrast.
        let (svg, width, height) =
            screen_svg(&h, &png_kind, settings.high_contrast.get_untracked());
        let name = png_file.clone();
        leptos::task::spawn_local(async move {
            let _ = download_png(name, svg, width, height).await;
        });
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
            <div class="chart-canvas" aria-hidden="true" node_ref=holder></div>
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
