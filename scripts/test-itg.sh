#!/usr/bin/env bash
# The integration tests in two lanes side by side, then the few that must run alone.
# A kernel build keeps both cores busy only while it compiles: its config steps, links,
# image, checkout, boots under TCG and KUnit runs are one process each, and so is the
# test's own analysis. Two lanes fill that idle core. Each lane runs its files one at a
# time, in the order below, so that each cold compiler cache entry (x86 tinyconfig+kb-boot
# in lane 1; UML, W=1 C=1, then arm64 and riscv in lane 2) is paid once, by the lane that
# builds it first, and the other lane's later builds find it warm (series, last in lane 1,
# builds x86 and riscv tinyconfig+kb-boot, both warm by then).
# Each lane has its own kernel repo (lane 2's a --shared clone of lane 1's): tests write
# their branches into the repo and check that a bisect left it unchanged.
# Alone, after both lanes: the tests that count every kernelbuilder container on the engine
# or remove leftovers (another lane's containers would come and go under them).
# Usage: test-itg.sh   (KB_KERNEL_REPO: the kernel repo, as scripts/test.sh sets it)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${KB_KERNEL_REPO:?set KB_KERNEL_REPO to the kernel repo (scripts/test.sh does)}
lane2_repo=$repo-lane2

alone=(action-errors cancel cleanup engine-lost userland)
lane1=(bisect-real boot-run regressions fanout cli action-bisect bisect action-post actions-cache artifacts hostile-logs live-progress real-repos results-schema kunit-qemu series)
lane2=(kunit extra-checks boot action-toy action-series after-build hostile-tree html-report images-build make-vars reproducer space toy-faults compilers)

# Every file in exactly one place: a new test file must be given one.
listed=$(printf '%s\n' "${alone[@]}" "${lane1[@]}" "${lane2[@]}" | sort)
present=$(find test/itg -name '*.test.itg.ts' -printf '%f\n' | sed 's/\.test\.itg\.ts$//' | sort)
if [ "$listed" != "$present" ]; then
  echo "test-itg.sh: the lanes do not list the integration test files exactly once:" >&2
  diff <(echo "$listed") <(echo "$present") >&2 || true
  exit 1
fi

# Lane 2's repo: a --shared clone (objects borrowed, nothing copied) with lane 1's stable
# remote-tracking refs and tags, which the tests build from.
if ! git -C "$lane2_repo" rev-parse --verify -q refs/remotes/stable/HEAD >/dev/null 2>&1; then
  rm -rf "$lane2_repo"
  git clone -q --shared "$repo" "$lane2_repo"
  git -C "$lane2_repo" fetch -q "$repo" '+refs/remotes/stable/*:refs/remotes/stable/*' '+refs/tags/*:refs/tags/*'
  git -C "$lane2_repo" symbolic-ref refs/remotes/stable/HEAD "$(git -C "$repo" symbolic-ref refs/remotes/stable/HEAD)"
fi

# One node --test per file, in the lane's order (given several files, node sorts them).
# Each line says its lane: the two lanes' output interleaves.
run() {
  local name=$1 lane_repo=$2 file failed=()
  shift 2
  for file in "$@"; do
    KB_KERNEL_REPO=$lane_repo node --import tsx --test "test/itg/$file.test.itg.ts" 2>&1 | sed -u "s/^/[$name] /" || failed+=("$file")
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "[$name] failed: ${failed[*]}"
    return 1
  fi
  echo "[$name] all $# files passed"
}

run lane1 "$repo" "${lane1[@]}" &
first=$!
run lane2 "$lane2_repo" "${lane2[@]}" &
second=$!
status=0
wait "$first" || status=1
wait "$second" || status=1
run alone "$repo" "${alone[@]}" || status=1
exit "$status"
