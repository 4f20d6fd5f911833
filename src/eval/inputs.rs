//! Binding the framework's inputs to values from the project data.

use super::value::Value;
use crate::check::model::{InputDecl, InputSource, Model, Ty};
use crate::data::notation::{self, Notation};
use crate::data::{Cell, ProjectData};
use crate::diagnostic::{Code, Diagnostic};
use crate::quantity::{Quantity, Unit};

/// Read a money cell: `87.65万元`, or a bare number in `default_unit`.
pub(super) fn money(cell: &Cell, default_unit: &str) -> Result<Quantity, String> {
    match notation::parse(&cell.text) {
        Ok(Notation::Quantity { op: None, value }) => match value.unit {
            Unit::Money(_) => Ok(value),
            Unit::None => match Unit::parse(default_unit) {
                Some(u @ Unit::Money(_)) => Ok(Quantity::from_shown(&value.value, u)),
                _ => Err(format!("`{default_unit}` is not a money unit")),
            },
            other => Err(format!(
                "`{}` is not an amount of money (unit `{}`)",
                cell.text,
                other.suffix()
            )),
        },
        Ok(Notation::Quantity { op: Some(op), .. }) => Err(format!(
            "`{}` is an amount and cannot carry `{}`",
            cell.text,
            op.symbol()
        )),
        Ok(Notation::Text(_)) => Err(format!("`{}` is not an amount of money", cell.text)),
        Err(e) => Err(e.message),
    }
}

fn source_cell<'d>(decl: &InputDecl, data: &'d ProjectData) -> (Option<&'d Cell>, String) {
    let f = &data.raw.funds;
    match decl.source {
        InputSource::Inputs => (
            data.raw.inputs.get(&decl.name),
            format!("inputs.{}", decl.name),
        ),
        InputSource::FundsInitial => (f.initial.as_ref(), "funds.initial".into()),
        InputSource::FundsBudget => (f.budget.as_ref(), "funds.budget".into()),
        InputSource::FundsExecuted => (f.executed.as_ref(), "funds.executed".into()),
        InputSource::ProjectYear => (None, "year".into()),
    }
}

/// Values for every input; errors for missing or malformed ones.
pub(super) fn bind(
    model: &Model,
    data: &ProjectData,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Value>> {
    let mut values = Vec::with_capacity(model.inputs.len());
    let mut ok = true;
    for decl in &model.inputs {
        if decl.source == InputSource::ProjectYear {
            match data.raw.year {
                Some(y) => values.push(Value::Q(Quantity::number(y.into()))),
                None => {
                    diags.push(missing(decl, data, "year"));
                    ok = false;
                }
            }
            continue;
        }
        let (cell, path) = source_cell(decl, data);
        let Some(cell) = cell else {
            match &decl.default {
                Some(d) => {
                    // Defaults refer to nothing (the checker gives them an
                    // empty scope), so they evaluate on their own.
                    let env = super::interp::Env {
                        model,
                        inputs: &[],
                        lets: &[],
                        ind: None,
                    };
                    match super::interp::eval(d, env) {
                        Ok(v) => values.push(v),
                        Err((e, span)) => {
                            diags.push(
                                Diagnostic::error(
                                    e.code,
                                    format!(
                                        "the default of input `{}` fails: {}",
                                        decl.name, e.message
                                    ),
                                )
                                .with_primary(span, "this default"),
                            );
                            ok = false;
                        }
                    }
                }
                None => {
                    diags.push(missing(decl, data, &path));
                    ok = false;
                }
            }
            continue;
        };
        let default_unit = if path.starts_with("funds.") {
            data.funds_unit()
        } else {
            ""
        };
        match read(decl, cell, default_unit) {
            Ok(v) => values.push(v),
            Err(why) => {
                ok = false;
                diags.push(
                    data.at(
                        Diagnostic::error(Code::InputType, format!("input `{}`: {why}", decl.name))
                            .with_hint(format!(
                                "`{}` is declared as {} in the framework",
                                decl.name,
                                decl.ty.describe()
                            )),
                        &path,
                        "cannot be read",
                    ),
                );
            }
        }
    }
    ok.then_some(values)
}

fn missing(decl: &InputDecl, data: &ProjectData, path: &str) -> Diagnostic {
    let (table, key) = path.rsplit_once('.').unwrap_or(("", path));
    let plain_key = key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let key_shown = if plain_key {
        key.to_owned()
    } else {
        format!("\"{key}\"")
    };
    let example = match &decl.ty {
        Ty::Money => "\"100万元\"".to_owned(),
        Ty::Number { percent: true } => "\"95%\"".to_owned(),
        Ty::Number { percent: false } => "1".to_owned(),
        Ty::Count(Some(u)) => format!("\"12{u}\""),
        Ty::Count(None) => "\"12个\"".to_owned(),
        Ty::Level(levels) => format!("\"{}\"", levels.first().map_or("…", String::as_str)),
        _ => "\"…\"".to_owned(),
    };
    let mut d = Diagnostic::error(
        Code::MissingInput,
        format!("the data gives no value for input `{}`", decl.name),
    )
    .with_location(format!("{}: {path}", data.file_name));
    if !table.is_empty()
        && let (Some(span), _) = data.locate(table)
    {
        d = d.with_primary(span, format!("no `{key}` in `[{table}]`"));
    }
    d.with_secondary(decl.span, "the framework needs this input")
        .with_hint(if table.is_empty() {
            format!("add `{key_shown} = {example}` at the top of the data file")
        } else {
            format!("add `{key_shown} = {example}` under `[{table}]`")
        })
}

fn read(decl: &InputDecl, cell: &Cell, default_unit: &str) -> Result<Value, String> {
    match &decl.ty {
        Ty::Money => {
            if default_unit.is_empty() && cell.as_decimal().is_some() {
                return Err(format!(
                    "`{}` has no unit: write e.g. \"{}万元\"",
                    cell.text, cell.text
                ));
            }
            money(
                cell,
                if default_unit.is_empty() {
                    "万元"
                } else {
                    default_unit
                },
            )
            .map(Value::Q)
        }
        Ty::Number { percent } => match notation::parse(&cell.text) {
            Ok(Notation::Quantity { op: None, value })
                if value.unit == Unit::None || value.unit == Unit::Percent =>
            {
                // A bare number for a percent input is in percentage
                // points, whether written `95` or `"95"`.
                if *percent && value.unit == Unit::None {
                    Ok(Value::Q(Quantity::from_shown(&value.value, Unit::Percent)))
                } else {
                    Ok(Value::Q(value))
                }
            }
            _ => Err(format!("`{}` is not {}", cell.text, decl.ty.describe())),
        },
        Ty::Count(unit) => match notation::parse(&cell.text) {
            Ok(Notation::Quantity { op: None, value }) => match (&value.unit, unit) {
                (Unit::Count(u), Some(w)) if **u == **w => Ok(Value::Q(value)),
                (Unit::None, Some(w)) => Ok(Value::Q(Quantity::from_shown(
                    &value.value,
                    Unit::Count(w.as_str().into()),
                ))),
                (Unit::Count(_) | Unit::None, None) => Ok(Value::Q(value)),
                (u, _) => Err(format!(
                    "`{}` is in `{}`, not {}",
                    cell.text,
                    u.suffix(),
                    decl.ty.describe()
                )),
            },
            _ => Err(format!("`{}` is not {}", cell.text, decl.ty.describe())),
        },
        Ty::Text => Ok(Value::Text(cell.text.clone())),
        Ty::Level(levels) => {
            if levels.iter().any(|l| *l == cell.text.trim()) {
                Ok(Value::Text(cell.text.trim().to_owned()))
            } else {
                Err(format!(
                    "`{}` is not one of {}",
                    cell.text,
                    levels.join(", ")
                ))
            }
        }
        Ty::Bool | Ty::Any => Err("this input type cannot be read from data".into()),
    }
}
