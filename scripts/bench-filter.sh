#!/bin/sh
# dataprep filter against datatrove's quality filters on the same documents, one core.
# Usage: scripts/bench-filter.sh BIN DOCS.jsonl [RULES]
#   BIN: a release dataprep; DOCS: JSONL documents (`text`); RULES: comma list (default: the four).
# Needs datatrove and spaCy in /work/tmp/venv17 (or $PYTHON). Prints the two timings and the
# agreement of the decisions (scripts/bench-filter-compare.py).
set -eu
BIN=$1
DOCS=$2
RULES=${3:-gopher-quality,gopher-repetition,c4,fineweb}
PYTHON=${PYTHON:-/work/tmp/venv17/bin/python}
HERE=$(dirname "$0")
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
start=$(date +%s.%N)
"$BIN" filter "$DOCS" --rules "$RULES" --jobs 1 --quiet -o "$OUT/kept.jsonl" --report "$OUT/report.json"
end=$(date +%s.%N)
echo "dataprep filter (drop, --jobs 1): $(echo "$end - $start" | bc) s"
start=$(date +%s.%N)
"$BIN" filter "$DOCS" --rules "$RULES" --jobs 1 --quiet --annotate -o "$OUT/annotated.jsonl"
end=$(date +%s.%N)
echo "dataprep filter (--annotate, --jobs 1): $(echo "$end - $start" | bc) s"
"$PYTHON" "$HERE/bench-filter-peer.py" "$DOCS" "$RULES" "$OUT/peer.txt"
"$PYTHON" "$HERE/bench-filter-compare.py" "$OUT/annotated.jsonl" "$OUT/peer.txt" "$RULES" "${SHOW:-0}"
