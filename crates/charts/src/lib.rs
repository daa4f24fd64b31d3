//! The target charts, one drawing function per kind, on any plotters `DrawingBackend`
//! ([`ChartKind::draw`]): the app draws them on a `<canvas>` with plotters-canvas, the
//! prerender, the SVG download and the snapshot tests with plotters' SVG backend
//! ([`ChartKind::svg`]). The kinds draw through `pen::Surface`, so each is compiled once.
//!
//! Only filled rectangles, lines and anchored text are drawn (`pen`), and text is placed by
//! its anchor, never measured, so no font files are needed and nothing sets a style
//! attribute (CSP). The layout is in whole CSS pixels from `model::chart`.

pub mod pen;
mod progress;

pub use model::chart::ComparedRow;
use model::chart::{
    fit_label, format_number, format_with_unit, nice_axis, text_width, Bar, TargetChart,
};
pub use model::progress::ProgressChart;
pub use pen::DrawError;
use pen::{Font, HPos, Pen, Rgb, Surface, VPos, WHITE_BG as WHITE};
use plotters::prelude::{DrawingBackend, RGBColor};
pub use progress::{draw_progress, progress_chart_height};

/// Sizes in CSS pixels.
#[derive(Debug, Clone)]
pub struct Theme {
    pub font_family: &'static str,
    /// Base font size in CSS px (follows the page's large-font mode).
    pub font_px: f64,
    pub high_contrast: bool,
}

pub const FONT_FAMILY: &str = "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

impl Theme {
    pub fn new(font_px: f64, high_contrast: bool) -> Self {
        Theme {
            font_family: FONT_FAMILY,
            font_px,
            high_contrast,
        }
    }
    fn px(&self, css: f64) -> i32 {
        css.round() as i32
    }
    fn text(&self, size_em: f64, colour: Rgb) -> Font {
        Font {
            size_px: self.font_px * size_em,
            colour,
            bold: false,
        }
    }
    fn bold(&self, size_em: f64, colour: Rgb) -> Font {
        Font {
            bold: true,
            ..self.text(size_em, colour)
        }
    }
    /// The normal colour, or its high-contrast counterpart.
    fn pick(&self, normal: (u8, u8, u8), contrast: (u8, u8, u8)) -> Rgb {
        let (r, g, b) = if self.high_contrast { contrast } else { normal };
        RGBColor(r, g, b)
    }
    fn ink(&self) -> Rgb {
        self.pick((31, 35, 40), (0, 0, 0))
    }
    fn muted(&self) -> Rgb {
        self.pick((85, 91, 99), (0, 0, 0))
    }
    fn grid(&self) -> Rgb {
        self.pick((216, 222, 228), (110, 110, 110))
    }
    fn baseline_fill(&self) -> Rgb {
        self.pick((143, 163, 184), (90, 90, 90))
    }
    fn target_fill(&self) -> Rgb {
        self.pick((165, 22, 29), (122, 0, 0))
    }
    fn negative_fill(&self) -> Rgb {
        self.pick((11, 79, 156), (0, 0, 122))
    }
    fn result_fill(&self) -> Rgb {
        self.pick((11, 79, 156), (0, 0, 122))
    }
}

/// CSS height of the target chart.
pub fn target_chart_height(theme: &Theme) -> f64 {
    theme.font_px * 16.0
}

/// Baseline → target bars with years below, printed values above, and the implied growth.
pub fn draw_target(svg: &dyn Surface, chart: &TargetChart, theme: &Theme) -> Result<(), DrawError> {
    svg.fill(WHITE)?;
    let (w, h) = (svg.width(), svg.height());
    let f = theme.font_px;
    let max = chart.bars.iter().map(|b| b.1).fold(f64::MIN, f64::max);
    let min = chart.bars.iter().map(|b| b.1).fold(f64::MAX, f64::min);
    let axis = nice_axis(min, max, 4);
    let tick_labels: Vec<String> = axis.ticks().iter().map(|t| format_number(*t)).collect();
    let left = theme.px(tick_labels
        .iter()
        .map(|t| text_width(t, f * 0.85))
        .fold(0.0, f64::max)
        + f * 0.8);
    let right = w - theme.px(f);
    let top = theme.px(f * 2.6);
    let bottom = h - theme.px(f
        * (if chart.implied_growth.is_some() {
            4.4
        } else {
            2.6
        }));
    let y = |v: f64| bottom - ((bottom - top) as f64 * axis.fraction(v)).round() as i32;
    draw_target_unit(svg, chart, theme)?;
    for (t, label) in axis.ticks().iter().zip(&tick_labels) {
        let ty = y(*t);
        svg.polyline(
            &[(left, ty), (right, ty)],
            theme.grid(),
            theme.px(1.0).max(1),
        )?;
        svg.text(
            label,
            (left - theme.px(f * 0.3), ty),
            HPos::Right,
            VPos::Center,
            theme.text(0.85, theme.muted()),
        )?;
    }
    draw_target_bars(svg, chart, theme, (left, right, bottom), &y)?;
    if let Some(g) = chart.implied_growth {
        let text = format!("按原文数值计算：隐含年均增长约 {}%", format_number(g));
        svg.text(
            &text,
            (theme.px(f * 0.3), h - theme.px(f * 0.5)),
            HPos::Left,
            VPos::Bottom,
            theme.text(0.85, theme.muted()),
        )?;
    }
    Ok(())
}

/// The unit above the target chart's axis, so every number on it is read with it.
fn draw_target_unit(
    svg: &dyn Surface,
    chart: &TargetChart,
    theme: &Theme,
) -> Result<(), DrawError> {
    let f = theme.font_px;
    let unit = if chart.cumulative {
        format!("单位：{}（五年累计）", chart.unit)
    } else if chart.unit.is_empty() {
        String::new()
    } else {
        format!("单位：{}", chart.unit)
    };
    svg.text(
        &unit,
        (theme.px(f * 0.3), theme.px(f * 0.4)),
        HPos::Left,
        VPos::Top,
        theme.text(0.85, theme.muted()),
    )
}

/// The target chart's bars between `left` and `right` on the axis line `bottom` (`y`: a
/// value's height), the last one the target's, each with its printed value above and its
/// year below.
fn draw_target_bars(
    svg: &dyn Surface,
    chart: &TargetChart,
    theme: &Theme,
    (left, right, bottom): (i32, i32, i32),
    y: &dyn Fn(f64) -> i32,
) -> Result<(), DrawError> {
    let f = theme.font_px;
    let n = chart.bars.len().max(1) as i32;
    let slot = (right - left) / n;
    let bar_w = (slot as f64 * 0.5).min(f * 5.0) as i32;
    for (i, (label, value, printed)) in chart.bars.iter().enumerate() {
        let cx = left + slot * i as i32 + slot / 2;
        let fill = if i + 1 == chart.bars.len() {
            theme.target_fill()
        } else {
            theme.baseline_fill()
        };
        let (y0, y1) = (y(0.0), y(*value));
        svg.rect(
            (cx - bar_w / 2, y0.min(y1)),
            (cx + bar_w / 2, y0.max(y1)),
            fill,
        )?;
        let is_target = i + 1 == chart.bars.len();
        let shown = if is_target {
            model::chart::value_label(printed, &chart.comparator)
        } else {
            printed.clone()
        };
        svg.text(
            &shown,
            (cx, y1.min(y0) - theme.px(f * 0.3)),
            HPos::Center,
            VPos::Bottom,
            theme.text(1.0, theme.ink()),
        )?;
        svg.text(
            label,
            (cx, bottom + theme.px(f * 0.4)),
            HPos::Center,
            VPos::Top,
            theme.text(0.9, theme.ink()),
        )?;
    }
    Ok(())
}

/// CSS height of a horizontal bar list with `rows` bars in `groups` groups.
pub fn bar_list_height(rows: usize, groups: usize, theme: &Theme) -> f64 {
    theme.font_px * (2.8 + 2.0 * rows as f64 + 1.6 * groups as f64)
}

/// Horizontal bars around a zero line, labels on the left, grouped under group headings.
pub fn draw_bar_list(svg: &dyn Surface, bars: &[Bar], theme: &Theme) -> Result<(), DrawError> {
    svg.fill(WHITE)?;
    let w = svg.width();
    let f = theme.font_px;
    let css_w = f64::from(w);
    let label_w = (css_w * 0.42).min(f * 16.0);
    let left = theme.px(label_w + f * 0.6);
    let right = w - theme.px(f * 0.6);
    let min = bars.iter().map(|b| b.value).fold(0.0, f64::min);
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let axis = nice_axis(min, max, if css_w < 500.0 { 3 } else { 6 });
    // Room for the value label beside the longest bar.
    let value_room = theme.px(f * 4.5);
    let x =
        |v: f64| left + (((right - value_room - left) as f64) * axis.fraction(v)).round() as i32;
    let top = theme.px(f * 2.2);
    let row_h = theme.px(f * 2.0);
    let group_h = theme.px(f * 1.6);
    // Axis ticks along the top.
    for t in axis.ticks() {
        svg.text(
            &format!("{}%", format_number(t)),
            (x(t), theme.px(f * 0.4)),
            HPos::Center,
            VPos::Top,
            theme.text(0.8, theme.muted()),
        )?;
    }
    let mut cy = top;
    let mut current_group: Option<&str> = None;
    let zero = x(0.0);
    let start = cy;
    let row = BarRow {
        label_w,
        left,
        zero,
        row_h,
    };
    for bar in bars {
        if current_group != Some(bar.group.as_str()) {
            current_group = Some(bar.group.as_str());
            let heading = if bar.group.is_empty() {
                "其他"
            } else {
                bar.group.as_str()
            };
            svg.text(
                heading,
                (theme.px(f * 0.3), cy + group_h / 2),
                HPos::Left,
                VPos::Center,
                theme.bold(0.9, theme.ink()),
            )?;
            cy += group_h;
        }
        draw_bar_row(svg, bar, theme, &row, cy, x(bar.value))?;
        cy += row_h;
    }
    svg.polyline(
        &[(zero, start), (zero, cy)],
        theme.ink(),
        theme.px(1.0).max(1),
    )?;
    Ok(())
}

/// The layout every row of a bar list shares: the labels' width, the bars' left edge, the
/// zero line and the row height.
struct BarRow {
    label_w: f64,
    left: i32,
    zero: i32,
    row_h: i32,
}

/// One row of a bar list at `cy`: its label, its bar from the zero line to `xv`, and its
/// value beside the bar's end (inside, right of the zero line, when a negative bar's value
/// would run into the labels).
fn draw_bar_row(
    svg: &dyn Surface,
    bar: &Bar,
    theme: &Theme,
    row: &BarRow,
    cy: i32,
    xv: i32,
) -> Result<(), DrawError> {
    let f = theme.font_px;
    let (left, zero, row_h) = (row.left, row.zero, row.row_h);
    let mid = cy + row_h / 2;
    let label = fit_label(&bar.label, row.label_w - f * 0.6, f * 0.85);
    svg.text(
        &label,
        (theme.px(f * 0.9), mid),
        HPos::Left,
        VPos::Center,
        theme.text(0.85, theme.ink()),
    )?;
    let fill = if bar.value < 0.0 {
        theme.negative_fill()
    } else {
        theme.target_fill()
    };
    let half = (row_h as f64 * 0.3) as i32;
    svg.rect(
        (zero.min(xv), mid - half),
        (zero.max(xv).max(zero.min(xv) + 1), mid + half),
        fill,
    )?;
    let (tx, anchor) = if bar.value < 0.0 {
        (xv - theme.px(f * 0.3), HPos::Right)
    } else {
        (xv + theme.px(f * 0.3), HPos::Left)
    };
    let (tx, anchor) = if bar.value < 0.0 && tx < left {
        (zero + theme.px(f * 0.3), HPos::Left)
    } else {
        (tx, anchor)
    };
    svg.text(
        &bar.text,
        (tx, mid),
        anchor,
        VPos::Center,
        theme.text(0.85, theme.ink()),
    )
}

/// CSS height of the year chart.
pub fn year_chart_height(theme: &Theme) -> f64 {
    theme.font_px * 13.0
}

/// How many targets fall due in each year: vertical bars with counts above.
pub fn draw_years(
    svg: &dyn Surface,
    counts: &[(u16, usize)],
    theme: &Theme,
) -> Result<(), DrawError> {
    svg.fill(WHITE)?;
    let (w, h) = (svg.width(), svg.height());
    let f = theme.font_px;
    let max = counts.iter().map(|c| c.1).max().unwrap_or(1) as f64;
    let axis = nice_axis(0.0, max, 4);
    let left = theme.px(f * 2.6);
    let right = w - theme.px(f * 0.6);
    let top = theme.px(f * 1.8);
    let bottom = h - theme.px(f * 2.0);
    let y = |v: f64| bottom - ((bottom - top) as f64 * axis.fraction(v)).round() as i32;
    svg.text(
        "单位：项",
        (theme.px(f * 0.3), theme.px(f * 0.3)),
        HPos::Left,
        VPos::Top,
        theme.text(0.85, theme.muted()),
    )?;
    for t in axis.ticks() {
        svg.polyline(
            &[(left, y(t)), (right, y(t))],
            theme.grid(),
            theme.px(1.0).max(1),
        )?;
        svg.text(
            &format_number(t),
            (left - theme.px(f * 0.3), y(t)),
            HPos::Right,
            VPos::Center,
            theme.text(0.85, theme.muted()),
        )?;
    }
    let n = counts.len().max(1) as i32;
    let slot = (right - left) / n;
    let bar_w = (slot as f64 * 0.6).min(f * 4.0) as i32;
    for (i, (year, count)) in counts.iter().enumerate() {
        let cx = left + slot * i as i32 + slot / 2;
        svg.rect(
            (cx - bar_w / 2, y(*count as f64)),
            (cx + bar_w / 2, y(0.0)),
            theme.target_fill(),
        )?;
        svg.text(
            &count.to_string(),
            (cx, y(*count as f64) - theme.px(f * 0.2)),
            HPos::Center,
            VPos::Bottom,
            theme.text(0.9, theme.ink()),
        )?;
        let label = if (slot as f64) < f * 2.8 {
            format!("{}", year % 100)
        } else {
            format!("{year}年")
        };
        svg.text(
            &label,
            (cx, bottom + theme.px(f * 0.3)),
            HPos::Center,
            VPos::Top,
            theme.text(0.85, theme.ink()),
        )?;
    }
    Ok(())
}

pub fn comparison_height(rows: usize, theme: &Theme) -> f64 {
    theme.font_px * (2.6 + 4.5 * rows as f64)
}

/// Baseline and target of the same indicator in several documents, one pair of bars each.
pub fn draw_comparison(
    svg: &dyn Surface,
    rows: &[ComparedRow],
    unit: &str,
    theme: &Theme,
) -> Result<(), DrawError> {
    svg.fill(WHITE)?;
    let w = svg.width();
    let f = theme.font_px;
    let max = rows
        .iter()
        .flat_map(|r| r.baseline.iter().map(|b| b.1).chain([r.target.1]))
        .fold(0.0, f64::max);
    let axis = nice_axis(0.0, max, 4);
    let left = theme.px(f * 0.3);
    let right = w - theme.px(f * 6.0);
    let x = |v: f64| left + (((right - left) as f64) * axis.fraction(v)).round() as i32;
    svg.text(
        &format!("单位：{unit}（灰：基期，红：目标）"),
        (left, theme.px(f * 0.3)),
        HPos::Left,
        VPos::Top,
        theme.text(0.85, theme.muted()),
    )?;
    let mut cy = theme.px(f * 2.0);
    let bar_h = theme.px(f * 0.9);
    let css_w = f64::from(w);
    for r in rows {
        svg.text(
            &fit_label(&r.document, css_w - f, f * 0.9),
            (left, cy),
            HPos::Left,
            VPos::Top,
            theme.text(0.9, theme.ink()),
        )?;
        cy += theme.px(f * 1.4);
        // One bar with its label and value after it.
        let bar = |(label, v): &(String, f64), cy: i32, fill| -> Result<(), DrawError> {
            svg.rect((x(0.0), cy), (x(*v).max(x(0.0) + 1), cy + bar_h), fill)?;
            svg.text(
                &format!("{label} {}", format_with_unit(*v, unit)),
                (x(*v) + theme.px(f * 0.3), cy + bar_h / 2),
                HPos::Left,
                VPos::Center,
                theme.text(0.8, theme.ink()),
            )?;
            Ok(())
        };
        if let Some(baseline) = &r.baseline {
            bar(baseline, cy, theme.baseline_fill())?;
        }
        cy += bar_h + theme.px(f * 0.2);
        bar(&r.target, cy, theme.target_fill())?;
        cy += bar_h + theme.px(f * 1.1);
    }
    Ok(())
}

/// What to draw: one of the chart kinds with its data.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartKind {
    Target(TargetChart),
    Changes(Vec<Bar>),
    Years(Vec<(u16, usize)>),
    Comparison {
        rows: Vec<ComparedRow>,
        unit: String,
    },
    Progress(ProgressChart),
}

impl ChartKind {
    /// The chart's height in CSS px for the theme (its width is the container's).
    pub fn height(&self, theme: &Theme) -> u32 {
        let css = match self {
            ChartKind::Target(_) => target_chart_height(theme),
            ChartKind::Changes(bars) => {
                let mut groups: Vec<&str> = bars.iter().map(|b| b.group.as_str()).collect();
                groups.sort();
                groups.dedup();
                bar_list_height(bars.len(), groups.len(), theme)
            }
            ChartKind::Years(_) => year_chart_height(theme),
            ChartKind::Comparison { rows, .. } => comparison_height(rows.len(), theme),
            ChartKind::Progress(_) => progress_chart_height(theme),
        };
        css.round() as u32
    }

    /// Draws the chart on `area` (a canvas), which is `ratio` device pixels to a CSS pixel.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &plotters::drawing::DrawingArea<DB, plotters::coord::Shift>,
        ratio: f64,
        theme: &Theme,
    ) -> Result<(), DrawError> {
        self.draw_scaled(area, ratio, 1.0, theme)
    }

    fn draw_scaled<DB: DrawingBackend>(
        &self,
        area: &plotters::drawing::DrawingArea<DB, plotters::coord::Shift>,
        ratio: f64,
        font_scale: f64,
        theme: &Theme,
    ) -> Result<(), DrawError> {
        let pen: &dyn Surface = &Pen::new(area, ratio, theme.font_family, font_scale);
        match self {
            ChartKind::Target(c) => draw_target(pen, c, theme),
            ChartKind::Changes(b) => draw_bar_list(pen, b, theme),
            ChartKind::Years(y) => draw_years(pen, y, theme),
            ChartKind::Comparison { rows, unit } => draw_comparison(pen, rows, unit, theme),
            ChartKind::Progress(c) => draw_progress(pen, c, theme),
        }?;
        area.present()?;
        Ok(())
    }

    /// The chart as SVG text, `width` CSS px wide and as tall as the theme asks, drawn by
    /// plotters' SVG backend: for the prerendered page, the download and the tests.
    pub fn svg(&self, width: u32, theme: &Theme) -> Result<String, DrawError> {
        use plotters::prelude::{IntoDrawingArea, SVGBackend};
        let mut out = String::new();
        {
            let area =
                SVGBackend::with_string(&mut out, (width, self.height(theme))).into_drawing_area();
            self.draw_scaled(&area, 1.0, pen::SVG_FONT_SCALE, theme)?;
        }
        Ok(out)
    }
}
