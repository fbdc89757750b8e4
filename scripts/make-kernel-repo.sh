#!/usr/bin/env bash
# Make a real kernel git repository from Debian's linux-source package, for machines that
# reach no git hosting: unpack the source tarball, commit it, tag it v<version>, and give
# it a remote-tracking branch so that `remote/branch` refs work as on a build farm.
# Done once; reused. Usage: make-kernel-repo.sh DIR [PACKAGE]
set -euo pipefail
dir=${1:?usage: make-kernel-repo.sh DIR [PACKAGE]}
pkg=${2:-linux-source-6.1}

if git -C "$dir" rev-parse --verify -q refs/remotes/stable/HEAD >/dev/null 2>&1; then
  echo "kernel repo $dir already present"
  exit 0
fi
rm -rf "$dir"
work=$(mktemp -d /var/tmp/kb-kernel.XXXXXX)
trap 'rm -rf "$work"' EXIT

(cd "$work" && apt-get download "$pkg" >/dev/null 2>&1) || {
  apt-get update -qq >/dev/null && (cd "$work" && apt-get download "$pkg" >/dev/null)
}
deb=$(ls "$work"/"$pkg"_*.deb)
dpkg-deb -x "$deb" "$work/pkg"
tarball=$(ls "$work"/pkg/usr/src/"$pkg".tar.*)
mkdir -p "$dir"
tar -C "$dir" --strip-components=1 -xf "$tarball"

cd "$dir"
version=$(make -s kernelversion)
git init -q -b master
git config user.name "kernelbuilder"
git config user.email "kernelbuilder@localhost"
# The tree's top-level .gitignore ignores everything (`/*`): add with -f.
git add -f .
GIT_AUTHOR_DATE="2025-01-01T00:00:00Z" GIT_COMMITTER_DATE="2025-01-01T00:00:00Z" \
  git commit -q -m "Linux $version (from Debian's $pkg)"
git tag -a -m "Linux $version" "v$version"
git update-ref refs/remotes/stable/linux-"${version%.*}".y HEAD
git symbolic-ref refs/remotes/stable/HEAD refs/remotes/stable/linux-"${version%.*}".y
git gc -q --auto
echo "kernel repo $dir: v$version"
