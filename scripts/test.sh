#!/usr/bin/env bash
# Builds RepliPair and runs every test (unit, integration against real local MariaDB servers and sshd, GUI offscreen).
# A fresh Debian/Ubuntu machine needs nothing else: the packages come from install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# one style for the whole tree, checked so it cannot drift
bash scripts/check-format.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j 2 "$@"
