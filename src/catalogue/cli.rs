//! The cli phase's messages.

use super::catalogue;

catalogue! {
    /// Messages of the cli phase.
    Cli {
    }
}
