#!/usr/bin/env bash
# Smoke test of the frozen app: builds it, then runs the built executable the
# way a user's machine would (no uv, no checkout on the path) and checks exit
# codes and outputs. One command: packaging/smoke.sh  (SKIP_BUILD=1 reuses the
# last build). Takes a few minutes, so it is not part of the pytest run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    packaging/build.sh
fi
APP="$PWD/build/dist/rater-desktop/rater-desktop"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# A fresh machine: empty home, data and config folders, no display.
export HOME="$WORK/home" RATER_DATA_DIR="$WORK/data" RATER_CONFIG_DIR="$WORK/config"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
cd "$WORK"   # away from the checkout, so nothing is found next to the sources

step() { echo "--- $*"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

step "window starts and paints (--quit-after-startup)"
"$APP" --quit-after-startup || fail "--quit-after-startup exited $?"

step "demo workbook"
"$APP" demo demo.rater || fail "demo exited $?"
[[ -s demo.rater ]] || fail "demo.rater missing or empty"
head -c 15 demo.rater | grep -q "SQLite format 3" || fail "demo.rater is not an SQLite file"

step "summary --json (the question bank and scoring work frozen)"
"$APP" summary demo.rater --json > summary.json || fail "summary exited $?"
"$APP" summary demo.rater --json | python3 -c '
import json, sys
data = json.load(sys.stdin)
keys = [d["key"] for d in data["dimensions"]]
assert keys == ["reliability", "assurance", "tangibles", "empathy", "responsiveness"], keys
assert len(data["rounds"]) == 2, data["rounds"]
assert data["overall"]["internal"]["grade"] in "ABCDF"
print("summary ok:", data["overall"])
' || fail "summary JSON is not as expected"

for lang in en vi; do
    step "report --lang $lang (fonts, translations and charts frozen)"
    "$APP" report demo.rater -o "report-$lang.pdf" --lang "$lang" || fail "report ($lang) exited $?"
    head -c 5 "report-$lang.pdf" | grep -q "%PDF-" || fail "report-$lang.pdf is not a PDF"
    size=$(wc -c < "report-$lang.pdf")
    (( size > 20000 )) || fail "report-$lang.pdf is only $size bytes"
    echo "report-$lang.pdf: $size bytes"
done

step "a bad path fails with one sentence and a non-zero exit"
if "$APP" summary missing.rater --json 2> err.txt; then fail "summary of a missing file succeeded"; fi
[[ $(wc -l < err.txt) -le 2 ]] || fail "error output is more than a sentence: $(cat err.txt)"
grep -q Traceback err.txt && fail "traceback on stderr"

echo "SMOKE OK"
