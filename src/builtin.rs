//! Frameworks compiled into the binary, so `pfc eval cn-self-eval-2020
//! data.toml` works from any directory.

/// A built-in framework: its source and its report template.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    /// The framework id (also its folder name under `frameworks/`).
    pub id: &'static str,
    /// `framework.pf`.
    pub source: &'static str,
    /// `templates/report.md.tera`, if the framework ships one.
    pub md_template: Option<&'static str>,
}

/// Every built-in framework.
pub const BUILTINS: &[Builtin] = &[Builtin {
    id: "cn-self-eval-2020",
    source: include_str!("../frameworks/cn-self-eval-2020/framework.pf"),
    md_template: Some(include_str!(
        "../frameworks/cn-self-eval-2020/templates/report.md.tera"
    )),
}];

/// Look up a built-in framework by id.
pub fn find(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}
