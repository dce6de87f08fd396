#!/bin/sh
# Takes the README's screenshots (topology canvas, main window, wizard pages) in English and in
# Simplified Chinese, under a virtual X server, into docs/screenshots/.
#   scripts/screenshots.sh [BUILD_DIR]        (default: build; configured and built when missing)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
out=docs/screenshots
if [ ! -x "$build/app/replipair" ]; then
    cmake -S . -B "$build" -G Ninja
    ninja -C "$build" replipair
fi
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb)" >&2; exit 2; }
mkdir -p "$out"
for lang in en zh_CN; do
    # a fresh settings folder: no saved geometry or language of the user's own
    XDG_CONFIG_HOME=$(mktemp -d) QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        "$build/app/replipair" --screenshot "$out" --lang "$lang"
done
ls -l "$out"
