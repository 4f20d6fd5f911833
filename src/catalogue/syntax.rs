//! The syntax phase's messages.

use super::catalogue;

catalogue! {
    /// Messages of the syntax phase.
    Syntax {
    }
}
