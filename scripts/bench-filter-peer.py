"""datatrove's quality filters over a JSONL of documents: one decision line per record.

English words and sentences come from spaCy's blank English tokenizer and sentencizer, as
datatrove loads them (no model download).
Usage: bench-filter-peer.py FILE RULES OUT   (RULES: comma list of gopher-quality,...)
"""
import json, sys, time
from datatrove.data import Document
from datatrove.pipeline.filters import (GopherQualityFilter, GopherRepetitionFilter,
                                        C4QualityFilter, FineWebQualityFilter)

FILTERS = {"gopher-quality": GopherQualityFilter, "gopher-repetition": GopherRepetitionFilter,
           "c4": C4QualityFilter, "fineweb": FineWebQualityFilter}

def main():
    path, rules, out = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
    filters = [(r, FILTERS[r]()) for r in rules]
    docs = [json.loads(l)["text"] for l in open(path, encoding="utf-8") if l.strip()]
    start = time.perf_counter()
    with open(out, "w") as f:
        for i, text in enumerate(docs):
            verdicts = []
            for name, flt in filters:
                r = flt.filter(Document(text=text, id=str(i)))
                verdicts.append("keep" if r is True else (r[1] if isinstance(r, tuple) else "drop"))
            f.write(" ".join(verdicts) + "\n")
    print(f"{len(docs)} docs in {time.perf_counter() - start:.2f} s", file=sys.stderr)

if __name__ == "__main__":
    main()
