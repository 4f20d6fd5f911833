//! The terminal table: the 自评表 with CJK-aware alignment.

use super::context::Context;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use std::fmt::Write;

/// Widest a table gets before long cells wrap (a question used as a target
/// would otherwise make a line hundreds of columns wide). A fixed width, not
/// the terminal's, so that the output is the same wherever it is written.
const MAX_WIDTH: u16 = 160;

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(MAX_WIDTH);
    t
}

fn right(t: &mut Table, cols: &[usize]) {
    for &c in cols {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// Render the context as terminal text.
pub(super) fn render(ctx: &Context) -> String {
    let label = |key: &str| ctx.labels.get(key).map_or("", String::as_str);
    // `：` after a Chinese label, `: ` after an English one.
    let colon = label("colon");
    let mut out = String::new();
    let title = ctx.framework.title.unwrap_or(ctx.framework.id);
    let _ = writeln!(out, "{title}{}", label("year_title"));
    let _ = writeln!(out, "{}{colon}{}", label("project"), ctx.project.name);
    if !ctx.project.department.is_empty() || !ctx.project.unit.is_empty() {
        let _ = writeln!(
            out,
            "{}{colon}{}    {}{colon}{}",
            label("department"),
            dash(ctx.project.department),
            label("unit"),
            dash(ctx.project.unit)
        );
    }
    let _ = writeln!(out, "{}{colon}{}", label("framework"), ctx.framework.id);
    if !ctx.funds.is_empty() {
        let mut t = table();
        t.set_header(vec![
            label("funds_row"),
            label("initial"),
            label("budget"),
            label("executed"),
            label("execution_rate"),
        ]);
        for f in &ctx.funds {
            t.add_row(vec![
                f.name.clone(),
                opt(&f.initial),
                opt(&f.budget),
                opt(&f.executed),
                opt(&f.rate),
            ]);
        }
        right(&mut t, &[1, 2, 3, 4]);
        let _ = writeln!(out, "\n{t}");
    }
    let mut t = table();
    t.set_header(vec![
        label("level1"),
        label("level2"),
        label("level3"),
        label("target"),
        label("actual"),
        label("weight"),
        label("score"),
        label("progress"),
    ]);
    for g in &ctx.tree {
        let mut first_in_part = true;
        for sub in &g.groups {
            let mut first_in_group = true;
            for l in &sub.leaves {
                let l1 = if first_in_part {
                    format!(
                        "{}{}{}{}",
                        g.name,
                        label("lparen"),
                        g.weight,
                        label("rparen")
                    )
                } else {
                    String::new()
                };
                let l2 = if first_in_group {
                    sub.name.clone()
                } else {
                    String::new()
                };
                first_in_part = false;
                first_in_group = false;
                t.add_row(vec![
                    l1,
                    l2,
                    l.name.clone(),
                    l.target.clone(),
                    l.actual.clone(),
                    l.weight.clone(),
                    l.score.clone(),
                    l.progress.clone(),
                ]);
            }
        }
    }
    // Partly judged, the sum is of the judged parts only: not a total.
    let total_label = if ctx.partial.is_empty() {
        label("total")
    } else {
        label("judged_total")
    };
    t.add_row(vec![
        total_label.to_owned(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        ctx.max_total.clone(),
        ctx.total.clone(),
        String::new(),
    ]);
    right(&mut t, &[5, 6, 7]);
    let _ = writeln!(out, "\n{t}");
    let grade = if ctx.grade.is_empty() {
        String::new()
    } else if ctx.grade_condition.is_empty() {
        format!("    {}{colon}{}", label("grade"), ctx.grade)
    } else {
        // An override gave the grade: say which condition, and what the
        // points alone would have given.
        let by_points = if ctx.grade_by_points.is_empty() {
            String::new()
        } else {
            format!("; {}{colon}{}", label("by_points"), ctx.grade_by_points)
        };
        format!(
            "    {}{colon}{}{}{}{colon}{}{by_points}{}",
            label("grade"),
            ctx.grade,
            label("lparen"),
            label("because"),
            ctx.grade_condition,
            label("rparen")
        )
    };
    let _ = writeln!(
        out,
        "\n{}{colon}{} / {}{grade}",
        total_label, ctx.total, ctx.max_total
    );
    if !ctx.partial.is_empty() {
        let _ = writeln!(out, "{}", ctx.partial);
    }
    let parts: Vec<String> = ctx
        .parts
        .iter()
        .map(|p| format!("{} {}", p.name, p.score))
        .collect();
    let _ = writeln!(
        out,
        "{}{colon}{} = {}",
        label("parts"),
        parts.join(" + "),
        ctx.total
    );
    let _ = writeln!(out, "\n{}{}", label("explanations"), colon.trim_end());
    for leaf in &ctx.leaves {
        let _ = writeln!(out, "  {}{colon}{}", leaf.name, leaf.explanation);
    }
    if !ctx.warnings.is_empty() {
        let _ = writeln!(out, "\n{}{}", label("warnings_title"), colon.trim_end());
        for w in &ctx.warnings {
            let _ = writeln!(out, "  [{}] {}", w.code, w.message);
        }
    }
    out
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "—".to_owned())
}

fn dash(s: &str) -> &str {
    if s.is_empty() { "—" } else { s }
}
