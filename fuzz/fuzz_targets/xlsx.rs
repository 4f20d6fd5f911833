//! Fuzz target: `pfc::fuzzing::xlsx` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| pfc::fuzzing::xlsx(bytes));
