#!/usr/bin/env bash
# Start a Docker engine for this workplace if none answers yet.
# The engine runs without a default bridge: kernel builds use network "none" and image
# builds "host", so no network in a private range is ever created.
# Prints the pid of a daemon it started (empty when one was already running), so the
# caller can stop exactly what it started.
set -euo pipefail
log=${KB_DOCKERD_LOG:-/var/tmp/kernelbuilder-dockerd.log}

if docker info >/dev/null 2>&1; then
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "start-docker: dockerd is not installed (apt-get install docker.io)" >&2
  exit 1
fi
# Output goes to a file, never to the inherited stdout/stderr: a CI harness waiting for
# those pipes to close would otherwise wait for the daemon forever.
nohup dockerd --bridge=none --iptables=false --ip-masq=false >"$log" 2>&1 </dev/null &
pid=$!
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "$pid"
    exit 0
  fi
  sleep 1
done
echo "start-docker: dockerd did not answer within 60 s; its log is $log" >&2
tail -n 20 "$log" >&2 || true
exit 1
