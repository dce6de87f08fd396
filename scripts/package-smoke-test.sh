#!/bin/sh
# Runs inside the clean Debian 12 root of scripts/package.sh, after the package was installed.
set -eu
echo "smoke: replipair-cli --version"
replipair-cli --version
# mmdebstrap writes no /etc/hosts; an installed system has one (netbase, the installer), and
# mariadb-install-db needs the host name to resolve
grep -q "localhost" /etc/hosts 2>/dev/null || echo "127.0.0.1 localhost $(hostname)" >> /etc/hosts
echo "smoke: replipair-cli sandbox up, setup, sandbox down"
replipair-cli sandbox up /tmp/pair
replipair-cli setup /tmp/pair/pair.replipair.json --yes
replipair-cli status /tmp/pair/pair.replipair.json
replipair-cli sandbox down /tmp/pair
echo "smoke: replipair --version under Xvfb"
xvfb-run -a replipair --version
echo "smoke: man replipair-cli, desktop entry, icons"
test -s /usr/share/man/man1/replipair-cli.1.gz
test -s /usr/share/applications/io.github.replipair.RepliPair.desktop
test -s /usr/share/icons/hicolor/scalable/apps/io.github.replipair.RepliPair.svg
test -s /usr/share/icons/hicolor/48x48/apps/io.github.replipair.RepliPair.png
echo "smoke: passed"
