"""Shared text folding for the normalisers: case, accents (via anyascii), punctuation and
whitespace. No Qt, no I/O."""

from __future__ import annotations

import string

from anyascii import anyascii

from mergedesk.core.values import JsonValue

# Punctuation becomes a space so "Smith-Jones" and "Smith Jones" fold alike; dots and
# apostrophes vanish so "O'Brien" == "OBrien" and "S.A." == "SA".
_VANISH = ".'`´’"
_TO_SPACE = "".join(c for c in string.punctuation if c not in _VANISH)
_FOLD_TABLE = str.maketrans({**{c: " " for c in _TO_SPACE}, **{c: None for c in _VANISH}})


def as_text(value: JsonValue | object) -> str:
    """The text of one CRM value: first non-blank item of a list, "" for None/blank."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, dict):  # a lookup such as Zoho's {"name": "Acme", "id": "…"}
        return as_text(value.get("name") or value.get("display_value") or "")
    if isinstance(value, (list, tuple)):
        return next((t for t in map(as_text, value) if t.strip()), "")
    return str(value)


def ascii_lower(text: str) -> str:
    """Lower-case ASCII transliteration: "Jürgen" -> "jurgen", "Łódź" -> "lodz"."""
    text = text.lower()
    # anyascii is ~1.5 µs a call; most CRM text is ASCII already.
    return text if text.isascii() else anyascii(text).lower()


def fold(text: str) -> str:
    """ASCII, lower case, punctuation removed, single spaces: the base form for comparing."""
    return " ".join(ascii_lower(text).translate(_FOLD_TABLE).split())
