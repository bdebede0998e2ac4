#!/usr/bin/env bash
# Builds dist/MergeDesk.app and dist/MergeDesk-<version>.dmg on macOS (11+, Python 3.11+
# from python.org or Homebrew, Xcode command line tools). Signing and notarization are
# hooks driven by the environment; without them the app is signed ad hoc (runs on this
# Mac only) and the .dmg is left unsigned. See README.md beside this file.
#   MERGEDESK_SIGN_IDENTITY   "Developer ID Application: Company (TEAMID)" — PyInstaller
#                             signs every binary with it, hardened runtime, entitlements.plist
#   MERGEDESK_NOTARY_PROFILE  a keychain profile from `xcrun notarytool store-credentials`:
#                             the .dmg is notarized and the ticket stapled
set -euo pipefail
if [ "$(uname -s)" != Darwin ]; then
    echo "build.sh: this builds the macOS app; run it on a Mac" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
identity="${MERGEDESK_SIGN_IDENTITY:-}"
profile="${MERGEDESK_NOTARY_PROFILE:-}"

make bundle  # venv with .[packaging], .qm files, icons (.icns), PyInstaller + BUNDLE
app=dist/MergeDesk.app
version="$(dist/mergedesk/mergedesk --version | awk '{print $2}')"
"$app/Contents/MacOS/mergedesk" --self-test

if [ -n "$identity" ]; then
    codesign --verify --deep --strict --verbose=2 "$app"
fi

# The disk image: the app and a link to /Applications to drag it onto.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="dist/MergeDesk-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "MergeDesk $version" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -ov "$dmg"

if [ -n "$identity" ]; then
    codesign --force --timestamp --sign "$identity" "$dmg"
fi
if [ -n "$profile" ]; then
    [ -n "$identity" ] || { echo "build.sh: notarization needs MERGEDESK_SIGN_IDENTITY" >&2; exit 2; }
    xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi
echo "$dmg"
