"""Which language the UI speaks, and loading it: our `.qm` from the package's resources
plus Qt's own `qtbase` translation, chosen by `--lang`, else the saved setting, else the
system locale. The chosen locale becomes QLocale's default, so numbers and dates that
the UI formats through QLocale() follow the language. No widgets here."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from mergedesk.resources import translations_dir

log = logging.getLogger(__name__)

SETTING = "ui/language"  # a code from LANGUAGES, or "" to follow the system
SYSTEM = ""
# Shown in each language's own name: someone who cannot read the current UI language
# must still find theirs. English is the source language and needs no file.
LANGUAGES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}


def chosen_language(cli_choice: str | None, settings: QSettings) -> str:
    """`--lang` wins over the saved choice; "" (or an unknown code) means the system's."""
    choice = cli_choice if cli_choice is not None else str(settings.value(SETTING, SYSTEM))
    code = normalise(choice)
    if choice and code not in LANGUAGES:
        log.warning("unknown language %r: following the system language", choice)
        return SYSTEM
    return code


def normalise(choice: str) -> str:
    """'de_AT', 'de-DE', 'DE' -> 'de'; '' and 'system' -> ''."""
    code = choice.strip().replace("-", "_").split("_")[0].lower()
    return SYSTEM if code in ("", "system") else code


def locale_for(code: str) -> QLocale:
    return QLocale.system() if code == SYSTEM else QLocale(code)


class Translations:
    """The translators installed on the application; `apply()` swaps them in place.

    Installing or removing a translator makes Qt send LanguageChange to every widget,
    whose retranslate() then sets its texts again: a switch needs no restart."""

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SYSTEM
        self.loaded: list[str] = []  # e.g. ["mergedesk_de", "qtbase_de"], for the self-test

    def apply(self, code: str) -> QLocale:
        """Speak `code` ("" for the system language); returns the locale now in force."""
        locale = locale_for(code)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed, self.loaded = [], []
        # Before the translators: LanguageChange handlers may format numbers and dates.
        QLocale.setDefault(locale)
        self.language = code
        if _english(locale):
            return locale  # the source texts are English; a qtbase_en would be a no-op
        for name, folder in _catalogues():
            translator = QTranslator(self._app)
            if translator.load(locale, name, "_", folder):
                self._app.installTranslator(translator)
                self._installed.append(translator)
                self.loaded.append(name)
            elif name == "mergedesk":
                log.info("no MergeDesk translation for %s in %s", locale.name(), folder)
        return locale


def available() -> list[str]:
    """Language codes we have a compiled catalogue for, plus English."""
    built = {p.stem.removeprefix("mergedesk_") for p in translations_dir().glob("*.qm")}
    return [code for code in LANGUAGES if code == "en" or code in built]


def _english(locale: QLocale) -> bool:
    return locale.language() in (QLocale.Language.English, QLocale.Language.C)


def _catalogues() -> Sequence[tuple[str, str]]:
    # Ours last: Qt asks the most recently installed translator first, so qtbase can
    # never shadow one of our strings that happens to share a context with Qt's.
    return (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            ("mergedesk", str(translations_dir())))
