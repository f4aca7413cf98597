#!/usr/bin/env python3
"""Writes a JSONL corpus of documents for dedup benchmarks, with planted duplicates.

Usage: gen-dedup-corpus.py RECORDS OUT.jsonl [--seed N] [--words 150]

Each record is {"id": "dNNNNNNN", "text": ...} of about --words words drawn from a Zipf-like
vocabulary of 50,000 words. About 5% of the records are exact copies of an earlier one, 5% near
copies (3% of the words changed), 2% partial copies (the first half of an earlier record glued to the second half of another),
and 1% a second copy of a near copy; the rest are new. Deterministic for a seed.
"""
import json
import random
import sys


def main() -> None:
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    count, out = int(args[0]), args[1]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    length = int(args[args.index("--words") + 1]) if "--words" in args else 150
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(50_000)]
    weights = [1.0 / (i + 10) for i in range(len(vocabulary))]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    # A pool drawn once from the skewed distribution; records draw from it uniformly (fast).
    pool = rng.choices(vocabulary, cum_weights=cumulative, k=1 << 20)

    def words(n: int) -> list:
        return rng.choices(pool, k=n)

    texts: list = []
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            roll = rng.random()
            if texts and roll < 0.05:
                text = rng.choice(texts)
            elif texts and roll < 0.11:
                base = rng.choice(texts).split(" ")
                for _ in range(max(1, len(base) * 3 // 100)):
                    base[rng.randrange(len(base))] = rng.choice(vocabulary)
                text = " ".join(base)
            elif texts and roll < 0.13:
                a = rng.choice(texts).split(" ")
                b = rng.choice(texts).split(" ")
                text = " ".join(a[: len(a) // 2] + b[len(b) // 2 :])
            else:
                text = " ".join(words(rng.randint(length * 2 // 3, length * 4 // 3)))
            if len(texts) < 200_000:
                texts.append(text)
            else:
                texts[rng.randrange(len(texts))] = text
            f.write(json.dumps({"id": f"d{i:07d}", "text": text}) + "\n")


if __name__ == "__main__":
    main()
