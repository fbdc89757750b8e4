#!/usr/bin/env bash
# Make a Debian base image from Debian's packages, for machines that reach no container
# registry: debootstrap a minimal bookworm and `docker import` it. Done once; reused.
# Usage: make-base-image.sh [IMAGE]   (default kernelbuilder/debian-base:bookworm)
set -euo pipefail
image=${1:-kernelbuilder/debian-base:bookworm}
suite=${KB_SUITE:-bookworm}

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image already present"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "make-base-image: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }

# The mirror apt on this machine already uses: the only one reachable here.
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
[ -n "$mirror" ] || mirror=$(awk '$1=="deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || { echo "make-base-image: no Debian mirror found in apt's sources" >&2; exit 1; }

root=$(mktemp -d /var/tmp/kb-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "debootstrap $suite from $mirror"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >/var/tmp/kb-debootstrap.log 2>&1 \
  || { tail -n 20 /var/tmp/kb-debootstrap.log >&2; exit 1; }
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | docker import - "$image" >/dev/null
echo "base image $image imported"
