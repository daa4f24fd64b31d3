//! A small SVG writer for the charts: filled rectangles, polylines and anchored text, in
//! whole CSS pixels. Presentation attributes only (no `style` attribute: the site's CSP
//! has `style-src 'self'`), and no float formatting: coordinates are integers and the one
//! fractional number, a font size, is printed from an integer number of hundredths.

pub use model::view::escape_into;
use std::fmt::Write as _;

/// Horizontal anchor of a text: where `x` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HPos {
    Left,
    Center,
    Right,
}

/// Vertical anchor of a text: where `y` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VPos {
    Top,
    Center,
    Bottom,
}

/// An RGB colour, written as `#RRGGBB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const WHITE: Rgb = Rgb(255, 255, 255);

/// A text's look: size in CSS px, colour, weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size_px: f64,
    pub colour: Rgb,
    pub bold: bool,
}

/// An SVG picture of `width` × `height` CSS px being written.
#[derive(Debug)]
pub struct Svg {
    width: i32,
    height: i32,
    out: String,
}

impl Svg {
    /// Opens the picture: `viewBox` in the same units as `width`/`height`, so that it scales
    /// when a page sets another width; the font family and crisp edges are set once here and
    /// inherited by every element.
    pub fn new(width: u32, height: u32, font_family: &str) -> Svg {
        let (width, height) = (
            i32::try_from(width).unwrap_or(i32::MAX),
            i32::try_from(height).unwrap_or(i32::MAX),
        );
        let mut out = String::with_capacity(4096);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\""
        );
        escape_into(&mut out, font_family);
        out.push_str("\" shape-rendering=\"crispEdges\">\n");
        Svg { width, height, out }
    }

    pub fn width(&self) -> i32 {
        self.width
    }

    pub fn height(&self) -> i32 {
        self.height
    }

    /// Fills the whole picture.
    pub fn fill(&mut self, colour: Rgb) {
        let (w, h) = (self.width, self.height);
        self.rect((0, 0), (w, h), colour);
    }

    /// A filled rectangle from its upper-left to its lower-right corner (either order).
    pub fn rect(&mut self, a: (i32, i32), b: (i32, i32), fill: Rgb) {
        let (x, y) = (a.0.min(b.0), a.1.min(b.1));
        let (w, h) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        let _ = writeln!(
            self.out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{fill}\"/>"
        );
    }

    /// An open line through `points`.
    pub fn polyline(&mut self, points: &[(i32, i32)], stroke: Rgb, stroke_width: i32) {
        self.out.push_str("<polyline points=\"");
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            let _ = write!(self.out, "{x},{y}");
        }
        let _ = writeln!(
            self.out,
            "\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/>"
        );
    }

    /// A line of text anchored at `(x, y)`. Empty text writes nothing.
    ///
    /// The vertical anchor is a `dy` from the alphabetic baseline in em, the same in every
    /// SVG viewer (unlike `dominant-baseline`): the top, middle and bottom of the em box
    /// of the CJK fonts the family names (0.88 em above the baseline to 0.12 em below),
    /// where a canvas's `textBaseline` `top`, `middle` and `bottom` put them.
    pub fn text(&mut self, text: &str, (x, y): (i32, i32), h: HPos, v: VPos, font: Font) {
        if text.is_empty() {
            return;
        }
        let anchor = match h {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let dy = match v {
            VPos::Top => "0.88em",
            VPos::Center => "0.38em",
            VPos::Bottom => "-0.12em",
        };
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-size=\""
        );
        write_hundredths(&mut self.out, font.size_px);
        let _ = write!(self.out, "\" fill=\"{}\"", font.colour);
        if font.bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.out.push_str("</text>\n");
    }

    /// Closes the picture and returns its text.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Rgb(r, g, b) = self;
        write!(f, "#{r:02X}{g:02X}{b:02X}")
    }
}

/// Writes `v` rounded to hundredths, without trailing zeros (`11.9`, `12.25`, `14`), from
/// integers: no float formatting code is needed.
pub fn write_hundredths(out: &mut String, v: f64) {
    let n = if v.is_finite() {
        (v * 100.0).round() as i64
    } else {
        0
    };
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    let (whole, frac) = (n / 100, n % 100);
    let _ = write!(out, "{whole}");
    if frac != 0 {
        let _ = write!(out, ".{}", frac / 10);
        if frac % 10 != 0 {
            let _ = write!(out, "{}", frac % 10);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hundredths(v: f64) -> String {
        let mut s = String::new();
        write_hundredths(&mut s, v);
        s
    }

    #[test]
    fn hundredths_are_printed_without_float_formatting() {
        for (v, s) in [
            (14.0, "14"),
            (11.9, "11.9"),
            (12.25, "12.25"),
            (14.875, "14.88"),
            (0.05, "0.05"),
            (0.5, "0.5"),
            (9.999, "10"),
            (0.0, "0"),
            (-0.001, "0"),
            (-1.5, "-1.5"),
            (100.01, "100.01"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(hundredths(v), s, "{v}");
        }
        // Within half a hundredth of the value, at most two decimals, no trailing zero.
        for i in 0..5000 {
            let v = f64::from(i) * 0.013;
            let s = hundredths(v);
            let back: f64 = s.parse().unwrap();
            assert!((back - v).abs() <= 0.005 + 1e-9, "{v}: {s}");
            let decimals = s.split_once('.').map_or("", |(_, d)| d);
            assert!(decimals.len() <= 2 && !decimals.ends_with('0'), "{v}: {s}");
        }
    }

    #[test]
    fn text_is_escaped_and_anchored() {
        let mut svg = Svg::new(100, 50, "A & \"B\"");
        let font = Font {
            size_px: 11.9,
            colour: Rgb(1, 2, 255),
            bold: true,
        };
        svg.text("a<b>&\"c\"", (10, 20), HPos::Right, VPos::Center, font);
        svg.text("", (0, 0), HPos::Left, VPos::Top, font);
        let out = svg.finish();
        assert!(out.contains(
            r##"<text x="10" y="20" dy="0.38em" text-anchor="end" font-size="11.9" fill="#0102FF" font-weight="bold">a&lt;b&gt;&amp;&quot;c&quot;</text>"##
        ));
        assert!(out.contains(r#"font-family="A &amp; &quot;B&quot;""#));
        assert_eq!(out.matches("<text").count(), 1, "empty text is left out");
        assert!(out.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50""#));
        assert!(out.ends_with("</svg>\n"));
    }

    #[test]
    fn shapes() {
        let mut svg = Svg::new(10, 10, "serif");
        svg.fill(WHITE);
        svg.rect((5, 8), (2, 3), Rgb(0, 0, 0));
        svg.polyline(&[(0, 1), (9, 1)], Rgb(16, 32, 48), 1);
        let out = svg.finish();
        assert!(out.contains(r##"<rect x="0" y="0" width="10" height="10" fill="#FFFFFF"/>"##));
        assert!(out.contains(r##"<rect x="2" y="3" width="3" height="5" fill="#000000"/>"##));
        assert!(out.contains(
            r##"<polyline points="0,1 9,1" fill="none" stroke="#102030" stroke-width="1"/>"##
        ));
    }
}
