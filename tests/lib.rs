//! pfc's command-line tests, built into one test binary.

mod cli;
mod docs;
mod examples;
mod harness;
