"""Build the application icon in every size a platform asks for, from the two SVGs in
mergedesk/resources/icons: hicolor PNGs (16–512) for Linux, `.ico` for Windows and
`.icns` for macOS. Qt renders the SVGs, so no other tool is needed on any OS.

    python packaging/tools/make_icons.py OUT_DIR

writes OUT_DIR/png/<size>.png, OUT_DIR/mergedesk.ico and OUT_DIR/mergedesk.icns.
Generated at build time (never committed), so they cannot drift from the SVG."""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build step has no display

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "mergedesk" / "resources" / "icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Sizes at or below this use the simplified drawing: the full one turns to mush at 16 px.
SMALL_MAX = 32
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows Explorer, taskbar and installer
# Apple's PNG-carrying icns element types, by pixel size (the @2x ones repeat sizes).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"icp6", 64), (b"ic12", 64),
              (b"ic07", 128), (b"ic08", 256), (b"ic13", 256), (b"ic09", 512),
              (b"ic14", 512), (b"ic10", 1024))


def render_png(size: int) -> bytes:
    """The app icon at size×size pixels as PNG bytes (transparent corners)."""
    name = "mergedesk-small.svg" if size <= SMALL_MAX else "mergedesk.svg"
    renderer = QSvgRenderer(str(ICONS / name))
    if not renderer.isValid():
        raise RuntimeError(f"{ICONS / name}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (valid since Vista). Width/height 0 means 256."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, offset = b"", 6 + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(png for _, png in sorted(pngs.items()))


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: a big-endian 'icns' header and one PNG element per type."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(out: Path) -> list[Path]:
    """Write every icon file under `out`; returns the paths written."""
    _ = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    pngs = {size: render_png(size) for size in sizes}
    (out / "png").mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = out / "png" / f"{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    for name, data in (("mergedesk.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES})),
                       ("mergedesk.icns", icns_bytes(pngs))):
        (out / name).write_bytes(data)
        written.append(out / name)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_icons.py OUT_DIR")
    for written_path in build(Path(sys.argv[1])):
        print(written_path)
