#!/usr/bin/env bash
# Builds RepliPair and opens it on the embedded demo: two local sandbox MariaDB servers it starts (and stops) itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec "${BUILD_DIR:-build}/app/replipair" --demo "$@"
