#!/bin/sh
# Writes the Debian changelog of the package (gzip -9n) from the project's version and its git history:
# one entry, the newest commit subjects as its items, dated and signed by the newest commit.
# Usage: debian-changelog.sh SOURCE_DIR VERSION MAINTAINER OUTPUT.gz
set -eu
src=$1 version=$2 maintainer=$3 out=$4
tmp=$out.txt
if git -C "$src" rev-parse HEAD >/dev/null 2>&1; then
  date=$(git -C "$src" log -1 --format=%aD)
  items=$(git -C "$src" log --no-merges -n 25 --format=%s)
  total=$(git -C "$src" rev-list --count HEAD)
else
  date=$(LC_ALL=C date -u -R)
  items="Built from a source tree without git history."
  total=0
fi
{
  printf 'replipair (%s) unstable; urgency=medium\n\n' "$version"
  printf '%s\n' "$items" | while IFS= read -r line; do
    # each item wrapped to lintian's 80 columns: "  * " first, then indented continuation lines
    printf '%s\n' "$line" | fold -s -w 74 | sed -e '1s/^/  * /' -e '2,$s/^/    /' -e 's/ *$//'
  done
  [ "$total" -gt 25 ] && printf '  * ... and %s earlier commits (git log).\n' "$((total - 25))"
  printf '\n -- %s  %s\n' "$maintainer" "$date"
} > "$tmp"
gzip -9n -c "$tmp" > "$out"
rm -f "$tmp"
