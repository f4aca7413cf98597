#!/usr/bin/env python3
"""Plants partial copies in a JSONL corpus, to measure dedup's recall on them.

Usage: plant-partial-copies.py IN.jsonl OUT.jsonl [--copies 300] [--seed 1]
       plant-partial-copies.py --recall OUT.jsonl KEPT.jsonl

A planted copy takes a contiguous span of 40-400 words of a random document with at least 60
words and appends 15% new words (so 80-85% of its 5-shingles are in the source); its id
starts with "planted-". With --recall, prints the share of planted copies dedup removed, and
the median length of those found and missed.
"""
import json
import random
import sys


def recall(planted_path, kept_path):
    planted = {}
    with open(planted_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if str(record.get("id", "")).startswith("planted-"):
                planted[record["id"]] = len(record["text"].split())
    kept = set()
    with open(kept_path, encoding="utf-8") as f:
        for line in f:
            kept.add(json.loads(line).get("id"))
    found = sorted(n for i, n in planted.items() if i not in kept)
    missed = sorted(n for i, n in planted.items() if i in kept)
    print(f"planted {len(planted)}, removed {len(found)} (recall {len(found) / len(planted):.3f})")
    if found:
        print(f"median words found {found[len(found) // 2]}")
    if missed:
        print(f"median words missed {missed[len(missed) // 2]}")


def plant(source, out, copies, seed):
    rng = random.Random(seed)
    records = [json.loads(l) for l in open(source, encoding="utf-8") if l.strip()]
    long_enough = [r for r in records if len(r.get("text", "").split()) >= 60]
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        for k in range(copies):
            words = rng.choice(long_enough)["text"].split()
            length = rng.randint(40, min(400, len(words)))
            start = rng.randint(0, len(words) - length)
            span = words[start:start + length]
            new = [f"planted{k}x{j}" for j in range(max(1, int(length * 0.15)))]
            f.write(json.dumps({"id": f"planted-{k}", "text": " ".join(span + new)}, ensure_ascii=False) + "\n")


def main():
    args = sys.argv[1:]
    if args and args[0] == "--recall":
        return recall(args[1], args[2])
    copies, seed = 300, 1
    if "--copies" in args:
        i = args.index("--copies"); copies = int(args[i + 1]); del args[i:i + 2]
    if "--seed" in args:
        i = args.index("--seed"); seed = int(args[i + 1]); del args[i:i + 2]
    plant(args[0], args[1], copies, seed)


if __name__ == "__main__":
    main()
