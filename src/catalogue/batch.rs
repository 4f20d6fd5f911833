//! The batch phase's messages.

use super::catalogue;

catalogue! {
    /// Messages of the batch phase.
    Batch {
    }
}
