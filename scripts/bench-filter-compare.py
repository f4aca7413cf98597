"""Compares dataprep filter --annotate decisions with datatrove's (bench-filter-peer.py output).

Usage: bench-filter-compare.py ANNOTATED.jsonl PEER.txt RULES [SHOW] [C4TEXTS]
Prints, per rule set, the share of documents where both keep or both drop, the share where
the reason (first failing rule) matches too, and up to SHOW disagreements (line, ours, theirs).
With C4TEXTS (bench-filter-peer.py's), also the share of documents both keep under c4 whose
rewritten text is identical (ours: the annotated record's text, rewritten when c4 passes).
"""
import json, sys

def main():
    ours_path, peer_path, rules = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    show = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    ours = []
    our_texts = []
    for line in open(ours_path, encoding="utf-8"):
        record = json.loads(line)
        q = record["metadata"]["quality"]
        ours.append([q[r]["reason"] or "keep" for r in rules])
        our_texts.append(record.get("text"))
    theirs = [l.split() for l in open(peer_path)]
    assert len(ours) == len(theirs), (len(ours), len(theirs))
    n = len(ours)
    all_agree = sum(all((a == "keep") == (b == "keep") for a, b in zip(o, t)) for o, t in zip(ours, theirs))
    print(f"documents: {n}")
    for i, r in enumerate(rules):
        agree = sum((o[i] == "keep") == (t[i] == "keep") for o, t in zip(ours, theirs))
        same = sum(o[i] == t[i] for o, t in zip(ours, theirs))
        kept = sum(t[i] == "keep" for t in theirs)
        print(f"{r:18} decisions agree {agree / n:.4f}  reasons agree {same / n:.4f}  (datatrove keeps {kept})")
        shown = 0
        for k, (o, t) in enumerate(zip(ours, theirs)):
            if (o[i] == "keep") != (t[i] == "keep") and shown < show:
                print(f"   line {k + 1}: ours {o[i]}, datatrove {t[i]}")
                shown += 1
    kept_both = sum(all(x == "keep" for x in o) == all(x == "keep" for x in t) for o, t in zip(ours, theirs))
    print(f"{'all rule sets':18} keep/drop agree {kept_both / n:.4f}  (every rule set agreeing: {all_agree / n:.4f})")
    if len(sys.argv) > 5 and "c4" in rules:
        c4 = rules.index("c4")
        peer_texts = [json.loads(l) for l in open(sys.argv[5], encoding="utf-8")]
        both = [k for k in range(n) if ours[k][c4] == "keep" and peer_texts[k] is not None]
        same = [k for k in both if our_texts[k] == peer_texts[k]]
        print(f"c4 rewritten text identical on {len(same)} of {len(both)} documents both keep ({len(same) / max(1, len(both)):.4f})")
        for k in [k for k in both if our_texts[k] != peer_texts[k]][:show]:
            print(f"   line {k + 1}: texts differ")

if __name__ == "__main__":
    main()
