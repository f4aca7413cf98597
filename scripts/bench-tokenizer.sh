#!/usr/bin/env bash
# Tokenizer throughput: dataprep (release, one thread) against tiktoken encode_ordinary (one
# thread) on the same ~50 MB real text, with the same rank files, in the same run.
#
#   scripts/bench-tokenizer.sh [VENV] [CORPUS]
#
# VENV: a virtualenv with tiktoken (default /work/venv-tok: python3 -m venv DIR && DIR/bin/pip
# install tiktoken). CORPUS: the text (default /tmp/dataprep-token-corpus.txt, built when absent
# by scripts/bench_tokenizer_peer.py corpus). Rank files: ../shared/data/tokenizers.
# Prints one JSON line per run: wall and CPU seconds, MB/s, token count and an FNV checksum of
# the ids (equal checksums: identical ids). Set BATCH_THREADS=N to also time tiktoken's
# encode_ordinary_batch with N threads.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${1:-/work/venv-tok}
CORPUS=${2:-/tmp/dataprep-token-corpus.txt}
RANKS=$(cd ../shared/data/tokenizers && pwd)
PY="$VENV/bin/python"
if [ ! -s "$CORPUS" ]; then
  "$PY" scripts/bench_tokenizer_peer.py corpus "$CORPUS" --mb 50 --shared ../shared
fi
swift build -c release --product bench-tokenizer >/dev/null
BENCH=.build/release/bench-tokenizer
for encoding in o200k_base cl100k_base; do
  "$BENCH" "$CORPUS" "$RANKS/$encoding.tiktoken.gz" "${REPEAT:-1}"
  "$PY" scripts/bench_tokenizer_peer.py run "$CORPUS" --ranks "$RANKS" --encoding "$encoding" \
    --repeat "${REPEAT:-1}" --batch-threads "${BATCH_THREADS:-0}"
done
