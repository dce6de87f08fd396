#!/usr/bin/env bash
# Fails when a C++ source is not formatted by the committed .clang-format (Debian's clang-format).
# scripts/check-format.sh --fix rewrites them instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -- 'models/*.h' 'models/*.cpp' 'ui/*.h' 'ui/*.cpp' 'app/*.h' 'app/*.cpp' 'tests/*.h' 'tests/*.cpp')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/replipair-format.$$; then
  grep -m 20 'error:' /tmp/replipair-format.$$ || true
  rm -f /tmp/replipair-format.$$
  echo "check-format: sources differ from .clang-format; run scripts/check-format.sh --fix" >&2
  exit 1
fi
rm -f /tmp/replipair-format.$$
echo "check-format: ${#files[@]} files formatted"
