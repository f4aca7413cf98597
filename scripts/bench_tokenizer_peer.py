#!/usr/bin/env python3
"""Python peer for the tokenizer benchmark (tiktoken), and the benchmark corpus.

  bench_tokenizer_peer.py corpus OUT.txt [--mb 50]
      Writes a deterministic ~50 MB real text: the visible text of the extraction-dev HTML
      pages (../shared/data/extraction-dev), then the text files of /usr/share/doc (gzip
      unpacked), then Python standard-library sources, in sorted path order, cut at --mb MB.
      Documents are separated by a blank line.
  bench_tokenizer_peer.py run TEXT --ranks DIR [--encoding o200k_base] [--batch-threads N]
      Loads tiktoken from the rank files in DIR (no network), encodes TEXT with
      encode_ordinary on one thread, prints JSON: bytes, tokens, seconds (wall), cpu_seconds.
      With --batch-threads N also times encode_ordinary_batch over the documents.

Needs `pip install tiktoken` in a venv outside the project.
"""
import argparse, base64, glob, gzip, html.parser, json, os, sys, time

PATTERNS = {
    "cl100k_base": r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s""",
    "o200k_base": "|".join([
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""", r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""", r"""\s*[\r\n]+""", r"""\s+(?!\S)""", r"""\s+"""]),
}
SPECIALS = {
    "cl100k_base": {"<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259,
                    "<|fim_suffix|>": 100260, "<|endofprompt|>": 100276},
    "o200k_base": {"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
}


def load_encoding(name, rank_dir):
    import tiktoken
    ranks = {}
    with gzip.open(os.path.join(rank_dir, name + ".tiktoken.gz"), "rb") as f:
        for line in f.read().splitlines():
            if line:
                token, rank = line.split()
                ranks[base64.b64decode(token)] = int(rank)
    return tiktoken.Encoding(name, pat_str=PATTERNS[name], mergeable_ranks=ranks, special_tokens=SPECIALS[name])


class Visible(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1
        elif tag in ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def documents(shared):
    pages = sorted(glob.glob(os.path.join(shared, "data/extraction-dev/**/*.html"), recursive=True))
    for path in pages:
        raw = open(path, "rb").read().decode("utf-8", "replace")
        parser = Visible()
        try:
            parser.feed(raw)
        except Exception:
            continue
        lines = [" ".join(l.split()) for l in "".join(parser.parts).splitlines()]
        text = "\n".join(l for l in lines if l)
        if text:
            yield text
    for root in ("/usr/share/doc", "/usr/lib/python3.11"):
        for dirpath, dirnames, filenames in sorted(os.walk(root)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if os.path.islink(path) or not (name.endswith((".txt", ".py", ".md", ".rst", ".gz")) or name in ("copyright", "README", "NEWS")):
                    continue
                try:
                    data = gzip.open(path).read() if name.endswith(".gz") else open(path, "rb").read()
                    text = data.decode("utf-8")
                except Exception:
                    continue
                if text.strip():
                    yield text


def corpus(args):
    limit = int(args.mb * 1_000_000)
    shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for text in documents(args.shared or shared):
            data = text.strip() + "\n\n"
            size = len(data.encode("utf-8"))
            if written + size > limit:
                break
            out.write(data)
            written += size
    print(json.dumps({"out": args.out, "bytes": written}))


def checksum(ids):
    """FNV-1a over the ids, the same as bench-tokenizer's, to show the ids are identical."""
    h = 0xcbf29ce484222325
    for i in ids:
        h = ((h ^ i) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return format(h, "x")


def run(args):
    enc = load_encoding(args.encoding, args.ranks)
    text = open(args.text, encoding="utf-8").read()
    enc.encode_ordinary("warm up")
    best = None
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        tokens = enc.encode_ordinary(text)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if best is None or wall < best[0]:
            best = (wall, cpu)
    result = {"peer": f"tiktoken {__import__('tiktoken').__version__} encode_ordinary", "encoding": args.encoding,
              "bytes": len(text.encode("utf-8")), "tokens": len(tokens), "checksum": checksum(tokens), "seconds": round(best[0], 3),
              "cpu_seconds": round(best[1], 3), "mb_per_s": round(len(text.encode("utf-8")) / best[0] / 1e6, 2)}
    if args.batch_threads:
        docs = text.split("\n\n")
        wall, cpu = time.perf_counter(), time.process_time()
        batch = enc.encode_ordinary_batch(docs, num_threads=args.batch_threads)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        result["batch"] = {"threads": args.batch_threads, "documents": len(docs), "tokens": sum(map(len, batch)),
                           "seconds": round(wall, 3), "cpu_seconds": round(cpu, 3),
                           "mb_per_s": round(result["bytes"] / wall / 1e6, 2)}
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("out")
    c.add_argument("--mb", type=float, default=50)
    c.add_argument("--shared")
    r = sub.add_parser("run")
    r.add_argument("text")
    r.add_argument("--ranks", required=True)
    r.add_argument("--encoding", default="o200k_base", choices=sorted(PATTERNS))
    r.add_argument("--repeat", type=int, default=1)
    r.add_argument("--batch-threads", type=int, default=0)
    args = parser.parse_args()
    corpus(args) if args.command == "corpus" else run(args)


if __name__ == "__main__":
    main()
