#!/usr/bin/env python3
"""Python peer for bench-json: json.loads on every line, then json.dumps of every record.

Prints lines in the same shape as bench-json (MB/s over wall and CPU time, records/s).
usage: bench-json-peer.py FILE.jsonl
"""
import gc
import json
import sys
import time


def report(mode, nbytes, records, wall, cpu):
    mb = nbytes / 1e6
    print(f"{mode:<22} {mb / wall:8.1f} MB/s wall {mb / cpu:8.1f} MB/s cpu {records / wall:10.0f} records/s"
          f"  ({wall:.3f} s wall, {cpu:.3f} s cpu, {records} records, {mb:.1f} MB)")


def main():
    path = sys.argv[1]
    # Parse every line and drop the result, as bench-json does (keeping them all would make
    # Python's cyclic GC rescan a growing heap and understate json.loads).
    count = 0
    nbytes = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    with open(path, "rb") as f:
        for line in f:
            nbytes += len(line)
            if line.strip():
                json.loads(line)
                count += 1
    report("python json.loads", nbytes, count, time.perf_counter() - wall0, time.process_time() - cpu0)

    gc.disable()
    with open(path, "rb") as f:
        records = [json.loads(line) for line in f if line.strip()]

    written = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for record in records:
        written += len(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()) + 1
    report("python json.dumps", written, len(records), time.perf_counter() - wall0, time.process_time() - cpu0)


if __name__ == "__main__":
    main()
