#!/usr/bin/env python3
"""Checks that dedup's partial-copy removals lose no text.

Usage: check-partial-coverage.py INPUT.jsonl KEPT.jsonl CLUSTERS.jsonl [--ngram 5] [--min 0.8]

For every record removed as a partial copy (clusters of kind "partial" from
`dataprep dedup --clusters`), computes the share of its word 5-shingles (text normalised as
dataprep's `basic` level) that occur in some kept record, and prints how many reach --min.
Records are matched to the input by line number; text is the document "text" field. Characters
of scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) are words, as in dataprep.
"""
import json
import re
import sys
import unicodedata


# Scripts written without spaces: each character is a word (as dataprep's Shingler).
UNSPACED = re.compile("([\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def normalise(text):
    text = re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFKC", text).lower())).strip()
    return re.sub(r"\s+", " ", UNSPACED.sub(r" \1 ", text)).strip()


def shingles(text, n):
    words = normalise(text).split(" ")
    words = [w for w in words if w]
    if not words:
        return set()
    if len(words) < n:
        return {" ".join(words)}
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def main():
    args = sys.argv[1:]
    n, minimum = 5, 0.8
    if "--ngram" in args:
        i = args.index("--ngram"); n = int(args[i + 1]); del args[i:i + 2]
    if "--min" in args:
        i = args.index("--min"); minimum = float(args[i + 1]); del args[i:i + 2]
    source, kept_path, clusters_path = args
    lines = {}
    with open(source, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                lines[number] = json.loads(line).get("text", "")
    held = set()
    with open(kept_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                held |= shingles(json.loads(line).get("text", ""), n)
    shares, lengths = [], []
    with open(clusters_path, encoding="utf-8") as f:
        for line in f:
            cluster = json.loads(line)
            if cluster.get("kind") != "partial":
                continue
            for member in cluster["removed"]:
                own = shingles(lines[member["line"]], n)
                if own:
                    shares.append(len(own & held) / len(own))
                    lengths.append(len(normalise(lines[member["line"]]).split()))
    total = len(shares)
    good = sum(1 for s in shares if s >= minimum)
    zero = sum(1 for s in shares if s == 0)
    print(f"partial copies removed: {total}")
    if total:
        shares_sorted = sorted(shares)
        print(f"covered >= {minimum:.0%} by kept output: {good} ({good / total:.1%}); below: {total - good}; 0%: {zero}")
        print(f"lowest coverage: {', '.join(f'{s:.2f}' for s in shares_sorted[:5])}")
        print(f"median words of removed copies: {sorted(lengths)[len(lengths) // 2]}")


if __name__ == "__main__":
    main()
