//! Ctrl-C during a batch. Without a handler the process dies where it
//! stands and leaves its half-written `.pfc-…` temporary files in the output
//! folder; with one, the batch stops between chunks, removes them and says
//! how far it got. A second Ctrl-C ends the process at once, for a user who
//! does not want to wait even for that.

use std::sync::atomic::{AtomicBool, Ordering};

/// Exit code of a run stopped by Ctrl-C (or SIGTERM, SIGHUP): 128 + SIGINT,
/// as a shell reports a process that Ctrl-C ended.
pub const EXIT_INTERRUPTED: u8 = 130;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// From now on, Ctrl-C asks the batch to stop instead of ending the
/// process. Only a batch does this: every other command writes at most one
/// file, atomically, and stops soon enough by itself.
pub(crate) fn catch() {
    // Setting a second handler fails: the first one does the same.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
}

/// Whether Ctrl-C was pressed since [`catch`].
pub(crate) fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}
