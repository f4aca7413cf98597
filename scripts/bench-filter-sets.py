"""The document sets of the filter benchmark (docs/PERFORMANCE.md, "Quality filter").

Usage: bench-filter-sets.py ALL.jsonl OUTDIR
ALL.jsonl: documents extracted with `dataprep extract` from the Debian doc sets (see the page).
Writes, shuffled with seed 17: sample2k.jsonl (2,000 whole documents), sample500.jsonl (the
first 500 of them) and cut20k.jsonl (every document, its text cut at the last line break
before 2,000 characters, so datatrove runs over all of them in minutes, not an hour).
"""
import json, random, sys

def cut(text, limit=2000):
    if len(text) <= limit:
        return text
    k = text.rfind("\n", 0, limit)
    return text[:k] if k > 0 else text[:limit]

def main():
    source, out = sys.argv[1], sys.argv[2]
    lines = [l for l in open(source, encoding="utf-8").read().split("\n") if l.strip()]
    random.Random(17).shuffle(lines)
    with open(f"{out}/sample2k.jsonl", "w", encoding="utf-8") as f:
        f.writelines(l + "\n" for l in lines[:2000])
    with open(f"{out}/sample500.jsonl", "w", encoding="utf-8") as f:
        f.writelines(l + "\n" for l in lines[:500])
    with open(f"{out}/cut20k.jsonl", "w", encoding="utf-8") as f:
        for l in lines:
            d = json.loads(l)
            f.write(json.dumps({"id": d["id"], "text": cut(d["text"])}, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
