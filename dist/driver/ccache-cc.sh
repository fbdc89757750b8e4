#!/bin/bash
# The kernel's compiler through ccache, except for a source that pulls a file in with
# .incbin (arch/x86/boot/compressed/piggy.S takes the compressed vmlinux that way,
# kernel/configs.c the config, usr/initramfs_data.S the initramfs). ccache runs in depend
# mode (CCACHE_DEPEND=1: it takes the dependencies from the compiler's -MD output, and never
# preprocesses), so it cannot see that file: with the same .S text it would hand back an
# object holding another build's kernel. Such a source is compiled directly.
# Usage: ccache-cc.sh COMPILER ARGS...
for arg in "$@"; do
  case $arg in
    *.c | *.S)
      if [ -f "$arg" ] && grep -q '\.incbin' "$arg"; then exec "$@"; fi
      ;;
  esac
done
exec ccache "$@"
