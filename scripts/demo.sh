#!/usr/bin/env bash
# Builds RepliPair and opens it on the embedded demo: two local sandbox MariaDB servers it starts (and stops) itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD_DIR" -j "$(nproc)"
exec "$BUILD_DIR/app/replipair" --demo "$@"
