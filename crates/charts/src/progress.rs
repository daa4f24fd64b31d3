//! The progress chart of a target with reported results: baseline, results and target as
//! bars at their years (years to scale on the x axis), each labelled with its value and
//! unit and named in words below its year, and the straight path from baseline to target
//! as a dashed line (an assumption, said in the legend).

use crate::pen::{HPos, Rgb, Surface, VPos, WHITE_BG as WHITE};
use crate::{DrawError, Theme};
use model::chart::{fit_label, format_number, nice_axis, text_width, Axis};
use model::progress::{point_label, Point, ProgressChart};

/// CSS height of the progress chart.
pub fn progress_chart_height(theme: &Theme) -> f64 {
    theme.font_px * 18.0
}

/// What a bar stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Baseline,
    Result,
    Target,
}

impl Role {
    fn word(self) -> &'static str {
        match self {
            Role::Baseline => "基期",
            Role::Result => "实际",
            Role::Target => "目标",
        }
    }
}

/// One bar: its point, what it is, its centre and label.
struct Item<'a> {
    point: &'a Point,
    role: Role,
    x: i32,
    label: String,
    /// Lifted one line above its neighbours' labels, where they would touch.
    lifted: bool,
}

/// The points in year order (baseline, results, target within a year).
fn points(c: &ProgressChart) -> Vec<(&Point, Role)> {
    let mut all: Vec<(&Point, Role)> = Vec::new();
    all.extend(c.baseline.iter().map(|p| (p, Role::Baseline)));
    all.extend(c.results.iter().map(|p| (p, Role::Result)));
    all.extend(c.target.iter().map(|p| (p, Role::Target)));
    all.sort_by_key(|(p, _)| p.year);
    all
}

/// The chart's frame: plot area in CSS px, the value axis and the year scale.
struct Frame {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    axis: Axis,
    years: (u16, u16),
    bar_w: i32,
}

impl Frame {
    fn y(&self, v: f64) -> i32 {
        self.bottom - ((self.bottom - self.top) as f64 * self.axis.fraction(v)).round() as i32
    }

    /// The centre of a year, with room at both ends for a bar and its label.
    fn x(&self, year: u16, pad: i32) -> i32 {
        let (from, to) = self.years;
        let (x0, x1) = (self.left + pad, self.right - pad);
        if to <= from {
            return (x0 + x1) / 2;
        }
        let share = f64::from(year - from) / f64::from(to - from);
        x0 + (f64::from(x1 - x0) * share).round() as i32
    }
}

/// Lays the bars out: years to scale, bars of one year side by side, labels with the
/// unit where they fit (else the unit is read from the heading), every other label lifted
/// where neighbours would touch.
fn layout<'a>(c: &'a ProgressChart, frame: &mut Frame, f: f64) -> Vec<Item<'a>> {
    let all = points(c);
    let pad = (f * 2.4).round() as i32;
    let xs: Vec<i32> = all.iter().map(|(p, _)| frame.x(p.year, pad)).collect();
    // The narrowest gap between two years decides the bar width.
    let mut gap = frame.right - frame.left;
    for pair in xs.windows(2) {
        if let [a, b] = pair {
            if b > a {
                gap = gap.min(b - a);
            }
        }
    }
    let per_year = all.iter().fold(1, |most, (p, _)| {
        most.max(all.iter().filter(|(q, _)| q.year == p.year).count())
    }) as i32;
    frame.bar_w = ((f64::from(gap) * 0.55) as i32 / per_year).clamp(4, (f * 2.2) as i32);
    let mut items: Vec<Item> = Vec::new();
    for ((p, role), x) in all.iter().zip(&xs) {
        let k = items.iter().filter(|i| i.point.year == p.year).count() as i32;
        items.push(Item {
            point: p,
            role: *role,
            x: *x + k * (frame.bar_w + 2),
            label: point_label(p, &c.unit),
            lifted: false,
        });
    }
    // A group of one year is centred on its year.
    for year in items.iter().map(|i| i.point.year).collect::<Vec<_>>() {
        let n = items.iter().filter(|i| i.point.year == year).count() as i32;
        for i in items.iter_mut().filter(|i| i.point.year == year) {
            i.x -= (n - 1) * (frame.bar_w + 2) / 2;
        }
    }
    fit_labels(&mut items, f * 0.85);
    items
}

/// Neighbouring labels that would touch: without the unit, then every other one lifted.
fn fit_labels(items: &mut [Item], font: f64) {
    let touches = |items: &[Item]| {
        items.windows(2).any(|w| match w {
            [a, b] => {
                let room = f64::from(b.x - a.x);
                (text_width(&a.label, font) + text_width(&b.label, font)) / 2.0 + font * 0.4 > room
            }
            _ => false,
        })
    };
    if touches(items) {
        for i in items.iter_mut() {
            i.label = i.point.label.clone();
        }
    }
    // Then each label that would touch the one before it (not lifted) goes up a line.
    for n in 1..items.len() {
        if let [.., a, b] = &items[..=n] {
            let room = f64::from(b.x - a.x);
            let need = (text_width(&a.label, font) + text_width(&b.label, font)) / 2.0 + font * 0.4;
            let lift = !a.lifted && need > room;
            if let Some(i) = items.get_mut(n) {
                i.lifted = lift;
            }
        }
    }
}

/// Baseline → results → target, with the straight path between baseline and target.
pub fn draw_progress(
    pen: &dyn Surface,
    chart: &ProgressChart,
    theme: &Theme,
) -> Result<(), DrawError> {
    pen.fill(WHITE)?;
    let (w, h) = (pen.width(), pen.height());
    let f = theme.font_px;
    let mut frame = frame_of(chart, theme, w, h);
    let items = layout(chart, &mut frame, f);
    if items.iter().any(|i| i.lifted) {
        frame.top += theme.px(f * 1.2);
    }
    let unit = if chart.unit.is_empty() {
        String::new()
    } else {
        format!("单位：{}", chart.unit)
    };
    let small = theme.text(0.85, theme.muted());
    pen.text(
        &unit,
        (theme.px(f * 0.3), theme.px(f * 0.4)),
        HPos::Left,
        VPos::Top,
        small,
    )?;
    draw_axis(pen, &frame, theme)?;
    draw_bars(pen, &frame, &items, theme)?;
    if let Some((from, to)) = &chart.path {
        let pad = theme.px(f * 2.4);
        let a = (frame.x(from.year, pad), frame.y(from.value));
        let b = (frame.x(to.year, pad), frame.y(to.value));
        dashed(pen, a, b, theme.ink(), theme.px(2.0))?;
        let legend = fit_label(
            "虚线：从基期到目标匀速推进（假设）",
            f64::from(w) - f * 0.6,
            f * 0.85,
        );
        pen.text(
            &legend,
            (theme.px(f * 0.3), h - theme.px(f * 0.4)),
            HPos::Left,
            VPos::Bottom,
            small,
        )?;
    }
    Ok(())
}

/// The plot area and axis of `chart` on a `w` × `h` picture.
fn frame_of(chart: &ProgressChart, theme: &Theme, w: i32, h: i32) -> Frame {
    let f = theme.font_px;
    let all = points(chart);
    let starts = chart.path.iter().map(|(a, _)| (a.year, a.value));
    let values = all.iter().map(|(p, _)| (p.year, p.value)).chain(starts);
    let (lo, hi, from, to) = values.fold(
        (f64::MAX, f64::MIN, u16::MAX, u16::MIN),
        |(lo, hi, from, to), (year, v)| (lo.min(v), hi.max(v), from.min(year), to.max(year)),
    );
    let axis = nice_axis(lo, hi, 4);
    let widest = axis
        .ticks()
        .iter()
        .map(|t| text_width(&format_number(*t), f * 0.85))
        .fold(0.0, f64::max);
    Frame {
        left: theme.px(widest + f * 0.8),
        right: w - theme.px(f * 0.6),
        top: theme.px(f * 3.0),
        bottom: h - theme.px(f * 4.6),
        axis,
        years: (from, to.max(from)),
        bar_w: 4,
    }
}

/// Grid lines and tick labels.
fn draw_axis(pen: &dyn Surface, frame: &Frame, theme: &Theme) -> Result<(), DrawError> {
    let f = theme.font_px;
    for t in frame.axis.ticks() {
        let y = frame.y(t);
        pen.polyline(&[(frame.left, y), (frame.right, y)], theme.grid(), 1)?;
        pen.text(
            &format_number(t),
            (frame.left - theme.px(f * 0.3), y),
            HPos::Right,
            VPos::Center,
            theme.text(0.85, theme.muted()),
        )?;
    }
    Ok(())
}

/// Each bar with its value above, its year and what it is below.
fn draw_bars(
    pen: &dyn Surface,
    frame: &Frame,
    items: &[Item],
    theme: &Theme,
) -> Result<(), DrawError> {
    let f = theme.font_px;
    let half = frame.bar_w / 2;
    let zero = frame.y(0.0);
    let narrow = items.windows(2).any(|w| match w {
        [a, b] => {
            a.point.year != b.point.year
                && f64::from(b.x - a.x) < text_width("2020年", f * 0.85) + f * 0.3
        }
        _ => false,
    });
    for i in items {
        let fill: Rgb = match i.role {
            Role::Baseline => theme.baseline_fill(),
            Role::Result => theme.result_fill(),
            Role::Target => theme.target_fill(),
        };
        let top = frame.y(i.point.value);
        let (y0, y1) = (top.min(zero), top.max(zero).max(top.min(zero) + 1));
        pen.rect((i.x - half, y0), (i.x + half, y1), fill)?;
        let lift = if i.lifted { theme.px(f * 1.2) } else { 0 };
        let at = (i.x, y0 - theme.px(f * 0.3) - lift);
        let font = theme.text(0.85, theme.ink());
        pen.text(&i.label, at, HPos::Center, VPos::Bottom, font)?;
    }
    // Below each year, once: the year, and what its bars are.
    let mut years: Vec<u16> = items.iter().map(|i| i.point.year).collect();
    years.dedup();
    for year in years {
        let group: Vec<&Item> = items.iter().filter(|i| i.point.year == year).collect();
        let x = group.iter().map(|i| i.x).sum::<i32>() / group.len().max(1) as i32;
        let label = if narrow {
            format!("{:02}", year % 100)
        } else {
            format!("{year}年")
        };
        let words: Vec<&str> = group.iter().map(|i| i.role.word()).collect();
        let below = frame.bottom + theme.px(f * 0.4);
        pen.text(
            &label,
            (x, below),
            HPos::Center,
            VPos::Top,
            theme.text(0.85, theme.ink()),
        )?;
        let below = frame.bottom + theme.px(f * 1.7);
        let muted = theme.text(0.85, theme.muted());
        pen.text(
            &words.join("／"),
            (x, below),
            HPos::Center,
            VPos::Top,
            muted,
        )?;
    }
    Ok(())
}

/// A dashed line from `a` to `b`: dashes of 6 px with gaps of 4 px.
fn dashed(
    pen: &dyn Surface,
    a: (i32, i32),
    b: (i32, i32),
    colour: Rgb,
    width: i32,
) -> Result<(), DrawError> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let length = dx.hypot(dy);
    if length < 1.0 {
        return Ok(());
    }
    let at = |d: f64| {
        let s = (d / length).min(1.0);
        (a.0 + (dx * s).round() as i32, a.1 + (dy * s).round() as i32)
    };
    let mut d = 0.0;
    while d < length {
        pen.polyline(&[at(d), at(d + 6.0)], colour, width.max(1))?;
        d += 10.0;
    }
    Ok(())
}
