//! The floor of batch evaluation: read and parse a CSV file with the csv
//! crate alone, doing nothing else. `scripts/bench.sh` runs it on the same
//! file as `pfc eval` and prints the ratio.
//!
//! Usage: `csv_floor FILE` (prints `rows seconds peak_kib`). Without a file
//! (as `cargo bench` runs it) it does nothing.

#![allow(missing_docs)]

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        return;
    };
    let start = Instant::now();
    let mut reader = match csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .buffer_capacity(256 * 1024)
        .from_path(&path)
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("csv_floor: {path}: {e}");
            std::process::exit(1);
        }
    };
    let mut record = csv::ByteRecord::new();
    let mut rows = 0u64;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => rows += 1,
            Ok(false) => break,
            Err(e) => {
                eprintln!("csv_floor: {path}: {e}");
                std::process::exit(1);
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!("{rows} {seconds:.3} {}", peak_kib());
}

/// Peak resident memory (VmHWM), from /proc on Linux; 0 elsewhere.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}
