//! Spans of every value (and key) in a data file, by field path.
//!
//! serde gives values without positions; this table lets later phases point
//! at `indicators[2].target` in the file, for TOML and JSON alike.

use std::collections::HashMap;
use toml::de::{DeTable, DeValue};

/// Field path (`funds.budget`, `indicators[2].target`) → byte range of the
/// value, and of the key that names it.
#[derive(Debug, Clone, Default)]
pub(super) struct SpanTable {
    values: HashMap<String, (usize, usize)>,
    keys: HashMap<String, (usize, usize)>,
}

impl SpanTable {
    pub(super) fn from_toml(text: &str) -> SpanTable {
        let mut table = SpanTable::default();
        if let Ok(root) = DeTable::parse(text) {
            walk_table(root.get_ref(), "", &mut table);
        }
        table
    }

    /// Best effort: a file that is not valid JSON gives the spans up to the
    /// first problem.
    pub(super) fn from_json(text: &str) -> SpanTable {
        let mut scan = JsonScan {
            text,
            at: 0,
            table: SpanTable::default(),
        };
        scan.value("");
        scan.table
    }

    /// The span of the value at `path`.
    pub(super) fn get(&self, path: &str) -> Option<(usize, usize)> {
        self.values.get(path).copied()
    }

    /// The span of the key that names `path` (`taget` in `taget = "…"`).
    pub(super) fn key(&self, path: &str) -> Option<(usize, usize)> {
        self.keys.get(path).copied()
    }

    /// The path of the innermost key or value at or just before `offset`: for
    /// a problem reported at a byte offset (serde reports JSON problems
    /// after the token it could not use).
    pub(super) fn path_at(&self, offset: usize) -> Option<&str> {
        let spans = self
            .keys
            .iter()
            .chain(self.values.iter())
            .filter(|(_, (s, e))| *s <= offset && offset <= *e);
        spans
            .min_by_key(|(p, (s, e))| (e - s, std::cmp::Reverse(p.len())))
            .map(|(p, _)| p.as_str())
    }
}

impl SpanTable {
    /// For a problem reported after the parser consumed text up to `end`
    /// (how serde_json reports): the key being read, if `end` is inside
    /// one, else the value that ended last (the innermost of those).
    pub(super) fn path_before(&self, end: usize) -> Option<&str> {
        if let Some((p, _)) = self
            .keys
            .iter()
            .filter(|(_, (s, e))| *s < end && end <= *e)
            .min_by_key(|(_, (s, e))| e - s)
        {
            return Some(p);
        }
        self.values
            .iter()
            .filter(|(_, (_, e))| *e <= end)
            .max_by_key(|(p, (s, e))| (*e, std::cmp::Reverse(e - s), p.len()))
            .map(|(p, _)| p.as_str())
    }
}

fn walk_table(t: &DeTable<'_>, prefix: &str, out: &mut SpanTable) {
    for (k, v) in t {
        let path = if prefix.is_empty() {
            k.get_ref().to_string()
        } else {
            format!("{prefix}.{}", k.get_ref())
        };
        let r = v.span();
        out.values.insert(path.clone(), (r.start, r.end));
        let kr = k.span();
        out.keys.insert(path.clone(), (kr.start, kr.end));
        walk_value(v.get_ref(), &path, out);
    }
}

fn walk_value(v: &DeValue<'_>, path: &str, out: &mut SpanTable) {
    match v {
        DeValue::Table(t) => walk_table(t, path, out),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                let p = format!("{path}[{i}]");
                let r = item.span();
                out.values.insert(p.clone(), (r.start, r.end));
                walk_value(item.get_ref(), &p, out);
            }
        }
        _ => {}
    }
}

/// A small JSON reader that records where each value and key is.
struct JsonScan<'t> {
    text: &'t str,
    at: usize,
    table: SpanTable,
}

impl JsonScan<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// Read one value, recording its span under `path` (unless it is the
    /// root). `None` when the text stops being JSON.
    fn value(&mut self, path: &str) -> Option<()> {
        self.skip_blank();
        let start = self.at;
        match self.peek()? {
            b'{' => self.object(path)?,
            b'[' => self.array(path)?,
            b'"' => {
                self.string()?;
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
            }
        }
        if !path.is_empty() {
            self.table.values.insert(path.to_owned(), (start, self.at));
        }
        Some(())
    }

    /// A quoted string; returns its decoded text.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.at += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    break;
                }
                b'\\' => self.at += 2,
                b'\n' => return None,
                _ => self.at += 1,
            }
        }
        serde_json::from_str(self.text.get(start..self.at)?).ok()
    }

    fn object(&mut self, path: &str) -> Option<()> {
        self.at += 1;
        loop {
            self.skip_blank();
            match self.peek()? {
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                b',' => self.at += 1,
                b'"' => {
                    let key_start = self.at;
                    let key = self.string()?;
                    let child = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.table.keys.insert(child.clone(), (key_start, self.at));
                    self.skip_blank();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    self.value(&child)?;
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, path: &str) -> Option<()> {
        self.at += 1;
        let mut i = 0;
        loop {
            self.skip_blank();
            match self.peek()? {
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                b',' => self.at += 1,
                _ => {
                    self.value(&format!("{path}[{i}]"))?;
                    i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SpanTable;

    #[test]
    fn json_values_and_keys_have_spans() {
        let text = r#"{"a": {"b": [1, "x"]}, "taget": "≥90%"}"#;
        let t = SpanTable::from_json(text);
        let slice = |r: Option<(usize, usize)>| r.map(|(s, e)| &text[s..e]);
        assert_eq!(slice(t.get("a.b[1]")), Some("\"x\""));
        assert_eq!(slice(t.get("a.b")), Some("[1, \"x\"]"));
        assert_eq!(slice(t.key("taget")), Some("\"taget\""));
        assert_eq!(slice(t.get("taget")), Some("\"≥90%\""));
        assert_eq!(t.path_at(text.find("taget").unwrap_or(0)), Some("taget"));
    }
}
