#!/usr/bin/env python3
"""Runs the Python peers of `dataprep extract` main-content mode over the trafilatura evaluation
pages, one process, one core: writes PRED/<peer>/<file>.txt for score.py and prints wall and CPU
time per peer. Peers: trafilatura.extract (defaults), trafilatura fast mode, resiliparse
extract_plain_text(main_content=True) when installed.
Usage: extraction-peers.py PRED_DIR DATA_DIR [peer...]
"""
import json, os, resource, sys, time
from pathlib import Path

pred, data = Path(sys.argv[1]), Path(sys.argv[2])
wanted = sys.argv[3:] or ["trafilatura", "trafilatura-fast", "resiliparse"]
tests = data / "trafilatura_eval/tests"
ev = json.loads((tests / "evaldata.json").read_text("utf8"))
files = []
for item in ev.values():
    for folder in ("cache", "eval"):
        p = tests / folder / item["file"]
        if p.is_file():
            files.append((item["file"], p.read_bytes()))
            break
total = sum(len(b) for _, b in files)

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

def run(name, fn):
    out = pred / name
    out.mkdir(parents=True, exist_ok=True)
    texts = {}
    w0, c0 = time.time(), cpu()
    for file, raw in files:
        try:
            texts[file] = fn(raw) or ""
        except Exception:
            texts[file] = ""
    w, c = time.time() - w0, cpu() - c0
    for file, text in texts.items():
        (out / (file + ".txt")).write_text(text, "utf8")
    print(f"{name}: {len(files)} pages, {total/1e6:.1f} MB, wall {w:.1f} s ({total/1e6/w:.1f} MB/s), "
          f"cpu {c:.1f} s ({total/1e6/c:.1f} MB/s per CPU-second)", flush=True)

if "trafilatura" in wanted or "trafilatura-fast" in wanted:
    import trafilatura
    if "trafilatura" in wanted:
        run("trafilatura", lambda b: trafilatura.extract(b))
    if "trafilatura-fast" in wanted:
        run("trafilatura-fast", lambda b: trafilatura.extract(b, fast=True))
if "resiliparse" in wanted:
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        from resiliparse.parse.html import HTMLTree
        run("resiliparse", lambda b: extract_plain_text(HTMLTree.parse(bytes_to_str(b, detect_encoding(b))), main_content=True))
    except ImportError:
        print("resiliparse: not installed, skipped")
