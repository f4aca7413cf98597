#!/usr/bin/env python3
"""Score `dataprep dedup --clusters` output against the dedup benchmark's truth.

Usage (from the bench folder; SHARED is the shared folder, ../shared from the project root):
  python3 scripts/score-dedup.py --corpus data/corpus.jsonl --truth data/truth.json \
      --clusters clusters.jsonl --shared SHARED/bench/dedup [--json out.json]

Truth is the exact all-pairs join of run_peers.py (pairs with Jaccard >= 0.8 over normalised
word 5-gram shingles), read from run_peers' cache `corpus.allpairs_n5_t0.8.json` beside the
corpus, or computed (and cached) with the same code when absent.

Pairs reported by dedup, scored three ways:
  edges    the confirmed near-duplicate pairs ("pairs" of each cluster) plus exact-duplicate
           pairs, expanded over exact groups (equal normalised text has equal shingles):
           comparable with datasketch's/rensa's "verified" pairs in run_peers.py
  star     (kept, removed) pairs of exact and near clusters
  cluster  every pair inside an exact or near cluster (run_peers' "cluster" variant)
Precision is the share of reported pairs whose true Jaccard >= 0.8; recall the share of truth
pairs reported. Planted recall (per transform type) counts a planted copy as found when it and
its source end up in one cluster of any kind, partial copies included (run_peers' rule).
Partial copies are also checked exactly: the share of each removed partial copy's shingles that
occur in some other record of the corpus.
"""
import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--clusters", required=True)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared/bench/dedup"))
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--json")
    args = ap.parse_args()
    sys.path.insert(0, args.shared)
    from common import shingles, jaccard, read_jsonl, exact_allpairs, UnionFind, normalize

    docs = read_jsonl(args.corpus)
    ids = [d["id"] for d in docs]
    text = {d["id"]: d["text"] for d in docs}
    cache = Path(args.corpus).with_suffix(f".allpairs_n5_t{args.threshold}.json")
    if cache.exists():
        truth_pairs = {tuple(p): j for p, j in json.load(open(cache))}
    else:
        sets = [shingles(d["text"], 5) for d in docs]
        res = exact_allpairs(sets, args.threshold)
        truth_pairs = {(min(ids[i], ids[j]), max(ids[i], ids[j])): jac for (i, j), jac in res.items()}
        json.dump([[list(p), j] for p, j in sorted(truth_pairs.items())], open(cache, "w"))
    truth = set(truth_pairs)
    shingle_cache = {}

    def sh(x):
        if x not in shingle_cache:
            shingle_cache[x] = shingles(text[x], 5)
        return shingle_cache[x]

    def true_j(a, b):
        p = (a, b) if a < b else (b, a)
        return truth_pairs[p] if p in truth_pairs else jaccard(sh(a), sh(b))

    clusters = [json.loads(line) for line in open(args.clusters)]
    exact_group = {}  # id -> group key (normalised text) for exact expansion
    norm_key = {}

    def key(x):
        if x not in norm_key:
            norm_key[x] = normalize(text[x])
        return norm_key[x]

    groups = defaultdict(set)
    for x in ids:
        groups[key(x)].add(x)

    edges, star, cluster_pairs = set(), set(), set()
    uf = UnionFind()
    partial_removed = []
    for c in clusters:
        kept = c.get("kept") or c.get("representative")
        members = [kept] + [m["id"] for m in c["removed"]]
        for m in c["removed"]:
            uf.union(kept, m["id"])
        if c["kind"] == "partial":
            for m in c["removed"]:
                partial_removed.append(m)
                for s in m.get("sources", []):
                    uf.union(m["id"], s["id"])
            continue
        for m in c["removed"]:
            if m["id"] != kept:
                star.add(tuple(sorted((kept, m["id"]))))
        if len(members) <= 300:
            for a, b in combinations(sorted(set(members)), 2):
                cluster_pairs.add((a, b))
        for a, b in combinations(sorted(set(members)), 2):
            if key(a) == key(b) and len(members) <= 300:
                edges.add((a, b))
        for a, b, _ in c.get("pairs", []):
            for x in groups[key(a)]:
                for y in groups[key(b)]:
                    if x != y:
                        edges.add((min(x, y), max(x, y)))

    out = {"truth_pairs": len(truth), "variants": {}}
    for label, ps in (("edges", edges), ("star", star), ("cluster", cluster_pairs)):
        good = sum(1 for a, b in ps if true_j(a, b) >= args.threshold)
        out["variants"][label] = {
            "pairs": len(ps),
            "precision": round(good / len(ps), 4) if ps else None,
            "recall": round(len(ps & truth) / len(truth), 4),
        }
    tuf = UnionFind()
    for a, b in truth:
        tuf.union(a, b)
    truth_sets = json.load(open(args.truth))
    by_type = defaultdict(lambda: [0, 0])
    for c in truth_sets["clusters"]:
        for m in c["members"]:
            bt = by_type[m["type"]]
            bt[1] += 1
            if uf.find(c["source"]) == uf.find(m["id"]):
                bt[0] += 1
    out["planted_recall"] = {k: round(v[0] / v[1], 3) for k, v in sorted(by_type.items())}
    out["planted_counts"] = {k: v[1] for k, v in sorted(by_type.items())}

    # partial copies: exact coverage of each removed record's shingles by the rest of the corpus
    if partial_removed:
        holders = defaultdict(int)
        for x in ids:
            for s in sh(x):
                holders[s] += 1
        planted_ids = {m["id"]: m["type"] for c in truth_sets["clusters"] for m in c["members"]}
        source_ids = {c["source"] for c in truth_sets["clusters"]}
        cov = []
        kinds = defaultdict(int)
        for m in partial_removed:
            s = sh(m["id"])
            cov.append(sum(1 for t in s if holders[t] >= 2) / len(s) if s else 0)
            kinds[planted_ids.get(m["id"], "source" if m["id"] in source_ids else "unplanted")] += 1
        out["partial"] = {
            "removed": len(partial_removed),
            "true_coverage_ge_0.8": round(sum(1 for c in cov if c >= 0.8) / len(cov), 4),
            "true_coverage_ge_0.5": round(sum(1 for c in cov if c >= 0.5) / len(cov), 4),
            "removed_by_planted_type": dict(sorted(kinds.items())),
        }
    print(json.dumps(out, indent=1))
    if args.json:
        json.dump(out, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
