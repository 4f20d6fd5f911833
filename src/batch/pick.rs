//! One project out of a batch input (`pfc eval … --project ID`): the input
//! is read as for a batch, up to the project with that id, and nothing is
//! scored on the way.

use super::{Input, Item, ReadOptions, open};
use crate::catalogue::Name;
use crate::catalogue::batch::Batch;
use crate::catalogue::common::Common;
use crate::data::ProjectData;
use crate::diagnostic::{Code, Diagnostic};
use crate::place::Place;
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
            let shown = input.path().display().to_string();
            let (id, count, name) = (Name::new(wanted), projects, Name::new(&shown));
            let folder = matches!(input, Input::Folder(_));
            let message = if folder {
                Batch::NoSuchDataFile {
                    id,
                    count,
                    input: name,
                }
            } else {
                Batch::NoSuchProjectIn {
                    id,
                    count,
                    input: name,
                }
            };
            let d = Diagnostic::error(Code::NoSuchProject, message).with_place(Place::file(shown));
            let d = match closest {
                Some((_, other)) => d.with_hint(Common::DidYouMean {
                    name: Name::new(other),
                }),
                None if folder => d.with_hint(Batch::HintFileStem),
                None => d.with_hint(Batch::HintProjectId),
            };
            Err(vec![d])
        }
    }
}
