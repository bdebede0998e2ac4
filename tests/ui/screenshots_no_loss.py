"""Screenshots of the review panel's safeguards (issue 11): the checklist fields, the
flags and the "will move" summary, in the light and the dark theme. Not a test: it
builds the panel on a Zoho-like group and grabs it on a real X server.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshots_no_loss OUT

writes OUT/issue11-{checklists,flags,will-move}[-dark].png."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from mergedesk.core.rules import FieldRule, RuleKind, RuleTemplate
from mergedesk.providers.zoho.client import CAPABILITIES
from mergedesk.services.rule_templates import TemplateStore
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.review.review_panel import NOTES_TAB, ReviewPanel
from mergedesk.ui.theme import DARK, LIGHT, ThemeManager
from tests.ui.test_compare_checklists import FIELDS, records


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, out: Path, suffix: str) -> None:
    model = CompareModel()
    panel = ReviewPanel(model)
    store = TemplateStore(Path(tempfile.mkdtemp()) / "templates.json")
    store.save(RuleTemplate(name="Newest wins", default=FieldRule(kind=RuleKind.NEWEST)))
    panel.set_templates(store)
    panel.resize(1100, 820)
    group = records()
    model.set_group("g1", group, FIELDS, CAPABILITIES, master="1")
    panel._loaded = True  # as show_group leaves it, without a store behind the panel
    panel._show_page(1)
    panel._title.setText("Ng")
    panel._subtitle.setText("Group g1 · 96% match · Records: 3 · matched on email, phone")
    panel._on_model_choices_changed()
    panel.splitter.setSizes([520, 220])
    panel.show()
    view = panel.compare_view
    for column in range(model.columnCount()):
        view.horizontalHeader().resizeSection(column, 260)
    view.setFocus()
    # One value unticked, to show how a loss reads.
    model.set_ticked(model.row_of("Tag") + 2, False)
    view.setCurrentIndex(model.index(model.row_of("Email") + 2, model.preview_column))
    panel.show_tab(NOTES_TAB)
    settle(app)
    panel.grab().save(str(out / f"issue11-checklists{suffix}.png"))
    view.scrollTo(model.index(model.row_of("Owner"), 0))
    panel.confirm_merge()  # Ctrl+Enter with the owner undecided: the banner says why
    settle(app)
    panel.grab().save(str(out / f"issue11-flags{suffix}.png"))
    panel.clear_banner()
    panel.notes.grab().save(str(out / f"issue11-will-move{suffix}.png"))
    panel.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    themes = ThemeManager(app)
    themes.apply(LIGHT)
    shoot(app, out, "")
    themes.apply(DARK)
    shoot(app, out, "-dark")
    print(out)


if __name__ == "__main__":
    main()
