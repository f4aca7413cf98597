#!/bin/bash
# dataprep filter against datatrove's quality filters on the same documents, one core.
# Usage: scripts/bench-filter.sh BIN DOCS.jsonl [RULES]
#   BIN: a release dataprep; DOCS: JSONL documents (`text`); RULES: comma list (default: the four).
# Needs datatrove and spaCy in the python3 on PATH (or $PYTHON). Prints wall and CPU (user + sys)
# seconds of each, then the agreement of the decisions (scripts/bench-filter-compare.py; SHOW=N
# lists N disagreements per rule set). datatrove's time covers the filter calls only (the peer
# script reads the JSONL first); dataprep's is the whole command, JSON reading and writing included.
set -eu
BIN=$1
DOCS=$2
RULES=${3:-gopher-quality,gopher-repetition,c4,fineweb}
PYTHON=${PYTHON:-python3}
HERE=$(dirname "$0")
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
TIMEFORMAT='wall %R s, cpu %U + %S s'
echo "dataprep filter (drop, --jobs 1):"
time "$BIN" filter "$DOCS" --rules "$RULES" --jobs 1 --quiet -o "$OUT/kept.jsonl" --report "$OUT/report.json"
echo "dataprep filter (--annotate, --jobs 1):"
time "$BIN" filter "$DOCS" --rules "$RULES" --jobs 1 --quiet --annotate -o "$OUT/annotated.jsonl"
echo "datatrove filters (whole script; its own filter-only time on the next line):"
time "$PYTHON" "$HERE/bench-filter-peer.py" "$DOCS" "$RULES" "$OUT/peer.txt"
"$PYTHON" "$HERE/bench-filter-compare.py" "$OUT/annotated.jsonl" "$OUT/peer.txt" "$RULES" "${SHOW:-0}"
