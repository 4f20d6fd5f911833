//! The HTML report's chart: score against weight for every indicator, as
//! inline SVG (no script, no network), one picture a top-level part, with a
//! text alternative.
//!
//! The page itself is a Tera template (`templates/report.html.tera`, or a
//! framework's own); templates place the chart with `{{ score_chart() }}`.
//! Drawing happens here rather than in the template because geometry needs
//! arithmetic and text wrapping that Tera has no business doing.

use super::context::{Context, LeafView};
use crate::catalogue::Lang;
use crate::catalogue::report::Report;
use std::fmt::Write;

/// Width of the drawing in SVG units; it scales to the page.
const WIDTH: f64 = 420.0;
/// Room kept at the right of a label's first line for `9.87 / 10`.
const SCORE_ROOM: f64 = 78.0;
const LABEL_SIZE: f64 = 13.0;
const LINE: f64 = 17.0;
const BAR: f64 = 11.0;

/// The chart: one `<svg>` a top-level part, so that a printed page can
/// break between parts (an `<svg>` is one picture, which a page cannot
/// cut: one for the whole chart would leave a page half empty before it).
/// Each is an image for screen readers, titled with the chart's title and
/// the part, described by a sentence a bar; the first also says how to
/// read the bars.
pub(crate) fn score_chart(ctx: &Context) -> String {
    let max_weight = ctx
        .leaves
        .iter()
        .map(|l| number(&l.weight))
        .fold(0.0_f64, f64::max);
    let lang = ctx.framework.language;
    let title = ctx.labels.get("chart_title").map_or("", String::as_str);
    let mut out = String::new();
    for (i, part) in ctx.tree.iter().enumerate() {
        let mut body = String::new();
        let mut desc = Vec::new();
        if i == 0 {
            desc.push(Report::ChartIntro.render(lang));
        }
        let mut y = 4.0;
        let leaves: Vec<&LeafView> = part.groups.iter().flat_map(|g| &g.leaves).collect();
        let lone = leaves.len() == 1 && leaves[0].name == part.name;
        if !lone {
            y += LINE;
            let _ = write!(
                body,
                r#"<text class="part" x="0" y="{y:.1}">{}</text><text class="part" x="{WIDTH}" y="{y:.1}" text-anchor="end">{} / {}</text>"#,
                esc(&part.name),
                esc(&part.score),
                esc(&part.weight),
            );
            desc.push(
                Report::ChartPart {
                    name: part.name.clone(),
                    score: part.score.clone(),
                    weight: part.weight.clone(),
                }
                .render(lang),
            );
            y += 6.0;
        }
        for l in leaves {
            y = leaf_row(&mut body, l, y, max_weight, lang);
            desc.push(
                Report::ChartLeaf {
                    name: l.name.clone(),
                    score: l.score.clone(),
                    weight: l.weight.clone(),
                }
                .render(lang),
            );
        }
        let height = y + 4.0;
        let n = i + 1;
        let _ = write!(
            out,
            concat!(
                r#"<svg class="score-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h:.1}" role="img" aria-labelledby="score-chart-title-{n} score-chart-desc-{n}">"#,
                r#"<title id="score-chart-title-{n}">{title}{sep}{part}</title>"#,
                r#"<desc id="score-chart-desc-{n}">{desc}</desc>"#,
                "{body}</svg>"
            ),
            w = WIDTH,
            h = height,
            n = n,
            title = esc(title),
            sep = esc(ctx.labels.get("colon").map_or(": ", String::as_str)),
            part = esc(&part.name),
            desc = esc(desc.join("").trim_end()),
            body = body,
        );
    }
    out
}

fn leaf_row(out: &mut String, l: &LeafView, mut y: f64, max_weight: f64, lang: Lang) -> f64 {
    let lines = wrap(&l.name, WIDTH - SCORE_ROOM);
    let tip = Report::ChartTip {
        name: l.name.clone(),
        score: l.score.clone(),
        weight: l.weight.clone(),
    }
    .render(lang);
    let _ = write!(
        out,
        r#"<g class="row {}"><title>{}</title>"#,
        class(l),
        esc(&tip)
    );
    for (i, line) in lines.iter().enumerate() {
        y += LINE;
        let _ = write!(out, r#"<text x="0" y="{y:.1}">{}</text>"#, esc(line));
        if i == 0 {
            let _ = write!(
                out,
                r#"<text class="num" x="{WIDTH}" y="{y:.1}" text-anchor="end">{} / {}</text>"#,
                esc(&l.score),
                esc(&l.weight)
            );
        }
    }
    y += 5.0;
    let scale = if max_weight > 0.0 {
        WIDTH / max_weight
    } else {
        0.0
    };
    let weight = number(&l.weight) * scale;
    let score = (number(&l.score) * scale).clamp(0.0, weight);
    let _ = write!(
        out,
        r#"<rect class="track" x="0" y="{y:.1}" width="{weight:.1}" height="{BAR}" rx="2"/><rect class="bar" x="0" y="{y:.1}" width="{score:.1}" height="{BAR}" rx="2"/></g>"#,
    );
    y + BAR + 6.0
}

/// `full` (all points), `most` (80% and more), `some` (60% and more) or
/// `few`: the colour of the bar.
fn class(l: &LeafView) -> &'static str {
    let weight = number(&l.weight);
    let score = number(&l.score);
    if weight <= 0.0 || score >= weight {
        "full"
    } else if score >= 0.8 * weight {
        "most"
    } else if score >= 0.6 * weight {
        "some"
    } else {
        "few"
    }
}

fn number(s: &str) -> f64 {
    s.trim_end_matches('%').parse().unwrap_or(0.0)
}

/// Break a label into lines no wider than `width` SVG units: Chinese
/// characters are one em wide, Latin letters and digits about half.
fn wrap(text: &str, width: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0.0;
    for c in text.chars() {
        let w = if c.is_ascii() { 0.55 } else { 1.0 } * LABEL_SIZE;
        if used + w > width && !lines.last().is_some_and(String::is_empty) {
            lines.push(String::new());
            used = 0.0;
        }
        if let Some(last) = lines.last_mut() {
            last.push(c);
        }
        used += w;
    }
    lines
}

/// Escape text for XML (and so for SVG inside HTML).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_wrap() {
        let lines = wrap(&"满".repeat(30), WIDTH - SCORE_ROOM);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].chars().count(), 26);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }
}
