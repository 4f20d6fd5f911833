//! Finding frameworks: a folder, a `.pf` file, or a built-in id.

use crate::builtin;
use crate::catalogue::cli::Cli;
use crate::catalogue::common::Common;
use crate::diagnostic::{Code, Diagnostic};
use crate::report::FrameworkTemplates;
use crate::source::SourceMap;
use crate::span::FileId;
use std::path::{Path, PathBuf};

/// A framework loaded into the source map.
pub(crate) struct Loaded {
    /// The framework file.
    pub file: FileId,
    /// The report templates it ships, by format.
    pub templates: FrameworkTemplates,
}

const FRAMEWORK_FILE: &str = "framework.pf";
/// Report templates a framework folder may ship, in `templates/`.
const TEMPLATES: [&str; 3] = ["report.md.tera", "report.html.tera", "report.docx.tera"];

fn set_template(templates: &mut FrameworkTemplates, name: &str, file: FileId) {
    match name {
        "report.md.tera" => templates.md = Some(file),
        "report.html.tera" => templates.html = Some(file),
        "report.docx.tera" => templates.docx = Some(file),
        _ => {}
    }
}

/// Load a framework named on the command line.
pub(crate) fn framework(sources: &mut SourceMap, arg: &str) -> Result<Loaded, Diagnostic> {
    let path = Path::new(arg);
    if path.is_dir() {
        let file = path.join(FRAMEWORK_FILE);
        if !file.is_file() {
            return Err(Diagnostic::error(
                Code::FrameworkNotFound,
                Cli::FolderWithoutFramework { folder: arg.into() },
            )
            .with_hint(Cli::HintFrameworkFolder));
        }
        return from_file(sources, &file, path);
    }
    if path.is_file() {
        let dir = path.parent().unwrap_or(Path::new("."));
        return from_file(sources, path, dir);
    }
    if let Some(b) = builtin::find(arg) {
        let file = sources.add(format!("<builtin>/{}/{FRAMEWORK_FILE}", b.id), b.source);
        let mut templates = FrameworkTemplates::default();
        for (name, text) in b.templates {
            let t = sources.add(format!("<builtin>/{}/templates/{name}", b.id), *text);
            set_template(&mut templates, name, t);
        }
        return Ok(Loaded { file, templates });
    }
    let ids: Vec<&str> = builtin::BUILTINS.iter().map(|b| b.id).collect();
    if arg.contains(['/', '\\']) || arg.ends_with(".pf") {
        // Clearly meant as a path: say so rather than listing built-in ids.
        return Err(Diagnostic::error(
            Code::FrameworkNotFound,
            Common::FileMissing { file: arg.into() },
        )
        .with_hint(Cli::HintFrameworkPath));
    }
    let mut d = Diagnostic::error(
        Code::FrameworkNotFound,
        Cli::NoFramework { name: arg.into() },
    )
    .with_note(Cli::NoteNoFramework);
    if let Some(best) = ids
        .iter()
        .min_by_key(|id| strsim::levenshtein(arg, id))
        .filter(|id| strsim::levenshtein(arg, id) <= 3)
    {
        d = d.with_hint(Common::DidYouMean {
            name: (*best).into(),
        });
    }
    Err(d.with_hint(Cli::HintBuiltins {
        ids: ids.into_iter().collect(),
    }))
}

fn from_file(sources: &mut SourceMap, file: &Path, dir: &Path) -> Result<Loaded, Diagnostic> {
    let file = sources.load(file)?;
    let mut templates = FrameworkTemplates::default();
    for name in TEMPLATES {
        let path = dir.join("templates").join(name);
        if path.is_file() {
            let t = sources.load(&path)?;
            set_template(&mut templates, name, t);
        }
    }
    Ok(Loaded { file, templates })
}

/// Expand `pfc check` arguments: a folder without `framework.pf` stands for
/// every framework folder inside it.
pub(crate) fn check_targets(args: &[String]) -> Result<Vec<String>, Diagnostic> {
    let args: Vec<String> = if args.is_empty() {
        vec!["frameworks".to_owned()]
    } else {
        args.to_vec()
    };
    let mut out = Vec::new();
    for arg in args {
        let path = PathBuf::from(&arg);
        if path.is_dir() && !path.join(FRAMEWORK_FILE).is_file() {
            let mut found: Vec<String> = std::fs::read_dir(&path)
                .map_err(|e| {
                    Diagnostic::error(
                        Code::FileUnreadable,
                        Common::FileUnreadableOs {
                            file: arg.as_str().into(),
                            why: e.to_string().into(),
                        },
                    )
                })?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join(FRAMEWORK_FILE).is_file())
                .map(|p| p.display().to_string())
                .collect();
            if found.is_empty() {
                return Err(Diagnostic::error(
                    Code::FrameworkNotFound,
                    Cli::NoFrameworkFolders {
                        folder: arg.as_str().into(),
                    },
                ));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(arg);
        }
    }
    Ok(out)
}

/// A framework that `extends` another and ships no template for a format
/// uses its parent's (from the sibling folder the parent was found in, or
/// the built-in parent). One level: a grandparent's templates are not
/// searched.
pub(crate) fn inherit_templates(
    sources: &mut SourceMap,
    child: FileId,
    parent: &str,
    templates: &mut FrameworkTemplates,
) {
    let name = sources.get(child).name.clone();
    let mut found = FrameworkTemplates::default();
    let sibling = Path::new(&name)
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join(parent))
        .filter(|d| !name.starts_with("<builtin>") && d.join(FRAMEWORK_FILE).is_file());
    if let Some(dir) = sibling {
        for t in TEMPLATES {
            let path = dir.join("templates").join(t);
            if path.is_file()
                && let Ok(f) = sources.load(&path)
            {
                set_template(&mut found, t, f);
            }
        }
    } else if let Some(b) = builtin::find(parent) {
        for (t, text) in b.templates {
            let f = sources.add(format!("<builtin>/{}/templates/{t}", b.id), *text);
            set_template(&mut found, t, f);
        }
    }
    templates.md = templates.md.or(found.md);
    templates.html = templates.html.or(found.html);
    templates.docx = templates.docx.or(found.docx);
}
