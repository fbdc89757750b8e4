#!/bin/bash
# Build one target inside the driver's make (steps.sh). Its one argument is
# ARCH|NAME|BASE|OBJDIR_BYTES|TEST|COMPILER[|FRAGMENT...], OBJDIR_BYTES the bytes its object
# dir is predicted to fill (empty: no prediction), TEST the kernel's own tests to run once
# it is built (kunit-uml: kunit-uml.sh; empty: none), COMPILER gcc or clang-N in a compiler
# matrix (empty: the image's toolchain, KB_MAKE_VARS as it is); all output goes to
# /logs/<arch>/<config>.log and the outcome in /logs/<arch>/<config>.status as
# "RESULT EXIT STAGE START_MS END_MS CPU_MS OBJDIR_BYTES WAIT_S", RESULT one of pass, fail,
# timeout, CPU_MS the user+system time of every process the target ran, OBJDIR_BYTES what
# its object dir held on /build at its end, WAIT_S the seconds it waited for space.
# Its space on /build was reserved by admit.sh, the recipe before it (space.sh).
# KB_TARGET_TIMEOUT (seconds) bounds the target: past it the target is killed and the
# others go on. Exits 0 once the status is written, so one failed target never stops
# the others. A bisect (bisect.sh) sets KB_LOGS, the folder of its step (default /logs),
# and KB_KEEP_OBJECTS=1, so that the next step's make rebuilds only what changed.
set -uo pipefail
IFS='|' read -r -a spec <<<"$1"
arch=${spec[0]} config=${spec[1]} base=${spec[2]} tests=${spec[4]-} compiler=${spec[5]-}
fragments=("${spec[@]:6}")
here=$(dirname "$(readlink -f "$0")")
out=/build/out/$arch-$config
logs=${KB_LOGS:-/logs}
log=$logs/$arch/$config.log
status=$logs/$arch/$config.status
stage_file=$out.stage

# The space on /build admit.sh reserved for this target, given back at its end.
# shellcheck source=src/driver/space.sh
. "$here/space.sh"
space_take "$arch/$config"
trap space_release EXIT
mkdir -p "$logs/$arch" "$out"

# A matrix target's compiler, for its steps, installs and boot init alike (the reproducer,
# src/values/compiler.ts, says the same): clang-N is LLVM=1 with LLVM N's plain-named tools
# (clang, ld.lld, llvm-ar, ...) first on PATH; gcc is the image's GCC, without an LLVM=1
# of the image's labels.
missing_compiler=
case $compiler in
  clang-*)
    llvm_bin=/usr/lib/llvm-${compiler#clang-}/bin
    if [ -x "$llvm_bin/clang" ]; then
      export PATH="$llvm_bin:$PATH" KB_MAKE_VARS="${KB_MAKE_VARS-} LLVM=1"
    else
      missing_compiler="kernelbuilder: $compiler is not in this image (no $llvm_bin/clang)"
    fi
    ;;
  gcc)
    vars=" ${KB_MAKE_VARS-} "
    export KB_MAKE_VARS=${vars// LLVM=1 / }
    ;;
esac

start=$(date +%s%3N)
rc=0
if [ -n "$missing_compiler" ]; then
  echo "$missing_compiler" >"$log"
  rc=127
elif [ -n "${KB_TARGET_TIMEOUT-}" ]; then
  timeout --kill-after=30 "$KB_TARGET_TIMEOUT" "$here/steps.sh" "$arch" "$base" "$out" "$stage_file" "${fragments[@]}" >"$log" 2>&1 </dev/null || rc=$?
else
  "$here/steps.sh" "$arch" "$base" "$out" "$stage_file" "${fragments[@]}" >"$log" 2>&1 </dev/null || rc=$?
fi
# What the target built is kept (and the boot init made) before its object dir goes.
if [ "$rc" -eq 0 ]; then "$here/install.sh" "$arch" "$config" "$out" >>"$log" 2>&1 </dev/null; fi
end=$(date +%s%3N)
# `times` second line: user and system time of the waited-for children, e.g. "1m2.345s 0m6.789s".
# `times` runs in this shell (a pipe would measure a subshell), then the file is read.
times >"$out.times"
cpu=$(tail -n 1 "$out.times" | awk '{ s = 0; for (i = 1; i <= NF; i++) { split($i, p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] } printf "%d", s * 1000 }')
stage=$(cat "$stage_file" 2>/dev/null || echo config)
# What the object dir takes of the tmpfs (blocks, not file lengths), now at its largest.
objdir=$(du -s -B1 "$out" 2>/dev/null | cut -f1)

result=pass
if [ "$rc" -ne 0 ]; then
  result=fail
  # timeout's own exit code (124, or 137 after --kill-after) is also what an OOM kill
  # gives: the clock tells them apart.
  if [ -n "${KB_TARGET_TIMEOUT-}" ] && [ $((end - start)) -ge $((KB_TARGET_TIMEOUT * 1000)) ]; then result=timeout; fi
fi
cp -f "$out/.config" "$logs/$arch/$config.config" 2>/dev/null || true
printf '%s %s %s %s %s %s %s %s\n' "$result" "$rc" "$stage" "$start" "$end" "$cpu" "${objdir:-0}" "$space_waited" >"$status.tmp"
mv -f "$status.tmp" "$status"
echo "kernelbuilder: $arch/$config $result (stage $stage, exit $rc) in $(((end - start) / 1000))s"
# Its own tests, once built: still one job of make's, its object dir (the kernel) still there.
if [ "$result" = pass ] && [ "$tests" = kunit-uml ]; then "$here/kunit-uml.sh" "$out" "$logs/$arch/$config" "$arch/$config"; fi
# The object dir lives in the tmpfs, i.e. in memory: free it for the targets still running.
rm -rf "$stage_file" "$out.times"
if [ "${KB_KEEP_OBJECTS-}" != 1 ]; then rm -rf "$out"; fi
space_release
