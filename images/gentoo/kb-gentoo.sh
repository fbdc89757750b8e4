#!/bin/bash
# Build-time helper of the Gentoo builder images (images/gentoo*/): run as root inside
# `docker build`, never at kernel build time (images hold toolchains only). One step per
# call, so that each Dockerfile reads as the list of what it does:
#
#   kb-gentoo.sh portage                     configure portage for a container, sync the tree
#   kb-gentoo.sh tools                       what a kernel build needs, and crossdev
#   kb-gentoo.sh native-gcc VERSION          make GCC VERSION (e.g. 14) the native gcc
#   kb-gentoo.sh old-tree DATE [COMMIT]      replace the tree by gentoo.git as of DATE (YYYY-MM-DD)
#   kb-gentoo.sh crossdev VERSION TUPLE...   bare (stage 1) cross GCC VERSION + binutils per tuple
#   kb-gentoo.sh check VERSION native|TUPLE...  fail unless each toolchain is GCC VERSION, with binutils
#   kb-gentoo.sh check-m64                   fail unless the native gcc builds x86_64 kernel code
#   kb-gentoo.sh clean                       drop the tree, distfiles and build dirs
#
# Kernel builds need only a bare cross compiler (binutils, C compiler and libgcc, no C
# library): crossdev's stage 1, which is also what kernel.org's cross toolchains are.
#
# crossdev step environment: KB_CROSS_BINUTILS, the binutils version of the cross
# toolchains (default: the native binutils' version, which the tree has); and
# KB_CROSS_CFLAGS / KB_CROSS_CXXFLAGS, when set, replace CFLAGS / CXXFLAGS for the cross
# binutils and gcc (how an old GCC gets built by a new one).
set -euo pipefail

step=${1:?usage: kb-gentoo.sh STEP [ARGS]}
shift

portage() {
	mkdir -p /etc/portage/repos.conf /etc/portage/package.env /etc/portage/env
	# docker build gives no namespaces or ptrace to sandbox with.
	if ! grep -q '^# kernelbuilder' /etc/portage/make.conf; then
		cat >>/etc/portage/make.conf <<-EOF
		# kernelbuilder: built in a container
		FEATURES="\${FEATURES} -ipc-sandbox -mount-sandbox -network-sandbox -pid-sandbox -usersandbox -sandbox nodoc noinfo noman"
		MAKEOPTS="-j$(nproc)"
		EOF
	fi
	emerge-webrsync --quiet
}

tools() {
	# What kernelbuilder asks of every image: make bc bison flex libelf libssl cpio kmod
	# perl python3 git ccache xz rsync (Gentoo ships headers with the libraries). And
	# crossdev itself, from the current tree, before any step may swap the tree.
	emerge --quiet-build --noreplace --oneshot \
		dev-build/make sys-devel/bc sys-devel/bison sys-devel/flex dev-libs/elfutils \
		dev-libs/openssl app-arch/cpio sys-apps/kmod dev-lang/perl dev-lang/python \
		dev-vcs/git dev-util/ccache app-arch/xz-utils net-misc/rsync sys-devel/crossdev
	command -v python3 >/dev/null
}

native_gcc() {
	local version=${1:?native-gcc VERSION}
	local chost
	chost=$(portageq envvar CHOST)
	emerge --quiet-build --noreplace --oneshot "=sys-devel/gcc-${version}*"
	gcc-config "${chost}-${version}"
	env-update
}

old_tree() {
	# Gentoo's mirrors keep about a week of tree snapshots, so `emerge-webrsync --revert`
	# cannot reach back years. gentoo.git keeps the whole history: take the last commit
	# of master before DATE (or COMMIT, when given), as a tarball of that one tree.
	local date=${1:?old-tree DATE [COMMIT]} commit=${2:-}
	if [ -z "$commit" ]; then
		commit=$(python3 - "$date" <<-'EOF'
		import json, sys, urllib.request
		url = ("https://api.github.com/repos/gentoo/gentoo/commits"
		       f"?sha=master&until={sys.argv[1]}T00:00:00Z&per_page=1")
		with urllib.request.urlopen(url, timeout=60) as r:
		    print(json.load(r)[0]["sha"])
		EOF
		)
	fi
	echo "gentoo tree: gentoo.git commit $commit (last before $date)"
	rm -rf /var/db/repos/gentoo
	mkdir -p /var/db/repos/gentoo /etc/kernelbuilder
	wget -q -O- "https://github.com/gentoo/gentoo/archive/${commit}.tar.gz" \
		| tar -xz -C /var/db/repos/gentoo --strip-components=1
	echo "gentoo.git $commit (last commit before $date)" >/etc/kernelbuilder/gentoo-tree
	# That tree's profile for this userland: the 17.0 profile of the same path
	# (default/linux/amd64/23.0/x32 -> default/linux/amd64/17.0/x32).
	local profile
	profile=$(readlink /etc/portage/make.profile | sed -E 's:.*/profiles/::; s:/split-usr::; s:/[0-9]+\.[0-9]+(/|$):/17.0\1:; s:/$::')
	[ -d "/var/db/repos/gentoo/profiles/$profile" ] || { echo "old-tree: profile $profile is not in that tree" >&2; exit 1; }
	ln -sfn "/var/db/repos/gentoo/profiles/$profile" /etc/portage/make.profile
	echo "gentoo profile: $profile"
}

crossdev_() {
	local version=${1:?crossdev VERSION TUPLE...}
	shift
	# crossdev writes its package links into a repository of its own.
	mkdir -p /var/db/repos/crossdev/profiles /var/db/repos/crossdev/metadata /etc/portage/repos.conf
	echo crossdev >/var/db/repos/crossdev/profiles/repo_name
	printf 'masters = gentoo\nthin-manifests = true\n' >/var/db/repos/crossdev/metadata/layout.conf
	printf '[crossdev]\nlocation = /var/db/repos/crossdev\npriority = 10\nmasters = gentoo\nauto-sync = no\n' \
		>/etc/portage/repos.conf/crossdev.conf
	local tuple
	if [ -n "${KB_CROSS_CFLAGS:-}${KB_CROSS_CXXFLAGS:-}" ]; then
		mkdir -p /etc/portage/env /etc/portage/package.env
		{
			[ -z "${KB_CROSS_CFLAGS:-}" ] || echo "CFLAGS=\"$KB_CROSS_CFLAGS\""
			[ -z "${KB_CROSS_CXXFLAGS:-}" ] || echo "CXXFLAGS=\"$KB_CROSS_CXXFLAGS\""
		} >/etc/portage/env/kb-cross-host.conf
		# Named after crossdev's own package.env files, so it is read after them.
		for tuple in "$@"; do
			printf 'cross-%s/%s kb-cross-host.conf\n' "$tuple" binutils "$tuple" gcc
		done >/etc/portage/package.env/zz-kernelbuilder
	fi
	local binutils=${KB_CROSS_BINUTILS:-}
	if [ -z "$binutils" ]; then
		binutils=$(portageq best_version / sys-devel/binutils | sed -E 's:^sys-devel/binutils-::; s:-r[0-9]+$::')
	fi
	for tuple in "$@"; do
		# "=V*": crossdev keywords that version (any revision) and no other, whatever the
		# target arch's keywords. Stage 1 without libc headers: binutils and a bare C
		# compiler (gcc --without-headers), all a kernel needs.
		crossdev --stage1 --without-headers --binutils "=${binutils}*" --gcc "=${version}*" \
			--target "$tuple" --show-fail-log
	done
}

check() {
	local version=${1:?check VERSION native|TUPLE...}
	shift
	local tuple prefix v tool
	for tuple in "$@"; do
		prefix=${tuple%native}
		prefix=${prefix:+$prefix-}
		v=$("${prefix}gcc" -dumpversion)
		case $v in
		"$version" | "$version".*) echo "${prefix}gcc: GCC $v" ;;
		*) echo "${prefix}gcc is GCC $v, not $version" >&2; exit 1 ;;
		esac
		for tool in ld as objcopy objdump nm ar strip readelf; do
			command -v "${prefix}$tool" >/dev/null || { echo "${prefix}$tool is missing" >&2; exit 1; }
		done
	done
}

check_m64() {
	# An x32 userland builds x86_64 kernels with its own multilib gcc: -m64 must work.
	echo 'int f(void) { return 0; }' | gcc -m64 -mcmodel=kernel -x c -c -o /tmp/kb-m64.o -
	ld -m elf_x86_64 -r -o /tmp/kb-m64-r.o /tmp/kb-m64.o
	rm -f /tmp/kb-m64.o /tmp/kb-m64-r.o
}

clean() {
	rm -rf /var/db/repos/gentoo /var/cache/distfiles/* /var/cache/binpkgs/* /var/tmp/portage/* /var/log/portage/*
}

case $step in
portage) portage ;;
tools) tools ;;
native-gcc) native_gcc "$@" ;;
old-tree) old_tree "$@" ;;
crossdev) crossdev_ "$@" ;;
check) check "$@" ;;
check-m64) check_m64 ;;
clean) clean ;;
*) echo "kb-gentoo.sh: unknown step $step" >&2; exit 2 ;;
esac
