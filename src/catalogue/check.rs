//! The check phase's messages.

use super::catalogue;

catalogue! {
    /// Messages of the check phase.
    Check {
    }
}
