#!/usr/bin/env bash
# Installs every Debian/Ubuntu package RepliPair needs to build, run the demo and run the tests.
# Idempotent: packages already present are skipped by apt-get. Uses sudo when not root.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config
  # one formatting style, checked by scripts/test.sh; a compiler cache for repeated builds
  clang-format ccache
  # Qt 6: Core/Sql/Network/Widgets, the MySQL/MariaDB Sql driver, Charts, Linguist tools
  qt6-base-dev libqt6sql6-mysql qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-translations-l10n
  # SSH and the OS keychain
  libssh-dev qtkeychain-qt6-dev
  # QtKeychain reaches the Secret Service through libsecret; the keychain test runs gnome-keyring-daemon
  # inside dbus-run-session
  gnome-keyring dbus libsecret-1-0
  # the sandbox servers and the test sshd
  mariadb-server mariadb-client openssh-server
  # the physical copy (copyMethod "physical"): mariadb-backup and mbstream, streamed over SSH
  mariadb-backup
  # the sandbox's CA and server certificates (TLS), and the pre-flight's certificate check on each host
  openssl
  # the switchover test and bench put a real HAProxy in front of the pair; its hooks talk to the admin
  # socket with socat
  haproxy socat
  # sudo: the SSH tests check the "sudo -n" refusal message
  sudo
  # the Windows compile check (scripts/check-windows.sh, ctest check_windows): MinGW-w64 cross compiler;
  # python3 reads the build's compile_commands.json
  g++-mingw-w64-x86-64 python3
  # GUI tests / screenshots, and a CJK font so the Chinese UI renders
  xvfb xauth fonts-noto-cjk
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d keeps the distribution's own mariadb/ssh services from being started by the install:
# RepliPair starts its own sandbox servers and test sshd.
if [ -z "$SUDO" ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
