#!/usr/bin/env bash
# Fuzz pfc's readers and compiler with libFuzzer (cargo-fuzz), each target
# for a set time, and print the executions and crashes of each.
#
#   scripts/fuzz.sh                     # every target, 60 s each
#   SECONDS_EACH=1800 scripts/fuzz.sh   # longer
#   TARGETS="csv xlsx" scripts/fuzz.sh  # some targets
#
# Targets (fuzz/fuzz_targets/, each calling pfc::fuzzing): framework (the
# .pf compiler), data (TOML/JSON data files, scored), notation (a cell as a
# target or actual value), csv and xlsx (batch inputs, every project scored).
# Seeds are in fuzz/seeds/<target>/; the growing corpus in fuzz/corpus/ is
# not committed. A crash is saved by libFuzzer in fuzz/artifacts/<target>/;
# copy it to tests/fixtures/fuzz/<target>/ so that `cargo test` replays it
# for ever (tests/fuzz.rs), then fix it.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo-fuzz needs nightly
# compiler flags; with only a stable toolchain, RUSTC_BOOTSTRAP=1 lets
# stable take them, as the Rust project's own builds do.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${SECONDS_EACH:-60}
TARGETS=${TARGETS:-"framework data notation csv xlsx"}
JOBS=${JOBS:-1}
if ! command -v cargo-fuzz >/dev/null; then
    echo "fuzz.sh: needs cargo-fuzz (cargo install cargo-fuzz)" >&2
    exit 1
fi
if ! rustc --version | grep -q nightly; then
    export RUSTC_BOOTSTRAP=1
fi
mkdir -p target/fuzz-logs
printf '%-10s %12s %10s %8s\n' target executions exec/s crashes
for t in $TARGETS; do
    mkdir -p "fuzz/corpus/$t"
    log="target/fuzz-logs/$t.log"
    # -max_len: the largest seed (a workbook) plus room to grow;
    # -rss_limit_mb/-timeout: a run over 2 GiB or 10 s is a finding too.
    (cd fuzz && cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$SECONDS_EACH" -max_len=131072 -timeout=10 \
        -rss_limit_mb=2048 -jobs="$JOBS" -workers="$JOBS" -print_final_stats=1) \
        >"$log" 2>&1 || true
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
    rate=$(awk -v r="$runs" -v s="$SECONDS_EACH" 'BEGIN {printf "%d", r / s}')
    crashes=$(find "fuzz/artifacts/$t" -type f 2>/dev/null | wc -l)
    printf '%-10s %12s %10s %8s\n' "$t" "$runs" "$rate" "$crashes"
done
