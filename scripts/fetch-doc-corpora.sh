#!/usr/bin/env bash
# Fetches real documentation sets from Debian's archive into a cache folder outside the repo,
# for judging `dataprep build` on data we did not write (see docs/PERFORMANCE.md, issue 14).
#
#   scripts/fetch-doc-corpora.sh [CACHE]      (default: ../doc-corpora beside the project)
#
# Each package is downloaded with `apt-get download` (no install) and unpacked with
# `dpkg-deb -x`; then CACHE/sets/NAME is a link to the HTML folder of each set:
#   postgres (PostgreSQL 15 manual), django (Django 3.2), sphinx (Sphinx 5.3),
#   apache (Apache httpd 2.4 manual, English pages), git (Git's HTML and text docs).
# Then, for each set:  dataprep build CACHE/sets/NAME -o OUT && python3 scripts/score-dataset.py OUT
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-"$root/../doc-corpora"}
mkdir -p "$cache/debs" "$cache/x" "$cache/sets"
cache=$(cd "$cache" && pwd)

packages=(postgresql-doc-15 python-django-doc sphinx-doc apache2-doc git-doc)
missing=()
for p in "${packages[@]}"; do
  ls "$cache/debs/${p}_"*.deb >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && apt-get update -qq || true
  # apt-get download runs as the user; _apt needs a folder it can write, so download in /tmp.
  tmp=$(mktemp -d)
  chmod 777 "$tmp"
  (cd "$tmp" && apt-get download "${missing[@]}")
  mv "$tmp"/*.deb "$cache/debs/"
  rmdir "$tmp"
fi
for deb in "$cache"/debs/*.deb; do
  name=$(basename "$deb" | cut -d_ -f1)
  [ -d "$cache/x/$name" ] || dpkg-deb -x "$deb" "$cache/x/$name"
done

link() { ln -sfn "$cache/x/$2" "$cache/sets/$1"; }
link postgres postgresql-doc-15/usr/share/doc/postgresql-doc-15/html
link django python-django-doc/usr/share/doc/python-django-doc/html
link sphinx sphinx-doc/usr/share/doc/sphinx-doc/html
link apache apache2-doc/usr/share/doc/apache2-doc/manual/en
link git git-doc/usr/share/doc/git-doc
for s in "$cache"/sets/*; do
  printf '%-10s %5d HTML files  %s\n' "$(basename "$s")" "$(find -L "$s" -name '*.html' | wc -l)" "$(readlink "$s")"
done
