"""ui.warmup does the libraries' one-off lazy set-ups before a frame needs them. Checked
in a fresh interpreter: in the test process other tests have done them already."""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
import enum
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from mergedesk.core.models import DuplicateGroup, Record
from mergedesk.ui.warmup import warm_up

app = QApplication([])
assert type(Record.__pydantic_validator__).__name__ == "MockValSer"  # defer_build
warm_up()
assert type(Record.__pydantic_validator__).__name__ == "SchemaValidator"
assert type(DuplicateGroup.__pydantic_validator__).__name__ == "SchemaValidator"
made = []
create = enum.EnumType.__new__
enum.EnumType.__new__ = lambda mcls, name, *a, **k: made.append(name) or create(
    mcls, name, *a, **k)
image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
painter.fillRect(QRect(0, 0, 2, 2), QColor(1, 2, 3))  # what a delegate's first paint does
painter.end()
assert made == [], made  # no enum left for the first frame to build
print("ok")
"""


def test_warm_up_leaves_nothing_lazy_for_the_first_frame():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
