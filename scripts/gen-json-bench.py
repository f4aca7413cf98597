#!/usr/bin/env python3
"""Writes a deterministic string-heavy JSONL file for the JSON benchmarks.

Each record is ~1 KB: a ~760-byte `text` with newlines, tabs, quotes and non-ASCII words
(written as raw UTF-8, so the parser sees \\n, \\t and \\" escapes and multi-byte sequences),
a few short fields and a nested object. Same size and seed give byte-identical output.

usage: gen-json-bench.py OUTPUT [--megabytes 100] [--seed 1] [--ascii]

--ascii drops the non-ASCII words (a second data point: Python's json is much faster on
pure-ASCII strings).
"""
import argparse
import json
import random

WORDS = (
    "the of and to in is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no what "
    "data model training example document section paragraph value record token sentence text "
    "café naïve façade Größe straße über déjà vu résumé 東京 日本語 データ Привет мир "
    "ελληνικά עברית العربية 한국어 emoji😀 rocket🚀 "
).split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = '"' + words[i] + '"'
    return " ".join(words).capitalize() + rng.choice([".", ".", "?", "!"])


def text(rng, target):
    parts = []
    size = 0
    while size < target:
        s = sentence(rng)
        sep = rng.choice([" ", " ", " ", "\n", "\n\n", "\t"])
        parts.append(s + sep)
        size += len((s + sep).encode("utf-8"))
    return "".join(parts).strip()


def record(rng, index):
    return {
        "id": f"doc-{index:08d}",
        "source": f"corpus/part-{index % 97:03d}.html",
        "format": rng.choice(["html", "xml", "text"]),
        "title": sentence(rng)[:60],
        "text": text(rng, 760),
        "score": round(rng.random() * 100, 4),
        "tokens": rng.randint(100, 4000),
        "metadata": {"lang": rng.choice(["en", "fr", "de", "ja"]), "url": f"https://example.org/{index}",
                     "tags": [rng.choice(WORDS) for _ in range(3)], "stars": rng.randint(0, 5)},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ascii", action="store_true")
    args = parser.parse_args()
    if args.ascii:
        WORDS[:] = [w for w in WORDS if w.isascii()]
    rng = random.Random(args.seed)
    limit = int(args.megabytes * 1_000_000)
    written = 0
    index = 0
    with open(args.output, "wb") as out:
        while written < limit:
            line = json.dumps(record(rng, index), ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
            out.write(line)
            written += len(line)
            index += 1


if __name__ == "__main__":
    main()
