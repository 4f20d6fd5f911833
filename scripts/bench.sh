#!/usr/bin/env bash
# Batch evaluation, measured: for each size, generate N projects × M
# indicators as CSV (deterministic, 1% malformed), time
#   pfc eval cn-self-eval-2020 FILE --out DIR        (CSV in, summary out)
# and, on the same file, the floor: the csv crate reading every record and
# doing nothing else (benches/csv_floor.rs). Prints indicator rows per
# second (total and per core), peak memory, and the ratio to the floor.
#
#   scripts/bench.sh                      # 10k, 100k and 1M projects
#   SIZES="10000 100000" scripts/bench.sh # a smaller largest size
#   JOBS=1 scripts/bench.sh               # one scoring thread
#
# pfc and the floor run in turn, REPEAT times (default 3); the run of each
# with the median wall time is reported (its CPU time and peak memory with
# it), and the ratio is the median of the ratios of each pair of runs, so
# that a machine whose speed drifts during the run skews it less.
#
# Environment: SIZES (projects), M (indicators per project, default 8),
# JOBS (threads, default: all cores), REPEAT (runs per command, default 3),
# WORK (data folder, default target/bench-data). Needs /usr/bin/time for peak memory (apt-get install
# time); without it, peak memory is read from nothing and shown as n/a.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
M=${M:-8}
JOBS=${JOBS:-$(nproc)}
REPEAT=${REPEAT:-3}
WORK=${WORK:-target/bench-data}
mkdir -p "$WORK"

cargo build --release --quiet
PFC=target/release/pfc
FLOOR=$(cargo bench --bench csv_floor --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*csv_floor[^"]*\)".*/\1/p' | tail -n 1)
if [ -z "$FLOOR" ]; then
    echo "bench.sh: could not build benches/csv_floor.rs" >&2
    exit 1
fi
TIME=""
if [ -x /usr/bin/time ]; then TIME=/usr/bin/time; fi

# Run a command; print "seconds peak_kib cpu_seconds" (wall clock; peak
# memory and user+system CPU time from /usr/bin/time, n/a without it).
measure() {
    local log start end
    log=$(mktemp)
    start=$(date +%s.%N)
    if [ -n "$TIME" ]; then
        "$TIME" -v "$@" >/dev/null 2>"$log" || true
    else
        "$@" >/dev/null 2>"$log" || true
    fi
    end=$(date +%s.%N)
    local peak cpu
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' "$log")
    cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { if (NR) printf "%.3f", t }' "$log")
    rm -f "$log"
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') ${peak:-n/a} ${cpu:-n/a}"
}

# Median (by wall time) of lines "seconds peak_kib cpu_seconds" on stdin.
median() {
    sort -n -k1,1 | sed -n "$(( (REPEAT + 1) / 2 ))p"
}

mb() { if [ "$1" = n/a ]; then echo n/a; else awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; fi; }

echo "pfc $(git rev-parse --short HEAD 2>/dev/null || echo '?') · $(nproc) cores · $JOBS scoring threads · $M indicators per project · median of $REPEAT runs"
echo "rows/s: indicator rows per wall-clock second; per CPU s: per second of user+system CPU time"
echo "(the figure per core that does not depend on other load on the machine); ratio: floor seconds ÷ pfc seconds,"
echo "the median over pairs of runs made one after the other"
printf '%10s %10s %9s %12s %8s %14s %9s %9s %12s %8s\n' \
    projects rows seconds rows/s cpu_s 'per CPU s' peak_MB floor_s floor_rows/s ratio
for n in $SIZES; do
    file="$WORK/p$n-m$M.csv"
    if [ ! -f "$file" ]; then
        "$PFC" generate "$file" -n "$n" -m "$M" --malformed 0.01 --seed 1 >/dev/null
    fi
    rows=$(( n * M ))
    out="$WORK/out-$n"
    rm -rf "$out"
    # pfc and the floor run in turn, REPEAT times, so that both see the
    # machine at the same moments; the ratio is the median of each pair's.
    runs=() floors=() ratios=()
    for _ in $(seq "$REPEAT"); do
        runs+=("$(measure "$PFC" eval cn-self-eval-2020 "$file" --out "$out" -j "$JOBS")")
        floors+=("$(measure "$FLOOR" "$file")")
        ratios+=("$(awk -v a="${runs[-1]%% *}" -v b="${floors[-1]%% *}" 'BEGIN { printf "%.4f", b / a }')")
    done
    read -r secs peak cpu < <(printf '%s\n' "${runs[@]}" | median)
    read -r fsecs _ _ < <(printf '%s\n' "${floors[@]}" | median)
    ratio=$(printf '%s\n' "${ratios[@]}" | median)
    awk -v n="$n" -v r="$rows" -v s="$secs" -v p="$(mb "$peak")" -v c="$cpu" -v f="$fsecs" -v q="$ratio" 'BEGIN {
        rate = r / s; frate = r / f
        percpu = (c == "n/a" || c == 0) ? "n/a" : sprintf("%.0f", r / c)
        printf "%10d %10d %9.2f %12.0f %8s %14s %9s %9.2f %12.0f %8.2f\n", n, r, s, rate, c, percpu, p, f, frate, q
    }'
done
