#!/bin/sh
# Generates a StackExchange-style Posts.xml export of about SIZE_MB megabytes (default 1024)
# for the record-mode memory test. Writes to /tmp (never into the repository).
#
#   scripts/make-big-export.sh [SIZE_MB] [OUTPUT]
#   /usr/bin/time -v .build/release/dataprep extract --record //row \
#     --field title=@Title --field body=@Body --field id=@Id --field parent=@ParentId \
#     /tmp/dataprep-big-posts.xml -o /tmp/dataprep-big-posts.jsonl
set -eu
size_mb=${1:-1024}
output=${2:-/tmp/dataprep-big-posts.xml}
case "$output" in
  "$(cd "$(dirname "$0")/.." && pwd)"/*) echo "refusing to write inside the repository: $output" >&2; exit 2 ;;
esac
awk -v target="$((size_mb * 1000 * 1000))" '
BEGIN {
  srand(42)
  split("the a starter dough yeast flour water oven crust crumb rise proof salt time warm cold fridge bake loaf sour smell feed hungry discard jar lid", words, " ")
  nwords = 25
  print "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  print "<posts>"
  bytes = 60
  id = 0
  while (bytes < target) {
    id++
    sentence = ""
    n = 40 + int(rand() * 120)
    for (i = 0; i < n; i++) sentence = sentence " " words[1 + int(rand() * nwords)]
    body = "&lt;p&gt;" sentence ".&lt;/p&gt;&#xA;&lt;p&gt;Step &lt;code&gt;" id "&lt;/code&gt; &lt;strong&gt;works&lt;/strong&gt;.&lt;/p&gt;&#xA;"
    if (id % 3 == 1) {
      line = "  <row Id=\"" id "\" PostTypeId=\"1\" AcceptedAnswerId=\"" id + 1 "\" CreationDate=\"2026-01-05T10:12:33.000\" Score=\"" int(rand() * 50) "\" Body=\"" body "\" Title=\"Question " id " about" words[1 + int(rand() * nwords)] "\" Tags=\"&lt;bread&gt;\" />"
    } else {
      line = "  <row Id=\"" id "\" PostTypeId=\"2\" ParentId=\"" id - (id % 3) + 1 "\" CreationDate=\"2026-01-05T11:40:02.000\" Score=\"" int(rand() * 20) "\" Body=\"" body "\" />"
    }
    print line
    bytes += length(line) + 1
  }
  print "</posts>"
}' > "$output"
ls -l "$output"
