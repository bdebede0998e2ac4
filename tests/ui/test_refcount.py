"""The None guard of ui.refcount: PySide6 6.12 on Python 3.11 drops a reference to None
each time an empty QVariant comes back to Python; with the guard that never ends the
process."""

from __future__ import annotations

import sys

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from mergedesk.ui.refcount import IMMORTAL, keep_none_alive

NO_PARENT = QModelIndex()


class _Empty(QAbstractTableModel):
    def rowCount(self, parent=NO_PARENT) -> int:
        return 2

    def columnCount(self, parent=NO_PARENT) -> int:
        return 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_none_outlives_many_more_empty_variants_than_its_own_count(qapp):
    keep_none_alive()
    keep_none_alive()  # idempotent
    assert sys.version_info >= (3, 12) or sys.getrefcount(None) > IMMORTAL // 2
    model = _Empty()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    for _ in range(20_000):  # without the guard, Python 3.11 aborts long before this
        assert proxy.data(index) is None


class _Switch(QObject):
    flipped = Signal(bool)


def test_bool_signals_to_python_slots_never_exhaust_true_and_false(qapp):
    keep_none_alive()
    switch = _Switch()
    seen: list[bool] = []
    switch.flipped.connect(seen.append)
    for n in range(20_000):  # as many QAction.triggered(False) as a long day of review
        switch.flipped.emit(n % 2 == 0)
    assert len(seen) == 20_000
