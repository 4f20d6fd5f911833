//! Between syntax and check: a framework that `extends` another becomes one
//! whole framework.
//!
//! The child's statements are applied to the parent's, in order: settings
//! (`basis`, `total`, `round`, `grades`, `years`) replace the parent's;
//! inputs, lets, answer scales, scoring rules and top-level nodes with the
//! parent's name replace it, new ones are added; `reweight`, `remove` and
//! `within` change nodes anywhere in the tree; checks are added; tests are
//! the child's own. Every node keeps the span of the file that wrote it, so
//! the checker's diagnostics point into the file that made the mistake.

use crate::builtin;
use crate::catalogue::check::Check as Msg;
use crate::catalogue::common::Common;
use crate::catalogue::{Name, Names};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceMap;
use crate::span::{FileId, Span, Spanned};
use crate::syntax::{self, ast};
use ast::{Item, Node};
use std::path::{Path, PathBuf};

/// Parse `file` and apply its `extends` chain.
pub fn load(sources: &mut SourceMap, file: FileId) -> Result<ast::Framework, Vec<Diagnostic>> {
    let mut chain = Vec::new();
    load_chain(sources, file, &mut chain)
}

fn load_chain(
    sources: &mut SourceMap,
    file: FileId,
    chain: &mut Vec<String>,
) -> Result<ast::Framework, Vec<Diagnostic>> {
    let fw = syntax::parse(sources, file).map_err(|d| vec![d])?;
    let Some(parent_id) = fw.extends.clone() else {
        return Ok(fw);
    };
    chain.push(fw.id.node.clone());
    if chain.contains(&parent_id.node) {
        chain.push(parent_id.node.clone());
        return Err(vec![
            Diagnostic::error(
                Code::Extension,
                Msg::ExtendCycle {
                    chain: chain.join(" → "),
                },
            )
            .with_primary(parent_id.span, Msg::LabelClosesCycle)
            .with_hint(Msg::HintNoSelfExtend),
        ]);
    }
    let parent_file = find_parent(sources, file, &parent_id)?;
    let parent = load_chain(sources, parent_file, chain)?;
    apply(parent, fw)
}

/// Where the parent framework is: a sibling folder `../<id>/framework.pf`,
/// a sibling file `<id>.pf`, or a built-in framework.
fn find_parent(
    sources: &mut SourceMap,
    child: FileId,
    id: &Spanned<String>,
) -> Result<FileId, Vec<Diagnostic>> {
    let name = sources.get(child).name.clone();
    // Frameworks beside this one, for a "did you mean" when the id is wrong.
    let mut known: Vec<String> = builtin::BUILTINS.iter().map(|b| b.id.to_owned()).collect();
    if !name.starts_with("<builtin>") {
        let path = Path::new(&name);
        let dir = path.parent().unwrap_or(Path::new("."));
        let candidates: Vec<PathBuf> = vec![
            dir.parent()
                .unwrap_or(Path::new(".."))
                .join(&id.node)
                .join("framework.pf"),
            dir.join(format!("{}.pf", id.node)),
            dir.join(&id.node).join("framework.pf"),
        ];
        if let Some(found) = candidates.iter().find(|p| p.is_file()) {
            return sources.load(found).map_err(|d| vec![d]);
        }
        let parent_dir = dir.parent().unwrap_or(Path::new(".."));
        if let Ok(entries) = std::fs::read_dir(parent_dir) {
            known.extend(
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().join("framework.pf").is_file())
                    .filter_map(|e| e.file_name().to_str().map(str::to_owned)),
            );
        }
    }
    match builtin::find(&id.node) {
        Some(b) => Ok(sources.add(format!("<builtin>/{}/framework.pf", b.id), b.source)),
        None => {
            let best = crate::suggest::closest(&id.node, known.iter().map(String::as_str), 2);
            let mut d = Diagnostic::error(
                Code::Extension,
                Msg::ParentNotFound {
                    id: Name::new(id.node.as_str()),
                },
            )
            .with_primary(id.span, Msg::LabelNoSuchFramework);
            if let Some(k) = best {
                d = d.with_hint(Common::DidYouMean { name: Name::new(k) });
            }
            Err(vec![d.with_hint(Msg::HintPutBeside {
                path: Name::new(format!("../{}/framework.pf", id.node)),
                builtins: builtin::BUILTINS.iter().map(|b| b.id).collect(),
            })])
        }
    }
}

fn same_setting(a: &Item, b: &Item) -> bool {
    matches!(
        (a, b),
        (Item::Basis(_), Item::Basis(_))
            | (Item::Total(_), Item::Total(_))
            | (Item::Rounding(_), Item::Rounding(_))
            | (Item::Grades(_), Item::Grades(_))
            | (Item::Period(_), Item::Period(_))
            | (Item::Language(_), Item::Language(_))
    )
}

fn node_name(n: &Node) -> &str {
    match n {
        Node::Group(g) => &g.name.node,
        Node::Indicator(i) => &i.name.node,
        Node::Slot(s) => &s.name.node,
        Node::Question(q) => &q.id.node,
    }
}

fn scoring_key(s: &ast::Scoring) -> &'static str {
    match s {
        ast::Scoring::Quantitative(q) => q.kind.node.keyword(),
        ast::Scoring::Qualitative(_) => "qualitative",
    }
}

/// Apply a child's statements to its (already resolved) parent.
fn apply(parent: ast::Framework, child: ast::Framework) -> Result<ast::Framework, Vec<Diagnostic>> {
    let mut items: Vec<Item> = parent
        .items
        .into_iter()
        .filter(|i| !matches!(i, Item::Test(_)))
        .collect();
    let mut errors = Vec::new();
    for item in child.items {
        match item {
            Item::Basis(_)
            | Item::Total(_)
            | Item::Rounding(_)
            | Item::Grades(_)
            | Item::Period(_)
            | Item::Language(_) => {
                items.retain(|i| !same_setting(i, &item));
                items.push(item);
            }
            Item::Input(i) => replace_or_push(&mut items, Item::Input(i), |a, b| match (a, b) {
                (Item::Input(x), Item::Input(y)) => x.name.node == y.name.node,
                _ => false,
            }),
            Item::Let(l) => replace_or_push(&mut items, Item::Let(l), |a, b| match (a, b) {
                (Item::Let(x), Item::Let(y)) => x.name.node == y.name.node,
                _ => false,
            }),
            Item::Answers(s) => {
                replace_or_push(&mut items, Item::Answers(s), |a, b| match (a, b) {
                    (Item::Answers(x), Item::Answers(y)) => x.name.node == y.name.node,
                    _ => false,
                })
            }
            Item::Scoring(s) => {
                replace_or_push(&mut items, Item::Scoring(s), |a, b| match (a, b) {
                    (Item::Scoring(x), Item::Scoring(y)) => scoring_key(x) == scoring_key(y),
                    _ => false,
                })
            }
            Item::Node(n) => replace_or_push(&mut items, Item::Node(n), |a, b| match (a, b) {
                (Item::Node(x), Item::Node(y)) => node_name(x) == node_name(y),
                _ => false,
            }),
            Item::Require(_) | Item::Test(_) => items.push(item),
            Item::Reweight(path, w) => match find_mut(&mut items, &path.node) {
                Some(node) => set_weight(node, w),
                None => errors.push(not_found(&items, &path, Change::Reweight)),
            },
            Item::Remove(path) => {
                if !remove(&mut items, &path.node) {
                    errors.push(not_found(&items, &path, Change::Remove));
                }
            }
            Item::Within(path, nodes, _) => match find_mut(&mut items, &path.node) {
                Some(Node::Group(g)) => {
                    for n in nodes {
                        match g
                            .children
                            .iter()
                            .position(|c| node_name(c) == node_name(&n))
                        {
                            Some(k) => g.children[k] = n,
                            None => g.children.push(n),
                        }
                    }
                }
                Some(_) => errors.push(
                    Diagnostic::error(
                        Code::Extension,
                        Msg::NotAGroup {
                            path: Name::new(path.node.join("/")),
                        },
                    )
                    .with_primary(path.span, Msg::LabelOnlyGroupsHaveChildren)
                    .with_hint(Msg::HintWithinGroup),
                ),
                None => errors.push(not_found(&items, &path, Change::Within)),
            },
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ast::Framework {
        id: child.id,
        title: child.title.or(parent.title),
        extends: child.extends,
        items,
        span: child.span,
    })
}

fn replace_or_push(items: &mut Vec<Item>, new: Item, same: impl Fn(&Item, &Item) -> bool) {
    match items.iter().position(|i| same(i, &new)) {
        Some(k) => items[k] = new,
        None => items.push(new),
    }
}

fn set_weight(node: &mut Node, w: Spanned<crate::exact::Exact>) {
    match node {
        Node::Group(g) => g.weight = w,
        Node::Indicator(i) => i.weight = Some(w),
        Node::Slot(s) => s.weight = Some(w),
        Node::Question(q) => q.weight = Some(w),
    }
}

fn find_mut<'a>(items: &'a mut [Item], path: &[String]) -> Option<&'a mut Node> {
    let (first, rest) = path.split_first()?;
    let root = items.iter_mut().find_map(|i| match i {
        Item::Node(n) if node_name(n) == first => Some(n),
        _ => None,
    })?;
    descend(root, rest)
}

fn descend<'a>(node: &'a mut Node, rest: &[String]) -> Option<&'a mut Node> {
    let Some((next, tail)) = rest.split_first() else {
        return Some(node);
    };
    match node {
        Node::Group(g) => {
            let child = g.children.iter_mut().find(|c| node_name(c) == next)?;
            descend(child, tail)
        }
        _ => None,
    }
}

fn remove(items: &mut Vec<Item>, path: &[String]) -> bool {
    match path {
        [] => false,
        [only] => {
            let before = items.len();
            items.retain(|i| !matches!(i, Item::Node(n) if node_name(n) == only));
            items.len() != before
        }
        [.., last] => {
            let parent_path = &path[..path.len() - 1];
            match find_mut(items, parent_path) {
                Some(Node::Group(g)) => {
                    let before = g.children.len();
                    g.children.retain(|c| node_name(c) != last);
                    g.children.len() != before
                }
                _ => false,
            }
        }
    }
}

/// What a child framework does to a node of its parent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Reweight,
    Remove,
    Within,
}

/// "no `产出指标/数重指标` in the parent" with the names that do exist there.
fn not_found(items: &[Item], path: &ast::NodePath, change: Change) -> Diagnostic {
    let mut level: Vec<&Node> = items
        .iter()
        .filter_map(|i| if let Item::Node(n) = i { Some(n) } else { None })
        .collect();
    let mut known_prefix = Vec::new();
    for name in &path.node {
        match level.iter().find(|n| node_name(n) == name) {
            Some(Node::Group(g)) => {
                known_prefix.push(name.clone());
                level = g.children.iter().collect();
            }
            _ => break,
        }
    }
    let names: Vec<&str> = level.iter().map(|n| node_name(n)).collect();
    let missing = path
        .node
        .get(known_prefix.len())
        .cloned()
        .unwrap_or_default();
    let best = crate::suggest::closest(&missing, names.iter().copied(), 2);
    let shown = Name::new(path.node.join("/"));
    let headline = match change {
        Change::Reweight => Msg::CannotReweight { path: shown },
        Change::Remove => Msg::CannotRemove { path: shown },
        Change::Within => Msg::CannotWithin { path: shown },
    };
    let parent = (!known_prefix.is_empty()).then(|| Name::new(known_prefix.join("/")));
    let label = match &parent {
        None => Msg::LabelNoNodeAtTop {
            missing: Name::new(missing.as_str()),
        },
        Some(parent) => Msg::LabelNoNodeIn {
            missing: Name::new(missing.as_str()),
            parent: parent.clone(),
        },
    };
    let d = Diagnostic::error(Code::Extension, headline).with_primary(path.span, label);
    let names: Names = names.into_iter().collect();
    let d = match (best, parent) {
        (Some(n), _) => d.with_hint(Common::DidYouMean { name: Name::new(n) }),
        (None, None) => d.with_hint(Msg::HintNodesAtTop { names }),
        (None, Some(parent)) => d.with_hint(Msg::HintNodesIn { parent, names }),
    };
    // `within` only changes existing groups; a new top-level group is
    // declared like any other.
    if change == Change::Within && known_prefix.is_empty() && path.node.len() == 1 && best.is_none()
    {
        d.with_hint(Msg::HintDeclareNewGroup {
            code: Name::new(format!("group {missing} weight N {{ … }}")),
        })
    } else {
        d
    }
}

/// The span of a framework's `extends` clause, for messages.
pub fn extends_span(fw: &ast::Framework) -> Option<Span> {
    fw.extends.as_ref().map(|e| e.span)
}
