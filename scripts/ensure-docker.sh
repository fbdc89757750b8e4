#!/usr/bin/env bash
# Make sure a Docker engine answers: install Debian's docker.io (and debootstrap, for the
# offline base image) when missing, then start a bridge-less daemon if none runs.
# Prints the pid of a daemon it started, so the caller can stop what it started.
set -euo pipefail
if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1 || ! command -v unzip >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap unzip >/var/tmp/kb-apt.log 2>&1 \
    || { tail -n 20 /var/tmp/kb-apt.log >&2; exit 1; }
fi
exec bash "$(dirname "$0")/start-docker.sh"
