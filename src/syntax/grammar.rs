//! The pest parser generated from `grammar/pfc.pest`. Nothing outside
//! `syntax/` sees `Rule` or `Pair`.

/// Rebuild when the grammar changes.
const _GRAMMAR: &str = include_str!("../../grammar/pfc.pest");

/// The generated parser.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/pfc.pest"]
pub(crate) struct PfcParser;
