//! pfc's command-line tests, built into one test binary.

mod batch;
mod cli;
mod diagnostics;
mod docs;
mod examples;
mod extension;
mod frameworks;
mod harness;
mod reports;
