//! Fuzz target: `pfc::fuzzing::framework` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| pfc::fuzzing::framework(bytes));
