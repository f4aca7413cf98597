#!/usr/bin/env python3
"""CPU time of the Python 13-gram detector of ../shared/bench/dedup/leakage_case.py (both of its
implementations) on a leak case folder, measured with time.process_time so a busy machine does
not inflate it; prints MB/s of train + validation JSONL per CPU second.

Usage: bench-leakage-peer.py SHARED/bench/dedup LEAK_DIR [N]
"""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, sys.argv[1])
import leakage_case  # noqa: E402
from common import read_jsonl  # noqa: E402

d = Path(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 13
nbytes = (d / "train.jsonl").stat().st_size + (d / "validation.jsonl").stat().st_size
t0 = time.process_time()
train = read_jsonl(d / "train.jsonl")
val = read_jsonl(d / "validation.jsonl")
load = time.process_time() - t0
for name, fn in (("tuple-set", leakage_case.detect_tuple), ("hash64-set", leakage_case.detect_hash)):
    t = time.process_time()
    hits, keys = fn(train, val, n)
    cpu = time.process_time() - t
    print(json.dumps({"impl": name, "n": n, "cpu_s": round(cpu, 3), "load_cpu_s": round(load, 3),
                      "mb_per_cpu_s": round(nbytes / 1e6 / cpu, 2),
                      "mb_per_cpu_s_with_load": round(nbytes / 1e6 / (cpu + load), 2),
                      "val_flagged": len(hits), "index_keys": keys}))
