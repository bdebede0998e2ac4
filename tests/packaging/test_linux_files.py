"""The Linux desktop integration files validate with the freedesktop/AppStream tools,
agree with each other and with the app's id, and the .deb's dependency check finds a
system library that no declared package provides."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mergedesk.resources import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
sys.path.insert(0, str(ROOT / "packaging" / "tools"))
import check_deb_depends  # noqa: E402


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:  # packaging/linux/system-deps.sh --test installs both
        pytest.skip(f"{name} is not installed")
    return path


def test_the_desktop_file_validates():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_metainfo_validates():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ids_names_and_icon_agree():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in desktop files
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    meta = ET.parse(METAINFO).getroot()
    assert desktop["Icon"] == APP_ID == meta.findtext("id")
    assert meta.find("launchable").text == DESKTOP.name
    assert desktop["Exec"].split()[0] == meta.find("provides/binary").text == "mergedesk"
    for lang in ("de", "fr", "es"):  # the languages the app speaks
        assert desktop[f"Comment[{lang}]"] and desktop[f"GenericName[{lang}]"]


def test_the_metainfo_release_is_the_package_version():
    from importlib.metadata import version

    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases[0].get("version") == version("mergedesk")


def test_control_fields_are_read_with_alternatives_and_versions():
    names = check_deb_depends.named_packages(
        "libc6 (>= 2.34), libglib2.0-0t64 | libglib2.0-0, libx11-6:amd64")
    assert names == {"libc6", "libglib2.0-0t64", "libglib2.0-0", "libx11-6"}


def test_a_needed_system_library_without_a_declared_package_is_reported(tmp_path):
    _tool("dpkg")
    _tool("readelf")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy(sys.executable, bundle / "python")  # an ELF that needs libc at least
    problems = check_deb_depends.uncovered(bundle, set())
    assert any("libc.so.6: from package libc6" in p for p in problems)
    assert not [p for p in check_deb_depends.uncovered(bundle, {"libc6", "libpython3.11"})
                if "libc.so" in p]
