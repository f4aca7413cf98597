#!/usr/bin/env bash
# The scale-out build on a real Slurm: `dataprep build --executor slurm --submit` as job arrays
# on the one-node cluster of scripts/slurm-cluster.sh, compared byte for byte with the
# single-process build.
#
#   scripts/check-slurm-build.sh [DATAPREP_BINARY]      # as root; default .build/release/dataprep
#
# For each source (samples/, and a generated corpus of 3,000 documentation pages with shared
# furniture, near and exact copies: scripts/make-doc-corpus.sh) and N in 4 and 7: writes and
# submits the plan, waits for every job with scripts/slurm-wait.sh (a failed array task fails
# the check, naming it), then compares every file of the folder with `dataprep build SOURCE`
# in one process. Also reruns submit.sh on a finished plan: every shard must skip through its
# marker and the folder must not change. Stops the daemons it started.
# Env: CORPUS_DOCS (3000), TASKS ("4 7"), KEEP=1 keeps the work folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/.build/release/dataprep}")
CLUSTER=$ROOT/scripts/slurm-cluster.sh
WAIT=$ROOT/scripts/slurm-wait.sh
STATE=/tmp/dataprep-slurm-build
T0=$SECONDS
log() { echo "check-slurm-build: $*" >&2; }
fail() { log "FAIL: $*"; exit 1; }
[ -x "$BIN" ] || fail "no dataprep binary at $BIN (swift build -c release --product dataprep)"

WAS_RUNNING=0
if "$CLUSTER" status "$STATE" >/dev/null 2>&1; then WAS_RUNNING=1; fi
WORK=$(mktemp -d /tmp/dataprep-slurm-build.XXXXXX)
cleanup() {
  local rc=$?
  if [ "$WAS_RUNNING" = 0 ]; then "$CLUSTER" stop "$STATE" >&2 || rc=1; fi
  if [ "${KEEP:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

eval "$("$CLUSTER" start "$STATE")"
log "cluster up after $((SECONDS - T0)) s"

"$ROOT/scripts/make-doc-corpus.sh" "$WORK/corpus" "${CORPUS_DOCS:-3000}" 2>/dev/null
cp -R "$ROOT/samples" "$WORK/samples"
cd "$WORK"

# Submits plan PLAN's jobs (submit.sh prints "step: jobid" lines) and waits for all of them.
submit_and_wait() {
  local plan=$1 ids
  ids=$("$plan/submit.sh" | awk '{ print $NF }')
  [ -n "$ids" ] || fail "$plan/submit.sh printed no job ids"
  # shellcheck disable=SC2086
  "$WAIT" --timeout 1800 $ids || { tail -n 20 "$plan"/logs/* >&2 || true; fail "a job of $plan did not complete"; }
}

for source in samples corpus; do
  "$BIN" build "$source" -o "local-$source" --quiet || [ $? = 1 ] || fail "local build of $source failed"
  for n in ${TASKS:-4 7}; do
    out=slurm-$source-$n
    t=$SECONDS
    "$BIN" build "$source" -o "$out" --executor slurm --task-count "$n" --quiet
    submit_and_wait "$out.plan"
    diff -r "local-$source" "$out" >/dev/null || { diff -r "local-$source" "$out" | head -20 >&2; fail "$out differs from the local build"; }
    log "$source, $n tasks: byte-identical to the local build ($((SECONDS - t)) s)"
  done
done

# A finished plan submitted again: every shard skips, the folder stays as it is.
before=$(cd slurm-samples-4 && find . -type f -print0 | sort -z | xargs -0 sha256sum)
submit_and_wait slurm-samples-4.plan
after=$(cd slurm-samples-4 && find . -type f -print0 | sort -z | xargs -0 sha256sum)
[ "$before" = "$after" ] || fail "resubmitting a finished plan changed the folder"
grep -l "already done" slurm-samples-4.plan/logs/* >/dev/null || fail "no shard said it was already done on the rerun"
log "resubmitted plan: shards skipped, folder unchanged"
log "OK in $((SECONDS - T0)) s"
