#!/usr/bin/env bash
# Builds (once, for every target) and runs one libFuzzer target for SECONDS (default 60).
#   scripts/fuzz.sh build   only compiles .build-fuzz/bin/fuzz-dataprep
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   TARGET: html | xml | jsonl | schema | tokenizer | yaml   (Fuzz/Fuzz<Target>.swift; one binary)
#
# The target is compiled with swiftc directly, together with every library source
# (Sources/DataPrep), with -sanitize=fuzzer,address, against the Yams and CCLD2 modules that
# `swift build` leaves in the build folder, and linked with libxml2, zlib, libcrypto and libcld2. The seed corpus
# comes from samples/ and test inputs; new inputs found are kept in .build-fuzz/corpus/TARGET
# (outside git), crashes in .build-fuzz/crashes/TARGET. Runs under `nice -n 19`.
# Environment: FUZZ_JOBS=N runs N fuzzing processes (libFuzzer then logs to fuzz-N.log in the
# current folder); without it one process logs to stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${1:?usage: scripts/fuzz.sh html|xml|jsonl|schema|tokenizer|yaml|build [SECONDS]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  html | xml | jsonl | schema | tokenizer | yaml | build) ;;
  *) echo "unknown target $target (html, xml, jsonl, schema, tokenizer, yaml)" >&2; exit 2 ;;
esac
export DATAPREP_FUZZ_TARGET=$target

work=.build-fuzz
mkdir -p "$work/bin"
binary="$work/bin/fuzz-dataprep"  # every target in one binary (Fuzz/FuzzMain.swift)
# FUZZ_BINARY=path runs an already compiled copy (e.g. to keep fuzzing one commit while editing).
if [[ -n ${FUZZ_BINARY:-} ]]; then binary=$FUZZ_BINARY; fi

# Dependencies (Yams, the CCLD2 shim) come from an ordinary debug build of the library.
if [[ -z ${FUZZ_BINARY:-} ]]; then
nice -n 19 swift build --target DataPrep >/dev/null
bin=$(swift build --show-bin-path)
fi

if [[ -z ${FUZZ_BINARY:-} ]] && [[ ! -x "$binary" || -n "$(find Sources/DataPrep Fuzz -newer "$binary" -name '*.swift' | head -1)" ]]; then
  echo "fuzz.sh: compiling $binary" >&2
  modulemaps=()
  while IFS= read -r map; do modulemaps+=(-Xcc "-fmodule-map-file=$map"); done < <(find .build/checkouts -name module.modulemap -path '*/include/*' -not -path '*/Tests/*')
  objects=()
  for dep in Yams CYaml CCLD2; do
    while IFS= read -r object; do objects+=("$object"); done < <(find "$bin/$dep.build" -name '*.o')
  done
  mapfile -t sources < <(find Sources/DataPrep -name '*.swift' | sort)
  nice -n 19 swiftc -O -wmo -g -parse-as-library -module-name DataPrep -package-name dataprep \
    -sanitize=fuzzer,address \
    -I "$bin/Modules" "${modulemaps[@]}" \
    -Xcc -fmodule-map-file=Sources/CLibXML/module.modulemap -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CLibCrypto/module.modulemap -Xcc -fmodule-map-file="$bin/CCLD2.build/module.modulemap" \
    $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    "${sources[@]}" Fuzz/*.swift "${objects[@]}" \
    -lxml2 -lz -lcrypto -lcld2 -lstdc++ -o "$binary"
  # swiftc -g -wmo leaves the debug module beside the sources; it is not needed.
  rm -f DataPrep-1.swiftdoc DataPrep-1.swiftmodule DataPrep-1.swiftsourceinfo
fi

[[ $target == build ]] && exit 0
mkdir -p "$work/corpus/$target" "$work/crashes/$target" "$work/seeds/$target"

# Seed corpus: samples and small test inputs of the target's kind.
seeds="$work/seeds/$target"
case "$target" in
  html) cp samples/*.html "$seeds/" 2>/dev/null || true ;;
  xml) cp samples/*.xml samples/*.rss "$seeds/" 2>/dev/null || true ;;
  jsonl)
    for f in schemas/*.json; do cp "$f" "$seeds/"; done
    printf '%s\n' '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}' >"$seeds/chat.jsonl"
    printf '%s\n' '{"a":1e308,"b":-0.0,"c":"\u00e9\ud83d\ude00","d":[true,false,null],"a":2}' >"$seeds/mixed.jsonl" ;;
  schema)
    # One line of schema, one line of instance, from the JSON Schema test suite when present.
    suite=../shared/data/json-schema-test-suite
    if [[ -d $suite ]] && command -v python3 >/dev/null; then
      python3 - "$suite" "$seeds" <<'PY'
import json, os, sys, glob
suite, out = sys.argv[1], sys.argv[2]
n = 0
for path in sorted(glob.glob(os.path.join(suite, "**", "draft2020-12", "*.json"), recursive=True)):
    try:
        groups = json.load(open(path))
    except Exception:
        continue
    if not isinstance(groups, list):
        continue
    for group in groups:
        if not isinstance(group, dict) or "schema" not in group:
            continue
        for test in group.get("tests", [])[:2]:
            with open(os.path.join(out, f"s{n}"), "w") as f:
                f.write(json.dumps(group["schema"]) + "\n" + json.dumps(test["data"]))
            n += 1
PY
    fi
    printf '%s\n%s' '{"type":"object","required":["a"],"properties":{"a":{"type":"string","pattern":"^x+$"}}}' '{"a":"xx"}' >"$seeds/basic" ;;
  yaml)
    # Recipes, configs and templates from the repository and the docs' examples, plus the
    # shapes that must stay bounded: aliases, merge keys, deep flow nesting.
    find . -path ./.build -prune -o -path ./.build-fuzz -prune -o \( -name '*.yaml' -o -name '*.yml' \) -print 2>/dev/null \
      | head -50 | while IFS= read -r f; do cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"; done
    printf 'a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: {<<: {k: *b}, d: *b}\n' >"$seeds/aliases.yaml"
    printf 'validate:\n  max_turns: 4\n  checks: {pii: off}\ntemplates:\n  - instruction: "Q: {title}"\n' >"$seeds/mixed.yaml"
    printf '[[[[{a: [1, {b: c}]}]]]]\n---\nsecond\n' >"$seeds/deep.yaml" ;;
  tokenizer)
    cp samples/*.txt samples/*.md "$seeds/" 2>/dev/null || true
    printf 'Hello, world! 123 4567 ünïcödé 日本語 <|endoftext|>  \n\n  tabs\t' >"$seeds/mixed.txt"
    export DATAPREP_FUZZ_TOKENIZER=${DATAPREP_FUZZ_TOKENIZER:-$root/../shared/data/tokenizers/o200k_base.tiktoken.gz}
    [[ -f $DATAPREP_FUZZ_TOKENIZER ]] || { echo "fuzz.sh: no tokenizer at $DATAPREP_FUZZ_TOKENIZER" >&2; exit 2; } ;;
esac

echo "fuzz.sh: running $target for ${seconds}s" >&2
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} nice -n 19 "$binary" \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=262144 \
  -artifact_prefix="$work/crashes/$target/" -print_final_stats=1 \
  ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS} \
  "$@" "$work/corpus/$target" "$seeds"
