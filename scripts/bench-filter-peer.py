"""datatrove's quality filters over a JSONL of documents: one decision line per record.

English words and sentences come from spaCy's blank English tokenizer and sentencizer, as
datatrove loads them (no model download).
Usage: bench-filter-peer.py FILE RULES OUT [C4TEXTS]   (RULES: comma list of gopher-quality,...)
With C4TEXTS (and c4 in RULES), also writes one JSON line per document: the text
C4QualityFilter rewrote a kept document to, or null when it dropped it.
"""
import json, sys, time
from datatrove.data import Document
from datatrove.pipeline.filters import (GopherQualityFilter, GopherRepetitionFilter,
                                        C4QualityFilter, FineWebQualityFilter)

FILTERS = {"gopher-quality": GopherQualityFilter, "gopher-repetition": GopherRepetitionFilter,
           "c4": C4QualityFilter, "fineweb": FineWebQualityFilter}

def main():
    path, rules, out = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
    texts = open(sys.argv[4], "w") if len(sys.argv) > 4 else None
    filters = [(r, FILTERS[r]()) for r in rules]
    docs = [json.loads(l)["text"] for l in open(path, encoding="utf-8") if l.strip()]
    start = time.perf_counter()
    with open(out, "w") as f:
        for i, text in enumerate(docs):
            verdicts = []
            for name, flt in filters:
                doc = Document(text=text, id=str(i))
                r = flt.filter(doc)
                verdicts.append("keep" if r is True else (r[1] if isinstance(r, tuple) else "drop"))
                if texts and name == "c4":
                    texts.write(json.dumps(doc.text if r is True else None) + "\n")
            f.write(" ".join(verdicts) + "\n")
    print(f"{len(docs)} docs in {time.perf_counter() - start:.2f} s", file=sys.stderr)

if __name__ == "__main__":
    main()
