#!/bin/sh
# Times a clean build of one commit as CI does it (a fresh clone, `swift build --build-tests`):
# wall time and CPU time (user + sys of every compiler process). CPU time is the fair figure on
# a shared machine; wall time is only comparable between runs made under the same load.
#
#   scripts/measure-clean-build.sh REV [WORK_DIR]      # e.g. REV = main, or a commit
set -eu
REV=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${2:-$(mktemp -d)}
rm -rf "$WORK/clone"
git clone -q "$ROOT" "$WORK/clone"
git -C "$WORK/clone" checkout -q "$REV"
cd "$WORK/clone"
/usr/bin/time -f "clean build of $REV: wall %e s, user %U s, sys %S s, max RSS %M KB" \
  swift build --build-tests >"$WORK/build.log" 2>"$WORK/time.txt" || { tail -n 20 "$WORK/build.log" >&2; exit 1; }
tail -n 1 "$WORK/time.txt"
echo "build steps: $(grep -c '^\[' "$WORK/build.log" || true) (log: $WORK/build.log)"
