#!/bin/bash
# kernelbuilder's in-container driver: check out one commit of /src (read-only) into the
# /build tmpfs without network (or, with KB_IN_PLACE=1, build from the source's work tree,
# which the host found at that commit and clean and mounted read-only at /build/src), then
# build every target under ONE make jobserver, as the original builder did, so that all
# configs share the machine's cores.
# Usage: driver.sh SHA JOBS TARGET...   each TARGET is ARCH|NAME|BASE|OBJDIR_BYTES|TEST|COMPILER[|FRAGMENT...]
# Environment: KB_CROSS_<arch>, the cross prefix per arch, and KB_MAKE_VARS, variables for
# every make (both from the image's labels); KB_USER_MAKE_VARS, the user's make variables
# one a line (see steps.sh); KB_CCACHE=1 to compile through ccache;
# KB_TARGET_TIMEOUT, seconds per target; KB_SPACE_LIMIT, the bytes of /build the running
# targets' predicted object dirs may take at once (see space.sh).
# Exit status: 0 when every target ran (passed or failed: see /logs/<arch>/<config>.status),
# non-zero when the build could not start.
set -euo pipefail
sha=$1 jobs=$2
shift 2
here=$(dirname "$(readlink -f "$0")")

cd /build
export HOME=/build/home
mkdir -p "$HOME"
# /src belongs to the runner, not to this user: git would refuse it as "dubious ownership".
git config --global safe.directory '*'

# The commit's files at /build/src: a shared clone of /src checked out in the tmpfs.
check_out() {
  echo "kernelbuilder: checking out $sha"
  local start
  start=$(date +%s)
  git clone -q --shared --no-checkout /src /build/src
  # A checkout of a kernel inflates ~80k blobs: one worker per core (checkout.workers=0)
  # instead of one in all.
  git -C /build/src -c advice.detachedHead=false -c checkout.workers=0 checkout -q --detach "$sha"
  # A parallel checkout that could not write a file (a full /build) still exits 0 (git 2.39):
  # a file of the commit missing from the work tree is a failed checkout, not a tree to build.
  local missing
  missing=$(git -C /build/src ls-files --deleted)
  if [ -n "$missing" ]; then
    echo "kernelbuilder: the checkout of $sha is incomplete: $(wc -l <<<"$missing") files could not be written (is /build, input tmpfs-size, too small?)" >&2
    exit 1
  fi
  echo "kernelbuilder: checked out in $(($(date +%s) - start))s"
}

if [ "${KB_IN_PLACE-}" = 1 ]; then
  if [ ! -f /build/src/Makefile ]; then
    echo "kernelbuilder: the source's work tree is not at /build/src (no Makefile there)" >&2
    exit 1
  fi
  echo "kernelbuilder: building $sha in place: the source's work tree, read-only"
else
  check_out
fi

# One make over all targets: each recipe is a sub-make ('+'), so the kernel builds share
# this make's jobserver and -j is the limit for the whole run, not per target.
# Make targets are numbered: config names may hold '=' and '+', which make would misread.
# Prerequisites are listed in the order given, longest first, so that the long builds
# start while there are still short ones to fill the cores at the end.
# Each target is admitted to /build first (admit.sh: it waits there while its predicted
# object dir does not fit, see space.sh), by a recipe of its own, one after another in
# the same order (aN waits for aN-1): a waiting admission holds one job slot, and the
# targets behind it start no recipe, so the slots go on compiling for the running ones.
mk=/build/targets.mk
{
  names=$(seq -s ' ' -f 't%g' 1 $#)
  admits=$(seq -s ' ' -f 'a%g' 1 $#)
  echo ".PHONY: all $names $admits"
  echo "all: $names"
  i=0
  for t in "$@"; do
    i=$((i + 1))
    printf "t%d: a%d\n\t+@%s/target.sh '%s'\n" "$i" "$i" "$here" "$t"
    printf "a%d:%s\n\t@%s/admit.sh '%s'\n" "$i" "$([ "$i" -gt 1 ] && printf ' | a%d' $((i - 1)))" "$here" "$t"
  done
} >"$mk"
# The compiler each arch is built with, for the reports: "ARCH<TAB>first line of --version",
# "ARCH@COMPILER<TAB>..." for each compiler of a matrix (COMPILER, the 6th field of a target;
# target.sh says what each means).
for pair in $(printf '%s\n' "$@" | cut -d'|' -f1,6 | sort -u); do
  arch=${pair%%|*} compiler=${pair#*|}
  cross_var=KB_CROSS_$arch
  key=$arch${compiler:+@$compiler}
  case $compiler in
    clang-*) cc=/usr/lib/llvm-${compiler#clang-}/bin/clang ;;
    gcc) cc=${!cross_var-}gcc ;;
    *)
      case " ${KB_MAKE_VARS-} " in
        *" LLVM=1 "*) cc=clang ;;
        *) cc=${!cross_var-}gcc ;;
      esac
      ;;
  esac
  printf '%s\t%s\n' "$key" "$("$cc" --version 2>&1 | head -n 1)"
done >/logs/toolchains.txt

echo "kernelbuilder: building $# targets with -j$jobs"
# ccache's counters before and after, so the run's own hits and misses can be told
# apart from those of other runs sharing the cache.
# Statistics are a report, not the build: their failure must not stop it.
if [ "${KB_CCACHE-}" = 1 ]; then ccache --print-stats >/logs/ccache-stats.before || true; fi
make --no-print-directory -k -j"$jobs" -f "$mk" all
if [ "${KB_CCACHE-}" = 1 ]; then ccache --print-stats >/logs/ccache-stats.after || true; fi
# The most memory the container held, for the next plans: cgroup v2's memory.peak (Linux
# 5.19 and later), else cgroup v1's memory.max_usage_in_bytes; both count the /build
# tmpfs, whose pages are memory. Neither (an older v2 kernel): no figure. A report too.
for peak in /sys/fs/cgroup/memory.peak /sys/fs/cgroup/memory/memory.max_usage_in_bytes; do
  if [ -r "$peak" ]; then
    cat "$peak" >/logs/memory-peak.txt || true
    break
  fi
done
