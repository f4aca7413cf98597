#!/bin/sh
# Runs every command of dataprep on fixed inputs and prints one sha256 line per output file, so two
# binaries (before and after a refactor) can be compared byte for byte:
#
#   scripts/check-same-bytes.sh DATAPREP OUT_DIR [DOC_SET...] > hashes.txt
#   diff before.txt after.txt        # empty when every output is the same
#
# Inputs: samples/ (always), ../shared/data/extraction-dev (the 990 pages of the extraction
# benchmark) and, when given, documentation sets (folders of HTML, e.g. Debian's doc packages
# fetched by scripts/fetch-doc-corpora.sh: real sets have dangling links, odd names, huge
# pages). Stderr lines are kept too (summary lines are part of the behaviour); OUT_DIR is replaced.
set -u
BIN=$1
OUT=$2
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "$ROOT/../shared" 2>/dev/null && pwd -P || echo "$ROOT/../shared")
# Document ids hash the input's absolute path, so every run works in the same folder (one run at
# a time, under a lock) and moves its outputs to OUT_DIR at the end.
FINAL=$OUT
rm -rf "$FINAL"; mkdir -p "$FINAL"; FINAL=$(cd "$FINAL" && pwd -P)
exec 9>/tmp/dataprep-same-bytes.lock
flock 9
OUT=/tmp/dataprep-same-bytes
rm -rf "$OUT"; mkdir -p "$OUT/in"
cp -R "$ROOT/samples" "$OUT/in/samples"
run() { # name command...
  name=$1; shift
  "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr"
  echo "exit $?" >"$OUT/$name.status"
}
cd "$OUT"
run build "$BIN" build "$OUT/in/samples" -o "$OUT/build"
run extract-samples "$BIN" extract "$OUT/in/samples" -o "$OUT/samples-docs.jsonl" --jobs 2
run extract-furniture "$BIN" extract "$OUT/in/samples" --remove-furniture -o "$OUT/samples-docs-nf.jsonl"
run dedup-docs "$BIN" dedup "$OUT/samples-docs.jsonl" -o "$OUT/samples-dedup.jsonl" --clusters "$OUT/samples-clusters.jsonl"
run instruct "$BIN" instruct "$OUT/samples-dedup.jsonl" --to openai-chat -o "$OUT/examples.jsonl"
run instruct-alpaca "$BIN" instruct "$OUT/samples-dedup.jsonl" --to alpaca -o "$OUT/examples-alpaca-direct.jsonl"
for f in sharegpt alpaca prompt-completion; do
  run "convert-$f" "$BIN" convert "$OUT/examples.jsonl" --to "$f" -o "$OUT/examples-$f.jsonl"
done
run split "$BIN" split "$OUT/examples.jsonl" --ratio 0.8 -o "$OUT/split"
run leakage "$BIN" leakage --train "$OUT/split/train.jsonl" --validation "$OUT/split/validation.jsonl"
for o in text json github junit; do
  run "validate-$o" "$BIN" validate "$OUT/examples.jsonl" --output "$o"
done
run tokens "$BIN" tokens "$OUT/examples.jsonl"
run stats "$BIN" stats "$OUT/examples.jsonl"
run stats-json "$BIN" stats "$OUT/examples.jsonl" --output json
if [ -d "$SHARED/data/extraction-dev" ]; then
  run extract-dev "$BIN" extract "$SHARED/data/extraction-dev" -o "$OUT/dev-docs.jsonl" --jobs 2
  run extract-dev-full "$BIN" extract "$SHARED/data/extraction-dev" --all-text -o "$OUT/dev-docs-full.jsonl"
  run dedup-dev "$BIN" dedup "$OUT/dev-docs.jsonl" -o "$OUT/dev-dedup.jsonl" --clusters "$OUT/dev-clusters.jsonl" --jobs 2
  run instruct-dev "$BIN" instruct "$OUT/dev-dedup.jsonl" --to openai-chat -o "$OUT/dev-examples.jsonl"
  run validate-dev "$BIN" validate "$OUT/dev-examples.jsonl" --output json
  run leakage-dev "$BIN" leakage --train "$OUT/dev-examples.jsonl" --validation "$OUT/examples.jsonl" --output json
  run stats-dev "$BIN" stats "$OUT/dev-examples.jsonl"
fi
first=1
for docs in "$@"; do
  # The first set keeps the name build-docs, so hash lists made with one set still compare.
  if [ $first = 1 ]; then name=build-docs; first=0; else name=build-$(basename "$docs"); fi
  run "$name" "$BIN" build "$docs" -o "$OUT/$name"
done
rm -rf "$OUT/in"
find "$OUT" -type f | sort | while read -r f; do
  printf '%s  %s\n' "$(sed "s#$OUT#OUT#g" "$f" | sha256sum | cut -c1-64)" "${f#"$OUT"/}"
done
rm -rf "$FINAL"; mv "$OUT" "$FINAL"
