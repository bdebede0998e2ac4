"""ConnectionSelector: the toolbar's choice of CRM connection — the one open now, every
saved connection, and entries to set up a new one or edit the current one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from mergedesk.ui.connect.profiles import ConnectionProfile

_CURRENT, _NEW, _EDIT = "\x00current", "\x00new", "\x00edit"


class ConnectionSelector(QComboBox):
    profile_chosen = Signal(str)  # a saved connection's name
    new_requested = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._profiles: list[ConnectionProfile] = []
        self._current = ""  # the open connection's label
        self._current_is_profile = False
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(18)
        self.activated.connect(self._on_activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("CRM connection"))
        self.setToolTip(self.tr("The CRM under review; choose another or set one up (Ctrl+O)"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_profiles(self, profiles: list[ConnectionProfile]) -> None:
        self._profiles = list(profiles)
        self._fill()

    def set_current(self, label: str) -> None:
        """The connection open now (a saved one by its name, or e.g. the demo)."""
        self._current = label
        self._current_is_profile = any(p.name == label for p in self._profiles)
        self._fill()

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        if self._current and not self._current_is_profile:
            self.addItem(self._current, _CURRENT)
        for profile in self._profiles:
            self.addItem(profile.name, profile.name)
        if self.count() == 0:
            self.addItem(self.tr("Not connected"), _CURRENT)
        self.insertSeparator(self.count())
        self.addItem(self.tr("New connection…"), _NEW)
        if self._current_is_profile:
            self.addItem(self.tr("Edit this connection…"), _EDIT)
        self._select_current()
        self.blockSignals(False)

    def _select_current(self) -> None:
        index = self.findData(self._current if self._current_is_profile else _CURRENT)
        self.setCurrentIndex(max(index, 0))

    def _on_activated(self, index: int) -> None:
        data = self.itemData(index)
        self._select_current()  # until the window actually switches
        if data == _NEW:
            self.new_requested.emit()
        elif data == _EDIT:
            self.edit_requested.emit()
        elif data not in (_CURRENT, None) and data != self._current:
            self.profile_chosen.emit(str(data))
