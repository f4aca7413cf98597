#!/usr/bin/env bash
# Waits until Slurm jobs (and every task of a job array) have finished, then says whether they all
# COMPLETED. Works without accounting (sacct needs slurmdbd): it polls `scontrol show job`, which
# knows finished jobs for MinJobAge seconds (scripts/slurm-cluster.sh sets 3600; Slurm's default
# is 300, so call this while the jobs run or soon after).
#
#   scripts/slurm-wait.sh [--timeout SECONDS] JOBID...    # JOBID: 12, 12_3 (one array task), 12;cluster
#
# Exit status: 0 every job and array task COMPLETED; 1 at least one ended otherwise (FAILED,
# CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL...) or can never run (its afterok dependency failed:
# PENDING with Reason=DependencyNeverSatisfied, or CANCELLED by DependencyParameters=kill_invalid_depend);
# 2 bad usage, timeout, or a job the controller no longer knows (its state cannot be told).
# Each problem is printed on stderr naming the job or array task (ARRAYJOB_TASK), its state, exit
# code, reason and output file.
#
# Environment: SLURM_CONF (as for every Slurm client), SLURM_WAIT_INTERVAL (poll period in seconds,
# default 1).
set -euo pipefail

usage() {
  echo "usage: $0 [--timeout SECONDS] JOBID..." >&2
  exit 2
}
TIMEOUT=0
if [ "${1:-}" = --timeout ]; then
  [ $# -ge 2 ] || usage
  TIMEOUT=$2
  shift 2
fi
[[ "$TIMEOUT" =~ ^[0-9]+$ ]] || usage
[ $# -ge 1 ] || usage
INTERVAL=${SLURM_WAIT_INTERVAL:-1}

IDS=()
for arg in "$@"; do
  id=${arg%%;*}
  [[ "$id" =~ ^[0-9]+(_[0-9]+)?$ ]] || { echo "slurm-wait: '$arg' is not a job id (12 or 12_3)" >&2; exit 2; }
  IDS+=("$id")
done

# One line per job record of `scontrol show job -o`, tab-separated:
# name state reason exitcode stdout. name is ARRAYJOB_TASK for array tasks (ARRAYJOB_[3-6] for tasks
# not started yet) or the job id.
records() { # scontrol output on stdin
  awk '
    function field(key,   i) {
      for (i = 1; i <= NF; i++) if (index($i, key "=") == 1) return substr($i, length(key) + 2)
      return ""
    }
    NF > 0 {
      name = field("JobId")
      if (field("ArrayJobId") != "") {
        task = field("ArrayTaskId")
        if (task ~ /^[0-9]+$/) name = field("ArrayJobId") "_" task
        else name = field("ArrayJobId") "_[" task "]"
      }
      out = $0
      if (sub(/.* StdOut=/, "", out)) sub(/ Power=.*$/, "", out); else out = ""
      printf "%s\t%s\t%s\t%s\t%s\n", name, field("JobState"), field("Reason"), field("ExitCode"), out
    }'
}

start=$SECONDS
while :; do
  pending=0
  finals=()
  unknown=()
  for id in "${IDS[@]}"; do
    if ! out=$(scontrol show job -o "$id" 2>&1); then
      case "$out" in
        *"Invalid job id"*) unknown+=("$id"); continue ;;
        *) echo "slurm-wait: scontrol failed (retrying): $out" >&2; pending=1; continue ;;
      esac
    fi
    while IFS=$'\t' read -r name state reason code stdout; do
      case "$state" in
        COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|PREEMPTED|BOOT_FAIL|DEADLINE|OUT_OF_MEMORY)
          finals+=("$name"$'\t'"$state"$'\t'"$reason"$'\t'"$code"$'\t'"$stdout") ;;
        PENDING)
          if [ "$reason" = DependencyNeverSatisfied ]; then
            finals+=("$name"$'\t'"NEVER_RUNS"$'\t'"$reason"$'\t'"$code"$'\t'"$stdout")
          else
            pending=1
          fi ;;
        *) pending=1 ;;
      esac
    done < <(printf '%s\n' "$out" | records)
  done
  [ "$pending" = 1 ] || break
  if [ "$TIMEOUT" -gt 0 ] && [ $((SECONDS - start)) -ge "$TIMEOUT" ]; then
    echo "slurm-wait: timeout after ${TIMEOUT}s; still queued or running:" >&2
    for id in "${IDS[@]}"; do squeue -h -r -j "$id" -o '  %i %T %r' 2>/dev/null >&2 || true; done
    exit 2
  fi
  sleep "$INTERVAL"
done

failed=0
total=0
for rec in "${finals[@]+"${finals[@]}"}"; do
  IFS=$'\t' read -r name state reason code stdout <<<"$rec"
  total=$((total + 1))
  [ "$state" = COMPLETED ] && continue
  failed=$((failed + 1))
  case "$state" in
    NEVER_RUNS) what="will never run: a job it depends on (afterok) did not complete" ;;
    CANCELLED) if [ "$reason" = DependencyNeverSatisfied ]; then
                 what="CANCELLED: a job it depends on (afterok) did not complete"
               else
                 what="CANCELLED (reason $reason)"
               fi ;;
    *) what="$state (exit code $code, reason $reason)" ;;
  esac
  [ -n "$stdout" ] && [ "$state" != NEVER_RUNS ] && [ "$reason" != DependencyNeverSatisfied ] \
    && what="$what; output: $stdout"
  echo "slurm-wait: job $name $what" >&2
done
for id in "${unknown[@]+"${unknown[@]}"}"; do
  echo "slurm-wait: job $id is unknown to the controller (never submitted, or purged after MinJobAge): its state cannot be told" >&2
done
if [ "$failed" -gt 0 ]; then
  echo "slurm-wait: $failed of $total jobs or array tasks did not complete" >&2
  exit 1
fi
[ "${#unknown[@]}" = 0 ] || exit 2
echo "slurm-wait: all $total jobs or array tasks completed" >&2
