"""Preview notes quote each lost value with the quotation marks of the UI's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from mergedesk.core.preview import NoteKind, PreviewNote
from mergedesk.ui import i18n, messages
from tests.ui.test_i18n import compiled_qm  # noqa: F401  (fixture: builds missing .qm files)


@pytest.fixture
def translations(qapp, compiled_qm):  # noqa: F811
    before = QLocale()
    loaded = i18n.Translations(qapp)
    yield loaded
    loaded.apply("en")
    QLocale.setDefault(before)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Title: “CTO” (#12), “Founder” (#13) will not survive."),
    ("de", "Title: „CTO“ (#12), „Founder“ (#13) bleibt nicht erhalten."),
    ("fr", "«\u00a0CTO\u00a0» (#12), «\u00a0Founder\u00a0» (#13)"),
    ("es", "«CTO» (#12), «Founder» (#13)"),
])
def test_each_language_quotes_the_lost_values_its_own_way(translations, lang, expected):
    translations.apply(lang)
    note = PreviewNote(kind=NoteKind.VALUE_DROPPED, field="title", records=("12", "13"),
                       values=("CTO", "Founder"))
    assert expected in messages.note_text(note, "Chatwoot", str.title, lambda r: f"#{r}")
