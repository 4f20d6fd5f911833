//! Binding the framework's inputs to values from the project data.

use super::value::{Value, nested};
use crate::catalogue::Text;
use crate::catalogue::eval::Eval;
use crate::check::model::{InputDecl, InputSource, Model, Ty};
use crate::data::notation::{self, Notation};
use crate::data::{Cell, ProjectData};
use crate::diagnostic::{Code, Diagnostic};
use crate::quantity::{Quantity, Unit};

/// Read a money cell: `87.65万元`, or a bare number in `default_unit`.
pub(super) fn money(cell: &Cell, default_unit: &str) -> Result<Quantity, Box<Text>> {
    let text = || cell.text.as_str().into();
    match notation::parse(&cell.text) {
        Ok(Notation::Quantity { op: None, value }) => match value.unit {
            Unit::Money(_) => Ok(value),
            Unit::None => match Unit::parse(default_unit) {
                Some(u @ Unit::Money(_)) => Ok(Quantity::from_shown(&value.value, u)),
                _ => Err(boxed(Eval::NotMoneyUnit {
                    unit: default_unit.into(),
                })),
            },
            other => Err(boxed(Eval::NotMoneyUnitOf {
                text: text(),
                unit: other.suffix().to_owned(),
            })),
        },
        Ok(Notation::Quantity { op: Some(op), .. }) => Err(boxed(Eval::AmountWithSign {
            text: text(),
            sign: op.symbol().to_owned(),
        })),
        Ok(Notation::Text(_)) => Err(boxed(Eval::NotMoney { text: text() })),
        Err(e) => Err(boxed(e.message)),
    }
}

/// A message inside another.
fn boxed(t: impl Into<Text>) -> Box<Text> {
    Box::new(t.into())
}

/// The words for a type of input: a percentage, money, a level.
fn kind_of_ty(ty: &Ty) -> Box<Text> {
    nested(match ty {
        Ty::Number { percent: true } => Eval::KindPercentage,
        Ty::Number { percent: false } => Eval::KindNumber,
        Ty::Money => Eval::KindMoney,
        Ty::Count(Some(u)) => Eval::KindCountIn {
            unit: u.as_str().into(),
        },
        Ty::Count(None) => Eval::KindCount,
        Ty::Bool => Eval::KindYesNo,
        Ty::Text => Eval::KindText,
        Ty::Level(_) => Eval::KindLevel,
        Ty::Any => Eval::KindIndicatorValue,
    })
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
) -> Vec<Option<Value>> {
    let mut values = Vec::with_capacity(model.inputs.len());
    for decl in &model.inputs {
        if decl.source == InputSource::ProjectYear {
            match data.raw.year {
                Some(y) => values.push(Some(Value::Q(Quantity::number(y.into())))),
                None => {
                    diags.push(missing(decl, data, "year"));
                    values.push(None);
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
                        Ok(v) => values.push(Some(v)),
                        Err((e, span)) => {
                            diags.push(
                                Diagnostic::error(
                                    e.code,
                                    Eval::DefaultFails {
                                        name: decl.name.as_str().into(),
                                        why: nested(*e.message),
                                    },
                                )
                                .with_primary(span, Eval::LabelThisDefault),
                            );
                            values.push(None);
                        }
                    }
                }
                None => {
                    diags.push(missing(decl, data, &path));
                    values.push(None);
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
            Ok(v) => values.push(Some(v)),
            Err(why) => {
                values.push(None);
                diags.push(
                    data.at(
                        Diagnostic::error(
                            Code::InputType,
                            Eval::InputUnreadable {
                                name: decl.name.as_str().into(),
                                why,
                            },
                        )
                        .with_hint(Eval::HintDeclaredAs {
                            name: decl.name.as_str().into(),
                            kind: kind_of_ty(&decl.ty),
                        }),
                        &path,
                        Eval::LabelValueUnreadable,
                    ),
                );
            }
        }
    }
    values
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
        Eval::MissingInput {
            name: decl.name.as_str().into(),
        },
    )
    .with_place(data.locate(path).1);
    if !table.is_empty()
        && let (Some(span), _) = data.locate(table)
    {
        d = d.with_primary(
            span,
            Eval::LabelNoKeyIn {
                key: key.into(),
                table: table.to_owned(),
            },
        );
    }
    let line = format!("{key_shown} = {example}");
    d.with_secondary(decl.span, Eval::LabelNeedsInput)
        .with_hint(if table.is_empty() {
            Eval::HintAddAtTop { line }
        } else {
            Eval::HintAddUnder {
                line,
                table: table.to_owned(),
            }
        })
}

fn read(decl: &InputDecl, cell: &Cell, default_unit: &str) -> Result<Value, Box<Text>> {
    let text = || cell.text.as_str().into();
    let not_of_kind = || {
        nested(Eval::NotOfKind {
            text: text(),
            kind: kind_of_ty(&decl.ty),
        })
    };
    match &decl.ty {
        Ty::Money => {
            if default_unit.is_empty() && cell.as_decimal().is_some() {
                return Err(boxed(Eval::MoneyNoUnit { text: text() }));
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
            _ => Err(not_of_kind()),
        },
        Ty::Count(unit) => match notation::parse(&cell.text) {
            Ok(Notation::Quantity { op: None, value }) => match (&value.unit, unit) {
                (Unit::Count(u), Some(w)) if **u == **w => Ok(Value::Q(value)),
                (Unit::None, Some(w)) => Ok(Value::Q(Quantity::from_shown(
                    &value.value,
                    Unit::Count(w.as_str().into()),
                ))),
                (Unit::Count(_) | Unit::None, None) => Ok(Value::Q(value)),
                (u, _) => Err(boxed(Eval::CountInOtherUnit {
                    text: text(),
                    unit: u.suffix().to_owned(),
                    kind: kind_of_ty(&decl.ty),
                })),
            },
            _ => Err(not_of_kind()),
        },
        Ty::Text => Ok(Value::Text(cell.text.clone())),
        Ty::Level(levels) => {
            if levels.iter().any(|l| *l == cell.text.trim()) {
                Ok(Value::Text(cell.text.trim().to_owned()))
            } else {
                Err(boxed(Eval::NotOneOf {
                    text: text(),
                    levels: levels.iter().map(String::as_str).collect(),
                }))
            }
        }
        Ty::Bool | Ty::Any => Err(boxed(Eval::NotReadableType)),
    }
}
