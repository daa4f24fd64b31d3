//! Drawing the target charts with plotters, generic over its `DrawingBackend`: the app
//! draws on a canvas, the "下载图表" button and the snapshot tests draw the same code as SVG.
//!
//! Only primitive elements are used and text is placed with anchors, never measured, so
//! no font files are needed and the browser never has to set a style attribute (CSP).
//! Layout numbers come from `model::chart`.

pub mod svg;

pub use model::chart::ComparedRow;
use model::chart::{
    fit_label, format_number, format_with_unit, nice_axis, text_width, Bar, TargetChart,
};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Sizes in CSS pixels, multiplied by `scale` (the device pixel ratio) when drawn.
#[derive(Debug, Clone)]
pub struct Theme {
    pub font_family: &'static str,
    /// Base font size in CSS px (follows the page's large-font mode).
    pub font_px: f64,
    /// Device pixel ratio.
    pub scale: f64,
    pub high_contrast: bool,
}

pub const FONT_FAMILY: &str = "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

impl Theme {
    pub fn new(font_px: f64, scale: f64, high_contrast: bool) -> Self {
        Theme {
            font_family: FONT_FAMILY,
            font_px,
            scale,
            high_contrast,
        }
    }
    fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }
    fn text(&self, size_em: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
        self.styled(size_em, color, h, v, FontStyle::Normal)
    }
    fn bold(&self, size_em: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
        self.styled(size_em, color, h, v, FontStyle::Bold)
    }
    fn styled(
        &self,
        size_em: f64,
        color: RGBColor,
        h: HPos,
        v: VPos,
        style: FontStyle,
    ) -> TextStyle<'static> {
        TextStyle {
            font: (
                family(self.font_family),
                self.font_px * size_em * self.scale,
                style,
            )
                .into(),
            color: color.to_backend_color(),
            pos: Pos::new(h, v),
        }
    }
    /// The normal colour, or its high-contrast counterpart.
    fn pick(&self, normal: (u8, u8, u8), contrast: (u8, u8, u8)) -> RGBColor {
        let (r, g, b) = if self.high_contrast { contrast } else { normal };
        RGBColor(r, g, b)
    }
    fn ink(&self) -> RGBColor {
        self.pick((31, 35, 40), (0, 0, 0))
    }
    fn muted(&self) -> RGBColor {
        self.pick((85, 91, 99), (0, 0, 0))
    }
    fn grid(&self) -> RGBColor {
        self.pick((216, 222, 228), (110, 110, 110))
    }
    fn baseline_fill(&self) -> RGBColor {
        self.pick((143, 163, 184), (90, 90, 90))
    }
    fn target_fill(&self) -> RGBColor {
        self.pick((165, 22, 29), (122, 0, 0))
    }
    fn negative_fill(&self) -> RGBColor {
        self.pick((11, 79, 156), (0, 0, 122))
    }
}

pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// CSS height of the target chart.
pub fn target_chart_height(theme: &Theme) -> f64 {
    theme.font_px * 16.0
}

/// Baseline → target bars with years below, printed values above, and the implied growth.
pub fn draw_target<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TargetChart,
    theme: &Theme,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
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
    // Unit above the axis, so every number on it is read with it.
    let unit = if chart.cumulative {
        format!("单位：{}（五年累计）", chart.unit)
    } else if chart.unit.is_empty() {
        String::new()
    } else {
        format!("单位：{}", chart.unit)
    };
    root.draw(&Text::new(
        unit,
        (theme.px(f * 0.3), theme.px(f * 0.4)),
        theme.text(0.85, theme.muted(), HPos::Left, VPos::Top),
    ))?;
    for (t, label) in axis.ticks().iter().zip(&tick_labels) {
        let ty = y(*t);
        root.draw(&PathElement::new(
            vec![(left, ty), (right, ty)],
            theme.grid().stroke_width(theme.px(1.0).max(1) as u32),
        ))?;
        root.draw(&Text::new(
            label.clone(),
            (left - theme.px(f * 0.3), ty),
            theme.text(0.85, theme.muted(), HPos::Right, VPos::Center),
        ))?;
    }
    let n = chart.bars.len().max(1) as i32;
    let slot = (right - left) / n;
    let bar_w = (slot as f64 * 0.5).min(f * 5.0 * theme.scale) as i32;
    for (i, (label, value, printed)) in chart.bars.iter().enumerate() {
        let cx = left + slot * i as i32 + slot / 2;
        let fill = if i + 1 == chart.bars.len() {
            theme.target_fill()
        } else {
            theme.baseline_fill()
        };
        let (y0, y1) = (y(0.0), y(*value));
        root.draw(&Rectangle::new(
            [(cx - bar_w / 2, y0.min(y1)), (cx + bar_w / 2, y0.max(y1))],
            fill.filled(),
        ))?;
        let is_target = i + 1 == chart.bars.len();
        let shown = if is_target
            && !chart.comparator.is_empty()
            && chart.comparator != "达到"
            && !printed.contains(['>', '<', '≥', '≤', '＞', '＜'])
        {
            format!("{}{}", printed, chart.comparator)
        } else {
            printed.clone()
        };
        root.draw(&Text::new(
            shown,
            (cx, y1.min(y0) - theme.px(f * 0.3)),
            theme.text(1.0, theme.ink(), HPos::Center, VPos::Bottom),
        ))?;
        root.draw(&Text::new(
            label.clone(),
            (cx, bottom + theme.px(f * 0.4)),
            theme.text(0.9, theme.ink(), HPos::Center, VPos::Top),
        ))?;
    }
    if let Some(g) = chart.implied_growth {
        let text = format!("按原文数值计算：隐含年均增长约 {}%", format_number(g));
        root.draw(&Text::new(
            text,
            (theme.px(f * 0.3), h - theme.px(f * 0.5)),
            theme.text(0.85, theme.muted(), HPos::Left, VPos::Bottom),
        ))?;
    }
    root.present()
}

/// CSS height of a horizontal bar list with `rows` bars in `groups` groups.
pub fn bar_list_height(rows: usize, groups: usize, theme: &Theme) -> f64 {
    theme.font_px * (2.8 + 2.0 * rows as f64 + 1.6 * groups as f64)
}

/// Horizontal bars around a zero line, labels on the left, grouped under group headings.
pub fn draw_bar_list<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bars: &[Bar],
    theme: &Theme,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let (w, _) = root.dim_in_pixel();
    let w = w as i32;
    let f = theme.font_px;
    let css_w = f64::from(w) / theme.scale;
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
        root.draw(&Text::new(
            format!("{}%", format_number(t)),
            (x(t), theme.px(f * 0.4)),
            theme.text(0.8, theme.muted(), HPos::Center, VPos::Top),
        ))?;
    }
    let mut cy = top;
    let mut current_group: Option<&str> = None;
    let zero = x(0.0);
    let start = cy;
    for bar in bars {
        if current_group != Some(bar.group.as_str()) {
            current_group = Some(bar.group.as_str());
            let heading = if bar.group.is_empty() {
                "其他".to_string()
            } else {
                bar.group.clone()
            };
            root.draw(&Text::new(
                heading,
                (theme.px(f * 0.3), cy + group_h / 2),
                theme.bold(0.9, theme.ink(), HPos::Left, VPos::Center),
            ))?;
            cy += group_h;
        }
        let mid = cy + row_h / 2;
        let label = fit_label(&bar.label, label_w - f * 0.6, f * 0.85);
        root.draw(&Text::new(
            label,
            (theme.px(f * 0.9), mid),
            theme.text(0.85, theme.ink(), HPos::Left, VPos::Center),
        ))?;
        let xv = x(bar.value);
        let fill = if bar.value < 0.0 {
            theme.negative_fill()
        } else {
            theme.target_fill()
        };
        let half = (row_h as f64 * 0.3) as i32;
        root.draw(&Rectangle::new(
            [
                (zero.min(xv), mid - half),
                (zero.max(xv).max(zero.min(xv) + 1), mid + half),
            ],
            fill.filled(),
        ))?;
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
        root.draw(&Text::new(
            bar.text.clone(),
            (tx, mid),
            theme.text(0.85, theme.ink(), anchor, VPos::Center),
        ))?;
        cy += row_h;
    }
    root.draw(&PathElement::new(
        vec![(zero, start), (zero, cy)],
        theme.ink().stroke_width(theme.px(1.0).max(1) as u32),
    ))?;
    root.present()
}

/// CSS height of the year chart.
pub fn year_chart_height(theme: &Theme) -> f64 {
    theme.font_px * 13.0
}

/// How many targets fall due in each year: vertical bars with counts above.
pub fn draw_years<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    counts: &[(u16, usize)],
    theme: &Theme,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let f = theme.font_px;
    let max = counts.iter().map(|c| c.1).max().unwrap_or(1) as f64;
    let axis = nice_axis(0.0, max, 4);
    let left = theme.px(f * 2.6);
    let right = w - theme.px(f * 0.6);
    let top = theme.px(f * 1.8);
    let bottom = h - theme.px(f * 2.0);
    let y = |v: f64| bottom - ((bottom - top) as f64 * axis.fraction(v)).round() as i32;
    root.draw(&Text::new(
        "单位：项".to_string(),
        (theme.px(f * 0.3), theme.px(f * 0.3)),
        theme.text(0.85, theme.muted(), HPos::Left, VPos::Top),
    ))?;
    for t in axis.ticks() {
        root.draw(&PathElement::new(
            vec![(left, y(t)), (right, y(t))],
            theme.grid().stroke_width(theme.px(1.0).max(1) as u32),
        ))?;
        root.draw(&Text::new(
            format_number(t),
            (left - theme.px(f * 0.3), y(t)),
            theme.text(0.85, theme.muted(), HPos::Right, VPos::Center),
        ))?;
    }
    let n = counts.len().max(1) as i32;
    let slot = (right - left) / n;
    let bar_w = (slot as f64 * 0.6).min(f * 4.0 * theme.scale) as i32;
    for (i, (year, count)) in counts.iter().enumerate() {
        let cx = left + slot * i as i32 + slot / 2;
        root.draw(&Rectangle::new(
            [(cx - bar_w / 2, y(*count as f64)), (cx + bar_w / 2, y(0.0))],
            theme.target_fill().filled(),
        ))?;
        root.draw(&Text::new(
            count.to_string(),
            (cx, y(*count as f64) - theme.px(f * 0.2)),
            theme.text(0.9, theme.ink(), HPos::Center, VPos::Bottom),
        ))?;
        let label = if slot as f64 / theme.scale < f * 2.8 {
            format!("{}", year % 100)
        } else {
            format!("{year}年")
        };
        root.draw(&Text::new(
            label,
            (cx, bottom + theme.px(f * 0.3)),
            theme.text(0.85, theme.ink(), HPos::Center, VPos::Top),
        ))?;
    }
    root.present()
}

pub fn comparison_height(rows: usize, theme: &Theme) -> f64 {
    theme.font_px * (2.6 + 4.5 * rows as f64)
}

/// Baseline and target of the same indicator in several documents, one pair of bars each.
pub fn draw_comparison<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[ComparedRow],
    unit: &str,
    theme: &Theme,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let (w, _) = root.dim_in_pixel();
    let w = w as i32;
    let f = theme.font_px;
    let max = rows
        .iter()
        .flat_map(|r| r.baseline.iter().map(|b| b.1).chain([r.target.1]))
        .fold(0.0, f64::max);
    let axis = nice_axis(0.0, max, 4);
    let left = theme.px(f * 0.3);
    let right = w - theme.px(f * 6.0);
    let x = |v: f64| left + (((right - left) as f64) * axis.fraction(v)).round() as i32;
    root.draw(&Text::new(
        format!("单位：{unit}（灰：基期，红：目标）"),
        (left, theme.px(f * 0.3)),
        theme.text(0.85, theme.muted(), HPos::Left, VPos::Top),
    ))?;
    let mut cy = theme.px(f * 2.0);
    let bar_h = theme.px(f * 0.9);
    let css_w = f64::from(w) / theme.scale;
    for r in rows {
        root.draw(&Text::new(
            fit_label(&r.document, css_w - f, f * 0.9),
            (left, cy),
            theme.text(0.9, theme.ink(), HPos::Left, VPos::Top),
        ))?;
        cy += theme.px(f * 1.4);
        if let Some((label, v)) = &r.baseline {
            root.draw(&Rectangle::new(
                [(x(0.0), cy), (x(*v).max(x(0.0) + 1), cy + bar_h)],
                theme.baseline_fill().filled(),
            ))?;
            root.draw(&Text::new(
                format!("{label} {}", format_with_unit(*v, unit)),
                (x(*v) + theme.px(f * 0.3), cy + bar_h / 2),
                theme.text(0.8, theme.ink(), HPos::Left, VPos::Center),
            ))?;
        }
        cy += bar_h + theme.px(f * 0.2);
        let (label, v) = &r.target;
        root.draw(&Rectangle::new(
            [(x(0.0), cy), (x(*v).max(x(0.0) + 1), cy + bar_h)],
            theme.target_fill().filled(),
        ))?;
        root.draw(&Text::new(
            format!("{label} {}", format_with_unit(*v, unit)),
            (x(*v) + theme.px(f * 0.3), cy + bar_h / 2),
            theme.text(0.8, theme.ink(), HPos::Left, VPos::Center),
        ))?;
        cy += bar_h + theme.px(f * 1.1);
    }
    root.present()
}

/// Renders any of the charts to an SVG string (downloads, snapshots).
pub fn to_svg(
    width: u32,
    height: u32,
    draw: impl for<'b> FnOnce(&DrawingArea<SVGBackend<'b>, Shift>) -> DrawResult<SVGBackend<'b>>,
) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The font family of a name, as plotters' `FontFamily::from(&str)` reads it (a generic
/// family when the name is one, in any case), without its Unicode lowercasing: none of the
/// generic names holds a letter that a non-ASCII character lowercases to, so ASCII case
/// folding decides the same, and the app carries no Unicode case tables for it.
fn family(name: &str) -> FontFamily<'_> {
    if name.eq_ignore_ascii_case("serif") {
        FontFamily::Serif
    } else if name.eq_ignore_ascii_case("sans-serif") {
        FontFamily::SansSerif
    } else if name.eq_ignore_ascii_case("monospace") {
        FontFamily::Monospace
    } else {
        FontFamily::Name(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_reads_names_as_plotters_does() {
        for name in [
            FONT_FAMILY,
            "serif",
            "SERIF",
            "Sans-Serif",
            "monospace",
            "MonoSpace",
            "sans serif",
            "ſerif",
            "İ",
            "Arial",
            "",
        ] {
            assert_eq!(
                family(name).as_str(),
                FontFamily::from(name).as_str(),
                "{name}"
            );
        }
    }
}
