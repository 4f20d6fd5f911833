//! What `pfc fmt` says, in English and in Chinese side by side. Diagnostics
//! (syntax errors, unreadable files) are rendered as every command renders
//! them; these are the formatter's own words. A message catalogue will
//! take them over: keep them few, and here.

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    /// English.
    En,
    /// Chinese.
    Zh,
}

impl Lang {
    /// Chinese when the locale starts with `zh` (`LC_ALL`, else
    /// `LC_MESSAGES`, else `LANG`, as POSIX orders them), else English.
    pub(crate) fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
        match locale {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }
}

/// A message of `pfc fmt`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Msg<'a> {
    /// `--check`: this file is not in the canonical layout.
    WouldReformat(&'a str),
    /// This file was rewritten.
    Reformatted(&'a str),
    /// The last line of `--check`.
    Checked {
        /// Files looked at.
        files: usize,
        /// Files not in the canonical layout.
        changed: usize,
        /// Files that could not be read or parsed.
        failed: usize,
    },
    /// The last line when writing.
    Formatted {
        /// Files looked at.
        files: usize,
        /// Files rewritten.
        changed: usize,
        /// Files that could not be read or parsed.
        failed: usize,
    },
    /// A folder named holds no `framework.pf`.
    NoFrameworks(&'a str),
    /// `-` among other paths.
    StdinAlone,
}

impl Msg<'_> {
    /// The message in `lang`.
    pub(crate) fn text(self, lang: Lang) -> String {
        let (en, zh) = match self {
            Msg::WouldReformat(f) => (
                format!("would reformat {f}"),
                format!("需要重新格式化：{f}"),
            ),
            Msg::Reformatted(f) => (format!("reformatted {f}"), format!("已重新格式化：{f}")),
            Msg::Checked {
                files,
                changed,
                failed,
            } => (
                format!("{files} checked, {changed} would be reformatted, {failed} with errors"),
                format!("检查了 {files} 个文件：{changed} 个需要重新格式化，{failed} 个有错误"),
            ),
            Msg::Formatted {
                files,
                changed,
                failed,
            } => (
                format!("{files} checked, {changed} reformatted, {failed} with errors"),
                format!("检查了 {files} 个文件：{changed} 个已重新格式化，{failed} 个有错误"),
            ),
            Msg::NoFrameworks(dir) => (
                format!("`{dir}` holds no `framework.pf`"),
                format!("`{dir}` 中没有 `framework.pf`"),
            ),
            Msg::StdinAlone => (
                "`-` (standard input) cannot be given with other paths".to_owned(),
                "`-`（标准输入）不能与其他路径一起使用".to_owned(),
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}
