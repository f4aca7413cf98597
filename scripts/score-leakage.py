#!/usr/bin/env python3
"""Scores `dataprep leakage --output json` against the planted leaks of
../shared/bench/dedup/leakage_case.py (its leaks.json), with the same measures as that
script's detector: recall over the planted (validation id, train id) pairs by kind (para8,
the 8-12-word spans, is excluded from "detectable" at n=13), precision over flagged pairs.

Usage: score-leakage.py REPORT.json LEAK_DIR/leaks.json
"""
import json
import sys
from collections import defaultdict


def main():
    report = json.load(open(sys.argv[1]))
    truth = json.load(open(sys.argv[2]))
    flagged = defaultdict(set)
    kinds_found = defaultdict(int)
    for f in report["findings"]:
        flagged[f["held_out"]["id"]].add(f["found"]["id"])
        kinds_found[f["kind"]] += 1
    planted = {(r["val_id"], r["train_id"]) for r in truth["leaks"]}
    per_kind = defaultdict(lambda: [0, 0])
    for r in truth["leaks"]:
        pk = per_kind[r["kind"]]
        pk[1] += 1
        pk[0] += r["train_id"] in flagged.get(r["val_id"], ())
    detectable = [r for r in truth["leaks"] if r["kind"] != "para8"]
    hit = sum(1 for r in detectable if r["train_id"] in flagged.get(r["val_id"], ()))
    every = sum(1 for r in truth["leaks"] if r["train_id"] in flagged.get(r["val_id"], ()))
    pairs = {(v, t) for v, ts in flagged.items() for t in ts}
    out = {
        "findings": len(report["findings"]),
        "findings_by_kind": dict(kinds_found),
        "flagged_pairs": len(pairs),
        "recall_detectable_kinds": round(hit / len(detectable), 4),
        "recall_all_kinds": round(every / len(truth["leaks"]), 4),
        "recall_by_kind": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_kind.items())},
        "precision_vs_planted_pairs": round(len(pairs & planted) / len(pairs), 4) if pairs else None,
        "unplanted_pairs": sorted(pairs - planted)[:10],
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
