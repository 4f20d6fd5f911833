//! Reading a table as it was submitted: the weights it gives.
//!
//! Real 自评表s depart from their framework: a 分值 cell merged over the
//! rows of a group (the spreadsheet leaves the rows below empty), or no 分值
//! at all. A reviewer can still judge them, so pfc does, and says each
//! assumption it made as a note; under `--strict` none is made and the rows
//! without a weight are errors, as before.

use super::Scorer;
use super::rows::SlotRows;
use crate::catalogue::eval::Eval;
use crate::check::model::NodeId;
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;

/// Give weights to rows that have none, where the table lets a person
/// know them: a 分值 over a run of rows of one group (merged cells) is
/// shared by the run; a 一级 group none of whose rows gives a 分值 shares
/// the framework's weight for it. Each is said as a note.
pub(super) fn fill_weights(s: &mut Scorer<'_>, by_slot: &SlotRows) {
    if s.strict {
        return;
    }
    let model = s.model;
    let rows = &s.data.raw.indicators;
    let empty = |i: usize| crate::text::trim(&rows[i].weight.text).is_empty();
    for &top in &model.roots {
        let slots: Vec<NodeId> = model.nodes[top]
            .children
            .iter()
            .copied()
            .filter(|&c| super::rows::is_slot(&model.nodes[c].kind))
            .collect();
        let mut group_rows: Vec<usize> = slots
            .iter()
            .flat_map(|&slot| by_slot.get(slot).iter().copied())
            .collect();
        group_rows.sort_unstable();
        if group_rows.is_empty() || !group_rows.iter().all(|&i| empty(i)) {
            continue;
        }
        // No row of the group gives a 分值: the framework's weight for the
        // group, shared equally, when it has one.
        let Some(weight) = model.nodes[top].weight.clone() else {
            continue;
        };
        let Ok(count) = i64::try_from(group_rows.len()) else {
            continue;
        };
        let Some(share) = weight.div(&Exact::int(count)) else {
            continue;
        };
        for &i in &group_rows {
            s.weights[i] = Some(share.clone());
        }
        s.warn(
            Diagnostic::note(
                Code::RowWeightSum,
                Eval::WeightsShared {
                    group: model.nodes[top].name.as_str().into(),
                    weight,
                    rows: group_rows.len(),
                    share: share.clone(),
                },
            ),
            &format!("indicators[{}].weight", group_rows[0]),
            Eval::LabelRowNoWeight,
        );
    }
    // A 分值 followed, in the same group, by rows with none: cells merged
    // over the run; the run shares it.
    for slot in 0..model.nodes.len() {
        let list = by_slot.get(slot);
        let mut k = 0;
        while k < list.len() {
            let first = list[k];
            let run = list[k + 1..]
                .iter()
                .enumerate()
                .take_while(|&(n, &i)| i == first + n + 1 && empty(i) && s.weights[i].is_none())
                .count();
            if run == 0 || empty(first) {
                k += 1;
                continue;
            }
            let Some(weight) = s.weights[first].clone() else {
                k += 1;
                continue;
            };
            let members = &list[k..=k + run];
            let Ok(count) = i64::try_from(members.len()) else {
                break;
            };
            let Some(share) = weight.div(&Exact::int(count)) else {
                break;
            };
            for &i in members {
                s.weights[i] = Some(share.clone());
            }
            s.warn(
                Diagnostic::note(
                    Code::RowWeightSum,
                    Eval::WeightMerged {
                        row: rows[first].name.as_str().into(),
                        weight,
                        rows: members.len(),
                        share,
                    },
                ),
                &format!("indicators[{first}].weight"),
                Eval::LabelMergedWeight,
            );
            k += run + 1;
        }
    }
}
