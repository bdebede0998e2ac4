#!/usr/bin/env bash
# Installs the system libraries Qt's xcb plugin needs (and, with --test, what the test
# suite needs) on Debian/Ubuntu, only where missing. Elsewhere it prints what to install.
set -euo pipefail

runtime=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
         libxcb-shape0 libxcb-xinerama0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
         libdbus-1-3 libglib2.0-0 libwayland-client0 libwayland-cursor0 libwayland-egl1)
# Tests: a virtual X display, screenshots, and the validators of the .desktop/AppStream
# files (tests/packaging); the bundle step in .ci/run also uses binutils (readelf, strip);
# a real PostgreSQL server for the team-workspace tests (tests/store/pg_server.py starts
# its own on a free port from /usr/lib/postgresql/*/bin, not the system service).
testing=(xvfb xauth imagemagick desktop-file-utils appstream binutils postgresql)

wanted=("${runtime[@]}")
[ "${1:-}" = "--test" ] && wanted+=("${testing[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian/Ubuntu system; make sure Qt 6's xcb libraries are installed" >&2
    exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == *"install ok installed"* ]] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "system-deps: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
