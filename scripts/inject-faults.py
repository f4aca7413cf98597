#!/usr/bin/env python3
"""Copies a chat JSONL, breaking every Nth example (deterministically) for the error-path benchmark.

usage: scripts/inject-faults.py IN.jsonl OUT.jsonl [--every 100]
Faults rotate: an empty user message, a role typo, an extra key, a weight of 2, a duplicate of the previous line.
"""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("src")
parser.add_argument("out")
parser.add_argument("--every", type=int, default=100)
args = parser.parse_args()
previous = None
with open(args.src, encoding="utf-8") as src, open(args.out, "w", encoding="utf-8") as out:
    for i, line in enumerate(src):
        if i % args.every == args.every - 1:
            record = json.loads(line)
            kind = (i // args.every) % 5
            if kind == 0:
                record["messages"][1]["content"] = ""
            elif kind == 1:
                record["messages"][1]["role"] = "human"
            elif kind == 2:
                record["messages"][1]["extra"] = 1
            elif kind == 3:
                record["messages"][-1]["weight"] = 2
            elif previous is not None:
                line = previous
                out.write(line)
                continue
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        out.write(line)
        previous = line
