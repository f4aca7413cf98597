#!/bin/bash
# Runs dedup over shards on CORPUS and reports each stage's peak RSS (max over its tasks) and
# time, the pair count, and whether the merged output equals a single process's.
#
# Usage: scripts/bench-dedup-shards.sh BIN CORPUS N WORK [--single] [dedup flags...]
#   BIN     a dataprep binary (release: swift build -c release --product dataprep)
#   CORPUS  JSONL documents (scripts/gen-dedup-corpus.py RECORDS CORPUS)
#   N       shards per stage (signatures, candidates, filter); clusters is one task
#   WORK    a scratch folder (emptied)
#   --single  also run one process (dedup CORPUS -o ...) and compare bytes
# Tasks run one after another with --jobs 1, as array tasks on a 1-CPU slot would.
set -euo pipefail
BIN=$1; CORPUS=$2; N=$3; WORK=$4; shift 4
SINGLE=0
if [[ "${1:-}" == "--single" ]]; then SINGLE=1; shift; fi
rm -rf "$WORK"; mkdir -p "$WORK/time"
measure() {  # name, command...: runs it under /usr/bin/time -v
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/time/$name" "$@" --jobs 1 --quiet
}
rss() { awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time/$1"; }
secs() { awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time/$1"; }
for ((i = 0; i < N; i++)); do measure "sig-$i" "$BIN" dedup "$CORPUS" --stage signatures --shard "$i/$N" -o "$WORK/sigs" "$@"; done
for ((i = 0; i < N; i++)); do measure "cand-$i" "$BIN" dedup --stage candidates --signatures "$WORK/sigs" --shard "$i/$N" -o "$WORK/pairs" "$@"; done
measure clusters "$BIN" dedup --stage clusters --signatures "$WORK/sigs" --pairs "$WORK/pairs" -o "$WORK/decisions" --clusters "$WORK/clusters.jsonl" "$@"
for ((i = 0; i < N; i++)); do measure "filter-$i" "$BIN" dedup "$CORPUS" --stage filter --decisions "$WORK/decisions" --shard "$i/$N" -o "$WORK/kept" "$@"; done
"$BIN" merge "$WORK/kept" -o "$WORK/kept.jsonl" 2> "$WORK/summary.txt"
pairs=$(cat "$WORK"/pairs/*.done.json | python3 -c '
import json, sys
text = sys.stdin.read()
dec = json.JSONDecoder(); i = 0; near = links = 0
while i < len(text):
    while i < len(text) and text[i].isspace(): i += 1
    if i >= len(text): break
    obj, i = dec.raw_decode(text, i)
    near += obj["report"]["near_pairs"]; links += obj["report"]["exact_links"]
print(near, links)')
printf 'records: %s  shards: %s  flags: %s\n' "$(wc -l < "$CORPUS")" "$N" "$*"
printf 'near pairs, exact links: %s\n' "$pairs"
for stage in sig cand filter; do
  max=0; total=0
  for ((i = 0; i < N; i++)); do
    r=$(rss "$stage-$i"); s=$(secs "$stage-$i")
    (( r > max )) && max=$r
    total=$(python3 -c "print(round($total + $s, 2))")
  done
  printf '%-9s max RSS %7d KB  total wall %8s s over %d tasks\n' "$stage" "$max" "$total" "$N"
done
printf '%-9s max RSS %7d KB  total wall %8s s\n' clusters "$(rss clusters)" "$(secs clusters)"
cat "$WORK/summary.txt"
if (( SINGLE )); then
  /usr/bin/time -v -o "$WORK/time/single" "$BIN" dedup "$CORPUS" -o "$WORK/one.jsonl" --clusters "$WORK/one-clusters.jsonl" --jobs 1 --quiet "$@"
  printf '%-9s max RSS %7d KB  wall %8s s\n' single "$(rss single)" "$(secs single)"
  cmp "$WORK/one.jsonl" "$WORK/kept.jsonl" && cmp "$WORK/one-clusters.jsonl" "$WORK/clusters.jsonl" && echo "merged output == one process"
fi
