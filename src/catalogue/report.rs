//! The report phase's messages.

use super::catalogue;

catalogue! {
    /// Messages of the report phase.
    Report {
    }
}
