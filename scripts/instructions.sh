#!/usr/bin/env bash
# Batch evaluation, counted in instructions: callgrind runs
#   pfc eval cn-self-eval-2020 FILE --out DIR -j 1
# on N generated projects and prints the instructions per project in all
# and in each part of the pipeline. Unlike seconds on a shared machine, the
# counts repeat from run to run (within about 1%: how many scored projects
# come back to the reader in time to be reused depends on the threads).
#
#   scripts/instructions.sh             # 20,000 projects (about 3 minutes)
#   N=2000 scripts/instructions.sh      # quicker, start-up weighs more
#   PFC=path/to/pfc scripts/instructions.sh   # another build, e.g. a worktree's
#
# Environment: N (projects, default 20000), SEED (default 7), PFC (the binary;
# default: this checkout's release build, built first), WORK (data folder,
# default target/bench-data). Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-20000}
SEED=${SEED:-7}
WORK=${WORK:-target/bench-data}
mkdir -p "$WORK"
if ! command -v valgrind >/dev/null; then
    echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2
    exit 1
fi
if [ -z "${PFC:-}" ]; then
    cargo build --release --quiet
    PFC=target/release/pfc
fi

DATA="$WORK/instructions-$N-$SEED.csv"
if [ ! -f "$DATA" ]; then
    "$PFC" generate "$DATA" -n "$N" -m 8 --malformed 0.02 --seed "$SEED" >/dev/null
fi
OUT=$(mktemp -d)
PROFILE="$OUT/callgrind.out"
trap 'rm -rf "$OUT"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$PROFILE" \
    "$PFC" eval cn-self-eval-2020 "$DATA" --out "$OUT/out" -j 1 >/dev/null 2>&1 || true

# Inclusive counts of the functions that head each part.
callgrind_annotate --inclusive=yes "$PROFILE" 2>/dev/null | awk -v n="$N" '
    function add(name, pattern) { names[++k] = name; patterns[k] = pattern }
    BEGIN {
        add("total", "PROGRAM TOTALS")
        add("scoring (Scoring::score)", "pfc::batch::Scoring::score \\[")
        add("  the engine (eval::evaluate_with)", "pfc::eval::evaluate_with \\[")
        add("reading (CsvReader::run)", "CsvReader as pfc::batch::Reader>::run \\[")
        add("  splitting records (csvfile::parser)", "csvfile::parser::Parser<R>::read \\[")
        add("  building projects (Grouper::push)", "pfc::batch::group::Grouper::push \\[")
        add("summary (Summary::add)", "pfc::batch::summary::Summary::add \\[")
        add("  summary.xlsx (Sheet::add)", "pfc::batch::summary::sheet::Sheet::add \\[")
    }
    {
        for (i = 1; i <= k; i++) if (!(i in found) && $0 ~ patterns[i]) {
            count = $1; gsub(",", "", count); found[i] = count
        }
    }
    END {
        printf "%s projects × 8 indicators, -j 1 (callgrind)\n", n
        printf "%-40s %15s %12s\n", "part", "instructions", "per project"
        for (i = 1; i <= k; i++) {
            if (!(i in found)) { printf "%-40s %15s %12s\n", names[i], "n/a", "n/a"; continue }
            printf "%-40s %15.0f %12.0f\n", names[i], found[i], found[i] / n
        }
    }'
