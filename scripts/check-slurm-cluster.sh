#!/usr/bin/env bash
# Proves the one-node Slurm cluster of scripts/slurm-cluster.sh works for dataprep's job arrays:
#
#   scripts/check-slurm-cluster.sh [STATE_DIR]        # as root; exit 0 when every check passes
#
# 1. starts the cluster (installing the packages when missing);
# 2. submits a job array of 7 tasks, each writing "$SLURM_ARRAY_TASK_ID $SLURM_ARRAY_TASK_MIN
#    $SLURM_ARRAY_TASK_COUNT", and a job --dependency=afterok on it that concatenates the files;
#    waits with scripts/slurm-wait.sh and checks 7 lines, ids 0..6, MIN 0, COUNT 7, the other
#    array variables, and (with 2 CPUs or more) that two tasks ran at the same time;
# 3. submits an array whose task 1 fails and an afterok dependent: the dependent must not run and
#    slurm-wait.sh must exit 1 naming the failed task;
# 4. stops the cluster on exit, unless it was already running before (then it leaves it alone).
# Set KEEP=1 to keep the work folder (job outputs) for inspection.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLUSTER=$ROOT/scripts/slurm-cluster.sh
WAIT=$ROOT/scripts/slurm-wait.sh
STATE=${1:-/tmp/dataprep-slurm}
T0=$SECONDS

log() { echo "check-slurm-cluster: $*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

WAS_RUNNING=0
if "$CLUSTER" status "$STATE" >/dev/null 2>&1; then WAS_RUNNING=1; fi
WORK=$(mktemp -d /tmp/dataprep-slurm-check.XXXXXX)
cleanup() {
  local rc=$?
  if [ "$WAS_RUNNING" = 0 ]; then "$CLUSTER" stop "$STATE" || rc=1; fi
  if [ "${KEEP:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

eval "$("$CLUSTER" start "$STATE")"
log "cluster up after $((SECONDS - T0)) s (SLURM_CONF=$SLURM_CONF)"
mkdir -p "$WORK/out" "$WORK/logs"
cd "$WORK"

# --- 1. a 7-task array and an afterok job that joins its outputs.
cat >task.sh <<'EOF'
#!/bin/sh
# One array task: its shard line, its SLURM_ variables, and when it ran (to see tasks overlap).
start=$(date +%s%N)
printf '%s %s %s\n' "$SLURM_ARRAY_TASK_ID" "$SLURM_ARRAY_TASK_MIN" "$SLURM_ARRAY_TASK_COUNT" \
  >"out/task-$SLURM_ARRAY_TASK_ID.txt"
env | grep '^SLURM' | sort >"out/env-$SLURM_ARRAY_TASK_ID.txt"
sleep 0.5
echo "$start $(date +%s%N)" >"out/time-$SLURM_ARRAY_TASK_ID.txt"
EOF
A=$(sbatch --parsable --job-name=check-array --array=0-6 --output="$WORK/logs/%A_%a.out" task.sh)
B=$(sbatch --parsable --job-name=check-join --dependency=afterok:"$A" --output="$WORK/logs/%j.out" \
  --wrap 'for i in 0 1 2 3 4 5 6; do cat "out/task-$i.txt"; done >all.txt')
log "submitted array $A and dependent $B"
"$WAIT" "$A" "$B" || fail "slurm-wait.sh $A $B exited $? (expected 0)"

[ -f all.txt ] || fail "the afterok job $B wrote no all.txt"
[ "$(wc -l <all.txt)" = 7 ] || fail "all.txt has $(wc -l <all.txt) lines, expected 7"
expected=$(for i in 0 1 2 3 4 5 6; do echo "$i 0 7"; done)
[ "$(cat all.txt)" = "$expected" ] || fail "all.txt is not 'ID 0 7' for ids 0..6: $(cat all.txt)"
env3=out/env-3.txt
for want in SLURM_ARRAY_JOB_ID="$A" SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=0 \
  SLURM_ARRAY_TASK_MAX=6 SLURM_ARRAY_TASK_COUNT=7 SLURM_ARRAY_TASK_STEP=1 SLURM_CPUS_ON_NODE=1 \
  SLURM_SUBMIT_DIR="$WORK" SLURM_CONF="$SLURM_CONF"; do
  grep -qx "$want" "$env3" || fail "task 3 lacks $want; its SLURM variables: $(tr '\n' ' ' <"$env3")"
done
[ -f "logs/${A}_3.out" ] || fail "no output file logs/${A}_3.out (--output %A_%a)"
if [ "$(nproc --all)" -ge 2 ]; then
  # Two tasks overlap when one starts before the other ends.
  overlap=$(cat out/time-*.txt | sort -n | awk 'NR > 1 && $1 < last_end { found = 1 } { if ($2 > last_end) last_end = $2 } END { print found + 0 }')
  [ "$overlap" = 1 ] || fail "no two array tasks ran at the same time (CR_Core should give one CPU each)"
fi
log "array of 7 and afterok join: OK ($((SECONDS - T0)) s)"

# --- 2. a failing task: the afterok dependent never runs, slurm-wait.sh names the task and fails.
F=$(sbatch --parsable --job-name=check-fail --array=0-2 --output="$WORK/logs/%A_%a.out" \
  --wrap 'exit $((SLURM_ARRAY_TASK_ID == 1 ? 3 : 0))')
D=$(sbatch --parsable --job-name=check-never --dependency=afterok:"$F" --output="$WORK/logs/%j.out" \
  --wrap 'touch dependent-ran')
log "submitted array $F (task 1 fails) and dependent $D"
set +e
"$WAIT" "$F" "$D" 2>wait.err
rc=$?
set -e
cat wait.err >&2
[ "$rc" = 1 ] || fail "slurm-wait.sh $F $D exited $rc, expected 1"
grep -q "job ${F}_1 FAILED (exit code 3:0" wait.err || fail "slurm-wait.sh did not name the failed task ${F}_1"
grep -q "job $D " wait.err || fail "slurm-wait.sh did not name the dependent $D that never ran"
grep -q "job ${F}_0 " wait.err && fail "slurm-wait.sh reported task ${F}_0, which completed"
[ ! -e dependent-ran ] || fail "the afterok dependent $D ran although task ${F}_1 failed"
log "failing task stops its afterok dependent: OK"

log "OK in $((SECONDS - T0)) s"
