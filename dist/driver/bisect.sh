#!/bin/bash
# kernelbuilder's in-container bisect driver. The container runs `bisect.sh serve` (it
# waits); the host steps the bisect through `docker exec`, one command at a time:
#   bisect.sh setup                          clone /src (read-only) into the /build tmpfs
#   bisect.sh build SHA STEP_DIR FRESH TARGET [FILE...]
#                                            check out SHA in the clone and build TARGET
#                                            (ARCH|NAME|BASE|OBJDIR_BYTES|TEST|COMPILER[|FRAGMENT...]) with target.sh,
#                                            its log, status and kept files in STEP_DIR (under
#                                            /logs); the object dir is kept for the next step
#                                            (make rebuilds what changed) unless FRESH is 1;
#                                            each source FILE's object is removed first, so
#                                            that its diagnostics are printed again
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
    sha=$2 step_dir=$3 fresh=$4 target=$5
    shift 5
    case $step_dir in /logs/*) ;; *) echo "kernelbuilder: step folder $step_dir is not under /logs" >&2; exit 2 ;; esac
    IFS='|' read -r arch config _ <<<"$target"
    if [ "$fresh" = 1 ]; then rm -rf "/build/out/$arch-$config"; fi
    for file in "$@"; do
      case $file in /* | *..*) echo "kernelbuilder: $file is not a file of the tree" >&2; exit 2 ;; esac
      rm -f "/build/out/$arch-$config/${file%.*}.o"
    done
    checkout "$sha"
    mkdir -p "$step_dir"
    KB_LOGS=$step_dir KB_KEEP_OBJECTS=1 "$here/target.sh" "$target"
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
    echo "usage: bisect.sh serve|setup|build SHA STEP_DIR FRESH TARGET|bisect ARGS..." >&2
    exit 2
    ;;
esac
