#!/usr/bin/env bash
# Writes a deterministic corpus of COUNT HTML documentation pages into DIR (for the scale-out
# checks: real pages are in Debian's doc packages, this one is reproducible anywhere without
# network). Pages share a site navigation and footer (site furniture), have sections with
# headings and code, and about 5% are near copies of an earlier page (a changed sentence),
# 2% exact copies, so every stage of a build has work to do.
#   scripts/make-doc-corpus.sh DIR [COUNT=3000] [SEED=7]
set -euo pipefail
dir=${1:?usage: make-doc-corpus.sh DIR [COUNT] [SEED]}
count=${2:-3000}
seed=${3:-7}
mkdir -p "$dir"
awk -v dir="$dir" -v count="$count" -v seed="$seed" '
function word() { return words[int(rand() * nwords) + 1] }
function sentence(n,   s, i) {
  s = word(); s = toupper(substr(s, 1, 1)) substr(s, 2)
  for (i = 1; i < n; i++) s = s " " word()
  return s "."
}
function paragraph(   p, i, n) {
  n = 3 + int(rand() * 4); p = ""
  for (i = 0; i < n; i++) p = p (i ? " " : "") sentence(8 + int(rand() * 12))
  return p
}
function page(i,   title, body, s, nsec, k) {
  title = "The " word() " " word() " module"
  body = ""
  nsec = 2 + int(rand() * 4)
  for (s = 1; s <= nsec; s++) {
    body = body "<h2>How to " word() " the " word() "</h2>\n<p>" paragraph() "</p>\n<p>" paragraph() "</p>\n"
    if (rand() < 0.4) body = body "<pre><code>" word() "_" word() " = configure(\"" word() "\", level=" int(rand() * 9) ")</code></pre>\n"
    if (rand() < 0.3) { body = body "<ul>"; for (k = 0; k < 3; k++) body = body "<li>" sentence(6) "</li>"; body = body "</ul>\n" }
  }
  titles[i] = title; bodies[i] = body
}
function write(i, title, body,   f) {
  f = sprintf("%s/section-%02d/page-%05d.html", dir, int(i / 250), i)
  if (!(int(i / 250) in made)) { system("mkdir -p " dir "/section-" sprintf("%02d", int(i / 250))); made[int(i / 250)] = 1 }
  printf "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s — Example Project 2.1 documentation</title></head>\n", title > f
  printf "<body><nav class=\"sidebar\"><a href=\"/\">Example Project 2.1 documentation</a> <a href=\"/genindex.html\">General index of every module</a> <a href=\"/search.html\">Search the documentation pages</a></nav>\n" > f
  printf "<div role=\"main\"><h1>%s</h1>\n%s</div>\n", title, body > f
  printf "<footer><p>Copyright 2026, the Example Project contributors and maintainers.</p><p>Created using the documentation generator for this project.</p></footer></body></html>\n" > f
  close(f)
}
BEGIN {
  srand(seed)
  split("system value module request server client config option table index record field parser stream buffer cache thread worker queue signal handler socket process memory format schema object method function argument return error message file folder path source target build release version package library command output input limit timeout retry backup restore replica cluster node shard merge split token document example dataset model query result column filter update delete insert select transaction commit rollback lock session cookie header payload", words, " ")
  nwords = length(words)
  for (i = 0; i < count; i++) {
    r = rand()
    if (i > 10 && r < 0.02) { j = int(rand() * i); write(i, titles[j], bodies[j]); titles[i] = titles[j]; bodies[i] = bodies[j]; continue }
    if (i > 10 && r < 0.07) {
      j = int(rand() * i); b = bodies[j]; sub(/<p>[^<]*<\/p>/, "<p>" paragraph() "</p>", b)
      write(i, titles[j] " (revised)", b); titles[i] = titles[j]; bodies[i] = b; continue
    }
    page(i); write(i, titles[i], bodies[i])
  }
}'
echo "make-doc-corpus: $count pages in $dir" >&2
