#!/bin/sh
# Builds the release archive of dataprep for this machine's architecture:
#
#   scripts/release.sh [OUT_DIR]        # default: dist/
#
# The binary links the Swift standard library and Foundation statically (--static-swift-stdlib),
# so it starts where no Swift is installed; libxml2, zlib, libcrypto, libcurl and libcld2 come
# from the system (every Linux distribution has them). It is stripped and shipped with its tokenizer resources
# (the folder dataprep_DataPrep.resources must stay beside the binary), bash/zsh/fish
# completions, man pages generated from the command definitions (swift-argument-parser's
# generate-manual plugin), the licence, the README and the tokenizer notice. Writes
# dataprep-VERSION-linux-ARCH.tar.gz and its .sha256 into OUT_DIR.
# scripts/check-release-chroot.sh proves the archive runs in a minimal Debian root.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/dist}
cd "$ROOT"
VERSION=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/DataPrep/DataPrepVersion.swift)
ARCH=$(uname -m)
NAME=dataprep-$VERSION-linux-$ARCH
# The static build has its own scratch folder: the manual plugin builds a dynamically linked
# dataprep in .build, and SwiftPM would not relink it when only the linking flags change.
# Foundation's networking (the chat client) links libcurl: a static-stdlib build needs its
# development files (Debian: libcurl4-openssl-dev), and the binary then needs libcurl4 to run.
if ! pkg-config --exists libcurl 2>/dev/null; then
  echo "release: libcurl's development files are missing (apt-get install libcurl4-openssl-dev)" >&2
  exit 2
fi
swift package --disable-sandbox generate-manual --multi-page >/dev/null
swift build -c release --product dataprep --static-swift-stdlib -Xlinker -s --scratch-path .build-static
BIN=$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/$NAME/bin" "$STAGE/$NAME/man/man1" "$STAGE/$NAME/completions"
cp "$BIN/dataprep" "$STAGE/$NAME/bin/"
cp -R "$BIN/dataprep_DataPrep.resources" "$STAGE/$NAME/bin/"
# `dataprep --version` prints the commit the archive was built from (with -dirty when the
# working tree had changes).
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$COMMIT" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT=$COMMIT-dirty; fi
echo "$COMMIT" >"$STAGE/$NAME/bin/dataprep_DataPrep.resources/COMMIT"
cp .build/plugins/GenerateManual/outputs/dataprep/*.1 "$STAGE/$NAME/man/man1/"
for shell in bash zsh fish; do
  "$BIN/dataprep" --generate-completion-script "$shell" >"$STAGE/$NAME/completions/dataprep.$shell"
done
cp README.md "$STAGE/$NAME/"
# The licence is the owner's choice: a release without one is refused, since nobody could use it
# lawfully. ALLOW_NO_LICENSE=1 makes a test archive anyway (the chroot check uses one).
LICENSE_FILE=$(ls LICENSE LICENSE.md LICENSE.txt COPYING 2>/dev/null | head -n 1 || true)
if [ -n "$LICENSE_FILE" ]; then
  cp "$LICENSE_FILE" "$STAGE/$NAME/"
elif [ "${ALLOW_NO_LICENSE:-0}" = 1 ]; then
  echo "release: no LICENSE file; a test archive only (ALLOW_NO_LICENSE=1), not one to publish" >&2
else
  echo "release: no LICENSE file at the project root: choose a licence before publishing a release" >&2
  echo "         (or set ALLOW_NO_LICENSE=1 for a test archive)" >&2
  exit 1
fi
cp Sources/DataPrep/Resources/tokenizers/NOTICE.md "$STAGE/$NAME/NOTICE-tokenizers.md"
if ldd "$STAGE/$NAME/bin/dataprep" | grep -q -i swift; then
  echo "release: the binary still links a Swift library:" >&2
  ldd "$STAGE/$NAME/bin/dataprep" >&2
  exit 1
fi
mkdir -p "$OUT"
tar -C "$STAGE" -czf "$OUT/$NAME.tar.gz" "$NAME"
(cd "$OUT" && sha256sum "$NAME.tar.gz" >"$NAME.tar.gz.sha256")
"$STAGE/$NAME/bin/dataprep" --version >&2
echo "release: pin it in action.yml: PINNED_$(echo "$ARCH" | tr a-z A-Z): $(cut -d' ' -f1 "$OUT/$NAME.tar.gz.sha256")" >&2
echo "$OUT/$NAME.tar.gz"
