"""CheatSheetDialog (F1): every shortcut of the window, read from its menus, so the
sheet can never disagree with what the keys do."""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget


class CheatSheetDialog(QDialog):
    def __init__(self, menus: list[QMenu], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 640)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.text.setHtml(self._html(menus))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _html(self, menus: list[QMenu]) -> str:
        intro = self.tr("In the compare table: arrows move between fields and records, "
                        "Space or Enter keeps the value under the cursor, F2 types a value. "
                        "On a checklist (e-mails, phones, tags, long text) Space ticks or "
                        "unticks the value under the cursor.")
        parts = [f"<p>{html.escape(intro)}</p>"]
        for menu in menus:
            rows = self._rows(menu)
            if rows:
                title = html.escape(menu.title().replace("&", ""))
                parts.append(f"<h3>{title}</h3><table cellpadding='3'>{''.join(rows)}</table>")
        return "".join(parts)

    def _rows(self, menu: QMenu) -> list[str]:
        rows = []
        for action in menu.actions():
            if action.menu() is not None:
                rows.extend(self._rows(action.menu()))
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts()]
            if action.isSeparator() or not keys:
                continue
            text = html.escape(action.text().replace("&", ""))
            shown = " / ".join(f"<b>{html.escape(k)}</b>" for k in keys)
            rows.append(f"<tr><td>{shown}</td><td>{text}</td></tr>")
        return rows
