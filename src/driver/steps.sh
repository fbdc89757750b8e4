#!/bin/bash
# The make steps of one target: `make <base config>`, each fragment (`make X.config`
# merges a fragment file of the tree; CONFIG_X=v is set with scripts/config), then
# `make olddefconfig` where a step left the .config unresolved, and the kernel. Files of
# the tree named `tree:PATH` (KUnit's .kunitconfig and arch_uml.config) are no step of
# their own: together they seed the base config as make's KCONFIG_ALLCONFIG, the way
# kunit.py seeds its .config with them, and so do the options of a target they seed (the
# kconfig of KUnit's qemu_configs, which kunit.py adds to the same .config): one Kconfig
# run configures it, as one olddefconfig does kunit.py's. Nothing is written into
# /build/src: it may be the runner's own work tree, mounted read-only (driver.sh). Writes
# the step it is in to STAGE_FILE first, so that target.sh can tell where a target
# stopped even when it was killed (timeout).
# Usage: steps.sh ARCH BASE OUT_DIR STAGE_FILE [FRAGMENT...]
set -uo pipefail
arch=$1 base=$2 out=$3 stage_file=$4
shift 4
cross_var=KB_CROSS_$arch
cross=${!cross_var-}
here=$(dirname "$(readlink -f "$0")")

# With KB_CCACHE=1 the compilers go through ccache (CCACHE_DIR is mounted in); the kernel's
# compiler through ccache-cc.sh, which keeps .incbin sources out of the cache.
compilers=()
if [ "${KB_CCACHE-}" = 1 ]; then
  case " ${KB_MAKE_VARS-} " in
    *" LLVM=1 "*) compilers=(CC="$here/ccache-cc.sh clang" HOSTCC="ccache clang") ;;
    *) compilers=(CC="$here/ccache-cc.sh ${cross}gcc" HOSTCC="ccache gcc") ;;
  esac
fi

# KB_USER_MAKE_VARS (the make-vars input: W=1, C=1, KCFLAGS=-Wall -Werror, checked
# against an allow-list before the container started) holds one NAME=value a line, each
# one word of make's command line. They go to these steps only: install.sh's installs and
# the boot init's headers_install compile nothing of the kernel for W or C to check.
user_vars=()
if [ -n "${KB_USER_MAKE_VARS-}" ]; then mapfile -t user_vars <<<"$KB_USER_MAKE_VARS"; fi

# KB_MAKE_VARS (from the image's labels, e.g. LLVM=1) is split into words on purpose.
# shellcheck disable=SC2086
kmake() { make -C /build/src O="$out" ARCH="$arch" ${cross:+CROSS_COMPILE="$cross"} ${KB_MAKE_VARS-} "${user_vars[@]}" "${compilers[@]}" "$@"; }

# The file of a fragment kernelbuilder ships (configs/<arch>/, e.g. kb-boot.config), on
# stdout; fails where it ships none, or where the tree has its own of that name, which wins.
shipped_fragment() {
  local ours=$here/configs/$arch/$1
  [ -f "$ours" ] || return 1
  [ -e "/build/src/arch/$arch/configs/$1" ] || [ -e "/build/src/kernel/configs/$1" ] && return 1
  echo "$ours"
}

allconfig=()
for fragment in "$@"; do
  case $fragment in tree:*) allconfig=(KCONFIG_ALLCONFIG="$out/kb-allconfig") ;; esac
done
echo config >"$stage_file"
if [ ${#allconfig[@]} -gt 0 ]; then
  : >"$out/kb-allconfig"
  for fragment in "$@"; do
    case $fragment in
      tree:*) cat "/build/src/${fragment#tree:}" >>"$out/kb-allconfig" || exit ;;
      CONFIG_*=n) echo "# ${fragment%%=*} is not set" >>"$out/kb-allconfig" ;;
      CONFIG_*=*) echo "$fragment" >>"$out/kb-allconfig" ;;
    esac
  done
fi
# A make config target leaves the .config resolved (`make X.config` runs olddefconfig
# itself); an option set by scripts/config or a fragment merged by merge_config.sh -m does
# not: one olddefconfig after the last such step resolves them all, and none is run
# (a parse of every Kconfig file) when none was taken.
unresolved=0
kmake "${allconfig[@]}" "$base" || exit
for fragment in "$@"; do
  case $fragment in
    tree:*) continue ;;
    CONFIG_*=*) if [ ${#allconfig[@]} -gt 0 ]; then continue; fi ;;
  esac
  case $fragment in
    CONFIG_*=y) /build/src/scripts/config --file "$out/.config" --enable "${fragment%%=*}" || exit ;;
    CONFIG_*=n) /build/src/scripts/config --file "$out/.config" --disable "${fragment%%=*}" || exit ;;
    CONFIG_*=m) /build/src/scripts/config --file "$out/.config" --module "${fragment%%=*}" || exit ;;
    CONFIG_*=*) /build/src/scripts/config --file "$out/.config" --set-val "${fragment%%=*}" "${fragment#*=}" || exit ;;
    *)
      # Ours is merged as `make NAME.config` merges a tree's, from where it is.
      if ours=$(shipped_fragment "$fragment"); then
        (cd "$out" && sh /build/src/scripts/kconfig/merge_config.sh -m .config "$ours") || exit
      else
        kmake "$fragment" || exit
        unresolved=0
        continue
      fi
      ;;
  esac
  unresolved=1
done
if [ "$unresolved" = 1 ]; then
  echo olddefconfig >"$stage_file"
  kmake olddefconfig || exit
fi
echo build >"$stage_file"
kmake -k
