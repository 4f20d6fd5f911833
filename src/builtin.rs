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

/// Every built-in framework: all of `frameworks/`, so that each works from
/// any directory and can be extended by id.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        id: "cn-self-eval-2020",
        source: include_str!("../frameworks/cn-self-eval-2020/framework.pf"),
        templates: &[(
            "report.md.tera",
            include_str!("../frameworks/cn-self-eval-2020/templates/report.md.tera"),
        )],
    },
    Builtin {
        id: "cn-project-eval-2020",
        source: include_str!("../frameworks/cn-project-eval-2020/framework.pf"),
        templates: &[
            (
                "report.md.tera",
                include_str!("../frameworks/cn-project-eval-2020/templates/report.md.tera"),
            ),
            (
                "report.html.tera",
                include_str!("../frameworks/cn-project-eval-2020/templates/report.html.tera"),
            ),
        ],
    },
    Builtin {
        id: "cn-dept-overall",
        source: include_str!("../frameworks/cn-dept-overall/framework.pf"),
        templates: &[
            (
                "report.md.tera",
                include_str!("../frameworks/cn-dept-overall/templates/report.md.tera"),
            ),
            (
                "report.html.tera",
                include_str!("../frameworks/cn-dept-overall/templates/report.html.tera"),
            ),
        ],
    },
    Builtin {
        id: "hubei-self-eval",
        source: include_str!("../frameworks/hubei-self-eval/framework.pf"),
        templates: &[],
    },
    Builtin {
        id: "us-omb-part",
        source: include_str!("../frameworks/us-omb-part/framework.pf"),
        templates: &[],
    },
];

/// Look up a built-in framework by id.
pub fn find(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}
