//! Frameworks compiled into the binary, so `pfc eval cn-self-eval-2020
//! data.toml` works from any directory.

/// A built-in framework: its source and its report templates.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    /// The framework id (also its folder name under `frameworks/`).
    pub id: &'static str,
    /// `framework.pf`.
    pub source: &'static str,
    /// The files of its `templates/` folder that pfc uses
    /// (`report.md.tera`, `report.html.tera`, `report.docx.tera`), by file
    /// name.
    pub templates: &'static [(&'static str, &'static str)],
}

/// Every built-in framework.
pub const BUILTINS: &[Builtin] = &[Builtin {
    id: "cn-self-eval-2020",
    source: include_str!("../frameworks/cn-self-eval-2020/framework.pf"),
    templates: &[(
        "report.md.tera",
        include_str!("../frameworks/cn-self-eval-2020/templates/report.md.tera"),
    )],
}];

/// Look up a built-in framework by id.
pub fn find(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}
