"""Translations: every string in the UI is translated into German, French and Spanish
(checked by running lupdate on the code as it is now), placeholders survive, the app
picks the language from --lang / settings / the system, and switches live."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from mergedesk.resources import translations_dir
from mergedesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging" / "tools"))
import update_translations  # noqa: E402

LANGS = ("de", "fr", "es")
BIN = Path(sys.executable).parent
# {name} for str.format, %n for plurals, %1.. and %v/%m for Qt's own substitutions.
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d|%[vmp]")
HOW_TO = ("run `make translations`, then translate the new entries in "
          "translations/mergedesk_<lang>.ts (Qt Linguist: .venv/bin/pyside6-linguist; or by "
          "hand: fill <translation> and drop type=\"unfinished\")")


def _sources() -> list[str]:
    return [str(p) for p in update_translations.source_files()]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> tuple[dict[str, Path], list[str]]:
    """The committed .ts files brought up to date with the code, in a temp folder (what
    `make translations` would make of them now), and the helper calls lupdate misses."""
    folder = tmp_path_factory.mktemp("ts")
    copies = {}
    for lang in LANGS:
        copies[lang] = folder / f"mergedesk_{lang}.ts"
        shutil.copy(ROOT / "translations" / f"mergedesk_{lang}.ts", copies[lang])
    problems = update_translations.update(list(copies.values()))
    return copies, problems


@pytest.fixture(scope="module")
def refreshed_ts(refreshed) -> dict[str, Path]:
    return refreshed[0]


def test_every_helper_call_can_be_extracted(refreshed):
    assert not refreshed[1], "\n".join(refreshed[1])


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("lang", LANGS)
def test_every_ui_string_has_a_finished_translation(refreshed_ts, lang):
    missing = []
    for context, message in _messages(refreshed_ts[lang]):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind is not None or not all(t.strip() for t in _texts(translation)):
            missing.append(f"{context}: {message.findtext('source')!r}")
    assert not missing, (f"{len(missing)} string(s) without a {lang} translation; "
                         f"{HOW_TO}:\n  " + "\n  ".join(missing))


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_every_placeholder(refreshed_ts, lang):
    broken = []
    for context, message in _messages(refreshed_ts[lang]):
        source = message.findtext("source") or ""
        wanted = sorted(set(PLACEHOLDER.findall(source)) - {"%n"})
        for text in _texts(message.find("translation")):
            if sorted(set(PLACEHOLDER.findall(text)) - {"%n"}) != wanted:
                broken.append(f"{context}: {source!r} -> {text!r}")
    assert not broken, "placeholders differ:\n  " + "\n  ".join(broken)


def test_helper_calls_are_spelled_out_with_the_context_they_use_at_run_time():
    source = textwrap.dedent("""
        def _t(text):
            return QCoreApplication.translate("Queue", text)

        class Actions(QObject):
            def retranslate(self):
                tr = self.tr
                return tr("&Merge"), _t("Held")

        class Menus:
            def retranslate(self):
                def tr(text):
                    return QCoreApplication.translate("Menus", text)
                return tr("&File"), self.tr("&View")
    """)
    calls, problems = update_translations.helpers(source, ROOT / "x.py")
    spelled = update_translations.spelled_out(source, calls)
    assert 'QCoreApplication.translate("Actions", "&Merge")' in spelled
    assert 'QCoreApplication.translate("Queue", "Held")' in spelled
    assert 'QCoreApplication.translate("Menus", "&File")' in spelled
    assert 'self.tr("&View")' in spelled and not problems  # lupdate reads self.tr itself


def test_no_f_string_is_passed_to_tr():
    # lupdate cannot read an f-string, and its text would never match a translation.
    pattern = re.compile(r"""\b(?:tr|translate)\(\s*(?:"[^"]*",\s*)?f["']""")
    offenders = [f"{path}:{n}" for path in _sources()
                 for n, line in enumerate(Path(path).read_text().splitlines(), 1)
                 if pattern.search(line)]
    assert not offenders, "translate the template, then .format(): " + ", ".join(offenders)


def test_the_qm_files_are_built_with_content(compiled_qm):
    for lang in LANGS:
        assert (compiled_qm / f"mergedesk_{lang}.qm").stat().st_size > 1000


@pytest.fixture(scope="module")
def compiled_qm() -> Path:
    """`make qm` builds these; a bare pytest run builds whatever is missing or stale."""
    folder = translations_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        ts, qm = ROOT / "translations" / f"mergedesk_{lang}.ts", folder / f"mergedesk_{lang}.qm"
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                           check=True)
    return folder


@pytest.mark.parametrize(("cli", "saved", "expected"), [
    (None, "", i18n.SYSTEM), (None, "fr", "fr"), ("de", "fr", "de"), ("de_AT", "", "de"),
    ("ES", "", "es"), ("system", "fr", i18n.SYSTEM), ("xx", "fr", i18n.SYSTEM),
])
def test_cli_beats_the_saved_choice_which_beats_the_system(tmp_path, cli, saved, expected):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(i18n.SETTING, saved)
    assert i18n.chosen_language(cli, settings) == expected


@pytest.fixture
def translations(qapp, compiled_qm):
    before = QLocale()
    loaded = i18n.Translations(qapp)
    yield loaded
    loaded.apply("en")
    QLocale.setDefault(before)  # later tests format as they did before


def test_german_loads_ours_and_qts_and_formats_numbers_and_dates_the_german_way(
        translations):
    from mergedesk.ui import locale_format

    translations.apply("de")
    assert translations.loaded == ["qtbase", "mergedesk"]
    assert QCoreApplication.translate("SettingsMenu", "&Language") == "&Sprache"
    assert locale_format.number(1234.5, 1) == "1.234,5"
    assert locale_format.percent(0.93) == "93\u00a0%"
    assert locale_format.short_date("2026-11-25") == "25.11.26"


def test_without_a_locale_dates_are_iso(translations):
    QLocale.setDefault(QLocale.c())
    from mergedesk.ui import locale_format

    assert locale_format.short_date("2026-11-25T23:30:00") in ("2026-11-25", "2026-11-26")
    assert locale_format.percent(0.5) == "50%"


def test_english_needs_no_catalogue(translations):
    translations.apply("en")
    assert translations.loaded == []
    assert QCoreApplication.translate("SettingsMenu", "&Language") == "&Language"


def test_every_shipped_language_is_offered(compiled_qm):
    assert i18n.available() == ["en", "de", "fr", "es"]


def test_the_settings_menu_switches_language_live_and_saves_it(qtbot, qapp, desk,
                                                              translations, tmp_path):
    from mergedesk.ui.settings_menu import SettingsMenu
    from mergedesk.ui.theme import ThemeManager

    settings = QSettings(str(tmp_path / "menu.ini"), QSettings.Format.IniFormat)
    menu = SettingsMenu(settings, translations, ThemeManager(qapp), desk.window)
    desk.window.menuBar().addMenu(menu)  # as app.py does
    assert menu.title() == "&Settings"
    deutsch = next(a for a in menu.language_menu.actions() if a.data() == "de")
    deutsch.trigger()
    assert settings.value(i18n.SETTING) == "de" and translations.language == "de"
    qtbot.waitUntil(lambda: menu.title() == "&Einstellungen")  # LanguageChange reached it
    assert deutsch.text() == "Deutsch" and menu.language_menu.title() == "&Sprache"
    next(a for a in menu.language_menu.actions() if a.data() == "en").trigger()
    qtbot.waitUntil(lambda: menu.title() == "&Settings")
