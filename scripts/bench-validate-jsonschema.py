#!/usr/bin/env python3
"""The Python peer of `dataprep validate` for docs/perf-validate.md: json.loads each line and
run jsonschema's Draft202012Validator.iter_errors with the same schema.

usage: bench-validate-jsonschema.py SCHEMA.json DATA.jsonl
"""
import json
import sys
import time

from jsonschema import Draft202012Validator


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = Draft202012Validator(schema)
    start = time.perf_counter()
    cpu = time.process_time()
    lines = errors = size = 0
    with open(sys.argv[2], "rb") as f:
        for raw in f:
            size += len(raw)
            if not raw.strip():
                continue
            lines += 1
            record = json.loads(raw)
            for _ in validator.iter_errors(record):
                errors += 1
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print("python jsonschema: %d lines, %d errors, %.2f s wall, %.2f s cpu, %.1f MB/s"
          % (lines, errors, wall, cpu, size / 1e6 / wall))


if __name__ == "__main__":
    main()
