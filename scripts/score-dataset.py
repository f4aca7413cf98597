#!/usr/bin/env python3
"""Scorecard of a dataset folder written by `dataprep build`: the figures issue 14 judges.

    python3 scripts/score-dataset.py OUT [OUT...] [--json] [--tokenizers DIR]

Counted independently of dataprep (own parsing, tiktoken for token counts), on train.jsonl and
validation.jsonl of each folder (OpenAI chat records: `messages`, optional `metadata`):

- bad_instruction: the last user message before the final answer is not a question or request
  of 3+ words (a question ends with `?`; a request starts with an imperative verb or "please").
- conflicting_prompts: prompts (every message before the final answer) that occur with more
  than one different answer.
- boilerplate: examples whose answer holds a line (3+ words) that recurs in the answers of at
  least max(5, 1% of) the source documents; boilerplate_prose counts only lines outside code
  fences (repeated code lines such as `from django.db import models` are not furniture).
- over_limit: examples over --max-tokens (default 4096) tokens, o200k_base, content only.
- leaky_validation: validation answers sharing a 13-word run with a train answer.
- validation_share: validation records / all records.
- yield: examples per kept document and the share of kept documents with an example
  (kept documents from report.json).
- token_counter: what report.json says counted the tokens.

Needs `pip install tiktoken`; the rank file comes from --tokenizers (default ../shared/data/tokenizers
relative to the project, or DATAPREP_TOKENIZERS), so nothing is downloaded.
"""
import argparse
import base64
import gzip
import json
import os
import re
import sys
from collections import defaultdict

REQUEST_VERBS = set("""
add analyze analyse answer apply build calculate change check choose classify compare complete
compose configure continue convert create define demonstrate describe design detail determine
discuss draft edit enumerate evaluate explain extract find fix format generate give group guide
identify illustrate implement improve interpret introduce list make name note outline paraphrase
point predict present provide recommend rephrase rewrite run say show simplify sketch solve sort
specify state suggest summarise summarize tell transform translate turn use walk write
""".split())
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text):
    return WORD.findall(text)


def is_question_or_request(text):
    text = text.strip()
    ws = words(text)
    if len(ws) < 3:
        return False
    first_line = text.split("\n", 1)[0].strip()
    if first_line.endswith("?") or text.endswith("?"):
        return True
    first = ws[0].lower()
    return first in REQUEST_VERBS or first == "please"


def load_encoding(folder):
    import tiktoken
    path = os.path.join(folder, "o200k_base.tiktoken.gz")
    ranks = {}
    with gzip.open(path, "rt") as f:
        for line in f:
            if line.strip():
                token, rank = line.split()
                ranks[base64.b64decode(token)] = int(rank)
    pattern = "|".join([
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""", r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""", r"""\s*[\r\n]+""", r"""\s+(?!\S)""", r"""\s+""",
    ])
    return tiktoken.Encoding(name="o200k_base", pat_str=pattern, mergeable_ranks=ranks,
                             special_tokens={"<|endoftext|>": 199999, "<|endofprompt|>": 200018})


def read(path):
    out = []
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
    return out


def parts(record):
    """(prompt text, instruction, answer, source) of an OpenAI chat record."""
    messages = record.get("messages") or []
    if not messages:
        return None
    answer = messages[-1].get("content") or ""
    before = messages[:-1]
    users = [m.get("content") or "" for m in before if m.get("role") == "user"]
    instruction = users[-1] if users else ""
    prompt = json.dumps([[m.get("role"), m.get("content")] for m in before], ensure_ascii=False)
    meta = record.get("metadata") or {}
    source = meta.get("source_id") or meta.get("id") or ""
    return prompt, instruction, answer, source


def ngrams(text, n=13):
    ws = [w.lower() for w in words(text)]
    return {" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def prose_lines(text):
    """The lines of `text` outside ``` / ~~~ fences."""
    out, fence = [], None
    for line in text.split("\n"):
        stripped = line.strip().lstrip(":>-* ").strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            fence = stripped[:3]
            continue
        out.append(line)
    return out


def norm_line(line):
    line = line.strip().strip("|#>*-` ").strip()
    return re.sub(r"\s+", " ", line)


def score(folder, encoding, max_tokens):
    train = read(os.path.join(folder, "train.jsonl"))
    validation = read(os.path.join(folder, "validation.jsonl"))
    records = [(r, "train") for r in train] + [(r, "validation") for r in validation]
    n = len(records)
    rows = [(parts(r), side) for r, side in records]
    rows = [(p, side) for p, side in rows if p]
    bad = sum(1 for p, _ in rows if not is_question_or_request(p[1]))
    answers_by_prompt = defaultdict(set)
    for p, _ in rows:
        answers_by_prompt[p[0]].add(p[2])
    conflicting = sum(1 for a in answers_by_prompt.values() if len(a) > 1)
    # Boilerplate lines: lines of 3+ words recurring in answers of many source documents.
    sources_of_line = defaultdict(set)
    all_sources = set()
    for p, _ in rows:
        all_sources.add(p[3])
        for line in set(norm_line(l) for l in p[2].split("\n")):
            if len(words(line)) >= 3:
                sources_of_line[line].add(p[3])
    threshold = max(5, 0.01 * len(all_sources))
    common = {l for l, s in sources_of_line.items() if len(s) >= threshold}
    boiler_examples = 0
    for p, _ in rows:
        if any(norm_line(l) in common for l in p[2].split("\n")):
            boiler_examples += 1
    prose_examples = 0
    for p, _ in rows:
        if any(norm_line(l) in common for l in prose_lines(p[2])):
            prose_examples += 1
    top_lines = sorted(common, key=lambda l: -len(sources_of_line[l]))[:8]
    over = 0
    longest = 0
    if encoding is not None:
        for r, _ in records:
            text = "\n".join((m.get("content") or "") for m in r.get("messages") or [])
            count = len(encoding.encode(text, disallowed_special=()))
            longest = max(longest, count)
            over += count > max_tokens
    train_grams = set()
    for p, side in rows:
        if side == "train":
            train_grams |= ngrams(p[2])
    leaky = sum(1 for p, side in rows if side == "validation" and ngrams(p[2]) & train_grams)
    report = {}
    try:
        with open(os.path.join(folder, "report.json")) as f:
            report = json.load(f)
    except OSError:
        pass
    stages = report.get("stages", {})
    kept_docs = (stages.get("dedup_documents") or {}).get("out") or 0
    docs_with = len({p[3] for p, _ in rows})
    return {
        "folder": folder,
        "examples": n,
        "verdict": report.get("verdict"),
        "token_counter": report.get("token_counter"),
        "bad_instruction_pct": round(100 * bad / max(n, 1), 2),
        "conflicting_prompts": conflicting,
        "boilerplate_pct": round(100 * boiler_examples / max(n, 1), 2),
        "boilerplate_prose_pct": round(100 * prose_examples / max(n, 1), 2),
        "boilerplate_top": top_lines,
        "over_limit": over,
        "longest_tokens": longest,
        "leaky_validation_pct": round(100 * leaky / max(len(validation), 1), 2),
        "validation_share_pct": round(100 * len(validation) / max(n, 1), 2),
        "kept_documents": kept_docs,
        "examples_per_kept_document": round(n / max(kept_docs, 1), 2),
        "documents_with_example_pct": round(100 * docs_with / max(kept_docs, 1), 2),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_tok = os.environ.get("DATAPREP_TOKENIZERS") or os.path.join(here, "..", "..", "shared", "data", "tokenizers")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--tokenizers", default=default_tok)
    ap.add_argument("--max-tokens", type=int, default=4096)
    args = ap.parse_args()
    try:
        encoding = load_encoding(args.tokenizers)
    except Exception as error:  # noqa: BLE001 - the scorecard still counts the rest
        print(f"token counts skipped: {error}", file=sys.stderr)
        encoding = None
    results = [score(f, encoding, args.max_tokens) for f in args.folders]
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return
    keys = ["examples", "bad_instruction_pct", "conflicting_prompts", "boilerplate_pct", "boilerplate_prose_pct", "over_limit", "longest_tokens",
            "leaky_validation_pct", "validation_share_pct", "examples_per_kept_document", "documents_with_example_pct",
            "token_counter", "verdict"]
    print("| set | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for r in results:
        print(f"| {os.path.basename(r['folder'].rstrip('/'))} | " + " | ".join(str(r[k]) for k in keys) + " |")
    for r in results:
        if r["boilerplate_top"]:
            print(f"\n{r['folder']} most common answer lines:", file=sys.stderr)
            for line in r["boilerplate_top"]:
                print("   ", line[:100], file=sys.stderr)


if __name__ == "__main__":
    main()
