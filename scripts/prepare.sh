#!/usr/bin/env bash
# Everything the build and its tests need on a machine that reaches no container
# registry and no git hosting, each made once and reused:
#   - the Debian base image (debootstrap + docker import),
#   - the builder images of the table that can be built here (kernelbuilder images build):
#     gcc-12, and the compiler matrix's image built on it,
#   - the boot image (QEMU) that boots what they build,
#   - a real kernel repo from Debian's linux-source-6.1 ($KB_WORK/linux-6.1),
#   - python3, which runs that tree's own tools/testing/kunit/kunit.py in the KUnit tests.
# Needs a running Docker engine (scripts/ensure-docker.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${KB_WORK:-/var/tmp/kernelbuilder}
base=kernelbuilder/debian-base:bookworm
mkdir -p "$work"

# apt first: nothing below may hold its locks while it runs.
if ! command -v python3 >/dev/null; then
  if ! apt-cache policy python3 | grep -q 'Candidate: [0-9]'; then apt-get update -q; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3
fi

# The kernel repo (unpack and commit ~80k files: the disk and one core) is made while the
# images build (mostly the network and dpkg), and the two images build side by side.
bash scripts/make-kernel-repo.sh "$work/linux-6.1" linux-source-6.1 &
kernel_repo=$!
bash scripts/make-base-image.sh "$base"
# Built every time: Docker's layer cache makes an unchanged Dockerfile a matter of seconds,
# and an image made from an older Dockerfile (without an arch or emulator added since) is
# made again.
node dist/cli.js images build --only kernelbuilder/qemu --base "$base" &
boot_image=$!
node dist/cli.js images build --only kernelbuilder/gcc-12 --base "$base"
# The compiler matrix's image: the gcc-12 image with Debian's LLVMs added on top.
node dist/cli.js images build --only kernelbuilder/compilers
wait "$boot_image"
wait "$kernel_repo"
