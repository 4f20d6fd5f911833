//! The eval phase's messages.

use super::catalogue;

catalogue! {
    /// Messages of the eval phase.
    Eval {
    }
}
