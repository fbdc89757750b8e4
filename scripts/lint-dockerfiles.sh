#!/usr/bin/env bash
# Lint the builder images' Dockerfiles and build-time scripts without building them.
#  - hadolint on every Dockerfile under images/, when it is on PATH. It cannot be had
#    from the registries this project uses: npm's "hadolint" package is a wrapper that
#    ships no binary, and Debian does not package it. Without it, the hadolint rules that
#    matter here (DL3003 DL3004 DL3006 DL3007 DL3009 DL3014 DL3015 DL3020 DL3025 DL3027
#    DL4000 DL4006) are checked by test/unit/images-family.test.ts, run below in any case
#    with the rest of the image family's checks (labels, users, cross prefixes, table).
#  - shellcheck on images/**/*.sh, when it is on PATH (apt-get install shellcheck).
# Exit status: non-zero when any check that could run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
rc=0

mapfile -t dockerfiles < <(find images -type f \( -name Dockerfile -o -name 'Dockerfile.*' \) | sort)
if command -v hadolint >/dev/null; then
  # DL3008: apt packages are not version-pinned on purpose (the suite pins them).
  # DL3059: separate RUNs keep the toolchain layer apart from the user layer.
  echo "lint: hadolint $(hadolint --version | head -n 1) on ${#dockerfiles[@]} Dockerfiles"
  hadolint --ignore DL3008 --ignore DL3059 "${dockerfiles[@]}" || rc=1
else
  echo "lint: hadolint is not installed: its rules for these files run in test/unit/images-family.test.ts"
fi

mapfile -t scripts < <(find images -type f -name '*.sh' | sort)
if [ ${#scripts[@]} -gt 0 ]; then
  for s in "${scripts[@]}"; do bash -n "$s" || rc=1; done
  if command -v shellcheck >/dev/null; then
    echo "lint: shellcheck on ${scripts[*]}"
    shellcheck "${scripts[@]}" || rc=1
  else
    echo "lint: shellcheck is not installed (apt-get install shellcheck); ran bash -n only"
  fi
fi

echo "lint: test/unit/images-family.test.ts"
node --import tsx --test test/unit/images-family.test.ts >/tmp/kb-lint-images.$$ 2>&1 || { cat /tmp/kb-lint-images.$$; rc=1; }
grep -E '^# (pass|fail)' /tmp/kb-lint-images.$$ || true
rm -f /tmp/kb-lint-images.$$
exit "$rc"
