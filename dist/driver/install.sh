#!/bin/bash
# Keep what one target built, inside the build container, before its object dir is
# removed: the files KB_KEEP names go to /logs/<arch>/<config>/ (the kept folder), with
# `sizes` ("TEXT DATA BSS IMAGE_BYTES MODULES"). For a target named in KB_BOOT_TARGETS it
# also builds the boot init with the target's own cross compiler and packs it as
# initramfs.cpio with the tree's usr/gen_init_cpio.
# KB_KEEP: comma-separated, of kernel, modules, dtbs, debug (System.map and the .config
# are always kept). KB_LOGS: the folder the kept folder goes in (default /logs; a bisect's
# step folder). Usage: install.sh ARCH CONFIG OUT_DIR
# Nothing here changes the target's verdict: a step that fails says so in the log.
set -uo pipefail
arch=$1 config=$2 out=$3
here=$(dirname "$(readlink -f "$0")")
kept=${KB_LOGS:-/logs}/$arch/$config
cross_var=KB_CROSS_$arch
cross=${!cross_var-}
src=/build/src
mkdir -p "$kept"
keep=",${KB_KEEP-kernel,dtbs},"
wants() { [[ $keep == *",$1,"* ]]; }
has_option() { grep -q "^$1=y" "$out/.config"; }
# KB_MAKE_VARS (from the image's labels, e.g. LLVM=1) is split into words on purpose.
# shellcheck disable=SC2086
kmake() { make -s -C "$src" O="$out" ARCH="$arch" ${cross:+CROSS_COMPILE="$cross"} ${KB_MAKE_VARS-} "$@"; }

# The image each arch boots from, and the compressed one it ships where there is one.
case $arch in
  x86) images=(arch/x86/boot/bzImage) ;;
  arm) images=(arch/arm/boot/zImage) ;;
  arm64 | riscv) images=("arch/$arch/boot/Image" "arch/$arch/boot/Image.gz") ;;
  s390) images=(arch/s390/boot/bzImage) ;;
  # QEMU's pseries and Malta load the ELF kernel itself.
  powerpc | mips) images=(vmlinux) ;;
  *) images=() ;;
esac

cp -f "$out/System.map" "$kept/System.map" 2>/dev/null
cp -f "$out/.config" "$kept/config"
image_bytes=0
if wants kernel; then
  for image in "${images[@]}"; do
    [ -f "$out/$image" ] || continue
    cp -f "$out/$image" "$kept/"
    [ "$image_bytes" -eq 0 ] && image_bytes=$(stat -c %s "$out/$image")
  done
fi

modules=0
if has_option CONFIG_MODULES && [ -f "$out/modules.order" ]; then
  modules=$(grep -c . "$out/modules.order")
  if wants modules && [ "$modules" -gt 0 ]; then
    rm -rf "$out/kb-modules"
    kmake modules_install INSTALL_MOD_PATH="$out/kb-modules" INSTALL_MOD_STRIP=1 \
      && tar -C "$out/kb-modules" -cJf "$kept/modules.tar.xz" . \
      || echo "kernelbuilder: keeping the modules failed"
  fi
fi

if wants dtbs && compgen -G "$out/arch/$arch/boot/dts/*" >/dev/null && [ -n "$(find "$out/arch/$arch/boot/dts" -name '*.dtb' -print -quit)" ]; then
  rm -rf "$out/kb-dtbs"
  kmake dtbs_install INSTALL_DTBS_PATH="$out/kb-dtbs" \
    && tar -C "$out/kb-dtbs" -cJf "$kept/dtbs.tar.xz" . \
    || echo "kernelbuilder: keeping the dtbs failed"
fi

if wants debug && [ -f "$out/vmlinux" ]; then
  xz -T0 -1 -c "$out/vmlinux" >"$kept/vmlinux.xz" || echo "kernelbuilder: keeping vmlinux failed"
fi

size_tool=${cross}size
case " ${KB_MAKE_VARS-} " in *" LLVM=1 "*) size_tool=llvm-size ;; esac
read -r text data bss _ < <("$size_tool" "$out/vmlinux" 2>/dev/null | tail -n 1)
printf '%s %s %s %s %s\n' "${text:-0}" "${data:-0}" "${bss:-0}" "$image_bytes" "$modules" >"$kept/sizes"

case " ${KB_BOOT_TARGETS-} " in
  *" $arch/$config "*) "$here/boot-initramfs.sh" "$arch" "$out" "$kept/initramfs.cpio" || echo "kernelbuilder: building the boot init failed" ;;
esac
exit 0
