"""Records to columns of normalised values: the engine's hot loop. Each record's fields
are read in one pass; repeating columns are normalised once per distinct value and mapped
back with numpy; nearly-unique columns (e-mails, phones) are coded by hash. No Qt, no I/O."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, count
from typing import Any, Protocol

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

_TABLES = {"first": "name", "last": "name"}  # first and last names share codes: swaps
Codebook = dict[str, dict[str, int]]  # code column -> value -> code, shared across rescans
Columns = tuple[np.ndarray, ...]  # one array per source field (several for email/phone)
# Text kept per record; codes for exact comparison, blocking, and (through the code
# tables) fuzzy comparison once per distinct pair of values.
TEXT_COLUMNS = ("email", "phone", "address")
CODE_COLUMNS = (
    "first", "last", "company", "city", "email", "local", "phone", "postcode", "country",
    "website", "birth_date", "first_char", "initial",
)  # fmt: skip
# Code columns coded by hash (see hash_codes), not by a codebook table.
HASHED_COLUMNS = frozenset({"email", "local", "phone"})


class RecordLike(Protocol):
    """What the engine reads from a record: `mergedesk.core.models.Record` fits."""

    @property
    def id(self) -> str: ...

    @property
    def fields(self) -> Mapping[str, Any]: ...


@dataclass
class Features:
    """Normalised values of n records, column-wise; "" or -1 mean missing. Repeating
    columns (names, company, city ...) are codes only: their text is in `tables`."""

    ids: list[str]
    text: dict[str, Columns] = field(default_factory=dict)
    codes: dict[str, Columns] = field(default_factory=dict)
    tables: Codebook = field(default_factory=dict, repr=False)  # the scan's codebook
    _vocabularies: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _filled: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def filled(self, column: str) -> np.ndarray:
        """Rows with a value in a text column's first field: comparing strings is slow, so
        this is computed once and then gathered per pair as booleans."""
        if column not in self._filled:
            self._filled[column] = self.text[column][0] != ""
        return self._filled[column]

    def vocabulary(self, columns: tuple[str, ...]) -> np.ndarray:
        """Text by code for columns coded with one table: vocabulary[code] is the value
        (index -1 gives "")."""
        table = _TABLES.get(columns[0], columns[0])
        if table not in self._vocabularies:
            self._vocabularies[table] = words(self.tables.get(table, {}))
        return self._vocabularies[table]

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
            self.tables,
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

        ids = list(chain.from_iterable(part.ids for part in parts))
        return Features(ids, join([p.text for p in parts]), join([p.codes for p in parts]),
                        parts[0].tables)  # fmt: skip


def _objects(values: Sequence[str]) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def encode(values: Sequence[str], table: dict[str, int], dtype: type = np.int32) -> np.ndarray:
    """Integer code per value ("" -> -1); new distinct values extend `table` in order of
    first appearance. Set and dict operations only, no Python loop per value."""
    table.setdefault("", -1)
    new = dict.fromkeys(values)
    deque(map(new.pop, table.keys() & new.keys()), maxlen=0)  # C-speed pops; order kept
    table.update(zip(new, count(len(table))))
    return np.fromiter(map(table.__getitem__, values), dtype, len(values))


_HASH_MASK = np.int64(2**63 - 1)


def hash_codes(values: Sequence[str]) -> np.ndarray:
    """A code per value for columns only ever compared for equality ("" -> -1): its
    string hash, made non-negative. Nearly every e-mail and phone number is distinct, so a
    code table would cost a dict insert and a lookup per record and hold a million keys;
    the hash is computed once per string. Codes are stable within one process (one scan
    and its rescans); two distinct values share one with odds of about n² / 2⁶⁴."""
    codes = np.fromiter(map(hash, values), np.int64, len(values)) & _HASH_MASK
    codes[codes == 0] = -1  # hash("") is 0
    return codes


def words(table: dict[str, int]) -> np.ndarray:
    """The values of a code table by code; index -1 (no value) gives ""."""
    by_code = np.full(len(table) + 1, "", dtype=object)  # codes are below len(table)
    by_code[np.fromiter(table.values(), np.int64, len(table))] = _objects(list(table))
    return by_code


def per_code(codes: np.ndarray, table: dict[str, int]) -> tuple[list[str], np.ndarray]:
    """(the distinct values among `codes`, index of each row's value in them): what is
    derived from a coded column is computed once per distinct value."""
    distinct, inverse = np.unique(codes, return_inverse=True)
    return words(table)[distinct].tolist(), inverse


@dataclass
class _Repeating:
    """Codes of a column whose values repeat (names, companies, cities, postcodes): each
    distinct raw value is normalised and coded once per scan, not once per record."""

    table: dict[str, int]  # normalised value -> code
    memo: dict[str, int]  # raw value -> code, kept across batches and rescans

    def codes(self, raw: Sequence[str], batch: Callable[[list[str]], list[str]]) -> np.ndarray:
        """Code per raw value; `batch` (a list normaliser) sees only values not seen yet."""
        # One pass: each row gets the position where its value first appears.
        first: dict[str, int] = {}
        rows = np.fromiter(map(first.setdefault, raw, range(len(raw))), np.int64, len(raw))
        memo = self.memo
        new = [value for value in first if value not in memo]
        if new:
            memo.update(zip(new, encode(batch(new), self.table).tolist(), strict=True))
        by_position = np.empty(len(raw), np.int32)
        by_position[np.fromiter(first.values(), np.int64, len(first))] = np.fromiter(
            map(memo.__getitem__, first), np.int32, len(first))  # fmt: skip
        return by_position[rows]


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


def _texts(values: list[Any]) -> list[str]:
    """Values as text; the usual all-str column passes untouched. str.join checks every
    item's type at C speed and raises on the first that is not text."""
    try:
        "".join(values)
    except TypeError:
        return [v if type(v) is str else as_text(v) for v in values]
    return values


def _read(fields: list[Mapping[str, Any]], paths: list[str]) -> dict[str, list[str]]:
    """Raw text per source path. Plain names are read in one pass over the records (each
    record's dict is touched once, not once per field); dotted paths walk nested dicts."""
    plain = [p for p in paths if "." not in p]
    columns: dict[str, list[Any]] = {p: [] for p in plain}
    if plain and fields:
        blanks, width = [""] * len(plain), len(plain)
        # One flat list, record after record, cut into columns by strided slices: a third
        # less than a tuple per record transposed by zip(*rows) (a million iterators).
        values = [value for f in fields for value in map(f.get, plain, blanks)]
        columns = {path: values[k::width] for k, path in enumerate(plain)}
    for path in paths:
        if "." in path:
            columns[path] = [read_path(f, path) for f in fields]
    return {path: _texts(values) for path, values in columns.items()}


def _sources(field_map: FieldMap, canonical: str) -> list[str]:
    paths = field_map.get(canonical) or []
    return [paths] if isinstance(paths, str) else list(paths)


class _Extractor:
    """Reads and normalises one batch of records with a given field map."""

    def __init__(self, records: Sequence[RecordLike], field_map: FieldMap, codebook: Codebook,
                 region: str, day_first: bool) -> None:  # fmt: skip
        self.n, self.codebook = len(records), codebook
        self.field_map = field_map
        paths = list(dict.fromkeys(p for c in field_map for p in _sources(field_map, c)))
        self.raw = _read([r.fields for r in records], paths)
        self.phones = PhoneNormaliser(region)
        self.normalisers = {region.upper(): self.phones}
        self.day_first = day_first

    def texts(self, canonical: str) -> list[list[str]]:
        """Raw text per source path of one canonical field; [] when it is not mapped."""
        return [self.raw[p] for p in _sources(self.field_map, canonical)]

    def single(self, canonical: str) -> list[str]:
        columns = self.texts(canonical)
        return columns[0] if columns else [""] * self.n

    def repeating(self, canonical: str, column: str,
                  batch: Callable[[list[str]], list[str]]) -> np.ndarray:  # fmt: skip
        """Codes of a repeating column (see _Repeating)."""
        table = self.codebook.setdefault(_TABLES.get(column, column), {})
        memo = self.codebook.setdefault(f"raw:{column}", {})
        return _Repeating(table, memo).codes(self.single(canonical), batch)

    def names(self) -> tuple[np.ndarray, np.ndarray]:
        first = self.repeating("first_name", "first", given_names)
        last = self.repeating("last_name", "last", family_names)
        full = self.single("name") if "name" in self.field_map else []
        if any(full):  # the one-field name counts where first and last name are both empty
            table = self.codebook["name"]
            for i in np.flatnonzero((first < 0) & (last < 0)).tolist():
                if full[i]:
                    first[i], last[i] = encode(split_full_name(full[i]), table)
        return first, last

    def emails(self) -> tuple[list[list[str]], list[list[str]], list[str]]:
        columns = [email_columns(col) for col in _left_packed(self.texts("email"))]
        addresses = [address for address, _, _ in columns]
        locals_ = [local for _, local, _ in columns]
        return addresses, locals_, columns[0][2] if columns else []

    def phones_e164(self, countries: np.ndarray) -> list[list[str]]:
        """E.164 phones; numbers without a country code read in the record's country
        when it is known, else in the default region (`countries`: country codes)."""
        columns = self.texts("phone")
        regions = self._regions(countries) if columns and countries.max(initial=-1) >= 0 else None
        if regions is None:
            return _left_packed([self.phones.e164_many(col) for col in columns])
        return _left_packed([self._e164_by_region(col, regions) for col in columns])

    def _regions(self, countries: np.ndarray) -> list[str] | None:
        default = self.phones.region
        values, rows = per_code(countries, self.codebook["country"])
        regions = [c.upper() if PhoneNormaliser.knows(c) else default for c in values]
        return None if set(regions) == {default} else _objects(regions)[rows].tolist()

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

    def dates(self, texts: list[str]) -> list[str]:
        return [normalise_date(t, day_first=self.day_first) for t in texts]


def with_initials(features: Features) -> Features:
    """`features` with the given name's first letter ("first_char") and whether it is an
    initial, derived once per distinct name: chunked extraction adds them once at the end
    (per chunk, the whole name vocabulary was rebuilt each time)."""
    distinct, rows = np.unique(features.codes["first"][0], return_inverse=True)
    given = features.vocabulary(("first",))[distinct].tolist()
    first_char = features.tables.setdefault("first_char", {})
    features.codes["first_char"] = (encode([g[:1] for g in given], first_char)[rows],)
    # A one-letter given name is an initial: "J" may be "John" but not "Mary".
    features.codes["initial"] = (np.array([len(g) == 1 for g in given], dtype=np.bool_)[rows],)
    return features


def extract(records: Sequence[RecordLike], field_map: FieldMap, codebook: Codebook, *,
            region: str = "US", day_first: bool = False, ids: list[str] | None = None,
            initials: bool = True) -> Features:  # fmt: skip
    """Normalised columns of `records`; `codebook` is extended with new values. `ids`, when
    given, are the records' ids (a million records are slow to touch twice); without
    `initials`, the caller adds them (with_initials)."""
    ex = _Extractor(records, field_map, codebook, region, day_first)
    n = ex.n
    first, last = ex.names()
    emails, locals_, email_domains = ex.emails()
    countries = ex.repeating("country", "country", normalise_countries)
    phones = ex.phones_e164(countries)
    emails, locals_, phones = emails or [[""] * n], locals_ or [[""] * n], phones or [[""] * n]
    # Repeating text is coded too: similarities are then computed once per distinct pair
    # of values, not once per pair of records.
    repeating = {"first": first, "last": last,
                 "company": ex.repeating("company", "company", normalise_companies),
                 "city": ex.repeating("city", "city", normalise_cities)}  # fmt: skip
    text: dict[str, Columns] = {
        "email": tuple(map(_objects, emails)), "phone": tuple(map(_objects, phones)),
        "address": (_objects(normalise_streets(ex.single("address"))),),
    }  # fmt: skip
    codes: dict[str, Columns] = {
        "email": tuple(map(hash_codes, emails)), "local": tuple(map(hash_codes, locals_)),
        "phone": tuple(map(hash_codes, phones)),
        "postcode": (ex.repeating("postcode", "postcode", normalise_postcodes),),
        "country": (countries,),
        "website": (encode(ex.website(email_domains), codebook.setdefault("website", {})),),
        "birth_date": (ex.repeating("birth_date", "birth_date", ex.dates),),
    }  # fmt: skip
    codes |= {k: (v,) for k, v in repeating.items()}
    features = Features([r.id for r in records] if ids is None else ids, text, codes, codebook)
    return with_initials(features) if initials else features
