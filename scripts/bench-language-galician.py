#!/usr/bin/env python3
"""The cost of LanguageIdentifier's close-language prior on real Galician (docs/language.md).

    scripts/bench-language-galician.py BENCH [--per-language N] [--seed S] [--cache DIR]

BENCH is the release `bench-language` executable. Paragraphs of 20 or more words from
LibreOffice's Galician help (`libreoffice-help-gl`, one paragraph per HTML <p>, fetched once into
DIR with `apt-get download`), untranslated (English) ones left out by bench-language.py's rule,
N sampled with a fixed seed; prints how many each peer (dataprep, py3langid) calls Galician and
what else it answers. Run with the venv's python (py3langid).
"""
import collections
import glob
import importlib.util
import os
import random
import subprocess
import tempfile

spec = importlib.util.spec_from_file_location("bench_language", os.path.join(os.path.dirname(__file__), "bench-language.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def main():
    args = bench.common_arguments(__doc__, "/work/tmp/lang17/galician").parse_args()
    root = bench.fetch(args.cache, ["libreoffice-help-gl"])
    paragraphs = set()
    for path in sorted(glob.glob(os.path.join(root, "usr/share/libreoffice/help/gl/text/**/*.html"), recursive=True)):
        html = bench.HTMLParagraphParser()
        with open(path, encoding="utf-8", errors="replace") as f:
            html.feed(f.read())
        paragraphs.update(p for p in html.paragraphs if len(p.split()) >= 20 and not bench.untranslated(p, set()))
    texts = random.Random(args.seed).sample(sorted(paragraphs), min(args.per_language, len(paragraphs)))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("".join(t.replace("\n", " ") + "\n" for t in texts))
        path = f.name
    run = subprocess.run([args.bench, path, "1"], capture_output=True, text=True, check=True)
    os.unlink(path)
    ours = [line.split("\t")[0] for line in run.stdout.splitlines()]
    import py3langid as langid
    theirs = [langid.classify(t)[0] for t in texts]
    print(f"{len(texts)} Galician paragraphs (seed {args.seed})")
    for name, answers in (("dataprep", ours), ("py3langid", theirs)):
        counts = collections.Counter(answers)
        print(f"{name:9} gl {counts['gl'] / len(texts):6.1%}  others: {dict(counts.most_common())}")


if __name__ == "__main__":
    main()
