//! Spans of every value in a TOML data file, by field path.
//!
//! serde gives values without positions; this table lets later phases point
//! at `indicators[2].target` in the file. JSON files get no table: their
//! diagnostics name the field path only.

use std::collections::HashMap;
use toml::de::{DeTable, DeValue};

/// Field path (`funds.budget`, `indicators[2].target`) → byte range.
#[derive(Debug, Clone, Default)]
pub(super) struct SpanTable(HashMap<String, (usize, usize)>);

impl SpanTable {
    pub(super) fn from_toml(text: &str) -> SpanTable {
        let mut table = HashMap::new();
        if let Ok(root) = DeTable::parse(text) {
            walk_table(root.get_ref(), "", &mut table);
        }
        SpanTable(table)
    }

    pub(super) fn get(&self, path: &str) -> Option<(usize, usize)> {
        self.0.get(path).copied()
    }
}

fn walk_table(t: &DeTable<'_>, prefix: &str, out: &mut HashMap<String, (usize, usize)>) {
    for (k, v) in t {
        let path = if prefix.is_empty() {
            k.get_ref().to_string()
        } else {
            format!("{prefix}.{}", k.get_ref())
        };
        let r = v.span();
        out.insert(path.clone(), (r.start, r.end));
        walk_value(v.get_ref(), &path, out);
    }
}

fn walk_value(v: &DeValue<'_>, path: &str, out: &mut HashMap<String, (usize, usize)>) {
    match v {
        DeValue::Table(t) => walk_table(t, path, out),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                let p = format!("{path}[{i}]");
                let r = item.span();
                out.insert(p.clone(), (r.start, r.end));
                walk_value(item.get_ref(), &p, out);
            }
        }
        _ => {}
    }
}
