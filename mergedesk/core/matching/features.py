"""Records to columns of normalised values: the engine's hot loop, kept to list
comprehensions over plain strings with per-value caches. No Qt, no I/O."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import count
from operator import methodcaller
from typing import Any, Protocol, TypeVar

import numpy as np

from mergedesk.core.matching.fields import FieldMap, read_path
from mergedesk.core.matching.normalise import (
    PhoneNormaliser,
    as_text,
    cached_map,
    email_columns,
    family_names,
    given_names,
    normalise_cities,
    normalise_companies,
    normalise_countries,
    normalise_date,
    normalise_postcodes,
    normalise_streets,
    split_full_name,
    web_domain,
)

T = TypeVar("T")
_TABLES = {"first": "name", "last": "name"}  # first and last names share codes: swaps
Codebook = dict[str, dict[str, int]]  # code column -> value -> code, shared across rescans
Columns = tuple[np.ndarray, ...]  # one array per source field (several for email/phone)
# Text kept as strings for fuzzy comparison; codes for exact comparison and blocking.
TEXT_COLUMNS = ("first", "last", "email", "phone", "company", "city", "address")
CODE_COLUMNS = (
    "email", "local", "phone", "postcode", "country", "website", "birth_date",
    "first_char", "initial",
)  # fmt: skip


class RecordLike(Protocol):
    """What the engine reads from a record: `mergedesk.core.models.Record` fits."""

    @property
    def id(self) -> str: ...

    @property
    def fields(self) -> Mapping[str, Any]: ...


@dataclass
class Features:
    """Normalised values of n records, column-wise; "" or -1 mean missing."""

    ids: list[str]
    text: dict[str, Columns] = field(default_factory=dict)
    codes: dict[str, Columns] = field(default_factory=dict)
    _vocabularies: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, repr=False)

    def vocabulary(self, columns: tuple[str, ...]) -> np.ndarray:
        """Text by code for columns coded with one table: vocabulary[code] is the value."""
        if columns not in self._vocabularies:
            size = max((int(self.codes[c][0].max(initial=-1)) for c in columns), default=-1) + 1
            words = np.full(size, "", dtype=object)
            for column in columns:
                codes = self.codes[column][0]
                present = codes >= 0
                words[codes[present]] = self.text[column][0][present]
            self._vocabularies[columns] = words
        return self._vocabularies[columns]

    @property
    def n(self) -> int:
        return len(self.ids)

    def take(self, rows: np.ndarray) -> Features:
        """The features of some rows, in that order."""
        pick = [self.ids[i] for i in rows.tolist()]
        return Features(
            pick,
            {k: tuple(c[rows] for c in cols) for k, cols in self.text.items()},
            {k: tuple(c[rows] for c in cols) for k, cols in self.codes.items()},
        )

    def extend(self, other: Features) -> Features:
        """These rows followed by `other`'s; both must share one codebook."""
        return Features.concat([self, other])

    @staticmethod
    def concat(parts: list[Features]) -> Features:
        """The rows of all parts in order (one copy of each column, not one per part)."""

        def join(columns: list[dict[str, Columns]]) -> dict[str, Columns]:
            return {k: tuple(np.concatenate(same) for same in zip(*(c[k] for c in columns),
                                                                   strict=True))
                    for k in columns[0]}  # fmt: skip

        ids = [rid for part in parts for rid in part.ids]
        return Features(ids, join([p.text for p in parts]), join([p.codes for p in parts]))


def _objects(values: list[str]) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def encode(values: list[str], table: dict[str, int], dtype: type = np.int32) -> np.ndarray:
    """Integer code per value ("" -> -1); new distinct values extend `table` in order of
    first appearance. Set and dict operations only, no Python loop per value: e-mails
    and phones are nearly all distinct, a loop would run once per record."""
    table.setdefault("", -1)
    new = dict.fromkeys(values)
    deque(map(new.pop, table.keys() & new.keys()), maxlen=0)  # C-speed pops; order kept
    table.update(zip(new, count(len(table))))
    return np.fromiter(map(table.__getitem__, values), dtype, len(values))


def _codes(values: list[str], table: dict[str, int]) -> np.ndarray:
    """Integer code per value ("" -> -1); new distinct values extend `table`."""
    if not any(values):  # an unmapped field: nothing to look up
        table.setdefault("", -1)
        return np.full(len(values), -1, dtype=np.int32)
    return encode(values, table)


def _left_packed(columns: list[list[str]]) -> list[list[str]]:
    """Per record, non-blank values moved to the first columns ("" is blank). Pairwise
    passes keep this at list speed; the column count stays the same for every batch."""
    columns = list(columns)
    for _ in range(len(columns) - 1):
        for k in range(len(columns) - 1):
            a, b = columns[k], columns[k + 1]
            columns[k] = [x or y for x, y in zip(a, b, strict=True)]
            columns[k + 1] = [y if x and y != x else "" for x, y in zip(a, b, strict=True)]
    return columns


class _Extractor:
    """Reads and normalises one batch of records with a given field map."""

    def __init__(self, records: Sequence[RecordLike], field_map: FieldMap, region: str,
                 day_first: bool) -> None:  # fmt: skip
        self.fields = [r.fields for r in records]
        self.field_map = field_map
        self.phones = PhoneNormaliser(region)
        self.normalisers = {region.upper(): self.phones}
        self.day_first = day_first

    def texts(self, canonical: str) -> list[list[str]]:
        """Raw text per source path of one canonical field; [] when it is not mapped."""
        paths = self.field_map.get(canonical) or []
        return [self._column(p) for p in ([paths] if isinstance(paths, str) else paths)]

    def single(self, canonical: str) -> list[str]:
        columns = self.texts(canonical)
        return columns[0] if columns else [""] * len(self.fields)

    def _column(self, path: str) -> list[str]:
        if "." in path:
            values = [read_path(f, path) for f in self.fields]
        else:
            values = list(map(methodcaller("get", path, ""), self.fields))
        if set(map(type, values)) <= {str}:  # the usual case, checked at C speed
            return values
        return [v if type(v) is str else as_text(v) for v in values]

    def names(self) -> tuple[list[str], list[str]]:
        first = given_names(self.single("first_name"))
        last = family_names(self.single("last_name"))
        full = self.single("name") if "name" in self.field_map else []
        if any(full):  # the one-field name counts where first and last name are both empty
            for i in [i for i, text in enumerate(full) if text and not (first[i] or last[i])]:
                first[i], last[i] = split_full_name(full[i])
        return first, last

    def emails(self) -> tuple[list[list[str]], list[list[str]], list[str]]:
        columns = [email_columns(col) for col in _left_packed(self.texts("email"))]
        addresses = [address for address, _, _ in columns]
        locals_ = [local for _, local, _ in columns]
        return addresses, locals_, columns[0][2] if columns else []

    def phones_e164(self, countries: list[str]) -> list[list[str]]:
        """E.164 phones; numbers without a country code read in the record's country
        when it is known, else in the default region."""
        columns = self.texts("phone")
        regions = self._regions(countries) if any(countries) and columns else None
        if regions is None:
            return _left_packed([self.phones.e164_many(col) for col in columns])
        return _left_packed([self._e164_by_region(col, regions) for col in columns])

    def _regions(self, countries: list[str]) -> list[str] | None:
        known = {c: c.upper() if PhoneNormaliser.knows(c) else self.phones.region
                 for c in dict.fromkeys(countries)}  # fmt: skip
        if all(region == self.phones.region for region in known.values()):
            return None
        return list(map(known.__getitem__, countries))

    def _e164_by_region(self, texts: list[str], regions: list[str]) -> list[str]:
        rows_of: dict[str, list[int]] = {}
        for i, (text, region) in enumerate(zip(texts, regions, strict=True)):
            if text:
                rows_of.setdefault(region, []).append(i)
        out = [""] * len(texts)
        for region, rows in rows_of.items():
            normaliser = self.normalisers.setdefault(region, PhoneNormaliser(region))
            for i, e164 in zip(rows, normaliser.e164_many([texts[i] for i in rows]), strict=True):
                out[i] = e164
        return out

    def website(self, email_domains: list[str]) -> list[str]:
        sites = cached_map(web_domain, self.single("website"))
        if not email_domains:
            return sites
        return [s or d for s, d in zip(sites, email_domains, strict=True)]

    def dates(self) -> list[str]:
        return cached_map(lambda t: normalise_date(t, day_first=self.day_first),
                       self.single("birth_date"))  # fmt: skip


def extract(records: Sequence[RecordLike], field_map: FieldMap, codebook: Codebook, *,
            region: str = "US", day_first: bool = False) -> Features:  # fmt: skip
    """Normalised columns of `records`; `codebook` is extended with new values."""
    ex = _Extractor(records, field_map, region, day_first)
    n = len(records)
    first, last = ex.names()
    emails, locals_, email_domains = ex.emails()
    countries = normalise_countries(ex.single("country"))
    phones = ex.phones_e164(countries)
    company = normalise_companies(ex.single("company"))
    text: dict[str, list[list[str]]] = {
        "first": [first], "last": [last], "email": emails or [[""] * n],
        "phone": phones or [[""] * n], "company": [company],
        "city": [normalise_cities(ex.single("city"))],
        "address": [normalise_streets(ex.single("address"))],
    }  # fmt: skip
    coded: dict[str, list[list[str]]] = {
        "email": text["email"], "local": locals_ or [[""] * n], "phone": text["phone"],
        "postcode": [normalise_postcodes(ex.single("postcode"))],
        "country": [countries],
        "website": [ex.website(email_domains)], "birth_date": [ex.dates()],
        "first_char": [[f[:1] for f in first]],
        # Repeating text also gets codes: similarities are then computed once per distinct
        # pair of values, not once per pair of records.
        "first": [first], "last": [last], "company": [company], "city": text["city"],
    }  # fmt: skip
    codes = {k: tuple(_codes(c, codebook.setdefault(_TABLES.get(k, k), {})) for c in cols)
             for k, cols in coded.items()}  # fmt: skip
    # A one-letter given name is an initial: "J" may be "John" but not "Mary".
    codes["initial"] = (np.fromiter((len(f) == 1 for f in first), np.bool_, n),)
    return Features(
        [r.id for r in records], {k: tuple(map(_objects, cols)) for k, cols in text.items()}, codes
    )
