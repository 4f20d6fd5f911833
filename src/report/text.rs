//! The terminal table: the 自评表 with CJK-aware alignment.

use super::context::Context;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use std::fmt::Write;

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
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
    let mut out = String::new();
    let title = ctx
        .framework
        .title
        .clone()
        .unwrap_or_else(|| ctx.framework.id.clone());
    let year = if ctx.year.is_empty() {
        String::new()
    } else {
        format!("（{}年度）", ctx.year)
    };
    let _ = writeln!(out, "{title}{year}");
    let _ = writeln!(out, "项目名称：{}", ctx.project.name);
    if !ctx.project.department.is_empty() || !ctx.project.unit.is_empty() {
        let _ = writeln!(
            out,
            "主管部门：{}    实施单位：{}",
            dash(&ctx.project.department),
            dash(&ctx.project.unit)
        );
    }
    let _ = writeln!(out, "评价框架：{}", ctx.framework.id);
    if !ctx.funds.is_empty() {
        let mut t = table();
        t.set_header(vec![
            "项目资金",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "执行率",
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
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "完成率",
    ]);
    for g in &ctx.tree {
        let mut first_in_part = true;
        for sub in &g.groups {
            let mut first_in_group = true;
            for l in &sub.leaves {
                let l1 = if first_in_part {
                    format!("{}（{}）", g.name, g.weight)
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
    t.add_row(vec![
        "总分".to_owned(),
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
    } else {
        format!("    等级：{}", ctx.grade)
    };
    let _ = writeln!(out, "\n总分：{} / {}{grade}", ctx.total, ctx.max_total);
    let parts: Vec<String> = ctx
        .parts
        .iter()
        .map(|p| format!("{} {}", p.name, p.score))
        .collect();
    let _ = writeln!(out, "各部分：{} = {}", parts.join(" + "), ctx.total);
    let _ = writeln!(out, "\n计分说明：");
    for l in &ctx.leaves {
        let _ = writeln!(out, "  {}：{}", l.name, l.explanation);
    }
    if !ctx.warnings.is_empty() {
        let _ = writeln!(out, "\n提示（{} 条）：", ctx.warnings.len());
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
