#!/usr/bin/env bash
# Installs the Debian packages scripts/package.sh needs on top of install-deps.sh: the .deb tools and
# checkers, the icon renderer, the man page generator and mmdebstrap for the clean Debian 12 root.
# Idempotent. Uses sudo when not root.
set -euo pipefail

PACKAGES=(
  # building the .deb: dpkg-shlibdeps (dpkg-dev), file ownership (fakeroot), the changelog's compression
  dpkg-dev fakeroot gzip
  # the PNG icons are rendered from the one SVG; the man page is generated from replipair-cli --help
  librsvg2-bin help2man
  # the checks: lintian, desktop-file-validate, appstreamcli validate
  lintian desktop-file-utils appstream
  # the clean Debian 12 root the package is installed into (no root needed: unshare mode, or fakechroot)
  mmdebstrap uidmap debian-archive-keyring
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-package-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-package-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
