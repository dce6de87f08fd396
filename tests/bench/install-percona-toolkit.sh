#!/usr/bin/env bash
# bench_compare runs pt-table-checksum beside RepliPair's live compare: Debian's percona-toolkit package.
# Only the bench needs it, so it is installed here and not by scripts/install-deps.sh. Idempotent.
set -euo pipefail
command -v pt-table-checksum >/dev/null && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq percona-toolkit >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq percona-toolkit >/dev/null; }
command -v pt-table-checksum
