#!/usr/bin/env bash
# Builds the Debian package (CPack DEB) and proves it: lintian (no errors), desktop-file-validate,
# appstreamcli validate, then installs it into a clean Debian 12 root (mmdebstrap, Debian's packages only,
# network to the Debian mirror) with mariadb-server, xvfb and xauth added, and runs there:
# replipair-cli --version, replipair-cli sandbox up / setup / sandbox down, replipair --version under Xvfb.
# The package lands in ${BUILD_DIR:-build}/package/. CI runs this when PACKAGE=1 (.ci/run).
# Needs root or sudo (apt-get, mmdebstrap's root mode); MIRROR overrides the Debian mirror,
# KEEP_ROOT=1 keeps the Debian 12 root for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-package-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

out=$BUILD_DIR/package
rm -rf "$out" && mkdir -p "$out"

# The clean Debian 12 root is made while the programs build (it downloads; the build computes): mmdebstrap
# runs in the background and its customize hooks wait for the package (or give up when the build fails).
# The package goes in with --no-install-recommends: whatever the programs need must be in its Depends.
# mariadb-server is added (the sandbox's servers), xvfb and xauth for the GUI. The smoke test runs in a
# customize hook, with /proc and /dev mounted by mmdebstrap, as root in the new root.
root=$(mktemp -d /tmp/replipair-debian12.XXXXXX)
deb_ready=$(cd "$out" && pwd)/replipair.deb
cleanup() {
  [ -z "${root_pid:-}" ] || { touch "$deb_ready.failed"; wait "$root_pid" 2>/dev/null || true; }
  if [ "${KEEP_ROOT:-0}" = 1 ]; then echo "root kept: $root"; else $SUDO rm -rf "$root"; fi
}
trap cleanup EXIT
$SUDO mmdebstrap --mode=root --variant=apt --include=mariadb-server,xvfb,xauth \
  --customize-hook="while [ ! -e '$deb_ready' ]; do [ -e '$deb_ready.failed' ] && exit 1; sleep 5; done" \
  --customize-hook="copy-in '$deb_ready' /tmp" \
  --customize-hook='chroot "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/replipair.deb' \
  --customize-hook="copy-in '$PWD/scripts/package-smoke-test.sh' /tmp" \
  --customize-hook='chroot "$1" sh /tmp/package-smoke-test.sh' \
  bookworm "$root" "$MIRROR" > "$out/debian12.log" 2>&1 &
root_pid=$!

export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
# the same build tree and flags as scripts/build.sh (nothing is compiled twice); the package's extras on;
# the install step does not wait for the tests' targets
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
  -DREPLIPAIR_PACKAGE=ON -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON
cmake --build "$BUILD_DIR" -j "$(nproc)" --target replipair replipair-cli replipair_package_files

(cd "$BUILD_DIR" && cpack -G DEB -B "$PWD/package" > package/cpack.log) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/replipair_*.deb)
echo "package: $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

echo "== lintian"
# errors fail; warnings are printed (the hardening flags of a CMake build, for one)
lintian --fail-on error --tag-display-limit 0 "$deb"

echo "== desktop-file-validate, appstreamcli validate"
tree=$out/tree
dpkg-deb -x "$deb" "$tree"
desktop-file-validate "$tree"/usr/share/applications/*.desktop
appstreamcli validate --no-net "$tree"/usr/share/metainfo/*.metainfo.xml

echo "== the clean Debian 12 root: install and smoke test ($out/debian12.log)"
cp "$deb" "$deb_ready.part" && mv "$deb_ready.part" "$deb_ready"
status=0
wait "$root_pid" || status=$?
root_pid=
sed -n '/apt-get install/,$p' "$out/debian12.log" | grep -v '^I: \|^Get:\|^Selecting\|^Preparing\|^Unpacking' || true
[ "$status" = 0 ] || { echo "package: the Debian 12 install or smoke test FAILED (exit $status)"; exit 1; }
echo "package: $deb passed lintian, desktop-file-validate, appstreamcli and the Debian 12 smoke test"
