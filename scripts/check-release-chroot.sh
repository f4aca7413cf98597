#!/bin/sh
# Proves the release archive runs where Swift is absent: a minimal Debian root
# (debootstrap --variant=minbase, from Debian's archive) holding only libxml2, zlib, libcld2 and libcurl4 (with its libssl3), the
# archive unpacked in it, `dataprep build samples` run there with chroot, and its output compared
# byte for byte with the same build on this machine. Needs root, debootstrap and network access
# to deb.debian.org; a few minutes.
#
#   sudo scripts/check-release-chroot.sh dist/dataprep-VERSION-linux-ARCH.tar.gz [ROOT_DIR]
set -eu
ARCHIVE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
ROOTFS=${2:-/tmp/dataprep-minroot}
if [ ! -x "$ROOTFS/bin/sh" ]; then
  debootstrap --variant=minbase --include=libxml2,libcld2-0,libcurl4 bookworm "$ROOTFS" http://deb.debian.org/debian
fi
if [ -e "$ROOTFS/usr/lib/swift" ] || ls "$ROOTFS"/usr/lib/*/libswift* >/dev/null 2>&1; then
  echo "the root holds a Swift runtime: not a fair test" >&2
  exit 1
fi
rm -rf "$ROOTFS/opt/dataprep" "$ROOTFS/tmp/dataprep-check"
mkdir -p "$ROOTFS/opt/dataprep" "$ROOTFS/tmp/dataprep-check"
tar -C "$ROOTFS/opt/dataprep" --strip-components=1 -xzf "$ARCHIVE"
cp -R "$PROJECT/samples" "$ROOTFS/tmp/dataprep-check/samples"
# Swift reads a static binary's arguments from /proc/self/cmdline: the root needs /proc.
mount -t proc proc "$ROOTFS/proc"
trap 'umount "$ROOTFS/proc"' EXIT
chroot "$ROOTFS" /opt/dataprep/bin/dataprep --version
chroot "$ROOTFS" /opt/dataprep/bin/dataprep build /tmp/dataprep-check/samples -o /tmp/dataprep-check/out
# The same build on this machine, from the same absolute path (document ids hash it).
rm -rf /tmp/dataprep-check && mkdir -p /tmp/dataprep-check
cp -R "$PROJECT/samples" /tmp/dataprep-check/samples
"$ROOTFS/opt/dataprep/bin/dataprep" build /tmp/dataprep-check/samples -o /tmp/dataprep-check/out
if (cd /tmp/dataprep-check/out && sha256sum *) | cmp -s - "$(cd "$ROOTFS/tmp/dataprep-check/out" && sha256sum * >/tmp/dataprep-check.chroot.sha && echo /tmp/dataprep-check.chroot.sha)"; then
  echo "check-release-chroot: the build in the minimal root gives the same bytes as here"
else
  echo "check-release-chroot: outputs differ between the minimal root and this machine" >&2
  exit 1
fi
