#!/bin/bash
# kernelbuilder's in-container stepping driver, for a bisect and for a series (each commit
# of a range built on the one before). The container runs `bisect.sh serve` (it waits);
# the host steps it through `docker exec`, one command at a time:
#   bisect.sh setup                          clone /src (read-only) into the /build tmpfs
#   bisect.sh build SHA STEP_DIR FRESH JOBS TARGET... [-- FILE...]
#                                            check out SHA in the clone and build each TARGET
#                                            (ARCH|NAME|BASE|OBJDIR_BYTES|TEST|COMPILER[|FRAGMENT...])
#                                            with target.sh under one make -jJOBS (the targets
#                                            share its jobserver), their logs, statuses and
#                                            kept files in STEP_DIR (under /logs); the object
#                                            dirs are kept for the next step (make rebuilds
#                                            what changed) unless FRESH is 1; each source
#                                            FILE's object is removed first, so that its
#                                            diagnostics are printed again
#   bisect.sh checkpatch SHA STEP_DIR [OPTION...]
#                                            the tree's own scripts/checkpatch.pl on commit SHA
#                                            of the clone (--git, one line a finding), its
#                                            output and exit status in STEP_DIR/checkpatch.txt;
#                                            OPTIONs are checkpatch's, checked by the host
#   bisect.sh am SHA MBOX                   check out SHA in the clone and apply MBOX (under /logs)
#                                            with git am, a commit a patch; prints each commit
#                                            made ("kernelbuilder: applied SHA") and the files it
#                                            changed ("kernelbuilder: file PATH"), and git am's
#                                            output where a patch did not apply ("kernelbuilder:
#                                            am: LINE"), the commits before it kept
#   bisect.sh bisect ARGS...                 `git bisect ARGS` in the clone, never in /src
# Environment: as driver.sh's (KB_CROSS_<arch>, KB_MAKE_VARS, KB_CCACHE, KB_TARGET_TIMEOUT).
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
clone=/build/src
export HOME=/build/home

checkout() {
  local sha=$1 missing
  git -C "$clone" -c advice.detachedHead=false -c checkout.workers=0 checkout -q -f --detach "$sha"
  # As driver.sh: a parallel checkout that could not write a file still exits 0 (git 2.39).
  missing=$(git -C "$clone" ls-files --deleted)
  if [ -n "$missing" ]; then
    echo "kernelbuilder: the checkout of $sha is incomplete: $(wc -l <<<"$missing") files could not be written (is /build, input tmpfs-size, too small?)" >&2
    exit 1
  fi
}

under_logs() {
  case $1 in /logs/*) ;; *) echo "kernelbuilder: $1 is not under /logs" >&2; exit 2 ;; esac
}

case ${1-} in
  serve)
    # The host execs every step; this only keeps the container (and its /build) alive.
    exec sleep infinity
    ;;
  setup)
    mkdir -p "$HOME"
    # /src belongs to the runner, not to this user: git would refuse it as "dubious ownership".
    git config --global safe.directory '*'
    git clone -q --shared --no-checkout /src "$clone"
    echo "kernelbuilder: cloned /src into $clone"
    ;;
  build)
    sha=$2 step_dir=$3 fresh=$4 jobs=$5
    shift 5
    under_logs "$step_dir"
    case $jobs in '' | *[!0-9]*) echo "kernelbuilder: jobs $jobs is not a number" >&2; exit 2 ;; esac
    targets=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do targets+=("$1"); shift; done
    if [ $# -gt 0 ]; then shift; fi
    for target in "${targets[@]}"; do
      IFS='|' read -r arch config _ <<<"$target"
      if [ "$fresh" = 1 ]; then rm -rf "/build/out/$arch-$config"; fi
      for file in "$@"; do
        case $file in /* | *..*) echo "kernelbuilder: $file is not a file of the tree" >&2; exit 2 ;; esac
        rm -f "/build/out/$arch-$config/${file%.*}.o"
      done
    done
    checkout "$sha"
    mkdir -p "$step_dir"
    # As driver.sh: one make, each target a sub-make recipe ('+'), so that -j is the limit
    # for all of the step's targets together; numbered, as config names may hold '=' and '+'.
    mk=/build/step.mk
    {
      echo "all:$(seq -s ' ' -f ' t%g' 1 ${#targets[@]})"
      i=0
      for target in "${targets[@]}"; do
        i=$((i + 1))
        printf "t%d:\n\t+@KB_LOGS='%s' KB_KEEP_OBJECTS=1 %s/target.sh '%s'\n" "$i" "$step_dir" "$here" "$target"
      done
    } >"$mk"
    make --no-print-directory -k -j"$jobs" -f "$mk" all
    ;;
  checkpatch)
    sha=$2 step_dir=$3
    shift 3
    under_logs "$step_dir"
    mkdir -p "$step_dir"
    # Its exit status is 1 whenever it found anything, and a clean commit prints nothing in
    # --terse: the status, last, tells a clean commit from one it could not check.
    rc=0
    (cd "$clone" && perl scripts/checkpatch.pl --git "$sha" --no-color --showfile --terse "$@") >"$step_dir/checkpatch.txt" 2>&1 || rc=$?
    echo "kernelbuilder: checkpatch exit $rc" >>"$step_dir/checkpatch.txt"
    ;;
  am)
    sha=$2 mbox=$3
    under_logs "$mbox"
    checkout "$sha"
    rc=0
    out=$(git -C "$clone" -c user.name=kernelbuilder -c user.email=kernelbuilder@localhost am "$mbox" 2>&1) || rc=$?
    for commit in $(git -C "$clone" rev-list --reverse "$sha..HEAD"); do
      echo "kernelbuilder: applied $commit"
      git -C "$clone" diff --name-only --no-renames "$commit^1" "$commit" | sed 's/^/kernelbuilder: file /'
    done
    if [ "$rc" -ne 0 ]; then
      printf '%s\n' "$out" | sed 's/^/kernelbuilder: am: /'
      # The applied commits stay (HEAD on the last); only git am's state goes.
      git -C "$clone" am --quit
    fi
    ;;
  bisect)
    shift
    case ${1-} in
      start | good | bad | skip | log | visualize) ;;
      *) echo "kernelbuilder: git bisect ${1-} is not a step of a bisect" >&2; exit 2 ;;
    esac
    git -C "$clone" bisect "$@"
    ;;
  *)
    echo "usage: bisect.sh serve|setup|build SHA STEP_DIR FRESH JOBS TARGET... [-- FILE...]|checkpatch SHA STEP_DIR [OPTION...]|am SHA MBOX|bisect ARGS..." >&2
    exit 2
    ;;
esac
