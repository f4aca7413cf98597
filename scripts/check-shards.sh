#!/usr/bin/env bash
# Every sharded command against one process, on real data: for N in 1 2 4 7 16, runs the N
# shards (`--shard I/N`), joins them with `dataprep merge`, and compares the bytes (output,
# report) and the exit status with the same command run in one process.
#
#   scripts/check-shards.sh BIN DOCSET [WORK]      # e.g. .build/release/dataprep /usr/share/doc/postgresql-doc-15/html
#
# DOCSET is a folder of HTML pages (a Debian doc package). The commands: extract (with and
# without --remove-furniture), instruct, convert, dedup (signatures, candidates, clusters,
# filter over shards), split, leakage, validate (json), tokens --each, stats, filter and redact
# (records and --report, on one file and on five files). Prints one line per command and N;
# exits 1 at the first difference. Env: COUNTS ("1 2 4 7 16").
set -euo pipefail
BIN=$(realpath "${1:?usage: check-shards.sh BIN DOCSET [WORK]}")
DOCSET=$(realpath "${2:?usage: check-shards.sh BIN DOCSET [WORK]}")
WORK=${3:-$(mktemp -d /tmp/dataprep-shards.XXXXXX)}
mkdir -p "$WORK"
cd "$WORK"
COUNTS=${COUNTS:-1 2 4 7 16}
fail() { echo "check-shards: FAIL: $*" >&2; exit 1; }

# same NAME ONE_COMMAND... -- SHARD_COMMAND_WITHOUT_SHARD_FLAG...
# Runs the single command (its output named by the caller), then the shards and the merge into
# merged-NAME-N, comparing with `cmp` or `diff -r`; the shard command gets `-o parts-NAME-N`
# unless it contains PARTS, which is replaced by the parts folder.
check() {
  local name=$1 single=$2 merged_kind=$3
  shift 3
  local single_status=0
  rm -rf "single-$name"
  eval "$single" >"single-$name.stdout" 2>"single-$name.stderr" || single_status=$?
  for n in $COUNTS; do
    local parts=parts-$name-$n merged=merged-$name-$n status=0
    rm -rf "$parts" "$merged"
    for ((i = 0; i < n; i++)); do
      local command=${*//PARTS/$parts}
      eval "$command --shard $i/$n --quiet" >/dev/null 2>"shard-$name.stderr" || {
        cat "shard-$name.stderr" >&2
        fail "$name shard $i/$n exited non-zero"
      }
    done
    "$BIN" merge "$parts" -o "$merged" >/dev/null 2>"merge-$name.stderr" || status=$?
    [ "$status" = "$single_status" ] || { cat "merge-$name.stderr" >&2; fail "$name N=$n: merge exit $status, one process $single_status"; }
    if [ "$merged_kind" = dir ]; then
      diff -r "single-$name" "$merged" >/dev/null || fail "$name N=$n: $merged differs from single-$name"
    else
      cmp -s "single-$name" "$merged" || fail "$name N=$n: $merged differs from single-$name"
    fi
    echo "check-shards: $name N=$n: same bytes (exit $status)"
  done
}

# check_report NAME "INPUTS" ARGS...: `BIN ARGS INPUTS -o single-NAME --report single-NAME.report`
# once, then as N shards (`--report` recorded, written by the merge) merged into merged-NAME-N;
# the records, the report and the exit status must be the same.
check_report() {
  local name=$1 inputs=$2
  shift 2
  local single_status=0
  rm -f "single-$name" "single-$name.report"
  # shellcheck disable=SC2086
  "$BIN" "$@" $inputs -o "single-$name" --report "single-$name.report" --quiet || single_status=$?
  for n in $COUNTS; do
    local parts=parts-$name-$n merged=merged-$name-$n status=0
    rm -rf "$parts" "$merged" "$merged.report"
    for ((i = 0; i < n; i++)); do
      # shellcheck disable=SC2086
      "$BIN" "$@" $inputs -o "$parts" --report "$merged.report" --shard $i/$n --quiet 2>"shard-$name.stderr" || {
        cat "shard-$name.stderr" >&2
        fail "$name shard $i/$n exited non-zero"
      }
    done
    "$BIN" merge "$parts" -o "$merged" --quiet 2>"merge-$name.stderr" || status=$?
    [ "$status" = "$single_status" ] || { cat "merge-$name.stderr" >&2; fail "$name N=$n: merge exit $status, one process $single_status"; }
    cmp -s "single-$name" "$merged" || fail "$name N=$n: $merged differs from single-$name"
    cmp -s "single-$name.report" "$merged.report" || fail "$name N=$n: $merged.report differs from single-$name.report"
    echo "check-shards: $name N=$n: same bytes, records and report (exit $status)"
  done
}

B=$BIN
check extract "$B extract $DOCSET -o single-extract --quiet" file "$B extract $DOCSET -o PARTS"
check extract-furniture "$B extract $DOCSET --remove-furniture -o single-extract-furniture --quiet" file \
  "$B extract $DOCSET --remove-furniture -o PARTS"
DOCS=$WORK/single-extract-furniture
check instruct "$B instruct $DOCS --to openai-chat -o single-instruct --quiet" file "$B instruct $DOCS --to openai-chat -o PARTS"
EXAMPLES=$WORK/single-instruct
check convert "$B convert $EXAMPLES --to alpaca --skip-invalid -o single-convert --quiet" file \
  "$B convert $EXAMPLES --to alpaca --skip-invalid -o PARTS"
check split "$B split $EXAMPLES --ratio 0.9 -o single-split --quiet" dir "$B split $EXAMPLES --ratio 0.9 -o PARTS"
check leakage "$B leakage --train single-split/train.jsonl --validation single-split/validation.jsonl --output json -o single-leakage --quiet" file \
  "$B leakage --train single-split/train.jsonl --validation single-split/validation.jsonl --output json -o PARTS"
check validate "$B validate $EXAMPLES --output json --report-file single-validate --quiet" file \
  "$B validate $EXAMPLES --output json --report-file PARTS"
check tokens "$B tokens $EXAMPLES --format jsonl --each -o single-tokens --quiet" file "$B tokens $EXAMPLES --format jsonl --each -o PARTS"
check stats "$B stats $EXAMPLES -o single-stats --quiet" file "$B stats $EXAMPLES -o PARTS"
# filter and redact: one file cut by bytes, and five files taken whole (files[I::N]).
rm -rf docs-files && mkdir -p docs-files
split -n l/5 -d --additional-suffix=.jsonl "$DOCS" docs-files/docs-
FILES=$(ls docs-files/*.jsonl | LC_ALL=C sort | tr '\n' ' ')
check_report filter "$DOCS" filter --rules all
check_report filter-files "$FILES" filter --rules all --annotate
check_report redact "$DOCS" redact
check_report redact-files "$FILES" redact --mode drop-record
check_report redact-examples "$EXAMPLES" redact
# dedup: signatures, candidates and filter as N shards each, clusters as one task.
rm -f single-dedup single-dedup-clusters
"$B" dedup "$DOCS" -o single-dedup --clusters single-dedup-clusters --quiet
for n in $COUNTS; do
  d=dedup-$n
  rm -rf "$d" && mkdir -p "$d"
  for ((i = 0; i < n; i++)); do "$B" dedup "$DOCS" --stage signatures --shard $i/$n -o "$d/sigs" --quiet; done
  for ((i = 0; i < n; i++)); do "$B" dedup --stage candidates --signatures "$d/sigs" --shard $i/$n -o "$d/pairs" --quiet; done
  "$B" dedup --stage clusters --signatures "$d/sigs" --pairs "$d/pairs" -o "$d/decisions" --clusters "$d/clusters" --quiet
  for ((i = 0; i < n; i++)); do "$B" dedup "$DOCS" --stage filter --decisions "$d/decisions" --shard $i/$n -o "$d/kept" --quiet; done
  "$B" merge "$d/kept" -o "$d/kept.jsonl" --quiet
  cmp -s single-dedup "$d/kept.jsonl" || fail "dedup N=$n: kept records differ from one process"
  cmp -s single-dedup-clusters "$d/clusters" || fail "dedup N=$n: clusters differ from one process"
  echo "check-shards: dedup N=$n: same bytes (kept records and clusters)"
done
echo "check-shards: every command, N in $COUNTS: same bytes as one process ($WORK)"
