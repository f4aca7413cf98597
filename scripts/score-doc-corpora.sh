#!/usr/bin/env bash
# Builds a dataset from each real documentation set fetched by fetch-doc-corpora.sh and prints
# the issue-14 scorecard (scripts/score-dataset.py) with the build time of each.
#
#   scripts/score-doc-corpora.sh [CACHE] [OUT]   (defaults: ../doc-corpora, /tmp/dataprep-doc-scores)
#
# Uses the release binary (.build/release/dataprep; `swift build -c release` first) with its
# bundled tokenizer, and tiktoken (pip install tiktoken) with ../shared/data/tokenizers for the
# scorecard's own token counts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-"$root/../doc-corpora"}
out=${2:-/tmp/dataprep-doc-scores}
binary="$root/.build/release/dataprep"
[ -x "$binary" ] || { echo "build the release binary first: swift build -c release" >&2; exit 2; }
[ -d "$cache/sets" ] || "$root/scripts/fetch-doc-corpora.sh" "$cache"
mkdir -p "$out"
folders=()
for set in "$cache"/sets/*; do
  name=$(basename "$set")
  /usr/bin/time -f "$name: %e s wall, %U s user, %M KB max RSS" "$binary" build "$set" -o "$out/$name" --force --quiet || true
  folders+=("$out/$name")
done
python3 "$root/scripts/score-dataset.py" "${folders[@]}"
