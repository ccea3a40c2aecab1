#!/bin/sh
# setup.sh: installs tycho's build and test dependencies on Debian/Ubuntu (idempotent).
# Build: gcc, make. Comparison peers: lua5.4, luajit, liblua5.4-dev (ABI reference headers).
# Real programs for tests/compat and the demo: penlight, luacheck, dkjson, argparse, inspect, busted;
# Debian's C modules for tests/compat (lpeg, lfs); pkg-config for tests/embed.
# Fuzzing: clang (libFuzzer).
# The native compiler (build/libtychojit.so, optional: tycho builds and runs without it): llvm-16-dev.
# Peak-RSS columns in bench/ (GNU time): time.
set -eu

PACKAGES="gcc make libc6-dev lua5.4 luajit liblua5.4-dev \
lua-penlight lua-check lua-dkjson lua-argparse lua-inspect lua-busted clang \
lua-lpeg lua-filesystem pkg-config llvm-16-dev time"

missing=
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -z "$missing" ]; then
  echo "setup.sh: all dependencies are installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
else
  echo "setup.sh: need root (or sudo) to install:$missing" >&2
  exit 1
fi

echo "setup.sh: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
