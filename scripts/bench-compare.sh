#!/bin/sh
# Times two dataprep binaries on the same workloads, interleaved, and prints for each workload the
# smallest CPU time (user + sys) of each and their ratio: the check that a refactor left every
# stage as fast as before (a noisy shared machine inflates single runs, the minimum is robust).
#
#   scripts/bench-compare.sh BASE_BIN NEW_BIN WORK_DIR [ROUNDS]
#
# WORK_DIR receives the inputs: a 30 MB OpenAI chat dataset (scripts/gen-chat-dataset.py), the
# 990 pages of ../shared/data/extraction-dev extracted once, eight copies of them for dedup; and,
# when present, the PostgreSQL manual fetched by scripts/fetch-doc-corpora.sh (DOCSET=folder).
set -eu
BASE=$1
NEW=$2
WORK=$3
ROUNDS=${4:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEV=$ROOT/../shared/data/extraction-dev
mkdir -p "$WORK"
cd "$WORK"
[ -f chat30.jsonl ] || python3 "$ROOT/scripts/gen-chat-dataset.py" chat30.jsonl --mb 30 >/dev/null
[ -f dev-docs.jsonl ] || "$BASE" extract "$DEV" -o dev-docs.jsonl --quiet
[ -f docs8.jsonl ] || for i in 1 2 3 4 5 6 7 8; do sed "s/\"id\":\"/\"id\":\"c$i-/" dev-docs.jsonl; done >docs8.jsonl
[ -f chat-train.jsonl ] || { head -n 6900 chat30.jsonl >chat-train.jsonl; tail -n +6901 chat30.jsonl >chat-val.jsonl; }

cpu() { # prints user+sys seconds of one run of the command
  /usr/bin/time -f "%U %S" -o "$WORK/.time" "$@" >/dev/null 2>"$WORK/.stderr" || true
  if grep -q 'terminated by signal' "$WORK/.time"; then
    echo "$* crashed: $(cat "$WORK/.time")" >&2
  fi
  tail -n 1 "$WORK/.time" | awk '{ printf "%.2f", $1 + $2 }'
}
workload() { # name args... (run as: BIN args)
  name=$1; shift
  best_base=; best_new=
  i=0
  while [ $i -lt "$ROUNDS" ]; do
    b=$(cpu "$BASE" "$@"); n=$(cpu "$NEW" "$@")
    best_base=$(echo "$b $best_base" | awk '{ if (NF == 1 || $1 < $2) print $1; else print $2 }')
    best_new=$(echo "$n $best_new" | awk '{ if (NF == 1 || $1 < $2) print $1; else print $2 }')
    i=$((i + 1))
  done
  echo "$name $best_base $best_new" | awk '{ printf "| %s | %.2f | %.2f | %+.1f%% |\n", $1, $2, $3, ($3 / $2 - 1) * 100 }'
}
echo "| workload | base CPU s | new CPU s | change |"
echo "|---|---|---|---|"
workload extract-main-content extract "$DEV" -o /dev/null --jobs 1 --quiet
workload extract-all-text extract "$DEV" --all-text -o /dev/null --jobs 1 --quiet
workload dedup-107MB dedup docs8.jsonl -o /dev/null --jobs 1 --quiet
workload instruct instruct dev-docs.jsonl --to openai-chat -o /dev/null --quiet
workload convert-30MB convert chat30.jsonl --to sharegpt --skip-invalid -o /dev/null --quiet
workload split-30MB split chat30.jsonl --ratio 0.9 -o split-out --force --quiet
workload leakage-30MB leakage --train chat-train.jsonl --validation chat-val.jsonl --quiet
workload validate-30MB validate chat30.jsonl --quiet
workload stats-30MB stats chat30.jsonl
workload tokens-30MB tokens chat30.jsonl
if [ -n "${DOCSET:-}" ]; then
  workload build-docset build "$DOCSET" -o build-out --force --quiet
fi
