#!/usr/bin/env python3
"""Scores a folder of <file>.txt predictions on the trafilatura evaluation set, on the whole set
and on two fixed halves (by the MD5 of the page's file name: first hex digit < 8 is half A, the
development half; the rest is half B, held out), so that tuning to one half shows as a gap.

Same metric as ../shared/bench/extraction/score.py (whitespace-normalised substring match,
micro-averaged). Usage: extraction-score-halves.py PRED_DIR [DATA_DIR] [--errors A|B]
(--errors lists the missed "with" and found "without" segments of that half, for study).
"""
import hashlib, json, re, sys
from pathlib import Path

args = [a for a in sys.argv[1:] if not a.startswith("--")]
errors = None
if "--errors" in sys.argv:
    errors = sys.argv[sys.argv.index("--errors") + 1]
    args = [a for a in args if a != errors]
pred = Path(args[0])
data = Path(args[1] if len(args) > 1 else "/work/shared/data/extraction-dev")
ev = json.loads((data / "trafilatura_eval/tests/evaldata.json").read_text("utf8"))
norm = lambda s: re.sub(r"\s+", " ", s or "").strip()

def half(name):
    return "A" if int(hashlib.md5(name.encode()).hexdigest()[0], 16) < 8 else "B"

counts = {k: [0, 0, 0, 0] for k in ("all", "A", "B")}  # tp fn fp tn
for item in ev.values():
    name = item["file"]
    p = pred / (name + ".txt")
    text = norm(p.read_text("utf8", errors="replace")) if p.is_file() else ""
    h = half(name)
    for seg in item["with"]:
        hit = norm(seg) in text
        for k in ("all", h):
            counts[k][0 if hit else 1] += 1
        if errors == h and not hit:
            print(f"MISS {name}: {seg[:100]!r}")
    for seg in item["without"]:
        hit = norm(seg) in text
        for k in ("all", h):
            counts[k][2 if hit else 3] += 1
        if errors == h and hit:
            print(f"FP   {name}: {seg[:100]!r}")
for k, (tp, fn, fp, tn) in counts.items():
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0
    print(f"{k:3} precision {p:.3f} recall {r:.3f} F1 {f1:.3f} accuracy {(tp + tn) / (tp + fn + fp + tn):.3f}")
