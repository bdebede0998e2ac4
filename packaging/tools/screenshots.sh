#!/usr/bin/env bash
# Screenshots of the real app on the demo sandbox, as a user starts it, in German and in
# the dark theme (resources/screenshots/). Needs Xvfb and ImageMagick's `import`.
#   packaging/tools/screenshots.sh [OUT_DIR] [COMMAND...]
# COMMAND defaults to the source run (.venv/bin/python -m mergedesk); pass
# dist/mergedesk/mergedesk to shoot the frozen build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(mkdir -p "${1:-$root/resources/screenshots}" && cd "${1:-$root/resources/screenshots}" && pwd)"
shift || true
command=("${@:-$root/.venv/bin/python}")
[ $# -eq 0 ] && command+=(-m mergedesk)
wait_s="${SCREENSHOT_WAIT:-12}"  # the demo CRM starts, is scanned, a group is shown

shoot() {  # shoot NAME ARGS...: one run of the app, one grab of the whole screen
    local name="$1"; shift
    local home; home="$(mktemp -d)"
    # A fresh home: no saved window layout, language or theme from earlier runs.
    HOME="$home" XDG_CONFIG_HOME="$home/.config" MERGEDESK_HOME="$home/mergedesk" \
    QT_QPA_PLATFORM=xcb WAIT="$wait_s" OUT="$out/$name.png" \
    xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
        "$@" & app=$!
        sleep "$WAIT"
        import -window root "$OUT"
        kill "$app"; wait "$app" 2>/dev/null || true' _ "${command[@]}" "$@"
    rm -rf "$home"
    echo "$out/$name.png"
}

shoot main-window-de --lang de --theme light
shoot main-window-dark --lang en --theme dark
