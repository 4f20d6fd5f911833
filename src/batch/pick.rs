//! One project out of a batch input (`pfc eval … --project ID`): the input
//! is read as for a batch, up to the project with that id, and nothing is
//! scored on the way.

use super::{Input, Item, ReadOptions, open};
use crate::data::ProjectData;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceMap;

/// The project `id` of `input`: its data, or why it cannot be read (the
/// errors of its rows, or that no project has this id).
pub fn pick(
    input: &Input,
    options: &ReadOptions,
    sources: &mut SourceMap,
    id: &str,
) -> Result<ProjectData, Vec<Diagnostic>> {
    let reader = open(input, options, sources).map_err(|d| vec![d])?;
    let wanted = id.trim();
    let mut found: Option<Item> = None;
    // The closest other id, for a hint, kept as the ids stream past.
    let mut closest: Option<(usize, String)> = None;
    let mut projects = 0u64;
    let mut send = |chunk: super::Chunk| {
        for item in chunk.items {
            let this = match &item {
                Item::Sheet { data, .. } => data.raw.project.code.as_str(),
                Item::File(_, id) | Item::Broken { id, .. } => id.as_str(),
            };
            if this == wanted {
                found = Some(item);
                return false;
            }
            projects += 1;
            // Transposed digits are the usual slip in an id: they count once.
            let distance = strsim::osa_distance(this, wanted);
            if distance <= 2 && closest.as_ref().is_none_or(|(d, _)| distance < *d) {
                closest = Some((distance, this.to_owned()));
            }
        }
        true
    };
    reader.run(64, &mut send).map_err(|d| vec![d])?;
    match found {
        Some(Item::Sheet { data, .. }) => Ok(*data),
        Some(Item::File(path, _)) => sources
            .load(&path)
            .and_then(|f| crate::data::load(sources, f))
            .map_err(|d| vec![d]),
        Some(Item::Broken { diagnostics, .. }) => Err(diagnostics),
        None => {
            let what = match input {
                Input::Folder(_) => "data file",
                _ => "project",
            };
            let mut d = Diagnostic::error(
                Code::NoSuchProject,
                format!(
                    "no {what} `{wanted}` among the {projects} in `{}`",
                    input.path().display()
                ),
            )
            .with_location(input.path().display().to_string());
            d = match closest {
                Some((_, other)) => d.with_hint(format!("did you mean `{other}`?")),
                None => d.with_hint(match input {
                    Input::Folder(_) => "give the data file's name without its extension",
                    _ => "give the project's 项目编号 as the spreadsheet writes it",
                }),
            };
            Err(vec![d])
        }
    }
}
