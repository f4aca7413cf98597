#!/usr/bin/env bash
# End to end: `dataprep instruct --generator openai-compatible` on CHUNKS sections (one chunk
# each, qa task) at CONCURRENCY against the chat test server adding LATENCY_MS to every call
# (`bench-chat --serve-documentation`), with an empty cache; then the same run again, all cached.
#
#   swift build -c release --product dataprep --product bench-chat
#   scripts/bench-instruct-model.sh .build/release [CHUNKS] [CONCURRENCY] [LATENCY_MS]
set -euo pipefail
BIN=${1:?usage: bench-instruct-model.sh RELEASE_BIN_DIR [CHUNKS] [CONCURRENCY] [LATENCY_MS]}
CHUNKS=${2:-1000}
CONCURRENCY=${3:-16}
LATENCY=${4:-50}
work=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$work"' EXIT
# One document per chunk: a section of three distinct sentences.
python3 - "$CHUNKS" >"$work/docs.jsonl" <<'PY'
import json, sys
n = int(sys.argv[1])
for i in range(n):
    text = (f"Step {i} unpacks archive {i * 7919 % 10007} into folder {i * 104729 % 99991}. "
            f"Worker {i} reports status code {i * 31 % 997} when the job {i} finishes. "
            f"Node {i} restarts service {i * 13 % 257} after timeout {i % 60} seconds.")
    print(json.dumps({"id": f"d{i}", "source": f"page{i}.html", "format": "html", "title": f"Page {i}",
                      "text": "", "sections": [{"heading": f"Part {i}", "level": 2, "text": text}], "metadata": {}}))
PY
exec 3> >("$BIN/bench-chat" --serve-documentation "$LATENCY" >"$work/url")
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
URL=$(cat "$work/url")
run() {
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB" "$BIN/dataprep" instruct "$work/docs.jsonl" --to openai-chat \
    --generator openai-compatible --base-url "$URL" --model bench --model-tasks qa --questions-per-chunk 1 \
    --concurrency "$CONCURRENCY" --cache "$work/cache" -o "$work/out.jsonl" 2>&1 | grep -E "calls|examples from| s wall"
}
echo "first run ($CHUNKS chunks, concurrency $CONCURRENCY, server latency $LATENCY ms; ideal $(python3 -c "print($CHUNKS*$LATENCY/1000/$CONCURRENCY)") s):"
run
echo "second run (every reply cached):"
run
