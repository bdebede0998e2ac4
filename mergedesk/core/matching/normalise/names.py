"""Person-name normalisation: case, accents, titles and suffixes, initials, nicknames,
"Last, First" and particles, plus a Soundex code for blocking. No Qt, no I/O."""

from __future__ import annotations

import re

from mergedesk.core.matching.normalise.nicknames import canonical_given_name
from mergedesk.core.matching.normalise.text import by_distinct, fold, fold_many

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "madam",
        "herr",
        "frau",
        "mme",
        "mlle",
        "rev",
        "fr",
    ]
)
SUFFIXES = frozenset(
    ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "mba", "dds", "jun", "sen"]
)
# Lower-case family-name particles kept with the surname when a full name is split.
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "du",
        "la",
        "le",
        "st",
        "ter",
        "ten",
        "bin",
        "al",
    ]
)

# Soundex digits per letter; vowels and y are 0 (they separate equal codes), h and w are
# dropped (they do not).
_SOUNDEX = str.maketrans("abcdefgijklmnopqrstuvxyz", "012301202245501262301202", "hw")
_NON_LETTERS = re.compile(r"[^a-z]+")
_RUNS = re.compile(r"(\d)\1+")


def _strip_affixes(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def _given(folded: str) -> str:
    tokens = _strip_affixes(folded.split())
    return canonical_given_name(tokens[0]) if tokens else ""


def _family(folded: str) -> str:
    return "".join(_strip_affixes(folded.split()))


def given_name(text: str) -> str:
    """First given name, folded and mapped to its canonical form: "Dr. Bob" -> "robert".

    Middle names are dropped (CRMs store them inconsistently); an initial stays one letter.
    """
    return _given(fold(text))


def family_name(text: str) -> str:
    """Surname folded without spaces: "van der Berg" and "Vanderberg" -> "vanderberg"."""
    return _family(fold(text))


def given_names(texts: list[str]) -> list[str]:
    """given_name() of many texts, fast."""
    return by_distinct(lambda ts: list(map(_given, fold_many(ts))), texts)


def family_names(texts: list[str]) -> list[str]:
    """family_name() of many texts, fast."""
    return by_distinct(lambda ts: list(map(_family, fold_many(ts))), texts)


def split_full_name(text: str) -> tuple[str, str]:
    """(given, family) of a one-field name, each normalised as above.

    "Smith, John" is read surname-first; "Jan van der Berg" keeps the particles with the
    surname; a single word is taken as the given name (chat contacts often only have one).
    """
    if "," in text:
        family, _, given = text.partition(",")
        return given_name(given), family_name(family)
    tokens = _strip_affixes(fold(text).split())
    if len(tokens) < 2:
        return (canonical_given_name(tokens[0]) if tokens else ""), ""
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1] in PARTICLES:
        start -= 1
    return canonical_given_name(tokens[0]), "".join(tokens[start:])


# Every ASCII character but the letters and the NUL that joins names in soundex_many().
_ASCII_NON_LETTERS = str.maketrans(
    "", "", "".join(c for c in map(chr, range(1, 128)) if not "a" <= c <= "z")
)


def soundex_many(names: list[str]) -> list[str]:
    """soundex() of many names, the letter work done on one joined string at C speed
    (a regex substitution per name costs more than the rest of blocking)."""
    big = "\x00".join(names)
    if not big.isascii() or big.count("\x00") != len(names) - 1:
        return list(map(soundex, names))
    letters = big.translate(_ASCII_NON_LETTERS)
    codes = letters.translate(_SOUNDEX)
    # Runs of one digit become one, as _RUNS does; runs of 0 may stay (0s are dropped).
    for digit in "123456":
        while digit * 2 in codes:
            codes = codes.replace(digit * 2, digit)
    return [
        (word[0] + (code if word[0] in "hw" else code[1:]).replace("0", "") + "000")[:4]
        if word
        else ""
        for word, code in zip(letters.split("\x00"), codes.split("\x00"), strict=True)
    ]


def soundex(name: str) -> str:
    """American Soundex of a folded name ("robert" -> "r163"); "" for no letters."""
    letters = _NON_LETTERS.sub("", name)
    if not letters:
        return ""
    codes = _RUNS.sub(r"\1", letters.translate(_SOUNDEX))
    if letters[0] not in "hw":
        codes = codes[1:]  # the first letter's own code: it is written as the letter
    return (letters[0] + codes.replace("0", "") + "000")[:4]
