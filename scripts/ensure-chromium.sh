#!/usr/bin/env bash
# Debian's chromium, for the browser tests of the HTML report (test/itg/html-report.test.itg.ts,
# driven by playwright-core at /usr/bin/chromium): installed with apt only when missing.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
export DEBIAN_FRONTEND=noninteractive
# A fresh box may have no package lists yet: then apt knows no candidate version.
if ! apt-cache policy chromium | grep -q 'Candidate: [0-9]'; then apt-get update -q; fi
apt-get install -y -q chromium
