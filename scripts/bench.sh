#!/usr/bin/env bash
# Benchmark `align score --format json` against the bare csv-crate baseline
# (examples/baseline.rs) on the same generated file, check that its output
# equals that of one thread (`--threads 1`), and measure peak memory at 1M
# and 5M rows with the same 20k companies.
#
#   scripts/bench.sh [RUNS]        (default 5 runs each, alternating)
#
# Files are generated once into $ALIGN_BENCH_DIR (default: a directory under
# the system temp dir) and reused. Needs /usr/bin/time (GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
DIR="${ALIGN_BENCH_DIR:-${TMPDIR:-/tmp}/align-bench}"
mkdir -p "$DIR"
cargo build --release --quiet --bin align --example baseline
TARGET="${CARGO_TARGET_DIR:-target}"
ALIGN="$TARGET/release/align"
BASE="$TARGET/release/examples/baseline"

gen() { # rows-per-company-range file
  [ -s "$2" ] || { echo "generating $2" >&2
    "$ALIGN" generate --companies 20000 --min-respondents "${1%-*}" \
      --max-respondents "${1#*-}" --seed 1 -o "$2"; }
}
gen 40-60 "$DIR/r1m.csv"
gen 240-260 "$DIR/r5m.csv"

secs() { # command... -> wall seconds on stdout, to the millisecond
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  awk -v ns=$((e - s)) 'BEGIN {printf "%.3f", ns / 1e9}'
}
rss() { # command... -> peak RSS in MB
  local t; t=$(mktemp)
  /usr/bin/time -v -o "$t" "$@" >/dev/null 2>&1
  awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$t"; rm -f "$t"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

F="$DIR/r1m.csv"
echo "file: $F ($(wc -l <"$F") lines, $(du -m "$F" | cut -f1) MB), $RUNS runs each, alternating"
b=(); a=()
for _ in $(seq "$RUNS"); do
  b+=("$(secs "$BASE" "$F")")
  a+=("$(secs "$ALIGN" score --format json --quiet "$F")")
done
mb=$(printf '%s\n' "${b[@]}" | median)
ma=$(printf '%s\n' "${a[@]}" | median)
echo "baseline (csv crate, 1 thread) runs: ${b[*]}  median ${mb} s"
echo "align score --format json    runs: ${a[*]}  median ${ma} s"
awk -v a="$ma" -v b="$mb" 'BEGIN {printf "ratio align/baseline: %.3f (target <= 0.35)\n", a/b}'
one=$(mktemp); all=$(mktemp)
"$ALIGN" score --format json --quiet --threads 1 "$F" >"$one"
"$ALIGN" score --format json --quiet "$F" >"$all"
if cmp -s "$one" "$all"; then echo "output on every core equals output on one thread: yes"
else echo "output on every core equals output on one thread: NO"; fi
rm -f "$one" "$all"
r1=$(rss "$ALIGN" score --format json --quiet "$DIR/r1m.csv")
r5=$(rss "$ALIGN" score --format json --quiet "$DIR/r5m.csv")
echo "peak RSS align score: 1M rows ${r1} MB, 5M rows ${r5} MB"
awk -v a="$r5" -v b="$r1" 'BEGIN {printf "ratio 5M/1M: %.2f (target <= 1.5)\n", a/b}'
echo "peak RSS baseline 1M rows: $(rss "$BASE" "$DIR/r1m.csv") MB"
