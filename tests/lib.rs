//! pfc's command-line tests, built into one test binary.

mod cli;
mod examples;
mod harness;
