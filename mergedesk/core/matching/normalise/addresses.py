"""Postal address parts: street with standard abbreviations, postcodes, cities and
country names/codes. No Qt, no I/O."""

from __future__ import annotations

import re

from mergedesk.core.matching.normalise.text import by_distinct, fold, fold_many

STREET_ABBREVIATIONS = {
    "street": "st", "str": "st", "strasse": "st", "avenue": "ave", "av": "ave",
    "road": "rd", "boulevard": "blvd", "drive": "dr", "lane": "ln", "court": "ct",
    "place": "pl", "square": "sq", "suite": "ste", "apartment": "apt", "highway": "hwy",
    "parkway": "pkwy", "terrace": "ter", "north": "n", "south": "s", "east": "e",
    "west": "w", "floor": "fl", "building": "bldg", "number": "no",
}  # fmt: skip
# German compounds: "Hauptstraße" folds to "hauptstrasse"; split the suffix off.
# The literal comes first so that the regex engine can search for it.
_STRASSE = re.compile(r"str(?<=[a-z]str)(?:asse)?\b")
_ZIP_PLUS_FOUR = re.compile(r"^(\d{5})\d{4}$")
COUNTRY_CODES = {
    "united states": "us", "united states of america": "us", "usa": "us", "america": "us",
    "united kingdom": "gb", "uk": "gb", "great britain": "gb", "england": "gb",
    "scotland": "gb", "wales": "gb", "britain": "gb", "germany": "de", "deutschland": "de",
    "france": "fr", "spain": "es", "espana": "es", "italy": "it", "italia": "it",
    "netherlands": "nl", "the netherlands": "nl", "holland": "nl", "nederland": "nl",
    "canada": "ca", "australia": "au", "austria": "at", "osterreich": "at",
    "switzerland": "ch", "schweiz": "ch", "suisse": "ch", "belgium": "be", "ireland": "ie",
    "poland": "pl", "polska": "pl", "sweden": "se", "norway": "no", "denmark": "dk",
    "finland": "fi", "portugal": "pt", "brazil": "br", "brasil": "br", "mexico": "mx",
    "india": "in", "japan": "jp", "china": "cn", "new zealand": "nz", "south africa": "za",
}  # fmt: skip


def _streets(folded: list[str]) -> list[str]:
    # Whole-word replacements on all streets joined: the words (folded text has single
    # spaces) go through the abbreviation map by dict.get at C speed, one pass.
    big = _STRASSE.sub(r" \g<0>", " \x00 ".join(folded))
    words = big.split(" ")
    big = " ".join(map(STREET_ABBREVIATIONS.get, words, words))
    return [street.strip() for street in big.split("\x00")] if folded else []


def normalise_street(text: str) -> str:
    """Street with standard abbreviations: "123 North Main Street" -> "123 n main st"."""
    return _streets([fold(text)])[0]


def normalise_streets(texts: list[str]) -> list[str]:
    """normalise_street() of many texts, fast."""
    return _streets(fold_many(texts))


def normalise_postcode(text: str) -> str:
    """Upper case without spaces or dashes; a US ZIP+4 keeps its five-digit ZIP."""
    code = "".join(c for c in text.upper() if c.isalnum())
    plus_four = _ZIP_PLUS_FOUR.match(code)
    return plus_four.group(1) if plus_four else code


def _city(folded: str) -> str:
    return " ".join("saint" if t in ("st", "ste") else t for t in folded.split())


def normalise_city(text: str) -> str:
    """Folded city name; "St." and "Saint" read the same."""
    return _city(fold(text))


def normalise_cities(texts: list[str]) -> list[str]:
    """normalise_city() of many texts, fast."""
    return by_distinct(lambda ts: list(map(_city, fold_many(ts))), texts)


def normalise_country(text: str) -> str:
    """ISO 3166 alpha-2 code in lower case for known names and codes, else the folded text."""
    folded = fold(text)
    if len(folded) == 2 and folded.isalpha():
        return folded
    return COUNTRY_CODES.get(folded, folded)


def normalise_postcodes(texts: list[str]) -> list[str]:
    """normalise_postcode() of many texts, once per distinct text."""
    return by_distinct(lambda distinct: list(map(normalise_postcode, distinct)), texts)


def normalise_countries(texts: list[str]) -> list[str]:
    """normalise_country() of many texts, once per distinct text."""
    return by_distinct(lambda distinct: list(map(normalise_country, distinct)), texts)
