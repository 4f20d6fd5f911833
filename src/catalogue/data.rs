//! The data phase's messages.

use super::catalogue;

catalogue! {
    /// Messages of the data phase.
    Data {
    }
}
