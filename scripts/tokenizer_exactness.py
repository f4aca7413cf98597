#!/usr/bin/env python3
"""Differential exactness checks of `dataprep tokens --ids` against the reference tokenizers.

  tokenizer_exactness.py DATAPREP [--ranks DIR] [--work DIR] [--checks random,long,unicode,hf]

- random:  3,000 strings of up to 300 characters mixing every character class the split
           patterns test (letters of each case, marks, digits of several kinds, white space of
           many kinds, contractions in any case, emoji, CJK, special-token text) vs tiktoken.
- long:    300 strings with runs of up to 3,000 characters (the heap merge) vs tiktoken.
- unicode: one probe string per code point U+0080-U+2FFFF, every 97th above, vs tiktoken.
- hf:      tokenizer.json files converted from cl100k (vocab + merges derived from the ranks)
           with the Llama 3 split, the GPT-2 ByteLevel split and a Qwen-2 split (the
           NSRegularExpression fallback), vs Hugging Face `tokenizers`.
Needs tiktoken (and tokenizers for hf) in a venv outside the project. Deterministic (seeded).
"""
import argparse, base64, gzip, json, os, random, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_tokenizer_peer import load_encoding  # noqa: E402

ENCODINGS = ["cl100k_base", "o200k_base"]
ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + \
    list(" \t\n\r\x0b\x0c\u00a0\u3000\u2028\u0085\u2009 ") + list("'''\"!?.,;:/\\-_()[]{}<|>@#$%^&*~`+=") + \
    ["'s", "'S", "'ll", "'LL", "'Ve", "'re", "'t", "'d", "'m", "'ſ", "ſ", "K", "\u0301", "\u0308", "e\u0301", "ǅ",
     "ʰ", "ª", "日", "本", "語", "の", "。", "한", "국", "Ω", "ω", "Ж", "ж", "ß", "ﬁ", "٣", "Ⅷ", "½", "²", "👩", "\u200d",
     "🇩", "🇪", "😀", "\U0002A6A5", "\U00030000", "\U000E0100", "ّ", "ب", "ع", "א", "ה", "ก", "ั", "ि", "क", "्",
     "\ufeff", "\u200b", "\u00ad", "<|endoftext|>", "  ", "\n\n", "   \n", " 123", "1234567"]


def random_texts(rng):
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300))) for _ in range(3000)]


def long_texts(rng):
    pools = ["abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyzéàü", "!!!???...---///", "日本語のテキストです",
             "ab", "0123456789abcdef", "  \n", "aaaaaaaaaaaaaaaa", "ABCDEFGHIJ"]
    return ["".join("".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 3000)))
                    for _ in range(rng.randint(1, 3))) for _ in range(300)]


def unicode_texts():
    points = [cp for cp in list(range(0x80, 0x30000)) + list(range(0x30000, 0x110000, 97)) if not 0xD800 <= cp < 0xE000]
    return [f"x{c}y {c}{c}1 A{c}b\n{c} '{c}" for c in map(chr, points)]


def dataprep_ids(binary, tokenizer, texts, work, env):
    path = os.path.join(work, "texts.jsonl")
    with open(path, "w") as f:
        for t in texts:
            f.write(json.dumps({"text": t}) + "\n")
    out = subprocess.run([binary, "tokens", "--ids", "--quiet", "--tokenizer", tokenizer, path],
                         capture_output=True, text=True, env=env, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def report(label, texts, expected, got):
    bad = [(t, e, g) for t, e, g in zip(texts, expected, got) if e != g]
    print(f"{label}: {len(texts)} strings, {len(bad)} mismatches" + ("" if len(got) == len(texts) else f" ({len(got)} outputs)"))
    for t, e, g in bad[:3]:
        print("  ", repr(t[:80]), e[:16], g[:16])
    return not bad and len(got) == len(texts)


def hf_files(ranks_dir, work):
    ranks = {}
    with gzip.open(os.path.join(ranks_dir, "cl100k_base.tiktoken.gz"), "rb") as f:
        for line in f.read().splitlines():
            if line:
                token, rank = line.split()
                ranks[base64.b64decode(token)] = int(rank)

    def bpe(token, max_rank):
        parts = [bytes([b]) for b in token]
        while True:
            best = None
            for i in range(len(parts) - 1):
                r = ranks.get(parts[i] + parts[i + 1])
                if r is not None and r < max_rank and (best is None or r < best[0]):
                    best = (r, i)
            if best is None:
                return parts
            i = best[1]
            parts = parts[:i] + [parts[i] + parts[i + 1]] + parts[i + 2:]

    printable = list(range(0x21, 0x7F)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    chars, n = {}, 0
    for b in range(256):
        if b in printable:
            chars[b] = chr(b)
        else:
            chars[b] = chr(256 + n)
            n += 1
    spell = lambda bs: "".join(chars[b] for b in bs)
    vocab = {spell(t): r for t, r in ranks.items()}
    merges = []
    for token, rank in sorted(ranks.items(), key=lambda x: x[1]):
        if len(token) > 1:
            left, right = bpe(token, rank)
            merges.append(spell(left) + " " + spell(right))
    llama3 = r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""
    qwen = llama3.replace(r"\p{N}{1,3}", r"\p{N}")
    split = lambda rx: {"type": "Sequence", "pretokenizers": [
        {"type": "Split", "pattern": {"Regex": rx}, "behavior": "Isolated", "invert": False},
        {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}]}
    files = {}
    for name, pre, ignore in [("llama3", split(llama3), True), ("qwen2", split(qwen), False),
                              ("gpt2", {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}, False)]:
        path = os.path.join(work, f"hf-{name}.json")
        json.dump({"version": "1.0", "added_tokens": [], "normalizer": None, "pre_tokenizer": pre, "post_processor": None,
                   "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
                   "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                             "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                             "ignore_merges": ignore, "vocab": vocab, "merges": merges}},
                  open(path, "w"), ensure_ascii=False)
        files[name] = path
    return files


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataprep")
    parser.add_argument("--ranks", default=os.path.join(here, "..", "..", "shared", "data", "tokenizers"))
    parser.add_argument("--work", default="/tmp/dataprep-tokenizer-exactness")
    parser.add_argument("--checks", default="random,long,unicode,hf")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    env = dict(os.environ, DATAPREP_TOKENIZERS=os.path.abspath(args.ranks))
    rng = random.Random(1)
    sets = {"random": lambda: random_texts(rng), "long": lambda: long_texts(rng), "unicode": unicode_texts}
    ok = True
    checks = args.checks.split(",")
    encodings = {name: load_encoding(name, args.ranks) for name in ENCODINGS} if set(checks) & set(sets) else {}
    for check in checks:
        if check in sets:
            texts = sets[check]()
            for name, encoding in encodings.items():
                expected = encoding.encode_ordinary_batch(texts, num_threads=1)
                ok &= report(f"{check} {name}", texts, expected, dataprep_ids(args.dataprep, name, texts, args.work, env))
        elif check == "hf":
            from tokenizers import Tokenizer
            texts = random_texts(random.Random(2)) + long_texts(random.Random(3))
            for name, path in hf_files(args.ranks, args.work).items():
                expected = [e.ids for e in Tokenizer.from_file(path).encode_batch(texts, add_special_tokens=False)]
                ok &= report(f"hf {name}", texts, expected, dataprep_ids(args.dataprep, path, texts, args.work, env))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
