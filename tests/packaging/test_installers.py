"""What can be checked on Linux of the builds made elsewhere: the PyInstaller spec, the
Windows installer script and the macOS recipe agree on names, paths, the version source
and the signing hooks, and the scripts parse."""

from __future__ import annotations

import plistlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mergedesk.resources import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = (PACKAGING / "mergedesk.spec").read_text()
ISS = (PACKAGING / "windows" / "mergedesk.iss").read_text()
PS1 = (PACKAGING / "windows" / "build.ps1").read_text()
MAC = (PACKAGING / "macos" / "build.sh").read_text()


def test_the_spec_is_python_and_builds_one_folder():
    compile(SPEC, "mergedesk.spec", "exec")
    assert "exclude_binaries=True" in SPEC and "COLLECT(" in SPEC  # one folder, no onefile
    assert 'copy_metadata("mergedesk")' in SPEC  # importlib.metadata works when frozen
    assert "launcher.py" in SPEC and (PACKAGING / "launcher.py").is_file()


@pytest.mark.parametrize("script", ["linux/build-deb.sh", "linux/system-deps.sh",
                                    "macos/build.sh"])
def test_shell_scripts_parse(script):
    assert subprocess.run(["bash", "-n", str(PACKAGING / script)]).returncode == 0
    if shutil.which("shellcheck"):
        assert subprocess.run(["shellcheck", "-S", "warning", str(PACKAGING / script)]
                              ).returncode == 0


def test_the_windows_installer_takes_the_version_from_the_build():
    assert "#ifndef AppVersion" in ISS and "AppVersion={#AppVersion}" in ISS
    assert "/DAppVersion=$Version" in PS1 and "--version" in PS1


def test_the_windows_installer_installs_what_the_spec_builds():
    # The spec's Windows executables and output folder, as the .iss refers to them.
    assert 'name="MergeDesk", console=False' in SPEC and 'name="mergedesk-cli"' in SPEC
    assert 'name="mergedesk")' in SPEC  # COLLECT: dist/mergedesk
    sources = re.findall(r'^Source: "([^"]+)"', ISS, re.M)
    assert sources == ["..\\..\\dist\\mergedesk\\*"]
    assert re.search(r'Filename: "\{app\}\\MergeDesk\.exe"', ISS)
    assert "SetupIconFile=..\\..\\build\\icons\\mergedesk.ico" in ISS
    assert "make_icons.py build\\icons" in PS1 and "mergedesk-cli.exe --self-test" in PS1


def test_windows_signing_is_a_hook_not_a_requirement():
    assert "#ifdef SignTool" in ISS and "SignedUninstaller=yes" in ISS
    assert "if ($env:MERGEDESK_SIGN_CERT)" in PS1 and "/DSignTool=signtool" in PS1


def test_the_installer_speaks_the_apps_languages():
    for isl in ("German", "French", "Spanish"):
        assert f"compiler:Languages\\{isl}.isl" in ISS


def test_the_mac_recipe_signs_notarizes_and_staples_only_when_asked():
    assert 'identity="${MERGEDESK_SIGN_IDENTITY:-}"' in MAC
    assert 'profile="${MERGEDESK_NOTARY_PROFILE:-}"' in MAC
    assert re.search(r'if \[ -n "\$profile" \]; then.*notarytool submit.*stapler staple',
                     MAC, re.S)
    assert "--self-test" in MAC and "hdiutil create" in MAC
    assert 'os.environ.get("MERGEDESK_SIGN_IDENTITY")' in SPEC  # PyInstaller signs


def test_the_mac_bundle_matches_the_linux_ids_and_entitlements_parse():
    assert f'bundle_identifier="{APP_ID}"' in SPEC
    assert 'version=version("mergedesk")' in SPEC
    entitlements = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}
