//! The few shapes the charts are made of (filled rectangles, lines, anchored text), drawn
//! with plotters on any `DrawingBackend`. The chart code works in CSS pixels; the pen
//! multiplies by the backend's pixel ratio (`devicePixelRatio` on a canvas, 1 for SVG), so
//! one drawing is crisp on every screen.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::Pos;
pub use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontStyle;

/// A colour, as plotters takes it.
pub type Rgb = RGBColor;

pub const WHITE_BG: Rgb = RGBColor(255, 255, 255);

/// A text's look: size in CSS px, colour, weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size_px: f64,
    pub colour: Rgb,
    pub bold: bool,
}

/// Why a chart could not be drawn (the backend's own error, in words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "图表无法绘制：{}", self.0)
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        DrawError(e.to_string())
    }
}

/// A drawing area measured in CSS pixels.
pub struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    ratio: f64,
    family: &'a str,
    font_scale: f64,
}

/// plotters' SVG backend writes a font size divided by 1.24 (`plotters-svg`, `draw_text`);
/// the SVG pen asks for 1.24 times the size, so its text is as large as the canvas's.
pub const SVG_FONT_SCALE: f64 = 1.24;

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    /// `ratio` device pixels to a CSS pixel (the area is `ratio` × the chart's CSS size);
    /// `font_scale` 1, or [`SVG_FONT_SCALE`] on plotters' SVG backend.
    pub fn new(
        area: &'a DrawingArea<DB, Shift>,
        ratio: f64,
        family: &'a str,
        font_scale: f64,
    ) -> Self {
        Pen {
            area,
            ratio: if ratio > 0.0 { ratio } else { 1.0 },
            family,
            font_scale,
        }
    }

    fn device(&self, css: i32) -> i32 {
        (f64::from(css) * self.ratio).round() as i32
    }

    fn point(&self, (x, y): (i32, i32)) -> (i32, i32) {
        (self.device(x), self.device(y))
    }
}

/// What the charts draw on, measured in CSS pixels. The chart functions take a
/// `&dyn Surface`: their code is compiled once, whatever the backend (the app has two, the
/// canvas and the SVG of the download), and only these few calls per backend.
pub trait Surface {
    /// Width in CSS pixels.
    fn width(&self) -> i32;
    /// Height in CSS pixels.
    fn height(&self) -> i32;
    /// The whole area in one colour.
    fn fill(&self, colour: Rgb) -> Result<(), DrawError>;
    /// A filled rectangle between two corners.
    fn rect(&self, a: (i32, i32), b: (i32, i32), colour: Rgb) -> Result<(), DrawError>;
    /// A line through `points`, `width` CSS px wide.
    fn polyline(&self, points: &[(i32, i32)], colour: Rgb, width: i32) -> Result<(), DrawError>;
    /// `text` with its `h`/`v` side at `at`.
    fn text(
        &self,
        text: &str,
        at: (i32, i32),
        h: HPos,
        v: VPos,
        font: Font,
    ) -> Result<(), DrawError>;
}

impl<DB: DrawingBackend> Surface for Pen<'_, DB> {
    /// Width in CSS pixels.
    fn width(&self) -> i32 {
        (f64::from(self.area.dim_in_pixel().0) / self.ratio).round() as i32
    }

    /// Height in CSS pixels.
    fn height(&self) -> i32 {
        (f64::from(self.area.dim_in_pixel().1) / self.ratio).round() as i32
    }

    fn fill(&self, colour: Rgb) -> Result<(), DrawError> {
        Ok(self.area.fill(&colour)?)
    }

    /// A filled rectangle between two corners.
    fn rect(&self, a: (i32, i32), b: (i32, i32), colour: Rgb) -> Result<(), DrawError> {
        let shape = Rectangle::new([self.point(a), self.point(b)], colour.filled());
        Ok(self.area.draw(&shape)?)
    }

    /// A line through `points`, `width` CSS px wide.
    fn polyline(&self, points: &[(i32, i32)], colour: Rgb, width: i32) -> Result<(), DrawError> {
        let points: Vec<(i32, i32)> = points.iter().map(|p| self.point(*p)).collect();
        let width = self.device(width).max(1) as u32;
        let shape = PathElement::new(points, colour.stroke_width(width));
        Ok(self.area.draw(&shape)?)
    }

    /// `text` with its `h`/`v` side at `at`.
    fn text(
        &self,
        text: &str,
        at: (i32, i32),
        h: HPos,
        v: VPos,
        font: Font,
    ) -> Result<(), DrawError> {
        if text.is_empty() {
            return Ok(());
        }
        let style = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let desc = FontDesc::new(
            FontFamily::Name(self.family),
            font.size_px * self.ratio * self.font_scale,
            style,
        );
        let style = TextStyle::from(desc)
            .color(&font.colour)
            .pos(Pos::new(h, v));
        Ok(self
            .area
            .draw(&Text::new(text.to_string(), self.point(at), style))?)
    }
}
