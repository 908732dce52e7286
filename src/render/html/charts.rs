//! The report's charts, drawn with plotters' SVG backend: one function per
//! chart, each returning an SVG string. Text is written as SVG `<text>`
//! (plotters escapes `<`, `>`, `&` and quotes in text and attributes) in
//! the generic "sans-serif" family, so the browser renders it with no font
//! file. The `xmlns` attribute is dropped (inline SVG in HTML needs none),
//! so the report contains no URL at all.
//!
//! Categories are drawn on numeric axes (row `i` spans `[i, i + 1)`), and
//! their labels are placed by hand next to the axis, so every label is shown
//! whatever the number of rows.

use crate::render::document::{Chart, DumbbellRow, ForestRow, ScatterPoint, SegmentBox};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;
use std::io;

/// Width of every chart in SVG units (it scales to the page).
const WIDTH: u32 = 800;
/// Height of the legend strip above a chart.
const LEGEND: u32 = 34;
const FONT: &str = "sans-serif";
const INK: RGBColor = RGBColor(51, 51, 51);
const GRID: RGBColor = RGBColor(225, 225, 225);
/// Okabe–Ito colours: distinguishable with colour-vision deficiencies.
const BLUE: RGBColor = RGBColor(0, 114, 178);
const ORANGE: RGBColor = RGBColor(230, 159, 0);
const GREEN: RGBColor = RGBColor(0, 158, 115);
const PURPLE: RGBColor = RGBColor(204, 121, 167);
const SKY: RGBColor = RGBColor(86, 180, 233);
const VERMILION: RGBColor = RGBColor(213, 94, 0);
const GREY: RGBColor = RGBColor(120, 120, 120);
const PALETTE: [RGBColor; 6] = [BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION];

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Drawn = Result<(), Box<dyn Error>>;

/// Draw the chart a document figure describes.
pub fn draw(chart: &Chart) -> io::Result<String> {
    match chart {
        Chart::Distribution { values, stages } => distribution(values, stages),
        Chart::TierBars { dimensions, tiers } => tier_bars(dimensions, tiers),
        Chart::Forest { rows, groups } => {
            forest(rows, groups, "Hedges' g, leaders − laggards (95% CI)")
        }
        Chart::Intervals {
            rows,
            groups,
            x_label,
        } => forest(rows, groups, x_label),
        Chart::Scatter {
            points,
            x_label,
            y_label,
            x_line,
            y_line,
            flagged_label,
            other_label,
            corners,
        } => scatter(
            points,
            (x_label, y_label),
            (*x_line, *y_line),
            (flagged_label, other_label),
            corners,
        ),
        Chart::AgreementBars { rows } => agreement_bars(rows),
        Chart::Dumbbell {
            rows,
            legend,
            x_desc,
        } => dumbbell(rows, legend, x_desc),
        Chart::SegmentBoxes { rows, groups } => segment_boxes(rows, groups),
    }
}

/// Render into an SVG string of `height` units.
fn render(height: u32, f: impl FnOnce(&Area) -> Drawn) -> io::Result<String> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (WIDTH, height)).into_drawing_area();
        let drawn = root.fill(&WHITE).map_err(Box::from).and_then(|_| f(&root));
        drawn
            .and_then(|_| root.present().map_err(Box::from))
            .map_err(|e| io::Error::other(format!("failed to draw a chart: {e}")))?;
    }
    Ok(buf.replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1))
}

fn text(size: u32, color: &'static RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font())
        .color(color)
        .pos(Pos::new(h, v))
}

/// Swatches and labels in one row across the top strip.
fn legend(area: &Area, items: &[(&str, RGBColor, bool)]) -> Drawn {
    let mut x = 64;
    let y = (LEGEND / 2) as i32;
    for (label, color, dot) in items {
        if *dot {
            area.draw(&Circle::new((x + 6, y), 5, color.filled()))?;
        } else {
            area.draw(&Rectangle::new(
                [(x, y - 6), (x + 12, y + 6)],
                color.filled(),
            ))?;
        }
        area.draw(&Text::new(
            label.to_string(),
            (x + 18, y),
            text(16, &INK, HPos::Left, VPos::Center),
        ))?;
        x += 40 + (label.chars().count() as i32) * 7;
    }
    Ok(())
}

/// Legend entries for groups coloured from the palette in order, as dots
/// or as swatches.
fn group_legend(groups: &[String], dot: bool) -> Vec<(&str, RGBColor, bool)> {
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.as_str(), PALETTE[i % PALETTE.len()], dot))
        .collect()
}

/// Room for category labels of this many characters, in SVG units.
fn label_room(labels: impl Iterator<Item = usize>) -> u32 {
    let longest = labels.max().unwrap_or(4) as u32;
    (longest * 7 + 18).clamp(60, 300)
}

/// Alignment index histogram (5-point bands) with the stage bounds.
pub fn distribution(values: &[f64], stages: &[(String, f64)]) -> io::Result<String> {
    let mut counts = [0u32; 20];
    for v in values {
        let b = ((v / 5.0).floor().max(0.0) as usize).min(19);
        counts[b] += 1;
    }
    let top = counts.iter().copied().max().unwrap_or(0);
    let y_max = (top as f64 * 1.25).ceil() as u32 + 1;
    let shade = |i: usize| -> RGBColor {
        let n = stages.len().max(2) as f64;
        let t = i as f64 / (n - 1.0);
        let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        RGBColor(mix(158, 8), mix(202, 48), mix(225, 107))
    };
    let stage_of = |x: f64| -> usize {
        stages
            .iter()
            .enumerate()
            .filter(|(_, s)| s.1 <= x + 1e-9)
            .map(|(i, _)| i)
            .next_back()
            .unwrap_or(0)
    };
    render(300, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(44)
            .margin_right(24)
            .y_label_area_size(52)
            .build_cartesian_2d(0f64..100f64, 0u32..y_max)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .y_labels(y_max.min(8) as usize)
            .x_labels(11)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .x_desc("Alignment index (0–100)")
            .y_desc("Companies")
            .draw()?;
        chart.draw_series(
            counts
                .iter()
                .enumerate()
                .filter(|c| *c.1 > 0)
                .map(|(i, c)| {
                    let x0 = i as f64 * 5.0;
                    let color = if stages.is_empty() {
                        BLUE
                    } else {
                        shade(stage_of(x0))
                    };
                    Rectangle::new([(x0 + 0.3, 0), (x0 + 4.7, *c)], color.filled())
                }),
        )?;
        for (name, min) in stages {
            if *min > 0.0 && *min < 100.0 {
                chart.draw_series(std::iter::once(DashedPathElement::new(
                    [(*min, 0), (*min, y_max)],
                    5,
                    4,
                    GREY.stroke_width(1),
                )))?;
            }
            if (0.0..100.0).contains(min) {
                chart.draw_series(std::iter::once(Text::new(
                    name.clone(),
                    (*min + 1.0, y_max),
                    text(15, &INK, HPos::Left, VPos::Top),
                )))?;
            }
        }
        Ok(())
    })
}

/// Mean dimension score per tier, as grouped bars.
pub fn tier_bars(
    dimensions: &[String],
    tiers: &[(String, Vec<Option<f64>>)],
) -> io::Result<String> {
    let k = dimensions.len().max(1);
    let colors = [BLUE, GREY, ORANGE];
    render(380, |root| {
        let (top, body) = root.split_vertically(LEGEND);
        let items: Vec<(&str, RGBColor, bool)> = tiers
            .iter()
            .enumerate()
            .map(|(j, t)| (t.0.as_str(), colors[j % 3], false))
            .collect();
        legend(&top, &items)?;
        let mut chart = ChartBuilder::on(&body)
            .margin(12)
            .margin_top(4)
            .x_label_area_size(44)
            .y_label_area_size(52)
            .build_cartesian_2d(0f64..k as f64, 0f64..100f64)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&|y| format!("{y:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .y_desc("Mean score (0–100)")
            .draw()?;
        let n = tiers.len().max(1) as f64;
        let bw = 0.78 / n;
        for (j, (_, means)) in tiers.iter().enumerate() {
            let color = colors[j % 3];
            let bars = means.iter().enumerate().filter_map(|(i, m)| {
                let x0 = i as f64 + 0.11 + j as f64 * bw;
                m.map(|v| Rectangle::new([(x0, 0.0), (x0 + bw - 0.02, v)], color.filled()))
            });
            chart.draw_series(bars)?;
            let labels = means.iter().enumerate().filter_map(|(i, m)| {
                let x = i as f64 + 0.11 + (j as f64 + 0.5) * bw - 0.01;
                m.map(|v| {
                    Text::new(
                        format!("{v:.0}"),
                        (x, v + 1.0),
                        text(15, &INK, HPos::Center, VPos::Bottom),
                    )
                })
            });
            chart.draw_series(labels)?;
        }
        for (i, d) in dimensions.iter().enumerate() {
            let (x, y) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
            root.draw(&Text::new(
                d.clone(),
                (x, y + 10),
                text(16, &INK, HPos::Center, VPos::Top),
            ))?;
        }
        Ok(())
    })
}

/// An estimate (Hedges' g, an importance share…) with its 95% interval per
/// item, in the order given, coloured by dimension; `x_desc` names the axis.
pub fn forest(rows: &[ForestRow], groups: &[String], x_desc: &str) -> io::Result<String> {
    let n = rows.len().max(1);
    let ends = rows
        .iter()
        .flat_map(|r| [r.g, r.ci.map_or(r.g, |c| c[0]), r.ci.map_or(r.g, |c| c[1])]);
    let lo = ends.clone().fold(0.0f64, f64::min);
    let hi = ends.fold(0.0f64, f64::max);
    let pad = ((hi - lo) * 0.05).max(0.1);
    let (lo, hi) = (lo - pad, hi + pad);
    let room = label_room(rows.iter().map(|r| r.label.chars().count()));
    let height = LEGEND + 24 * n as u32 + 80;
    render(height, |root| {
        let (top, body) = root.split_vertically(LEGEND);
        legend(&top, &group_legend(groups, true))?;
        let mut chart = ChartBuilder::on(&body)
            .margin(12)
            .margin_top(4)
            .x_label_area_size(48)
            .y_label_area_size(room)
            .build_cartesian_2d(lo..hi, 0f64..n as f64)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .x_desc(x_desc)
            .draw()?;
        chart.draw_series(std::iter::once(PathElement::new(
            [(0.0, 0.0), (0.0, n as f64)],
            INK.stroke_width(1),
        )))?;
        for (i, r) in rows.iter().enumerate() {
            let y = (n - i) as f64 - 0.5;
            let color = PALETTE[r.group % PALETTE.len()];
            if let Some([a, b]) = r.ci {
                chart.draw_series(std::iter::once(PathElement::new(
                    [(a, y), (b, y)],
                    color.stroke_width(2),
                )))?;
            }
            chart.draw_series(std::iter::once(Circle::new((r.g, y), 5, color.filled())))?;
            let (x, py) = chart.backend_coord(&(lo, y));
            root.draw(&Text::new(
                r.label.clone(),
                (x - 8, py),
                text(15, &INK, HPos::Right, VPos::Center),
            ))?;
        }
        Ok(())
    })
}

/// Perception against outcomes (or the alignment index), with the lines
/// that make the quadrants and a short label in each corner.
pub fn scatter(
    points: &[ScatterPoint],
    (x_label, y_label): (&str, &str),
    (x_line, y_line): (f64, Option<f64>),
    (flagged, other): (&str, &str),
    corners: &[String; 4],
) -> io::Result<String> {
    let (y0, y1) = y_range(points, y_line);
    // The x axis starts at a multiple of 10 below the lowest point (at most 50).
    let lowest = points.iter().map(|p| p.x).fold(x_line, f64::min);
    let x0 = ((lowest - 5.0).clamp(0.0, 50.0) / 10.0).floor() * 10.0;
    let mut marks: Vec<((i32, i32), &str)> = Vec::new();
    let svg = render(480, |root| {
        let (top, body) = root.split_vertically(LEGEND);
        legend(&top, &[(flagged, VERMILION, true), (other, BLUE, true)])?;
        let mut chart = ChartBuilder::on(&body)
            .margin(12)
            .margin_top(4)
            .margin_right(28)
            .x_label_area_size(48)
            .y_label_area_size(60)
            .build_cartesian_2d(x0..100f64, y0..y1)?;
        chart
            .configure_mesh()
            .x_label_formatter(&|x| format!("{x:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .x_desc(x_label)
            .y_desc(y_label)
            .draw()?;
        let dashed = |a: (f64, f64), b: (f64, f64)| {
            DashedPathElement::new([a, b], 6, 4, INK.stroke_width(1))
        };
        chart.draw_series(std::iter::once(dashed((x_line, y0), (x_line, y1))))?;
        if let Some(y) = y_line {
            chart.draw_series(std::iter::once(dashed((x0, y), (100.0, y))))?;
        }
        chart.draw_series(
            points
                .iter()
                .filter(|p| !p.flagged)
                .map(|p| Circle::new((p.x, p.y), 4, BLUE.mix(0.75).filled())),
        )?;
        chart.draw_series(
            points
                .iter()
                .filter(|p| p.flagged)
                .map(|p| Circle::new((p.x, p.y), 4, VERMILION.mix(0.85).filled())),
        )?;
        marks.extend(
            points
                .iter()
                .map(|p| (chart.backend_coord(&(p.x, p.y)), p.id.as_str())),
        );
        let corner = |s: &String, x: f64, y: f64, h: HPos, v: VPos| {
            Text::new(s.clone(), (x, y), text(14, &GREY, h, v))
        };
        let inset = (100.0 - x0) * 0.01;
        chart.draw_series([
            corner(&corners[0], x0 + inset, y1, HPos::Left, VPos::Top),
            corner(&corners[1], 100.0 - inset, y1, HPos::Right, VPos::Top),
            corner(&corners[2], x0 + inset, y0, HPos::Left, VPos::Bottom),
            corner(&corners[3], 100.0 - inset, y0, HPos::Right, VPos::Bottom),
        ])?;
        Ok(())
    })?;
    Ok(with_hover_layer(svg, marks))
}

/// The scatter's y range: the points and the horizontal line, padded by
/// 12% (at least 0.5) either side; 0..1 when there is nothing to show.
fn y_range(points: &[ScatterPoint], y_line: Option<f64>) -> (f64, f64) {
    let ys = points.iter().map(|p| p.y).chain(y_line);
    let (mut y0, mut y1) = (
        ys.clone().fold(f64::INFINITY, f64::min),
        ys.fold(f64::NEG_INFINITY, f64::max),
    );
    if !y0.is_finite() || !y1.is_finite() {
        (y0, y1) = (0.0, 1.0);
    }
    let pad = ((y1 - y0) * 0.12).max(0.5);
    (y0 - pad, y1 + pad)
}

/// The SVG with an invisible target over each dot, titled with the company
/// id, so hovering a dot names its company.
fn with_hover_layer(svg: String, marks: Vec<((i32, i32), &str)>) -> String {
    let mut layer = String::from("<g class=\"hover\">");
    for ((x, y), id) in marks {
        layer.push_str(&format!(
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"6\" fill=\"#000\" fill-opacity=\"0\"><title>{}</title></circle>",
            escape(id)
        ));
    }
    layer.push_str("</g></svg>");
    match svg.rfind("</svg>") {
        Some(i) => format!("{}{layer}{}", &svg[..i], &svg[i + "</svg>".len()..]),
        None => svg,
    }
}

/// Text escaped for SVG, as plotters escapes it.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Give every label `short` of the chart a `<title>` with `full`, so the
/// full text shows on hover (labels drawn as `<text …>short</text>`).
pub fn add_titles(svg: &str, hover: &[(String, String)]) -> String {
    let mut out = svg.to_string();
    let mut done: Vec<&str> = Vec::new();
    for (short, full) in hover {
        // Each label once: a replaced label still ends in its text.
        if done.contains(&short.as_str()) {
            continue;
        }
        done.push(short);
        let from = format!(">\n{}\n</text>", escape(short));
        let to = format!(
            "><title>{}</title>\n{}\n</text>",
            escape(full),
            escape(short)
        );
        out = out.replace(&from, &to);
    }
    out
}

/// % of sales and % of marketing agreeing, one pair of bars per statement.
pub fn agreement_bars(rows: &[(String, Option<f64>, Option<f64>)]) -> io::Result<String> {
    let n = rows.len().max(1);
    let room = label_room(rows.iter().map(|r| r.0.chars().count()));
    let height = LEGEND + 28 * n as u32 + 80;
    render(height, |root| {
        let (top, body) = root.split_vertically(LEGEND);
        legend(
            &top,
            &[("Sales", BLUE, false), ("Marketing", ORANGE, false)],
        )?;
        let mut chart = ChartBuilder::on(&body)
            .margin(12)
            .margin_top(4)
            .x_label_area_size(48)
            .margin_right(40)
            .y_label_area_size(room)
            .build_cartesian_2d(0f64..100f64, 0f64..n as f64)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(11)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .x_desc("% agreeing (two highest answers)")
            .draw()?;
        for (i, (label, sales, marketing)) in rows.iter().enumerate() {
            let y = (n - i - 1) as f64;
            for (v, color, (b, t)) in [
                (sales, BLUE, (y + 0.52, y + 0.9)),
                (marketing, ORANGE, (y + 0.1, y + 0.48)),
            ] {
                if let Some(v) = v {
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(0.0, b), (*v, t)],
                        color.filled(),
                    )))?;
                    chart.draw_series(std::iter::once(Text::new(
                        format!("{v:.0}%"),
                        (v + 0.8, (b + t) / 2.0),
                        text(13, &INK, HPos::Left, VPos::Center),
                    )))?;
                }
            }
            let (x, py) = chart.backend_coord(&(0.0, y + 0.5));
            root.draw(&Text::new(
                label.clone(),
                (x - 8, py),
                text(15, &INK, HPos::Right, VPos::Center),
            ))?;
        }
        Ok(())
    })
}

/// Before → after per row on the 0–100 index: a grey dot before, a
/// coloured dot after, joined by a line; marked rows in vermilion.
pub fn dumbbell(rows: &[DumbbellRow], names: &[String; 3], x_desc: &str) -> io::Result<String> {
    let n = rows.len().max(1);
    let room = label_room(rows.iter().map(|r| r.label.chars().count()));
    let height = LEGEND + 24 * n as u32 + 80;
    let ends = rows.iter().flat_map(|r| [r.before, r.after]);
    let lo = (ends.clone().fold(100.0f64, f64::min) - 5.0).clamp(0.0, 100.0);
    let hi = (ends.fold(0.0f64, f64::max) + 5.0).clamp(0.0, 100.0);
    let (lo, hi) = if hi > lo { (lo, hi) } else { (0.0, 100.0) };
    render(height, |root| {
        let (top, body) = root.split_vertically(LEGEND);
        legend(
            &top,
            &[
                (names[0].as_str(), GREY, true),
                (names[1].as_str(), BLUE, true),
                (names[2].as_str(), VERMILION, true),
            ],
        )?;
        let mut chart = ChartBuilder::on(&body)
            .margin(12)
            .margin_top(4)
            .x_label_area_size(48)
            .margin_right(24)
            .y_label_area_size(room)
            .build_cartesian_2d(lo..hi, 0f64..n as f64)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .x_desc(x_desc)
            .draw()?;
        for (i, r) in rows.iter().enumerate() {
            let y = (n - i) as f64 - 0.5;
            let color = if r.marked { VERMILION } else { BLUE };
            chart.draw_series(std::iter::once(PathElement::new(
                [(r.before, y), (r.after, y)],
                color.stroke_width(2),
            )))?;
            chart.draw_series(std::iter::once(Circle::new(
                (r.before, y),
                5,
                GREY.filled(),
            )))?;
            chart.draw_series(std::iter::once(Circle::new(
                (r.after, y),
                5,
                color.filled(),
            )))?;
            let (x, py) = chart.backend_coord(&(lo, y));
            root.draw(&Text::new(
                r.label.clone(),
                (x - 8, py),
                text(15, &INK, HPos::Right, VPos::Center),
            ))?;
        }
        Ok(())
    })
}

/// Company scores per segment and measure: P25–P75 box, median bar, mean
/// dot, on the 0–100 scale; rows of one measure share its colour.
pub fn segment_boxes(rows: &[SegmentBox], groups: &[String]) -> io::Result<String> {
    let n = rows.len().max(1);
    let room = label_room(rows.iter().map(|r| r.label.chars().count()));
    let height = LEGEND + 24 * n as u32 + 80;
    render(height, |root| {
        let (top, body) = root.split_vertically(LEGEND);
        legend(&top, &group_legend(groups, false))?;
        let mut chart = ChartBuilder::on(&body)
            .margin(12)
            .margin_top(4)
            .x_label_area_size(48)
            .y_label_area_size(room)
            .build_cartesian_2d(0f64..100f64, 0f64..n as f64)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .x_desc("Company score (0–100): quartiles, median and mean")
            .draw()?;
        for (i, r) in rows.iter().enumerate() {
            let y = (n - i) as f64 - 0.5;
            let color = PALETTE[r.group % PALETTE.len()];
            let [p25, median, p75] = r.quartiles;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(p25, y - 0.32), (p75, y + 0.32)],
                color.mix(0.35).filled(),
            )))?;
            chart.draw_series(std::iter::once(PathElement::new(
                [(median, y - 0.4), (median, y + 0.4)],
                color.stroke_width(3),
            )))?;
            chart.draw_series(std::iter::once(Circle::new((r.mean, y), 4, INK.filled())))?;
            let (x, py) = chart.backend_coord(&(0.0, y));
            root.draw(&Text::new(
                r.label.clone(),
                (x - 8, py),
                text(15, &INK, HPos::Right, VPos::Center),
            ))?;
        }
        Ok(())
    })
}
