//! pfc's command-line tests, built into one test binary.

mod batch;
mod cli;
mod diagnostics;
mod docs;
mod editors;
mod examples;
mod extension;
mod fmt;
mod frameworks;
mod fuzz;
mod harness;
mod reports;
mod test;
