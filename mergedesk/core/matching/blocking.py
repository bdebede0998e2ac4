"""Blocking: records that share a key (normalised email, phone, name, sound-alike name,
company token ...) become candidate pairs; blocks too common to mean anything are skipped
with a note. Pair generation is numpy over sorted keys, near-linear. No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mergedesk.core.matching.features import HASHED_COLUMNS, Codebook, Features, encode
from mergedesk.core.matching.normalise import company_token, soundex_many
from mergedesk.core.matching.progress import Progress

_NOTED_BLOCKS = 3  # giant blocks named one by one in the notes, per key


@dataclass
class Candidates:
    """Distinct candidate pairs (lo < hi, row indices) and what blocking had to skip."""

    lo: np.ndarray
    hi: np.ndarray
    notes: list[str] = field(default_factory=list)
    skipped_records: int = 0


_PAIR_BASE = 1 << 24  # two ids below this combine into one int64 key


def _ids(values: list[str], table: dict[str, int]) -> np.ndarray:
    """A code per value from a shared table, "" -> -1; new values extend the table."""
    return encode(values, table, np.int64)


def _pair_codes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    # Smaller id first: swapped first and last names share a key.
    both = (a >= 0) & (b >= 0)
    return np.where(both, np.minimum(a, b) * _PAIR_BASE + np.maximum(a, b), -1)


def _name_codes(features: Features, codebook: Codebook) -> np.ndarray:
    # First and last names share one code table, so their codes already are name ids.
    return _pair_codes(features.codes["first"][0].astype(np.int64),
                       features.codes["last"][0].astype(np.int64))  # fmt: skip


def _by_code(features: Features, column: str, key: Callable[[str], str],
             table: dict[str, int]) -> np.ndarray:  # fmt: skip
    """A key code per row from a column coded with a table, the key computed once per
    distinct value ("" -> -1): names and companies repeat, so this is a numpy gather."""
    words = features.vocabulary((column,)).tolist()
    per_code = _ids([key(word) for word in words], table)
    return np.r_[per_code, -1][features.codes[column][0]]  # code -1 picks the trailing -1


def _sound_codes(features: Features, codebook: Codebook) -> np.ndarray:
    # First and last names share one vocabulary: its Soundex codes are computed once.
    words = features.vocabulary(("first",)).tolist()
    sounds = _ids(soundex_many(words), codebook.setdefault("key:name_sound", {}))
    per_code = np.r_[sounds, -1]  # code -1 picks the trailing -1
    a = per_code[features.codes["first"][0]]
    a[features.codes["initial"][0]] = -1  # an initial sounds like too many names
    return _pair_codes(a, per_code[features.codes["last"][0]])


def _company_codes(features: Features, codebook: Codebook) -> np.ndarray:
    table = codebook.setdefault("key:company", {})
    return _by_code(features, "company", lambda c: c.replace(" ", ""), table)


def _token_codes(features: Features, codebook: Codebook) -> np.ndarray:
    return _by_code(features, "company", company_token,
                    codebook.setdefault("key:company_token", {}))  # fmt: skip


def _address_codes(features: Features, codebook: Codebook) -> np.ndarray:
    # Only street addresses with a house number are specific enough to block on.
    streets = [a if any(c.isdigit() for c in a) else "" for a in features.text["address"][0]]
    return _ids(streets, codebook.setdefault("key:address", {}))


_DERIVED = {
    "name": _name_codes, "name_sound": _sound_codes, "company": _company_codes,
    "company_token": _token_codes, "address": _address_codes,
}  # fmt: skip
_PAIRED = frozenset({"name", "name_sound"})  # keys whose codes combine two ids
# Keys that are code columns already; key name -> code column.
_CODED = {"email": "email", "email_local": "local", "phone": "phone", "domain": "website"}
_TABLE_OF = {"name": "name"}  # derived keys coded with a column's own table


def key_codes(features: Features, key: str, codebook: Codebook) -> tuple[np.ndarray, ...]:
    """Integer codes of one blocking key per record (-1: no key), one array per column."""
    if key in _CODED:
        return features.codes[_CODED[key]]
    return (_DERIVED[key](features, codebook),)


def _text_of(table: dict[str, int], code: int) -> str:
    return next((value for value, c in table.items() if c == code), "?")


def _hashed_text(features: Features, key: str, code: int) -> str:
    """The text behind a hash-coded key: read from a row that has the code."""
    column = _CODED[key]
    for k, codes in enumerate(features.codes[column]):
        rows = np.flatnonzero(codes == code)
        if len(rows):
            text = str(features.text["email" if column == "local" else column][k][rows[0]])
            return text.rpartition("@")[0] if column == "local" else text
    return "?"


def key_label(key: str, code: int, codebook: Codebook, features: Features) -> str:
    """The text of one key code, for notes ("email:info@acme.com")."""
    if _CODED.get(key) in HASHED_COLUMNS:
        return f"{key}:{_hashed_text(features, key, code)}"
    table = codebook.get(_CODED.get(key, _TABLE_OF.get(key, f"key:{key}")), {})
    if key in _PAIRED:
        a, b = divmod(code, _PAIR_BASE)
        return f"{key}:{_text_of(table, a)} {_text_of(table, b)}"
    return f"{key}:{_text_of(table, code)}"


def _alphabetical(features: Features, column: str) -> np.ndarray:
    """Alphabetical rank of each row's value in a table-coded column (0 when missing)."""
    words = features.vocabulary((column,)).tolist()
    rank = np.empty(len(words) + 1, dtype=np.int64)
    rank[sorted(range(len(words)), key=words.__getitem__)] = np.arange(1, len(words) + 1)
    rank[-1] = 0  # code -1: no value, sorts first as "" did
    return rank[features.codes[column][0]]


def _name_order(features: Features) -> np.ndarray:
    """Alphabetical rank of (last, first) per row: inside a big name block, spellings that
    sort close ("smith john", "smith jon", "smyth john") become window neighbours."""
    first = _alphabetical(features, "first")
    return _alphabetical(features, "last") * (int(first.max(initial=0)) + 1) + first


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values; a sort is several times faster than np.unique's hashing."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def block_pairs(codes: tuple[np.ndarray, ...], max_size: int, window: int,
                order: np.ndarray | None = None) -> tuple[np.ndarray, ...]:  # fmt: skip
    """(lo, hi, giant codes, giant sizes) for rows sharing a code.

    Inside a block, rows sorted by `order` are paired with their next `window` neighbours:
    every pair in blocks of up to window + 1 rows, a linear number in bigger ones. Blocks
    over `max_size` rows are skipped; their codes and sizes are returned instead.
    """
    n = len(codes[0])
    rows = np.tile(np.arange(n, dtype=np.int64), len(codes))
    keys = np.concatenate(codes) if len(codes) > 1 else codes[0]
    present = keys >= 0
    rows, keys = rows[present], keys[present]
    sort = np.argsort(keys, kind="stable") if order is None else np.lexsort((order[rows], keys))
    rows, keys = rows[sort], keys[sort]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
    sizes = np.diff(np.r_[starts, len(keys)])
    giant = sizes > max_size
    giant_codes, giant_sizes = keys[starts[giant]], sizes[giant]
    kept = ~np.repeat(giant, sizes)
    rows, keys = rows[kept], keys[kept]
    lo, hi = [], []
    for distance in range(1, min(window, max_size) + 1):
        same = keys[:-distance] == keys[distance:]
        if not same.any():
            break  # no block has this many rows
        lo.append(rows[:-distance][same])
        hi.append(rows[distance:][same])
    a = np.concatenate(lo) if lo else np.empty(0, np.int64)
    b = np.concatenate(hi) if hi else np.empty(0, np.int64)
    distinct = a != b  # one record can hold the same phone in two of its phone fields
    a, b = a[distinct], b[distinct]
    return np.minimum(a, b), np.maximum(a, b), giant_codes, giant_sizes


def _skip_notes(key: str, codes: np.ndarray, sizes: np.ndarray, codebook: Codebook,
                limit: int, features: Features) -> list[str]:  # fmt: skip
    order = np.argsort(-sizes, kind="stable")
    notes = [
        f"block '{key_label(key, int(codes[i]), codebook, features)}' of {int(sizes[i]):,} records "
        f"skipped: too common (limit {limit:,})"
        for i in order[:_NOTED_BLOCKS]
    ]
    if len(order) > _NOTED_BLOCKS:
        rest = order[_NOTED_BLOCKS:]
        notes.append(f"{len(rest):,} more '{key}' blocks ({int(sizes[rest].sum()):,} records) "
                     "skipped: too common")  # fmt: skip
    return notes


_NAME_KEYS = frozenset({"name", "name_sound"})


def candidate_pairs(features: Features, keys: tuple[str, ...], max_block_size: int,
                    window: int, codebook: Codebook, progress: Progress | None = None
                    ) -> Candidates:  # fmt: skip
    """Distinct pairs of rows that share at least one blocking key (see block_pairs)."""
    n = features.n
    encoded, notes, skipped = [], [], 0
    name_order = _name_order(features) if _NAME_KEYS & set(keys) else None
    for done, key in enumerate(keys):
        if progress is not None:
            progress.at(done / len(keys))
        lo, hi, giant_codes, giant_sizes = block_pairs(
            key_codes(features, key, codebook), max_block_size, window,
            name_order if key in _NAME_KEYS else None,
        )  # fmt: skip
        encoded.append(lo * n + hi)
        notes += _skip_notes(key, giant_codes, giant_sizes, codebook, max_block_size, features)
        skipped += int(giant_sizes.sum())
    pairs = distinct(np.concatenate(encoded)) if encoded else np.empty(0, np.int64)
    return Candidates(pairs // max(n, 1), pairs % max(n, 1), notes, skipped)
