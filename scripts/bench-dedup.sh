#!/bin/sh
# Measures `dataprep dedup` and its Python peers on the dedup benchmark corpus in one run, each
# under /usr/bin/time (CPU time and peak RSS), and scores every output against the exact truth.
#
#   scripts/bench-dedup.sh BENCH_DIR VENV [DATAPREP]
#
# BENCH_DIR holds data/corpus.jsonl and data/truth.json (from make_corpus.py); VENV has datasketch,
# rensa, xxhash and psutil; DATAPREP defaults to .build/release/dataprep. Results go to
# BENCH_DIR/results/. The shared folder is ../shared from the project root.
set -eu
BENCH=$1
VENV=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATAPREP=${3:-$ROOT/.build/release/dataprep}
SHARED=$ROOT/../shared/bench/dedup
OUT=$BENCH/results
mkdir -p "$OUT" "$BENCH/work"
CORPUS=$BENCH/data/corpus.jsonl
TRUTH=$BENCH/data/truth.json
timed() { # label command...
  label=$1; shift
  /usr/bin/time -f "$label user=%U sys=%S wall=%e maxrss_kb=%M" "$@" 2>>"$OUT/times.txt" >/dev/null || {
    echo "$label FAILED" >>"$OUT/times.txt"; }
}
: >"$OUT/times.txt"
for jobs in 1 2; do
  timed "dataprep-default-jobs$jobs" "$DATAPREP" dedup "$CORPUS" -o "$OUT/kept-default-jobs$jobs.jsonl" \
    --clusters "$OUT/clusters-default-jobs$jobs.jsonl" --jobs $jobs --quiet
done
cmp -s "$OUT/kept-default-jobs1.jsonl" "$OUT/kept-default-jobs2.jsonl" &&
  cmp -s "$OUT/clusters-default-jobs1.jsonl" "$OUT/clusters-default-jobs2.jsonl" &&
  echo "jobs 1 and 2: identical output" >>"$OUT/times.txt"
timed "dataprep-minhash-estimate-jobs1" "$DATAPREP" dedup "$CORPUS" -o "$OUT/kept-minhash-estimate.jsonl" \
  --clusters "$OUT/clusters-minhash-estimate.jsonl" --jobs 1 --signature minhash --verify estimate --quiet
timed "dataprep-minhash-exact-jobs1" "$DATAPREP" dedup "$CORPUS" -o "$OUT/kept-minhash-exact.jsonl" \
  --clusters "$OUT/clusters-minhash-exact.jsonl" --jobs 1 --signature minhash --quiet
timed "dataprep-nopartial-jobs1" "$DATAPREP" dedup "$CORPUS" -o /dev/null --jobs 1 --no-partial --quiet
for peer in datasketch rensa; do
  timed "$peer" "$VENV/bin/python" "$SHARED/run_peers.py" --worker --peer $peer --corpus "$CORPUS" \
    --result "$BENCH/work/cpu_$peer.json" --workdir "$BENCH/work/$peer"
done
for v in default-jobs1 minhash-estimate minhash-exact; do
  python3 "$ROOT/scripts/score-dedup.py" --corpus "$CORPUS" --truth "$TRUTH" \
    --clusters "$OUT/clusters-$v.jsonl" --shared "$SHARED" --json "$OUT/score-$v.json" >/dev/null
done
cat "$OUT/times.txt"
