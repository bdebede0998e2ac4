#!/usr/bin/env bash
# Builds dist/mergedesk_<version>_<arch>.deb from the PyInstaller one-folder bundle:
# the app in /opt/mergedesk, /usr/bin/mergedesk, the .desktop entry, hicolor icons and
# AppStream metainfo. The version is the one the bundle itself reports (pyproject.toml
# via the copied package metadata). Depends are checked against what the bundle's
# libraries need (tools/check_deb_depends.py) before anything is written.
#   usage: build-deb.sh BUNDLE_DIR ICONS_DIR OUT_DIR      (make deb does this)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$(cd "$1" && pwd)"; icons="$(cd "$2" && pwd)"; out="$3"
app_id=com.mergedesk.MergeDesk
python="${PYTHON:-$root/.venv/bin/python}"

# Every system library the bundle leaves out (see mergedesk.spec) and needs. Where
# Ubuntu 24.04 renamed a package for 64-bit time_t, both names are alternatives.
depends=(
    "libc6 (>= 2.34)" "libstdc++6" "libgcc-s1" "libglib2.0-0t64 | libglib2.0-0"
    "libdbus-1-3" "libfontconfig1" "libfreetype6" "libegl1" "libgl1"
    "libx11-6" "libx11-xcb1" "libxcb1" "libxcb-cursor0" "libxcb-glx0" "libxcb-icccm4"
    "libxcb-image0" "libxcb-keysyms1" "libxcb-randr0" "libxcb-render0"
    "libxcb-render-util0" "libxcb-shape0" "libxcb-shm0" "libxcb-sync1" "libxcb-util1"
    "libxcb-xfixes0" "libxcb-xkb1" "libxkbcommon0" "libxkbcommon-x11-0"
    "libwayland-client0" "libwayland-cursor0" "libwayland-egl1"
)
depends_field="$(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')"
"$python" "$root/packaging/tools/check_deb_depends.py" "$bundle" "$depends_field"

# The frozen app answers --version without a display: "mergedesk 0.1.0".
version="$("$bundle/mergedesk" --version | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

install -d "$stage/opt" "$stage/usr/bin" "$stage/DEBIAN"
cp -a "$bundle" "$stage/opt/mergedesk"
# The bootloader finds _internal/ next to its real path, so a symlink is enough.
ln -s /opt/mergedesk/mergedesk "$stage/usr/bin/mergedesk"
install -D -m 644 "$root/resources/linux/$app_id.desktop" \
    "$stage/usr/share/applications/$app_id.desktop"
install -D -m 644 "$root/resources/linux/$app_id.metainfo.xml" \
    "$stage/usr/share/metainfo/$app_id.metainfo.xml"
install -D -m 644 "$root/mergedesk/resources/icons/mergedesk.svg" \
    "$stage/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$icons"/png/*.png; do
    size="$(basename "$png" .png)"
    install -D -m 644 "$png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -D -m 644 "$here/copyright" "$stage/usr/share/doc/mergedesk/copyright"

# dpkg-deb wants sane modes whatever the umask was: directories 755, files 644,
# executables (the bootloader, shared objects) 755.
find "$stage" -type d -exec chmod 755 {} +
find "$stage/opt" -type f -exec chmod go-w {} +

cat > "$stage/DEBIAN/control" <<EOF
Package: mergedesk
Version: $version
Architecture: $arch
Maintainer: MergeDesk <support@mergedesk.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends_field
Section: misc
Priority: optional
Homepage: https://mergedesk.com/
Description: merge duplicate CRM records by hand, safely
 MergeDesk connects to Pipeliner, Chatwoot, Zoho CRM, Microsoft Dataverse
 (Dynamics 365) or LeadLex, finds groups of records that look like the same
 person or company, shows each group side by side and merges them through the
 CRM's own merge API, with a local journal that can explain and restore merges.
 .
 A demo mode with a built-in sandbox CRM needs no account.
EOF

mkdir -p "$out"
deb="$out/mergedesk_${version}_${arch}.deb"
# gzip: every dpkg reads it (zstd needs dpkg >= 1.21.18), and it packs the 200 MB in
# 25 s on 2 cores where xz takes 6 minutes for a 25% smaller file.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$deb" >/dev/null
echo "$deb ($(du -h "$deb" | cut -f1))"
