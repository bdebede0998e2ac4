"""Runtime resources: every icon the UI asks for is shipped inside the package (where the
frozen app finds it), the set keeps one grid and palette, and the app icon builds into
every size and container the platforms need."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtSvg import QSvgRenderer

from mergedesk.resources import icon_file, icon_names

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "mergedesk" / "ui"
APP_ICONS = {"mergedesk", "mergedesk-small"}
# The icon palette = the UI's status colours (ui/models/group_list.py). Each reads at
# 3:1 or better on both a white and the dark theme's window colour, so the icons need
# no dark variants. White only appears on a coloured fill.
PALETTE = {"#2f7fd8", "#2e9d52", "#d64545", "#d98a1c", "#8a8f98", "#e0a100", "#b07e00",
           "#ffffff"}
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
sys.path.insert(0, str(ROOT / "packaging" / "tools"))
import make_icons  # noqa: E402


def _used_names() -> set[str]:
    pattern = re.compile(r"""\bicon\(\s*["']([\w-]+)["']\s*\)""")
    names = {m for p in UI.rglob("*.py") for m in pattern.findall(p.read_text())}
    # Names kept in tables, e.g. _ICONS = {GroupStatus.MERGED: "status-merged", ...}.
    table = re.compile(r"""["']((?:status|action)-[\w-]+)["']""")
    names |= {m for p in UI.rglob("*.py") for m in table.findall(p.read_text())}
    return names


def test_every_icon_the_ui_names_is_shipped_in_the_package():
    missing = sorted(n for n in _used_names() if not icon_file(n).is_file())
    assert not missing, (f"add mergedesk/resources/icons/<name>.svg for: {missing} "
                         "(the package folder is what wheels and the frozen app carry)")


@pytest.mark.parametrize("name", icon_names())
def test_each_icon_is_a_valid_svg_on_the_grid_and_palette(qapp, name):
    path = icon_file(name)
    assert QSvgRenderer(str(path)).isValid()
    root = ET.parse(path).getroot()
    text = path.read_text()
    assert "<image" not in text and "href=\"http" not in text  # no raster, no fetches
    if name in APP_ICONS:
        return
    assert root.get("viewBox") in ("0 0 24 24", "0 0 16 16")  # actions 24, markers 16
    colours = {c.lower() for c in COLOUR.findall(text)}
    assert colours <= PALETTE, f"{name}: colours outside the palette: {colours - PALETTE}"


def test_pyproject_ships_the_resources_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    data = config["tool"]["setuptools"]["package-data"]["mergedesk"]
    assert "resources/icons/*.svg" in data and "resources/translations/*.qm" in data


def test_the_app_icon_builds_in_every_size_and_container(qapp, tmp_path):
    written = make_icons.build(tmp_path)
    for size in make_icons.PNG_SIZES:
        image = QImage(str(tmp_path / "png" / f"{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not empty
    ico = QImageReader(str(tmp_path / "mergedesk.ico"))
    assert ico.imageCount() == len(make_icons.ICO_SIZES)
    icns = (tmp_path / "mergedesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert {p.name for p in written} >= {"mergedesk.ico", "mergedesk.icns", "512.png"}


def test_the_icns_holds_one_png_per_element_type(qapp):
    pngs = {size: make_icons.render_png(size) for _, size in make_icons.ICNS_TYPES}
    data, offset, kinds = make_icons.icns_bytes(pngs), 8, []
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        image = QImage.fromData(QByteArray(data[offset + 8:offset + length]), "PNG")
        assert not image.isNull()
        kinds.append((kind, image.width()))
        offset += length
    assert kinds == list(make_icons.ICNS_TYPES)


def test_make_icons_runs_as_a_build_step(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "packaging/tools/make_icons.py"),
                             str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mergedesk.ico").is_file()
