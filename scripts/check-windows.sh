#!/usr/bin/env bash
# A syntax-only Windows compile of every source of the engine (models/), the GUI (ui/, app/gui) and the CLI
# (app/cli): Debian's MinGW-w64 cross compiler (x86_64-w64-mingw32-g++, the posix thread model) with
# -fsyntax-only, for a 64-bit Windows 10 target (_WIN32, WIN32, UNICODE, _WIN32_WINNT=0x0A00), so that a
# POSIX call that slips in outside the platform layer (models/platform/) fails here, not on the Windows
# runner. Plus one rule the compiler cannot see: outside models/platform/ no source includes an OS header
# or branches on the OS (Q_OS_UNIX, Q_OS_WIN, ...), since code in an #ifdef is not compiled for the other side.
#
# What it does NOT cover, honestly: Debian has no Qt for Windows, so Qt's headers are the Linux ones. Qt's
# public headers choose their Windows or Unix API from _WIN32 themselves (QProcess::setChildProcessModifier
# is Unix-only there, setCreateProcessArgumentsModifier Windows-only), but the configured features
# (qconfig.h) are Linux's; libssh and QtKeychain headers are Debian's too. Nothing is linked, so a missing
# Windows import library or DLL shows only on the Windows runner; MSVC (the workflow's compiler) is not GCC.
# Usage: scripts/check-windows.sh [BUILD_DIR]   (a configured build tree; its compile_commands.json)
#        CHECK_WINDOWS_ONLY=REGEX limits it to the sources whose path matches.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
build=$(cd "${1:-${BUILD_DIR:-build}}" && pwd)
cxx=${MINGW_CXX:-x86_64-w64-mingw32-g++-posix}
command -v "$cxx" >/dev/null || { echo "check-windows: $cxx missing (scripts/install-deps.sh installs g++-mingw-w64-x86-64)"; exit 1; }
[ -f "$build/compile_commands.json" ] || cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

work=$build/windows-check
rm -rf "$work" && mkdir -p "$work/include"
# libssh and QtKeychain headers without the rest of /usr/include (that is glibc's)
ln -s /usr/include/libssh "$work/include/libssh"
ln -s /usr/include/qt6keychain "$work/include/qt6keychain"

failed=0
echo "check-windows: OS headers and OS branches outside models/platform/"
if grep -rnE '#\s*include\s*<(unistd\.h|fcntl\.h|signal\.h|pwd\.h|grp\.h|poll\.h|termios\.h|dlfcn\.h|sys/[a-z_]+\.h|windows\.h|io\.h|process\.h)>|Q_OS_(UNIX|LINUX|WIN|MACOS|DARWIN)' \
    models ui app --include='*.cpp' --include='*.h' | grep -v '^models/platform/'; then
  echo "check-windows: FAILED: move that code into models/platform/ (see platform.h)"
  failed=1
fi

# Each source's own defines and include folders from the Linux build, with the cross compiler's flags
/usr/bin/python3 - "$src" "$build" "$work" > "$work/commands" <<'PY'
import json, shlex, sys
src, build, work = sys.argv[1:4]
seen = set()
for e in json.load(open(f"{build}/compile_commands.json")):
    f = e["file"]
    rel = f[len(src) + 1:] if f.startswith(src + "/") else None
    if not rel or not rel.split("/")[0] in ("models", "ui", "app") or "_autogen" in f or rel in seen:
        continue
    seen.add(rel)
    args = shlex.split(e["command"]) if "command" in e else e["arguments"]
    keep, i = [], 1
    while i < len(args):
        a = args[i]
        nxt = args[i + 1] if i + 1 < len(args) else ""
        if a in ("-o", "-c", "-include", "-MF", "-MT", "-Xclang"):
            i += 2
            continue
        if a == "-isystem":
            if nxt != "/usr/include":
                keep += ["-isystem", nxt]
            i += 2
            continue
        # the project's own defines; Qt's and the standard come from the common flags, the same for every
        # source, so that the precompiled Qt headers serve all of them
        if a.startswith(("-DPROJECT_", "-DREPLIPAIR_")) or (a.startswith("-I") and a != "-I/usr/include"):
            keep.append(a)
        i += 1
    print(shlex.join(keep + [f]))
PY
# CHECK_WINDOWS_ONLY=REGEX: only the sources whose path matches (a quick look at one file)
if [ -n "${CHECK_WINDOWS_ONLY:-}" ]; then
  grep -E -- "$CHECK_WINDOWS_ONLY" "$work/commands" > "$work/commands.only" || true
  mv "$work/commands.only" "$work/commands"
fi
count=$(wc -l < "$work/commands")

# Qt's headers parsed once (a precompiled header for the cross compiler), not once per source
common=(-std=gnu++23 -Wno-attributes
  -DUNICODE -D_UNICODE -DWIN32 -DWIN64 -D_WIN64 -DMINGW_HAS_SECURE_API=1 -D_WIN32_WINNT=0x0A00
  -DQT_NO_CAST_FROM_ASCII -DQT_NO_CONTEXTLESS_CONNECT -DQT_DISABLE_DEPRECATED_UP_TO=0x060400
  -DQT_CORE_LIB -DQT_GUI_LIB -DQT_WIDGETS_LIB -DQT_SQL_LIB -DQT_NETWORK_LIB -DQT_CONCURRENT_LIB -DQT_CHARTS_LIB
  -DQT_NO_DEBUG -DNDEBUG -D_REENTRANT -I"$work/include")
qt=$(qmake6 -query QT_INSTALL_HEADERS 2>/dev/null || echo /usr/include/x86_64-linux-gnu/qt6)
# the headers most sources include (the targets' own precompiled headers and a few more); umbrella headers
# (<QtWidgets>) would make a 400 MB file that costs more to load than it saves
printf '#include <%s>\n' QString QStringList QObject QVariant QDateTime QJsonObject QJsonArray QJsonDocument \
  QCoreApplication QSqlQuery QFuture QWidget QLabel QPushButton QVBoxLayout QHBoxLayout QFile QDir QProcess \
  optional expected functional > "$work/qt.h"
"$cxx" "${common[@]}" -x c++-header -I"$qt" -I"$qt/QtCore" -I"$qt/QtGui" -I"$qt/QtWidgets" -I"$qt/QtSql" \
  -I"$qt/QtNetwork" -I"$qt/QtConcurrent" "$work/qt.h" -o "$work/qt.h.gch" 2>&1 | grep -v 'dllimport' | grep -E 'error' && exit 1


echo "check-windows: $count sources with $cxx -fsyntax-only for Windows"
export cxx work
# the per-target defines of the Linux build (PROJECT_VERSION, REPLIPAIR_DOCS_DIR) come with each source
run_one() {
  eval "set -- $1"
  if ! out=$("$cxx" -fsyntax-only "$@" -include "$work/qt.h" -Winvalid-pch 2>&1); then
    printf '%s\n' "$out" | grep -v 'redeclared without dllimport\|previous dllimport ignored'
    echo "check-windows: FAILED: ${!#}"
    return 1
  fi
}
export -f run_one
common_q=$(printf '%q ' "${common[@]}")
export common_q
if ! xargs -d '\n' -n 1 -P "$(nproc)" bash -c 'run_one "$common_q $1"' _ < "$work/commands"; then
  echo "check-windows: FAILED (a source above does not compile for Windows)"
  exit 1
fi
[ "$failed" = 0 ] || exit 1
echo "check-windows: passed ($count sources)"
