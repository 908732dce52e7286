#!/usr/bin/env bash
# Benchmark `align score --format json` against the bare csv-crate baseline
# (examples/baseline.rs) on the same generated file, check that its output
# equals that of one thread (`--threads 1`), and measure peak memory at 1M
# and 5M rows with the same 20k companies (numbered ids, then the same rows
# with random text ids, scripts/random_ids.py). Then the same on fully
# interleaved 1M-row files (every company's rows spread over the whole file,
# as in an export ordered by response time) of 1k, 40k and 200k companies,
# with peak memory and, when pandas and polars are installed, their simpler
# group-by (mean and variance per company and column, scripts/groupby.py)
# on the same files; the 40k file as other tools write it (quoted cells,
# NA, labels, spaces: scripts/dress.py). Last, the time and peak memory of
# the default output (a table) at 200k companies.
#
#   scripts/bench.sh [RUNS]        (default 5 runs each, alternating)
#
# Interleaved files are made by `align generate` and shuffled by
# scripts/interleave.py (seeded): nothing large is kept in the repository.
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
alternate() { # file -> runs in b and a, their medians in mb and ma
  b=(); a=()
  for _ in $(seq "$RUNS"); do
    b+=("$(secs "$BASE" "$1")")
    a+=("$(secs "$ALIGN" score --format json --quiet "$1")")
  done
  mb=$(printf '%s\n' "${b[@]}" | median)
  ma=$(printf '%s\n' "${a[@]}" | median)
}

F="$DIR/r1m.csv"
echo "file: $F ($(wc -l <"$F") lines, $(du -m "$F" | cut -f1) MB), $RUNS runs each, alternating"
alternate "$F"
echo "baseline (csv crate, 1 thread) runs: ${b[*]}  median ${mb} s"
echo "align score --format json    runs: ${a[*]}  median ${ma} s"
awk -v a="$ma" -v b="$mb" 'BEGIN {printf "ratio align/baseline: %.3f (target <= 0.35)\n", a/b}'
one=$(mktemp); all=$(mktemp)
"$ALIGN" score --format json --quiet --threads 1 "$F" >"$one"
"$ALIGN" score --format json --quiet "$F" >"$all"
if cmp -s "$one" "$all"; then echo "output on every core equals output on one thread: yes"
else echo "output on every core equals output on one thread: NO"; fi
rm -f "$one" "$all"
rss3() { # command... -> median peak RSS of 3 runs, in MB
  for _ in 1 2 3; do rss "$@"; echo; done | median
}
r1=$(rss3 "$ALIGN" score --format json --quiet "$DIR/r1m.csv")
r5=$(rss3 "$ALIGN" score --format json --quiet "$DIR/r5m.csv")
echo "peak RSS align score (median of 3): 1M rows ${r1} MB, 5M rows ${r5} MB"
awk -v a="$r5" -v b="$r1" 'BEGIN {printf "ratio 5M/1M: %.2f (target <= 1.5)\n", a/b}'
# The same files with random text ids (R_ and 15 letters and digits, as
# Qualtrics'): the duplicate check's hashed path, 4 bytes a respondent
# instead of 2 for numbered ids.
for n in 1m 5m; do
  [ -s "$DIR/q$n.csv" ] || { echo "generating $DIR/q$n.csv" >&2
    python3 scripts/random_ids.py "$DIR/r$n.csv" "$DIR/q$n.csv" 1; }
done
q1=$(rss3 "$ALIGN" score --format json --quiet "$DIR/q1m.csv")
q5=$(rss3 "$ALIGN" score --format json --quiet "$DIR/q5m.csv")
echo "random text ids: 1M rows ${q1} MB, 5M rows ${q5} MB, ratio $(awk -v a="$q5" -v b="$q1" 'BEGIN {printf "%.2f", a/b}')"
echo "peak RSS baseline 1M rows: $(rss "$BASE" "$DIR/r1m.csv") MB"

# Fully interleaved files: 1M rows each, companies of equal size.
for spec in "1000 1000 i1k" "40000 25 i40k" "200000 5 i200k"; do
  set -- $spec
  f="$DIR/$3.csv"
  [ -s "$f" ] || { echo "generating $f" >&2
    "$ALIGN" generate --companies "$1" --min-respondents "$2" \
      --max-respondents "$2" --seed 1 -o "$DIR/$3.gen.csv"
    python3 scripts/interleave.py "$DIR/$3.gen.csv" "$f" 1
    rm -f "$DIR/$3.gen.csv"; }
done
HAVE_PY=0
python3 -c 'import pandas, polars' 2>/dev/null && HAVE_PY=1
echo
echo "fully interleaved files, 1M rows: median of $RUNS alternating runs"
for n in i1k i40k i200k; do
  F="$DIR/$n.csv"
  b=(); a=(); pd=(); pl=()
  for _ in $(seq "$RUNS"); do
    b+=("$(secs "$BASE" "$F")")
    a+=("$(secs "$ALIGN" score --format json --quiet "$F")")
    if [ "$HAVE_PY" = 1 ]; then
      pl+=("$(secs python3 scripts/groupby.py polars "$F")")
    fi
  done
  if [ "$HAVE_PY" = 1 ]; then pd+=("$(secs python3 scripts/groupby.py pandas "$F")"); fi
  mb=$(printf '%s\n' "${b[@]}" | median)
  ma=$(printf '%s\n' "${a[@]}" | median)
  line="$n: baseline ${mb} s, align ${ma} s"
  line+=$(awk -v a="$ma" -v b="$mb" 'BEGIN {printf " (%.3f of the baseline)", a/b}')
  if [ "$HAVE_PY" = 1 ]; then
    mp=$(printf '%s\n' "${pl[@]}" | median)
    line+=", polars ${mp} s, pandas (one run) ${pd[0]} s"
  fi
  echo "$line"
  echo "  peak RSS align $(rss "$ALIGN" score --format json --quiet "$F") MB, baseline $(rss "$BASE" "$F") MB"
  one=$(mktemp); all=$(mktemp)
  "$ALIGN" score --format json --quiet --threads 1 "$F" >"$one"
  "$ALIGN" score --format json --quiet "$F" >"$all"
  cmp -s "$one" "$all" && echo "  same output as --threads 1: yes" || echo "  same output as --threads 1: NO"
  rm -f "$one" "$all"
done

# The 40k file as other tools write it (scripts/dress.py): quoted text
# cells and NA (R's write.csv), every cell quoted, answers as labels,
# spaced ids with capitalized roles and CR LF, companies named beyond
# ASCII, `;` with decimal commas (in UTF-8, and in Windows-1252 with
# companies named `Société …`), answers written as decimals (`3.0`, as
# pandas writes them), the company column last, a last column of comments
# some of which span lines.
# The same figures as the plain file (the
# input summary aside; named companies compared by the id in their name,
# as ties are listed in the order of their names), read on every core.
same_scores() { # a.json b.json -> yes/NO
  python3 - "$1" "$2" <<'PY'
import json, re, sys
def load(p):
    text = re.sub(r"(?:Ørsted |株式会社 |Société )(C\d+)(?: Å)?", r"\1", open(p, encoding="utf-8").read())
    x = json.loads(text)
    x.pop("input")
    x["companies"].sort(key=lambda c: c["company_id"])
    return x
print("yes" if load(sys.argv[1]) == load(sys.argv[2]) else "NO")
PY
}
echo
echo "the 40k file as other tools write it: median of $RUNS alternating runs"
plain=$(mktemp)
"$ALIGN" score --format json --quiet "$DIR/i40k.csv" >"$plain"
mkdir -p "$DIR/dress"
for style in r quoted labels spaced names semicolon windows1252 pandas embedded comments; do
  F="$DIR/dress/$style-i40k.csv"
  [ -s "$F" ] || python3 scripts/dress.py "$style" "$DIR/i40k.csv" "$F"
  alternate "$F"
  out=$(mktemp)
  "$ALIGN" score --format json --quiet "$F" >"$out"
  awk -v s="$style" -v a="$ma" -v b="$mb" -v m="$(du -m "$F" | cut -f1)" -v same="$(same_scores "$plain" "$out")" \
    'BEGIN {printf "%s (%d MB): baseline %s s, align %s s (%.3f of the baseline), same scores: %s\n", s, m, b, a, a/b, same}'
  rm -f "$out"
done
rm -f "$plain"

# The default output (a table on standard output) holds no more than the
# JSON does: its companies are drawn a chunk at a time.
F="$DIR/i200k.csv"
t=$(secs "$ALIGN" score --quiet "$F")
echo "i200k, default table: ${t} s, peak RSS $(rss "$ALIGN" score --quiet "$F") MB"
