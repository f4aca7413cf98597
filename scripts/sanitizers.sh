#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and ThreadSanitizer, each in its own scratch folder
# (.build-asan, .build-tsan: ignored by git).
#
#   scripts/sanitizers.sh [asan|tsan|all] [swift test filter]
#
# ASAN_OPTIONS=detect_leaks=0: the test runner's own allocations are reported as leaks otherwise.
# Tests that spawn the dataprep binary look for .build/debug/dataprep (run `swift build` first)
# and skip with a message when it is absent; the binary there is not sanitized.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
which=${1:-all}
filter=${2:-}
filter_args=()
[[ -n $filter ]] && filter_args=(--filter "$filter")

run() {
  local sanitizer=$1 scratch=$2
  echo "== $sanitizer: building in $scratch" >&2
  nice -n 10 swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
  echo "== $sanitizer: testing" >&2
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0} \
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "${filter_args[@]}"
}

case "$which" in
  asan) run address .build-asan ;;
  tsan) run thread .build-tsan ;;
  all) run address .build-asan; run thread .build-tsan ;;
  *) echo "usage: scripts/sanitizers.sh [asan|tsan|all] [filter]" >&2; exit 2 ;;
esac
