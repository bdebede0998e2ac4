"""Dates in the many shapes CRMs and spreadsheets export them, to ISO "YYYY-MM-DD".
No Qt, no I/O."""

from __future__ import annotations

import re
from datetime import date, datetime

from mergedesk.core.matching.normalise.text import ascii_lower

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januar", "janvier"),
            ("feb", "february", "februar", "fevrier"),
            ("mar", "march", "marz", "maerz", "mars"),
            ("apr", "april", "avril"),
            ("may", "mai"),
            ("jun", "june", "juni", "juin"),
            ("jul", "july", "juli", "juillet"),
            ("aug", "august", "aout"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "oktober", "octobre"),
            ("nov", "november", "novembre"),
            ("dec", "december", "dezember", "decembre"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})-?(\d{1,2})-?(\d{1,2})(?:$|[T ])")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})$")
_WORDY = re.compile(r"^(?:(\d{1,2})\s+([a-z]+)|([a-z]+)\s+(\d{1,2}))\s+(\d{4})$")


def _make(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _full_year(year: int, pivot: int) -> int:
    """Two-digit years: below `pivot` are 20xx, the rest 19xx."""
    if year >= 100:
        return year
    return 2000 + year if year < pivot else 1900 + year


def _numeric(match: re.Match[str], day_first: bool, pivot: int) -> str:
    first, separator, second, year = match.groups()
    # A dot separator is European (day first) whatever the setting says.
    day_first = day_first or separator == "."
    day, month = (first, second) if day_first else (second, first)
    return _make(_full_year(int(year), pivot), int(month), int(day))


def _wordy(text: str) -> str:
    cleaned = re.sub(r"[,.]|(?<=\d)(st|nd|rd|th)\b", " ", ascii_lower(text))
    match = _WORDY.match(" ".join(cleaned.split()))
    if not match:
        return ""
    day = match.group(1) or match.group(4)
    month = _MONTHS.get(match.group(2) or match.group(3) or "", 0)
    return _make(int(match.group(5)), month, int(day)) if month else ""


def normalise_date(value: object, *, day_first: bool = False, pivot: int = 30) -> str:
    """ISO date of a date, datetime or text ("12 Mar 2024", "03/12/2024", "2024-03-12T10:00Z");
    "" when it cannot be read. `day_first` settles "03/12/2024" (US default: March 12)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip() if value is not None else ""
    if match := _ISO.match(text) or _YMD.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _NUMERIC.match(text):
        return _numeric(match, day_first, pivot)
    return _wordy(text) if text else ""
