#!/usr/bin/env bash
# JSONL read/write benchmark: dataprep's JSONLReader/JSONWriter against Foundation and Python's
# json module, on the same deterministic string-heavy file, in one run.
#
#   scripts/bench-json.sh [FILE] [MEGABYTES]
#
# FILE defaults to /tmp/dataprep-bench-json.jsonl, generated (~100 MB, seed 1) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-/tmp/dataprep-bench-json.jsonl}"
megabytes="${2:-100}"

if [[ ! -s "$file" ]]; then
  echo "generating $file ($megabytes MB)"
  python3 scripts/gen-json-bench.py "$file" --megabytes "$megabytes"
fi
swift build -c release --product bench-json >/dev/null
bin="$(swift build -c release --show-bin-path)/bench-json"

echo "== $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== file: $file ($(wc -c <"$file") bytes, $(wc -l <"$file") lines)"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
"$bin" "$file" --mode all | tee -a "$results"
python3 --version
python3 scripts/bench-json-peer.py "$file" | tee -a "$results"

# Ratios over CPU time (the machine may be shared) and wall time.
awk '
  { name = $0; sub(/ +[0-9.]+ MB\/s wall.*/, "", name); }
  /MB\/s wall/ {
    for (i = 1; i <= NF; i++) { if ($i == "wall" && $(i-1) == "MB/s") w = $(i-2); if ($i == "cpu" && $(i-1) == "MB/s") c = $(i-2) }
    W[name] = w; C[name] = c
  }
  END {
    printf "\nratios (cpu-time MB/s, wall-time MB/s):\n"
    printf "  parse: dataprep / python json.loads   %5.1fx  %5.1fx\n", C["parse (JSONLReader)"] / C["python json.loads"], W["parse (JSONLReader)"] / W["python json.loads"]
    printf "  parse: dataprep / JSONSerialization   %5.1fx  %5.1fx\n", C["parse (JSONLReader)"] / C["JSONSerialization"], W["parse (JSONLReader)"] / W["JSONSerialization"]
    printf "  parse: dataprep / JSONDecoder         %5.1fx  %5.1fx\n", C["parse (JSONLReader)"] / C["JSONDecoder"], W["parse (JSONLReader)"] / W["JSONDecoder"]
    printf "  write: dataprep / python json.dumps   %5.1fx  %5.1fx\n", C["write (JSONWriter)"] / C["python json.dumps"], W["write (JSONWriter)"] / W["python json.dumps"]
  }' "$results"
