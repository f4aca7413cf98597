#!/usr/bin/env bash
# End to end: `dataprep instruct --generator openai-compatible` on CHUNKS sections (one chunk
# each, qa task) at CONCURRENCY against the chat test server adding LATENCY_MS to every call
# (`bench-chat --serve-documentation`), with an empty cache; then the same run again, all cached;
# then at concurrency 1 with a fresh cache, whose output must be the same bytes (exit 1 if not).
# .ci/run runs it small on the release build, as a check that optimised code gets it right.
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
# One document per chunk: a section of three sentences made of made-up words, so the stand-in's
# questions (a sentence's first words) are not near duplicates of each other.
python3 - "$CHUNKS" >"$work/docs.jsonl" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(7)
syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vek", "dor", "pli", "an", "zu", "qe", "bor", "fin", "gal"]
def word():
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
def sentence():
    return " ".join(word() for _ in range(rng.randint(8, 12))).capitalize() + "."
for i in range(n):
    text = " ".join(sentence() for _ in range(3))
    print(json.dumps({"id": f"d{i}", "source": f"page{i}.html", "format": "html", "title": f"Page {i}",
                      "text": "", "sections": [{"heading": f"Part {i}", "level": 2, "text": text}], "metadata": {}}))
PY
exec 3> >("$BIN/bench-chat" --serve-documentation "$LATENCY" >"$work/url")
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
URL=$(cat "$work/url")
run() {  # CONCURRENCY CACHE OUTPUT
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB" "$BIN/dataprep" instruct "$work/docs.jsonl" --to openai-chat \
    --generator openai-compatible --base-url "$URL" --model bench --model-tasks qa --questions-per-chunk 1 \
    --concurrency "$1" --cache "$2" -o "$3" 2>&1 | grep -E "calls|examples from| s wall"
}
echo "first run ($CHUNKS chunks, concurrency $CONCURRENCY, server latency $LATENCY ms; ideal $(python3 -c "print($CHUNKS*$LATENCY/1000/$CONCURRENCY)") s):"
run "$CONCURRENCY" "$work/cache" "$work/out.jsonl"
echo "second run (every reply cached):"
run "$CONCURRENCY" "$work/cache" "$work/out.jsonl"
echo "concurrency 1, fresh cache:"
run 1 "$work/cache-1" "$work/out-1.jsonl"
if cmp -s "$work/out.jsonl" "$work/out-1.jsonl"; then
  echo "bench-instruct-model: concurrency $CONCURRENCY and 1 wrote the same $(wc -l <"$work/out.jsonl") examples"
else
  echo "bench-instruct-model: concurrency $CONCURRENCY and 1 wrote different outputs" >&2
  exit 1
fi
