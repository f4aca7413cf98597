#!/usr/bin/env python3
"""Python peer for the record-mode benchmark (docs/perf-extract.md): the same job as

    dataprep extract --record //row --field title=@Title --field body=@Body --field id=@Id \
        --field parent=@ParentId --field accepted=@AcceptedAnswerId FILE -o OUT

with lxml: iterparse over `row` elements (clearing each one, so memory stays flat), the HTML
in Body turned into text with lxml.html, and one JSON line per record with the same fields.
Run it in a venv outside the project: python3 -m venv /work/venv-xml; pip install lxml.
"""
import hashlib
import json
import re
import sys

from lxml import etree, html

FIELDS = [("title", "Title"), ("body", "Body"), ("id", "Id"), ("parent", "ParentId"), ("accepted", "AcceptedAnswerId")]
TAG = re.compile(r"</?(p|div|br|a|ul|ol|li|pre|code|h[1-6]|table|em|strong|b|i|blockquote|img|span)[\s/>]")


def html_text(value):
    if not TAG.search(value):
        return value.strip()
    fragment = html.fragment_fromstring(value, create_parent="div")
    blocks = []
    for element in fragment.iter("p", "li", "pre", "h1", "h2", "h3", "blockquote"):
        text = " ".join(element.text_content().split())
        if text:
            blocks.append(text)
    return "\n\n".join(blocks) if blocks else " ".join(fragment.text_content().split())


def main(path, out_path):
    count = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for _, row in etree.iterparse(path, events=("end",), tag="row", resolve_entities=False, no_network=True):
            source = f"{path}#{count}"
            fields = {}
            for name, attribute in FIELDS:
                value = row.get(attribute)
                if value is not None:
                    fields[name] = html_text(value)
            text = fields.get("body", "")
            record = {
                "id": hashlib.sha256(source.encode()).hexdigest()[:16],
                "source": source,
                "format": "record",
                "title": fields.get("title", ""),
                "text": text,
                "sections": [{"heading": "", "level": 0, "text": text}] if text else [],
                "metadata": {"record_index": count, "fields": fields},
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
    print(f"peer: {count} records", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
