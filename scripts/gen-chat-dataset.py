#!/usr/bin/env python3
"""Writes a deterministic OpenAI chat fine-tuning dataset of real-sized examples.

usage: scripts/gen-chat-dataset.py OUT.jsonl [--mb 30] [--seed 7]

Each example: a system prompt, 1-3 user/assistant exchanges (answers of 80-600 words with
some Markdown), some with a tool call and its result, metadata.task. Same seed, same bytes.
"""
import argparse
import json
import random

WORDS = (
    "the of and to in is that for it as with was on be by this are from or an at which have not "
    "data model training example function value system user assistant answer question result file "
    "river mountain library engine garden planet violin harbor forest market process network layer "
    "token sequence gradient learning rate batch epoch loss accuracy validation dataset schema record "
    "document section heading paragraph table list code python swift rust server client request "
    "response cache memory thread queue error warning note check line column byte string number "
    "because however therefore although while since unless until whether either neither both each "
    "every some many most few several other another such same different important useful simple "
    "complex large small fast slow new old first last next previous early late high low good bad "
    "café naïve résumé über straße 東京 数据 模型 données modèle"
).split()

TASKS = ["faq", "summary", "qa", "rewrite", "classify", "extract"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng, words):
    out = []
    while words > 0:
        n = min(words, rng.randint(6, 24))
        out.append(sentence(rng, n))
        words -= n
    return " ".join(out)


def answer(rng):
    parts = []
    total = rng.randint(80, 600)
    while total > 0:
        kind = rng.random()
        n = min(total, rng.randint(30, 120))
        if kind < 0.15:
            parts.append("\n".join("- " + sentence(rng, rng.randint(4, 12)) for _ in range(rng.randint(2, 5))))
        elif kind < 0.22:
            parts.append("```python\ndef f(x):\n    return x * %d\n```" % rng.randint(2, 99))
        elif kind < 0.3:
            parts.append("## " + sentence(rng, rng.randint(2, 5)))
        else:
            parts.append(paragraph(rng, n))
        total -= n
    return "\n\n".join(parts)


def example(rng, i):
    messages = [{"role": "system", "content": "You are a helpful assistant. " + sentence(rng, rng.randint(5, 20))}]
    turns = rng.choice([1, 1, 2, 3])
    for t in range(turns):
        messages.append({"role": "user", "content": paragraph(rng, rng.randint(8, 80))})
        if rng.random() < 0.1:
            call_id = "call_%d_%d" % (i, t)
            args = json.dumps({"query": sentence(rng, 4), "limit": rng.randint(1, 20)})
            messages.append({"role": "assistant", "tool_calls": [
                {"id": call_id, "type": "function", "function": {"name": "search_docs", "arguments": args}}]})
            messages.append({"role": "tool", "tool_call_id": call_id, "content": paragraph(rng, rng.randint(20, 80))})
        msg = {"role": "assistant", "content": answer(rng)}
        if turns > 1 and t < turns - 1 and rng.random() < 0.3:
            msg["weight"] = 0
        messages.append(msg)
    record = {"messages": messages}
    if any("tool_calls" in m for m in messages):
        record["tools"] = [{"type": "function", "function": {"name": "search_docs", "description": "Search the docs.",
                                                             "parameters": {"type": "object", "properties": {"query": {"type": "string"}}}}}]
    record["metadata"] = {"id": "ex-%06d" % i, "source_id": "doc-%05d" % (i // 3), "task": rng.choice(TASKS)}
    return record


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--mb", type=float, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    limit = int(args.mb * 1_000_000)
    size = 0
    i = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while size < limit:
            line = json.dumps(example(rng, i), ensure_ascii=False, separators=(",", ":")) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    print("%s: %d examples, %d bytes" % (args.out, i, size))


if __name__ == "__main__":
    main()
