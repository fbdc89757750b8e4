#!/usr/bin/env bash
# The main job on an embedded default: set everything up, then build the real Linux 6.1
# (Debian's linux-source-6.1) at stable/linux-6.1.y, tinyconfig made bootable by the boot
# fragment, for the default arches, and boot each kernel in QEMU.
# Results land in $KB_WORK/logs/stable/<build id>/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-docker.sh >/dev/null
bash scripts/prepare.sh
work=${KB_WORK:-/var/tmp/kernelbuilder}
exec node dist/cli.js build --source "$work/linux-6.1" --ref stable/linux-6.1.y --configs tinyconfig+kb-boot.config --boot all --logs "$work/logs"
