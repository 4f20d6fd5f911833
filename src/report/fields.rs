//! A static check of the fields a template names, before it is rendered.
//!
//! Tera 2 stops with an error when a template *prints* a field that does not
//! exist, but a misspelt field in a condition (`{% if narrative.summay %}`) is
//! simply false, and a section of a government report silently disappears.
//! Worse, a field in a branch this project does not take (`{% for w in
//! warnings %}{{ w.mesage }}`) only fails on the next project that has
//! warnings. So every variable path in every tag is checked against the
//! shape of the report context here, whichever branch the data takes.
//!
//! The check reads Tera's tags with its own small lexer. It is strict where
//! it knows the shape (a path rooted in the context or in a loop over a
//! context list) and permissive elsewhere (values from `set` with filters,
//! function results, computed subscripts, macro bodies), so that it never
//! rejects a template Tera would render correctly.

use crate::catalogue::common::Common;
use crate::catalogue::report::Report;
use crate::catalogue::{Name, Names, Text};
use std::collections::BTreeMap;
use std::ops::Range;

/// The shape of a context value, as far as a template can see it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// Unknown: anything goes below it.
    Any,
    /// Text, number, boolean or null: it has no fields.
    Leaf,
    /// A list whose items have this shape.
    List(Box<Shape>),
    /// An object with these fields.
    Object(BTreeMap<String, Shape>),
}

impl Shape {
    /// The shape of a serialised value.
    pub(crate) fn of(v: &serde_json::Value) -> Shape {
        match v {
            serde_json::Value::Array(items) => Shape::List(Box::new(
                items
                    .iter()
                    .map(Shape::of)
                    .reduce(Shape::merge)
                    .unwrap_or(Shape::Any),
            )),
            serde_json::Value::Object(map) => {
                Shape::Object(map.iter().map(|(k, v)| (k.clone(), Shape::of(v))).collect())
            }
            _ => Shape::Leaf,
        }
    }

    /// Both shapes together: objects get the union of their fields, and a
    /// known shape wins over `Any` (an empty list) or `Leaf` (a null).
    pub(crate) fn merge(self, other: Shape) -> Shape {
        match (self, other) {
            (Shape::Object(mut a), Shape::Object(b)) => {
                for (k, v) in b {
                    let merged = match a.remove(&k) {
                        Some(old) => old.merge(v),
                        None => v,
                    };
                    a.insert(k, merged);
                }
                Shape::Object(a)
            }
            (Shape::List(a), Shape::List(b)) => Shape::List(Box::new(a.merge(*b))),
            (Shape::Any | Shape::Leaf, x) | (x, Shape::Any | Shape::Leaf) => x,
            (a, _) => a,
        }
    }

    fn describe(&self) -> Report {
        match self {
            Shape::Any => Report::ShapeAny,
            Shape::Leaf => Report::ShapeLeaf,
            Shape::List(_) => Report::ShapeList,
            Shape::Object(_) => Report::ShapeObject,
        }
    }
}

/// A field the template names that the context does not have.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    /// Byte range of the offending name in the template.
    pub range: Range<usize>,
    /// What is wrong, naming the field.
    pub message: Report,
    /// Suggestions.
    pub hints: Vec<Text>,
}

/// Check every variable path in `src` against `root`.
pub(crate) fn check(src: &str, root: &Shape) -> Vec<Problem> {
    let Shape::Object(fields) = root else {
        return Vec::new();
    };
    let mut checker = Checker {
        root: fields,
        scopes: vec![Scope::default()],
        skip_depth: 0,
        // A child template's blocks may use loop variables of its parent.
        lenient_roots: src.contains("extends"),
        problems: Vec::new(),
    };
    let mut i = 0;
    while let Some(off) = src[i..].find('{') {
        let start = i + off;
        let rest = &src[start..];
        let kind = match rest.as_bytes().get(1) {
            Some(b'{') => TagKind::Print,
            Some(b'%') => TagKind::Statement,
            Some(b'#') => {
                i = src[start..].find("#}").map_or(src.len(), |e| start + e + 2);
                continue;
            }
            _ => {
                i = start + 1;
                continue;
            }
        };
        let (tokens, end) = lex(src, start + 2, kind);
        i = end;
        let raw = checker.tag(kind, &tokens);
        if raw {
            // Skip to `{% endraw %}` without reading what is inside.
            i = find_endraw(src, i).unwrap_or(src.len());
        }
    }
    checker.problems
}

fn find_endraw(src: &str, from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(off) = src[i..].find("{%") {
        let start = i + off;
        let (tokens, end) = lex(src, start + 2, TagKind::Statement);
        if matches!(tokens.first(), Some(Token { tok: Tok::Ident(w), .. }) if w == "endraw") {
            return Some(end);
        }
        i = end;
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TagKind {
    /// `{{ … }}`
    Print,
    /// `{% … %}`
    Statement,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Num,
    Punct(&'static str),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    range: Range<usize>,
}

const PUNCTS: &[&str] = &[
    "?.", "::", "==", "!=", "<=", ">=", "**", "//", ".", "[", "]", "(", ")", "{", "}", "|", ",",
    "=", ":", "+", "-", "*", "/", "%", "~", "<", ">", "!", "?",
];

/// Read the tokens of one tag starting at `from` (just after `{{` or `{%`),
/// up to its closing delimiter. Returns the tokens and the offset after the
/// delimiter.
fn lex(src: &str, from: usize, kind: TagKind) -> (Vec<Token>, usize) {
    let close = match kind {
        TagKind::Print => "}}",
        TagKind::Statement => "%}",
    };
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = from;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with(close) {
            return (tokens, i + 2);
        }
        if rest.starts_with(&format!("-{close}")) {
            return (tokens, i + 3);
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c == '"' || c == '\'' || c == '`' {
            let body = i + 1;
            let end = src[body..].find(c).map_or(src.len(), |e| body + e);
            tokens.push(Token {
                tok: Tok::Str(src[body..end].to_owned()),
                range: i..(end + 1).min(src.len()),
            });
            i = (end + 1).min(src.len());
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            while i < src.len()
                && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b'_')
            {
                // `1.5` is a number, `a.0.b` is not ours to worry about.
                if bytes[i] == b'.' && !bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                i += 1;
            }
            tokens.push(Token {
                tok: Tok::Num,
                range: start..i,
            });
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let start = i;
            let len: usize = rest
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                .map(char::len_utf8)
                .sum();
            i += len;
            tokens.push(Token {
                tok: Tok::Ident(src[start..i].to_owned()),
                range: start..i,
            });
            continue;
        }
        match PUNCTS.iter().find(|p| rest.starts_with(**p)) {
            Some(p) => {
                tokens.push(Token {
                    tok: Tok::Punct(p),
                    range: i..i + p.len(),
                });
                i += p.len();
            }
            None => i += c.len_utf8(),
        }
    }
    (tokens, src.len())
}

#[derive(Debug, Default)]
struct Scope {
    /// A `for` body: `loop` is defined.
    is_loop: bool,
    vars: BTreeMap<String, Shape>,
}

struct Checker<'a> {
    root: &'a BTreeMap<String, Shape>,
    scopes: Vec<Scope>,
    /// Inside `macro` or `component` definitions, which have their own
    /// arguments and no access to the context.
    skip_depth: usize,
    lenient_roots: bool,
    problems: Vec<Problem>,
}

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None",
];

impl Checker<'_> {
    /// Handle one tag; returns true for `{% raw %}`.
    fn tag(&mut self, kind: TagKind, tokens: &[Token]) -> bool {
        if kind == TagKind::Print {
            if self.skip_depth == 0 {
                self.expr(tokens);
            }
            return false;
        }
        let Some(Token {
            tok: Tok::Ident(word),
            ..
        }) = tokens.first()
        else {
            return false;
        };
        let rest = &tokens[1..];
        match word.as_str() {
            "raw" => return true,
            "macro" | "component" => self.skip_depth += 1,
            "endmacro" | "endcomponent" => self.skip_depth = self.skip_depth.saturating_sub(1),
            _ if self.skip_depth > 0 => {}
            "if" | "elif" => self.expr(rest),
            "for" => self.for_tag(rest),
            "endfor" if self.scopes.len() > 1 => {
                self.scopes.pop();
            }
            "set" | "set_global" => self.set_tag(rest, word == "set_global"),
            // `{% filter upper(…) %}`: the arguments are expressions.
            "filter" => self.expr(rest.get(1..).unwrap_or(&[])),
            _ => {}
        }
        false
    }

    fn for_tag(&mut self, rest: &[Token]) {
        let Some(in_at) = rest
            .iter()
            .position(|t| matches!(&t.tok, Tok::Ident(w) if w == "in"))
        else {
            return;
        };
        let names: Vec<String> = rest[..in_at]
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Ident(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        let source = &rest[in_at + 1..];
        self.expr(source);
        let shape = self.infer(source);
        let mut scope = Scope {
            is_loop: true,
            vars: BTreeMap::new(),
        };
        match names.as_slice() {
            [item] => {
                let item_shape = match shape {
                    Shape::List(e) => *e,
                    _ => Shape::Any,
                };
                scope.vars.insert(item.clone(), item_shape);
            }
            [key, value] => {
                scope.vars.insert(key.clone(), Shape::Leaf);
                scope.vars.insert(value.clone(), Shape::Any);
            }
            _ => {}
        }
        self.scopes.push(scope);
    }

    fn set_tag(&mut self, rest: &[Token], global: bool) {
        let Some(Token {
            tok: Tok::Ident(name),
            ..
        }) = rest.first()
        else {
            return;
        };
        let value = rest.get(2..).unwrap_or(&[]);
        self.expr(value);
        let shape = self.infer(value);
        let scope = if global {
            self.scopes.first_mut()
        } else {
            self.scopes.last_mut()
        };
        if let Some(s) = scope {
            s.vars.insert(name.clone(), shape);
        }
    }

    /// The shape of a simple expression: a path, optionally `| first` or
    /// `| last`. Anything else is `Any`.
    fn infer(&self, tokens: &[Token]) -> Shape {
        let Some((path, used)) = read_path(tokens, 0) else {
            return Shape::Any;
        };
        let Some(mut shape) = self.resolve_quiet(&path) else {
            return Shape::Any;
        };
        match &tokens[used..] {
            [] => {}
            [
                Token {
                    tok: Tok::Punct("|"),
                    ..
                },
                Token {
                    tok: Tok::Ident(f), ..
                },
            ] if f == "first" || f == "last" => {
                shape = match shape {
                    Shape::List(e) => *e,
                    _ => Shape::Any,
                };
            }
            _ => return Shape::Any,
        }
        shape
    }

    fn lookup_root(&self, name: &str) -> Option<Shape> {
        for scope in self.scopes.iter().rev() {
            if let Some(s) = scope.vars.get(name) {
                return Some(s.clone());
            }
            if scope.is_loop && name == "loop" {
                return Some(Shape::Any);
            }
        }
        if name == "__tera_context" {
            return Some(Shape::Any);
        }
        self.root.get(name).cloned()
    }

    fn resolve_quiet(&self, path: &[Segment]) -> Option<Shape> {
        let mut shape = self.lookup_root(&path.first()?.name)?;
        for seg in &path[1..] {
            shape = match (shape, &seg.kind) {
                (Shape::Any, _) => return Some(Shape::Any),
                (Shape::List(e), SegKind::Index) => *e,
                (Shape::Object(f), SegKind::Field) => f.get(&seg.name)?.clone(),
                _ => return None,
            };
        }
        Some(shape)
    }

    /// Check every path in an expression.
    fn expr(&mut self, tokens: &[Token]) {
        let mut j = 0;
        while j < tokens.len() {
            let Tok::Ident(name) = &tokens[j].tok else {
                j += 1;
                continue;
            };
            let prev = j.checked_sub(1).map(|p| &tokens[p].tok);
            let prev2 = j.checked_sub(2).map(|p| &tokens[p].tok);
            let next = tokens.get(j + 1).map(|t| &t.tok);
            let is_word = |t: Option<&Tok>, w: &str| matches!(t, Some(Tok::Ident(x)) if x == w);
            let role_is_name = !(KEYWORDS.contains(&name.as_str())
                || matches!(prev, Some(Tok::Punct("|" | "::" | "." | "?.")))
                || is_word(prev, "is")
                || (is_word(prev, "not") && is_word(prev2, "is"))
                || matches!(next, Some(Tok::Punct("(" | "::" | "="))));
            if !role_is_name {
                j += 1;
                continue;
            }
            let Some((path, used)) = read_path(tokens, j) else {
                j += 1;
                continue;
            };
            self.resolve(&path);
            j = used.max(j + 1);
        }
    }

    fn resolve(&mut self, path: &[Segment]) {
        let Some(first) = path.first() else {
            return;
        };
        let Some(mut shape) = self.lookup_root(&first.name) else {
            if !self.lenient_roots {
                let mut hints = suggest(&first.name, self.root.keys().chain(self.local_names()));
                hints.push(
                    Report::HintContextFields {
                        fields: names(self.root.keys()),
                    }
                    .into(),
                );
                self.problems.push(Problem {
                    range: first.range.clone(),
                    message: Report::TemplateUnknownField {
                        field: Name::new(first.name.as_str()),
                    },
                    hints,
                });
            }
            return;
        };
        let mut shown = first.name.clone();
        for seg in &path[1..] {
            let next = match (&shape, &seg.kind) {
                (Shape::Any, _) => return,
                (Shape::List(e), SegKind::Index) => Some((**e).clone()),
                (Shape::Object(fields), SegKind::Field) => match fields.get(&seg.name) {
                    Some(s) => Some(s.clone()),
                    None => {
                        let mut hints = suggest(&seg.name, fields.keys());
                        hints.push(
                            Report::HintFieldsOf {
                                name: Name::new(shown.as_str()),
                                fields: names(fields.keys()),
                            }
                            .into(),
                        );
                        self.problems.push(Problem {
                            range: seg.range.clone(),
                            message: Report::TemplateUnknownField {
                                field: Name::new(format!("{shown}.{}", seg.name)),
                            },
                            hints,
                        });
                        return;
                    }
                },
                _ => None,
            };
            let Some(next) = next else {
                let hint = match &shape {
                    Shape::List(_) => Report::HintLoopOver {
                        list: shown.clone(),
                    },
                    _ => Report::HintNoFields {
                        name: Name::new(shown.as_str()),
                    },
                };
                self.problems.push(Problem {
                    range: seg.range.clone(),
                    message: Report::TemplateFieldOfValue {
                        field: Name::new(format!("{shown}.{}", seg.name)),
                        parent: Name::new(shown.as_str()),
                        what: Box::new(shape.describe().into()),
                    },
                    hints: vec![hint.into()],
                });
                return;
            };
            shown = format!("{shown}.{}", seg.name);
            shape = next;
        }
    }

    fn local_names(&self) -> impl Iterator<Item = &String> {
        self.scopes.iter().flat_map(|s| s.vars.keys())
    }
}

fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a String>) -> Vec<Text> {
    candidates
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| {
            vec![
                Common::DidYouMean {
                    name: Name::new(c.as_str()),
                }
                .into(),
            ]
        })
        .unwrap_or_default()
}

fn names<'a>(list: impl Iterator<Item = &'a String>) -> Names {
    list.map(String::as_str).collect()
}

#[derive(Debug, Clone, PartialEq)]
enum SegKind {
    Field,
    Index,
}

#[derive(Debug, Clone)]
struct Segment {
    name: String,
    kind: SegKind,
    range: Range<usize>,
}

/// Read `name(.field | ["field"] | [0])*` starting at `tokens[j]`. A
/// computed subscript or `?.` ends the path there (the rest is unknown).
fn read_path(tokens: &[Token], j: usize) -> Option<(Vec<Segment>, usize)> {
    let Tok::Ident(name) = &tokens.get(j)?.tok else {
        return None;
    };
    let mut path = vec![Segment {
        name: name.clone(),
        kind: SegKind::Field,
        range: tokens[j].range.clone(),
    }];
    let mut k = j + 1;
    loop {
        match (
            tokens.get(k).map(|t| &t.tok),
            tokens.get(k + 1),
            tokens.get(k + 2).map(|t| &t.tok),
        ) {
            (Some(Tok::Punct(".")), Some(t), _) => match &t.tok {
                Tok::Ident(f) => {
                    path.push(Segment {
                        name: f.clone(),
                        kind: SegKind::Field,
                        range: t.range.clone(),
                    });
                    k += 2;
                }
                Tok::Num => {
                    path.push(Segment {
                        name: String::new(),
                        kind: SegKind::Index,
                        range: t.range.clone(),
                    });
                    k += 2;
                }
                _ => break,
            },
            (Some(Tok::Punct("[")), Some(t), Some(Tok::Punct("]"))) => match &t.tok {
                Tok::Str(f) => {
                    path.push(Segment {
                        name: f.clone(),
                        kind: SegKind::Field,
                        range: t.range.clone(),
                    });
                    k += 3;
                }
                Tok::Num => {
                    path.push(Segment {
                        name: String::new(),
                        kind: SegKind::Index,
                        range: t.range.clone(),
                    });
                    k += 3;
                }
                _ => break,
            },
            _ => break,
        }
    }
    Some((path, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Lang;
    use serde_json::json;

    fn shape() -> Shape {
        Shape::of(&json!({
            "project": {"name": "x", "unit": "y"},
            "narrative": {"summary": "", "other": ""},
            "leaves": [{"name": "a", "score": "1"}],
            "warnings": [],
            "funds": [{"name": "t", "rate": null}],
            "figures": {"执行率": "98.73%"},
            "total": "99.87",
        }))
        .merge(Shape::of(
            &json!({"warnings": [{"message": "m", "code": "c"}]}),
        ))
    }

    fn problems(src: &str) -> Vec<String> {
        check(src, &shape())
            .into_iter()
            .map(|p| format!("{} @{}", p.message.render(Lang::En), &src[p.range]))
            .collect()
    }

    #[test]
    fn known_paths_pass() {
        let src = r#"{{ project.name }}{% if narrative.summary %}{{ total }}{% endif %}
{% for l in leaves %}{{ l.name | upper }} {{ loop.index }}{% endfor %}
{% for w in warnings %}{{ w.message }}{% endfor %}{{ figures["执行率"] }}
{% set t = funds | first %}{{ t.rate | default(value="—") }}{{ leaves[0].score }}
{% if warnings is defined and not project.name is starting_with("a") %}{% endif %}
{# {{ nonsense }} #}{% raw %}{{ nonsense }}{% endraw %}{{ "{{ nonsense }}" }}
{% macro m(x) %}{{ x.anything }}{% endmacro m %}{{ range(end=3) | length }}"#;
        assert_eq!(problems(src), Vec::<String>::new());
    }

    #[test]
    fn misspelt_field_in_a_condition_is_found() {
        assert_eq!(
            problems("{% if narrative.summay %}x{% endif %}"),
            ["the template uses `narrative.summay`, which is not in the report context @summay"]
        );
    }

    #[test]
    fn fields_in_branches_not_taken_are_found() {
        assert_eq!(
            problems("{% for w in warnings %}{{ w.mesage }}{% endfor %}"),
            ["the template uses `w.mesage`, which is not in the report context @mesage"]
        );
    }

    #[test]
    fn unknown_root_and_loop_variable_outside_its_loop() {
        assert_eq!(
            problems("{{ projct.name }}{% for l in leaves %}{% endfor %}{{ l.name }}"),
            [
                "the template uses `projct`, which is not in the report context @projct",
                "the template uses `l`, which is not in the report context @l"
            ]
        );
    }

    #[test]
    fn fields_of_a_list_or_a_value() {
        assert_eq!(
            problems("{{ leaves.name }}{{ total.value }}"),
            [
                "the template uses `leaves.name`, but `leaves` is a list @name",
                "the template uses `total.value`, but `total` is a single value (text, number or yes/no) @value"
            ]
        );
    }

    #[test]
    fn suggestions() {
        let p = check("{{ project.nam }}", &shape());
        assert_eq!(p[0].hints[0].render(Lang::En), "did you mean `name`?");
    }
}
