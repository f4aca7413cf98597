#!/bin/sh
# Main-content extraction benchmark on the trafilatura evaluation set (990 scored pages):
# accuracy (score.py, plus the two fixed halves) and speed of `dataprep extract` (release build,
# --jobs 1 and 2, wall and CPU time, max RSS), the libxml2 parse-only floor, and the Python peers
# in the same run (trafilatura, resiliparse when installed in the peers' venv).
#
# Usage (from the repository root): scripts/bench-extraction.sh [OUT_DIR]
#   DATA=../shared/data/extraction-dev  PEERS_VENV=/work/venv-mc  PEERS="trafilatura resiliparse"
#   FAVOR=balanced  (dataprep --favor)  SCRATCH=.build  (swift build --scratch-path)
set -eu
DATA=${DATA:-../shared/data/extraction-dev}
TESTS=$DATA/trafilatura_eval/tests
OUT=${1:-/tmp/bench-extraction}
PEERS_VENV=${PEERS_VENV:-/work/venv-mc}
PEERS=${PEERS:-trafilatura resiliparse}
FAVOR=${FAVOR:-balanced}
SCRIPTS=$(cd "$(dirname "$0")" && pwd)
[ -f "$TESTS/evaldata.json" ] || { echo "no evaluation set at $TESTS (set DATA)" >&2; exit 2; }
mkdir -p "$OUT/pred"

SCRATCH=${SCRATCH:-.build}
swift build -c release --scratch-path "$SCRATCH" --product dataprep >&2
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/dataprep

# The scored pages, looked up in cache/ then eval/ as score.py does.
python3 - "$TESTS" > "$OUT/files.txt" <<'PY'
import json, sys
from pathlib import Path
tests = Path(sys.argv[1])
for item in json.loads((tests / "evaldata.json").read_text("utf8")).values():
    for folder in ("cache", "eval"):
        p = tests / folder / item["file"]
        if p.is_file():
            print(p)
            break
PY
BYTES=$(xargs -d "\n" cat < "$OUT/files.txt" | wc -c)
echo "pages: $(wc -l < "$OUT/files.txt"), bytes: $BYTES"

# Seconds and MB/s from a /usr/bin/time -v report.
report() { # label time-file
  awk -v label="$1" -v bytes="$BYTES" -F': ' '
    /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {rss=$2}
    /Elapsed \(wall clock\)/ {n=split($2, p, ":"); w=0; for (i=1;i<=n;i++) w=w*60+p[i]}
    END {printf "%s: wall %.2f s (%.1f MB/s), cpu %.2f s (%.1f MB/s per CPU-second), max RSS %d MB\n",
         label, w, bytes/1e6/w, u+s, bytes/1e6/(u+s), rss/1024}' "$2"
}

for jobs in 1 2; do
  /usr/bin/time -v -o "$OUT/time-j$jobs.txt" xargs -d "\n" -x -s 1500000 "$BIN" extract --quiet --favor "$FAVOR" --text-format plain \
    --jobs "$jobs" -o "$OUT/dataprep-j$jobs.jsonl" < "$OUT/files.txt"
  report "dataprep extract --jobs $jobs" "$OUT/time-j$jobs.txt"
done
cmp -s "$OUT/dataprep-j1.jsonl" "$OUT/dataprep-j2.jsonl" && echo "--jobs 1 and --jobs 2 outputs identical"

# One <file>.txt per page from the JSONL text field.
python3 - "$OUT/dataprep-j1.jsonl" "$OUT/pred/dataprep" <<'PY'
import json, os, sys
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(sys.argv[1], encoding="utf8") as lines:
    for line in lines:
        doc = json.loads(line)
        with open(os.path.join(out, os.path.basename(doc["source"]) + ".txt"), "w", encoding="utf8") as f:
            f.write(doc.get("text", ""))
PY

cc -O2 $(pkg-config --cflags libxml-2.0) -o "$OUT/parse-floor" "$SCRIPTS/extraction-parse-floor.c" $(pkg-config --libs libxml-2.0)
xargs -d "\n" -x -s 1500000 "$OUT/parse-floor" < "$OUT/files.txt"

if [ -x "$PEERS_VENV/bin/python" ]; then
  # shellcheck disable=SC2086
  "$PEERS_VENV/bin/python" "$SCRIPTS/extraction-peers.py" "$OUT/pred" "$DATA" $PEERS
fi

for pred in "$OUT"/pred/*; do
  echo "== $(basename "$pred")"
  python3 "$DATA/../../bench/extraction/score.py" trafilatura --pred "$pred" --data "$DATA" 2>&1 | tail -n 6
  python3 "$SCRIPTS/extraction-score-halves.py" "$pred" "$DATA"
done
