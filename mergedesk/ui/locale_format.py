"""Numbers, percentages and dates as the UI's language writes them. Digits, separators
and date order come from QLocale() (i18n makes the chosen language its default); the
percent template is translated, since "100 %" or "100%" is a typographic convention.
Without a locale (C/POSIX: CI, containers) dates are ISO 8601, not Qt's "1 01 2020"."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

_SHORT = QLocale.FormatType.ShortFormat


def number(value: float, decimals: int = 0) -> str:
    """1234 -> '1,234' (en), '1.234' (de), '1 234' (fr)."""
    if isinstance(value, int) and decimals == 0:
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


def percent(fraction: float) -> str:
    """0.93 -> '93%' (en), '93 %' (de, fr, es)."""
    return QCoreApplication.translate("Format", "{n}%").format(n=number(round(fraction * 100)))


def short_date(value: date | datetime | str | None) -> str:
    """A date in the locale's short form; '—' for none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        value = _local(value).date()
    if _no_locale():
        return value.isoformat()
    return QLocale().toString(QDate(value.year, value.month, value.day), _SHORT)


def short_date_time(value: datetime | str | None) -> str:
    """A moment in the user's time zone, in the locale's short form; '—' for none."""
    if value is None or value == "":
        return "—"
    moment = _local(datetime.fromisoformat(value) if isinstance(value, str) else value)
    if _no_locale():
        return moment.strftime("%Y-%m-%d %H:%M")
    qt = QDateTime(QDate(moment.year, moment.month, moment.day),
                   QTime(moment.hour, moment.minute, moment.second), QTimeZone.systemTimeZone())
    return QLocale().toString(qt, _SHORT)


def _no_locale() -> bool:
    return QLocale().language() == QLocale.Language.C


def _local(moment: datetime) -> datetime:
    # Stored times are UTC (journal, CRMs); a naive one is taken as UTC too.
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone()
