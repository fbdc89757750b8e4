#!/bin/bash
# Run a built UML kernel's KUnit tests the way the tree's kunit.py runs them: the kernel
# is a Linux program (ARCH=um, OUT_DIR/linux) given kunit.py's command line, its console
# on its stdout. Each run's console goes to KEPT_DIR/kunit-<n>.log (cut at
# KB_KUNIT_CONSOLE_LIMIT bytes) and a line "RUN EXIT TIMED_OUT MILLISECONDS" to
# KEPT_DIR/kunit.status. A run that shows a failing case (`not ok`) or did not end as a
# run ends (a crash, its timeout) is run again, up to KB_KUNIT_RETRIES times: the host
# reads every console and calls a case that passed on a retry flaky, not failed.
# Each run's number is on the kernel's command line (kernelbuilder.run=N), so that its
# console says which run it was. Runs in the build container, under its lockdown, as one
# job of the driver's make.
# Usage: kunit-uml.sh OUT_DIR KEPT_DIR NAME
set -uo pipefail
out=$1 kept=$2 name=$3
timeout_s=${KB_KUNIT_TIMEOUT:-300}
retries=${KB_KUNIT_RETRIES:-2}
limit=${KB_KUNIT_CONSOLE_LIMIT:-16777216}
mkdir -p "$kept"
# UML maps its memory from a file it makes in TMPDIR, mapped executable: /build is an
# exec tmpfs big enough for it (the container's /tmp holds 1 GiB, kunit.py's mem=).
export TMPDIR=/build/kunit-tmp.$$
mkdir -p "$TMPDIR"
: >"$kept/kunit.status"
for ((run = 1; run <= retries + 1; run++)); do
  console=$kept/kunit-$run.log
  start=$(date +%s%3N)
  timeout --kill-after=10 "$timeout_s" "$out/linux" kunit.enable=1 mem=1G console=tty kunit_shutdown=halt "kernelbuilder.run=$run" </dev/null 2>&1 | head -c "$limit" >"$console"
  rc=${PIPESTATUS[0]}
  end=$(date +%s%3N)
  timed_out=0
  if [ $((end - start)) -ge $((timeout_s * 1000)) ]; then timed_out=1; fi
  echo "$run $rc $timed_out $((end - start))" >>"$kept/kunit.status"
  echo "kernelbuilder: $name KUnit run $run: exit $rc in $(((end - start) / 1000))s"
  if [ "$rc" -eq 0 ] && ! grep -Eq '^[[:space:]]*not ok [0-9]+ ' "$console"; then break; fi
done
rm -rf "$TMPDIR"
