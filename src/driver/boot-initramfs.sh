#!/bin/bash
# Build kernelbuilder's boot init (boot-init.c) for one target with the target's own
# cross compiler against the tree's tools/include/nolibc (or, for an arch that nolibc
# lacks, boot-init-sys.h: s390 and powerpc in 6.1) and the target's exported UAPI
# headers, and pack it as /init, with /dev/console, by the tree's usr/gen_init_cpio.
# Usage: boot-initramfs.sh ARCH OUT_DIR CPIO
set -euo pipefail
arch=$1 out=$2 cpio=$3
here=$(dirname "$(readlink -f "$0")")
src=/build/src
cross_var=KB_CROSS_$arch
cross=${!cross_var-}
work=$out/kb-boot
rm -rf "$work"
mkdir -p "$work"

# The macro the compiler defines for the arch, as nolibc's arch.h tests it: a tree whose
# nolibc has the arch is used; else our own entry and system call, where we have them.
case $arch in
  s390) macro=__s390x__ ;;
  powerpc) macro=__powerpc ;;
  *) macro= ;;
esac
libc=$src/tools/include/nolibc/nolibc.h
if [ -n "$macro" ] && ! grep -q "defined($macro" "$src/tools/include/nolibc/arch.h" 2>/dev/null; then
  libc=$here/boot-init-sys.h
elif [ ! -f "$libc" ]; then
  echo "kernelbuilder: this tree has no tools/include/nolibc: no boot init" >&2
  exit 1
fi
# The init's word size follows the kernel's: an i386 kernel runs a 32-bit init.
flags=()
if [ "$arch" = x86 ] && ! grep -q '^CONFIG_64BIT=y' "$out/.config"; then flags=(-m32); fi
# nolibc's mips entry calls main without setting $gp: the init's code must not reach its
# data through the GOT, as the PIC code Debian's mipsel compiler makes by default does.
if [ "$arch" = mips ]; then flags=(-fno-pic -mno-abicalls); fi
case " ${KB_MAKE_VARS-} " in
  *" LLVM=1 "*) cc=(clang ${cross:+"--target=${cross%-}"}) ;;
  *) cc=("${cross}gcc") ;;
esac

make -s -C "$src" O="$out" ARCH="$arch" ${cross:+CROSS_COMPILE="$cross"} headers_install INSTALL_HDR_PATH="$work/usr"
"${cc[@]}" "${flags[@]}" -Os -static -nostdlib -ffreestanding -fno-stack-protector -fno-asynchronous-unwind-tables \
  -I "$work/usr/include" -include "$libc" -o "$work/init" "$here/boot-init.c"
gcc -O2 -o "$work/gen_init_cpio" "$src/usr/gen_init_cpio.c"
printf '%s\n' 'dir /dev 0755 0 0' 'nod /dev/console 0600 0 0 c 5 1' "file /init $work/init 0755 0 0" >"$work/list"
"$work/gen_init_cpio" "$work/list" >"$cpio"
rm -rf "$work"
