"""Dialogs a coroutine can wait for without a nested event loop. exec() inside a task
on the qasync loop would run other tasks re-entrantly (asyncio forbids that); open()
plus a future resolved by `finished` keeps one loop."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


async def result_of(dialog: QDialog) -> int:
    """Show `dialog` window-modally and wait for its result code."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def done(code: int) -> None:
        if not future.done():
            future.set_result(code)

    dialog.finished.connect(done)
    dialog.open()
    return await future


async def confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return await result_of(box) == QMessageBox.StandardButton.Yes


def inform(parent: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """A message the reviewer closes when ready (never blocks the loop)."""
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
