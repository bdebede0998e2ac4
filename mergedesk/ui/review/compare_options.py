"""CompareOptions: the compare table's options beside it — "differences only" (on by
default for groups with many fields, the reviewer's choice remembered), the template of
field rules applied to the group, and the separator that joins the long texts of the
field under the cursor. Widgets the review panel lays out; no I/O but the template
source's small file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QSettings
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from mergedesk.core.rules import SAFE, RuleTemplate
from mergedesk.ui.models.checklist import SEPARATORS, ListKind
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.compare_text import separator_label
from mergedesk.ui.review.actions import ReviewActions
from mergedesk.ui.review.compare_view import CompareView

DIFFERENCES_KEY = "review/differences_only"  # "on", "off"; unset: on for many fields
MANY_FIELDS = 20  # above this many fields, "differences only" is on unless set otherwise


class TemplateSource(Protocol):
    def all(self) -> list[RuleTemplate]: ...


class CompareOptions(QObject):
    def __init__(self, model: CompareModel, view: CompareView, actions: ReviewActions,
                 loaded: Callable[[], bool], parent: QWidget):
        super().__init__(parent)
        self._model, self._view, self._actions, self._loaded = model, view, actions, loaded
        self._settings: QSettings | None = None
        self._source: TemplateSource | None = None
        self.templates_label = QLabel(parent)
        self.templates = QComboBox(parent)
        self.templates.activated.connect(self._on_templates_activated)
        self.templates_label.setBuddy(self.templates)
        self.join_label = QLabel(parent)
        self.join_with = QComboBox(parent)
        for separator in SEPARATORS:
            self.join_with.addItem("", separator)
        self.join_with.activated.connect(self._on_join_with_activated)
        self.join_label.setBuddy(self.join_with)
        self.join_row = QWidget(parent)
        row = QHBoxLayout(self.join_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.join_label)
        row.addWidget(self.join_with)
        row.addStretch(1)
        self.join_row.hide()
        actions.differences_only.triggered.connect(self._on_differences_only_triggered)
        view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for index in range(self.join_with.count()):
            self.join_with.setItemText(index, separator_label(self.join_with.itemData(index)))
        self.join_with.setAccessibleName(self.tr("Separator of the joined texts"))
        self.templates_label.setText(self.tr("Field &rules:"))
        self.templates.setAccessibleName(self.tr("Template of field rules for this group"))
        self.templates.setToolTip(self.tr(
            "Saved rules (fill blanks, newest, oldest, longest, from a record) applied to "
            "the fields you did not pick by hand"))
        self.fill_templates()
        self._on_view_current_changed(self._view.currentIndex())

    def group_shown(self) -> None:
        """A group is on screen: the standing template and "differences only" apply."""
        self.fill_templates()
        chosen = self.templates.currentData()
        if chosen is not None and chosen != SAFE:  # the standing choice, not an edit
            self._model.set_template(chosen, announce=False)
        self.apply_differences_only()

    # Differences only
    def set_settings(self, settings: QSettings) -> None:
        """Where the reviewer's "differences only" choice is remembered."""
        self._settings = settings

    def apply_differences_only(self) -> None:
        stored = self._settings.value(DIFFERENCES_KEY, "") if self._settings else ""
        fields = len(self._model.choices.fields) if self._model.choices else 0
        on = stored == "on" if stored in ("on", "off") else fields > MANY_FIELDS
        self._actions.differences_only.setChecked(on)
        self._view.set_differences_only(on)

    def _on_differences_only_triggered(self, checked: bool) -> None:
        if self._settings is not None:
            self._settings.setValue(DIFFERENCES_KEY, "on" if checked else "off")
        self._view.set_differences_only(checked)

    # Templates of field rules
    def set_templates(self, source: TemplateSource) -> None:
        """Where saved templates come from (services.rule_templates.TemplateStore)."""
        self._source = source
        self.fill_templates()

    def fill_templates(self) -> None:
        source = self._source
        self.templates_label.setVisible(source is not None)
        self.templates.setVisible(source is not None)
        if source is None:
            return
        current = self.templates.currentData()
        self.templates.clear()
        for template in source.all():
            name = self.tr("Keep everything (safe defaults)") if template == SAFE \
                else template.name
            self.templates.addItem(name, template)
        index = next((i for i in range(self.templates.count())
                      if current is not None and self.templates.itemData(i).name == current.name),
                     0)
        self.templates.setCurrentIndex(index)

    def _on_templates_activated(self, index: int) -> None:
        template = self.templates.itemData(index)
        if template is not None and self._loaded():
            self._model.set_template(template)

    # Long texts
    def _on_view_current_changed(self, current: QModelIndex, _previous=None) -> None:
        row = current.row() if current.isValid() else -1
        choices = self._model.choices
        name = self._model.field_at(row).api_name if row >= 0 and choices else ""
        checklist = choices.lists.get(name) if choices else None
        joined = checklist is not None and checklist.kind == ListKind.JOIN
        self.join_row.setVisible(joined)
        if joined and choices is not None and checklist is not None:
            self.join_label.setText(self.tr("Join the texts of {field} &with:").format(
                field=checklist.field.display_label))
            self.join_with.setCurrentIndex(max(0, self.join_with.findData(
                choices.separator(name))))

    def _on_join_with_activated(self, index: int) -> None:
        row = self._view.currentIndex().row()
        if row >= 0:
            self._model.set_separator(self._model.field_at(row).api_name,
                                      self.join_with.itemData(index))
