#!/usr/bin/env bash
# Builds RepliPair and runs every test (unit, integration against real local MariaDB servers and sshd, GUI offscreen).
# A fresh Debian/Ubuntu machine needs nothing else: the packages come from install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD_DIR" -j "$(nproc)"
cd "$BUILD_DIR"
ctest --output-on-failure -j 2 "$@"
