#!/usr/bin/env bash
# Render align's HTML report in a real browser (headless Chromium) and fail
# on a blank page or on any console message (a script error, or anything the
# report's Content-Security-Policy had to block).
#
# Usage: scripts/browser-check.sh [ALIGN_BINARY]
#   ALIGN_BINARY  default: target/debug/align, else target/release/align
#   CHROMIUM=...  browser to use (default: chromium or chromium-browser on PATH)
#
# Each report is also printed to PDF (the print stylesheet: every section
# on a new page) and must give a non-empty PDF of at least 8 pages.
#
# Three reports are checked: the bundled sample with outcomes, the hostile
# fixture (company ids, item text, labels full of HTML and script tags) and
# the sample without outcomes (the leaders section says what it needs).
set -euo pipefail
cd "$(dirname "$0")/.."

align=${1:-}
if [[ -z "$align" ]]; then
  for b in target/debug/align target/release/align; do
    if [[ -x "$b" ]]; then align=$b; break; fi
  done
fi
if [[ -z "$align" || ! -x "$align" ]]; then
  echo "browser-check: no align binary (build with cargo build, or pass its path)" >&2
  exit 1
fi
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z "$chromium" ]]; then
  echo "browser-check: chromium not found (Debian: apt-get install chromium)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Flags: headless, no network of its own, a throwaway profile.
browse() {
  timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-default-apps --mute-audio --hide-scrollbars \
    --user-data-dir="$work/profile-$RANDOM" --enable-logging=stderr --v=0 "$@"
}

sections=(headlines scores reliability leaders drivers perception disconnect methods input)
failed=0

check() {
  local name=$1 min_charts=$2 min_pages=$3
  shift 3
  local html="$work/$name.html"
  "$align" report "$@" --format html --quiet -o "$html"

  # The DOM after the browser has parsed and laid out the page.
  if ! browse --dump-dom "file://$html" >"$work/$name.dom" 2>"$work/$name.log"; then
    echo "FAIL $name: chromium exited with an error" >&2
    sed 's/^/    /' "$work/$name.log" >&2
    failed=1
    return
  fi
  local problems=()
  [[ -s "$work/$name.dom" ]] || problems+=("empty DOM (blank page)")
  for id in "${sections[@]}"; do
    grep -q "<section id=\"$id\">" "$work/$name.dom" || problems+=("section #$id missing")
  done
  local h2 charts
  h2=$(grep -o '<h2>' "$work/$name.dom" | wc -l || true)
  ((h2 == ${#sections[@]})) || problems+=("$h2 section headings, expected ${#sections[@]}")
  charts=$(grep -o '<svg ' "$work/$name.dom" | wc -l || true)
  ((charts >= min_charts)) || problems+=("$charts charts, expected at least $min_charts")
  if grep -q '<script' "$work/$name.dom"; then problems+=("a <script> element in the DOM"); fi
  if grep -q '<img' "$work/$name.dom"; then problems+=("an <img> element in the DOM"); fi
  # Console messages: script errors, blocked loads (CSP), anything logged.
  if grep -E 'CONSOLE|Uncaught|Refused to|violates the following Content Security Policy' \
    "$work/$name.log" >"$work/$name.console"; then
    problems+=("console messages: $(head -c 600 "$work/$name.console")")
  fi

  # A screenshot at laptop width: a blank page compresses to almost nothing.
  browse --window-size=1280,2400 --screenshot="$work/$name.png" "file://$html" \
    >/dev/null 2>>"$work/$name.log" || problems+=("screenshot failed")
  local bytes
  bytes=$(stat -c %s "$work/$name.png" 2>/dev/null || echo 0)
  ((bytes > 30000)) || problems+=("screenshot of $bytes bytes: blank page?")

  # Printed to PDF with the print stylesheet: a non-empty document of
  # several pages (each section starts a page).
  local pdf="$work/$name.pdf" pages
  browse --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" \
    >/dev/null 2>>"$work/$name.log" || problems+=("print to PDF failed")
  pages=$(grep -aoE '/Type */Page\b' "$pdf" 2>/dev/null | wc -l || true)
  [[ -s "$pdf" ]] || problems+=("empty PDF")
  ((pages >= min_pages)) || problems+=("PDF of $pages pages, expected at least $min_pages")

  if ((${#problems[@]})); then
    echo "FAIL $name:" >&2
    printf '    %s\n' "${problems[@]}" >&2
    failed=1
  else
    echo "ok   $name: ${#sections[@]} sections, $charts charts, no console message, screenshot $bytes bytes, PDF of $pages pages"
  fi
}

check sample 4 8 data/survey.csv --outcomes data/outcomes.csv
check hostile 4 8 tests/data/report/responses.csv --instrument tests/data/report/instrument.json \
  --outcomes tests/data/report/outcomes.csv
check no-outcomes 3 8 data/survey.csv

# Scorecards: every card and the index render, with no console message, and
# the first card prints to a non-empty PDF.
check_scorecards() {
  local dir="$work/cards" norms="$work/norms.json"
  "$align" norms data/survey.csv --outcomes data/outcomes.csv --quiet -o "$norms"
  "$align" scorecards data/survey.csv --norms "$norms" --outcomes data/outcomes.csv --quiet -o "$dir"
  local problems=() n=0 f cards=()
  cards=("$dir"/*.html)
  # The index and the first five cards.
  for f in "$dir/index.html" "${cards[@]:0:5}"; do
    n=$((n + 1))
    if ! browse --dump-dom "file://$f" >"$f.dom" 2>"$f.log"; then
      problems+=("$(basename "$f"): chromium exited with an error")
      continue
    fi
    [[ -s "$f.dom" ]] || problems+=("$(basename "$f"): empty DOM")
    if grep -q '<script' "$f.dom"; then problems+=("$(basename "$f"): a <script> element"); fi
    if grep -E 'CONSOLE|Uncaught|Refused to|violates the following Content Security Policy' \
      "$f.log" >/dev/null; then
      problems+=("$(basename "$f"): console messages")
    fi
  done
  ((${#cards[@]} >= 2)) || problems+=("only ${#cards[@]} scorecard files")
  local first=""
  for f in "${cards[@]}"; do
    if [[ "$f" != */index.html ]]; then first=$f; break; fi
  done
  browse --no-pdf-header-footer --print-to-pdf="$work/card.pdf" "file://$first" \
    >/dev/null 2>&1 || problems+=("print to PDF failed")
  [[ -s "$work/card.pdf" ]] || problems+=("empty scorecard PDF")
  if ((${#problems[@]})); then
    echo "FAIL scorecards:" >&2
    printf '    %s\n' "${problems[@]}" >&2
    failed=1
  else
    echo "ok   scorecards: ${#cards[@]} files written; the index and $((n - 1)) cards render, a card prints to PDF"
  fi
}
check_scorecards

if ((failed)); then
  echo "browser-check: FAILED" >&2
  exit 1
fi
echo "browser-check: 3 reports and the scorecards render in $("$chromium" --version 2>/dev/null | head -1)"
