"""The "same" condition of bulk rules: whether every record of a group shares one
normalised value of a field (e-mail, phone, company ...), with the matching engine's
normalisers, run in batches over the records of the groups a rule set may take.
No Qt, no I/O."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence

from mergedesk.core.matching.fields import CANONICAL_FIELDS, infer_field_map, read_path
from mergedesk.core.matching.normalise import (
    PhoneNormaliser,
    as_text,
    cached_map,
    family_names,
    fold_many,
    given_names,
    normalise_cities,
    normalise_companies,
    normalise_countries,
    normalise_date,
    normalise_emails,
    normalise_postcodes,
    normalise_streets,
    web_domain,
)
from mergedesk.core.models import FieldDef, FieldType, Record

Batch = Callable[[list[str]], list[str]]


def _emails(texts: list[str]) -> list[str]:
    return [e.address for e in normalise_emails(texts)]


_CANONICAL: dict[str, Batch] = {
    "email": _emails,
    "first_name": given_names,
    "last_name": family_names,
    "company": normalise_companies,
    "website": lambda texts: cached_map(web_domain, texts),
    "city": normalise_cities,
    "postcode": normalise_postcodes,
    "country": normalise_countries,
    "address": normalise_streets,
    "birth_date": lambda texts: cached_map(normalise_date, texts),
}
_BY_TYPE = {FieldType.EMAIL: "email", FieldType.URL: "website"}


class SameKeys:
    """Whether records share a normalised value. Each name's keys are computed once, for
    all the records `records` holds, by the normalisers' batch functions (their fast
    paths work on whole columns); a group then costs a dictionary lookup per record."""

    def __init__(self, fields: Mapping[str, FieldDef],
                 field_map: Mapping[str, str | list[str]] | None, entity: str,
                 records: Mapping[str, Record], region: str = "US"):
        self._fields = fields
        self._region = region
        self._records = records
        sample = list(itertools.islice(records.values(), 100))
        self._map = dict(field_map) if field_map else infer_field_map(
            _known(fields, sample), entity)
        self._sources: dict[str, list[str]] = {}
        self._rows: tuple[list[str], list[Mapping[str, object]]] | None = None
        # name -> record id -> its key (one source) or keys (several: e-mail slots)
        self._columns: dict[str, dict[str, str | frozenset[str]]] = {}

    def sources(self, name: str) -> list[str]:
        """The CRM fields a name stands for: a canonical name's mapped fields, else itself."""
        if name not in self._sources:
            mapped = (self._map.get(name) or []) if name in CANONICAL_FIELDS else [name]
            self._sources[name] = [mapped] if isinstance(mapped, str) else list(mapped)
        return self._sources[name]

    def same(self, names: Sequence[str], records: Sequence[Record]) -> bool:
        """Every record holds one common non-empty normalised value of each name."""
        for name in names:
            column = self._columns.get(name)
            if column is None:
                column = self._columns[name] = self._column(name)
            shared = column.get(records[0].id)
            for record in records[1:]:
                if not shared:
                    return False
                other = column.get(record.id)
                if other != shared:  # one source: the keys are text, compared as such
                    if type(shared) is str or type(other) is not frozenset:
                        return False
                    shared = shared & other
            if not shared:
                return False
        return True

    def _column(self, name: str) -> dict[str, str | frozenset[str]]:
        sources = self.sources(name)
        if not sources:
            return {}
        normalise = self._normaliser(name, sources[0])
        if not self._rows:  # once per evaluation, whatever the names
            self._rows = (list(self._records), [r.fields for r in self._records.values()])
        ids, fields = self._rows
        columns = []
        for source in sources:
            values = [f.get(source) for f in fields] if "." not in source else \
                [read_path(f, source) for f in fields]
            columns.append(normalise([v if type(v) is str else as_text(v) for v in values]))
        if len(columns) == 1:  # one key per record: kept as text, no set per record
            return {rid: key for rid, key in zip(ids, columns[0], strict=True) if key}
        found = (frozenset(k for k in keys if k) for keys in zip(*columns, strict=True))
        return {rid: keys for rid, keys in zip(ids, found, strict=True) if keys}

    def _normaliser(self, name: str, source: str) -> Batch:
        definition = self._fields.get(source)
        kind = definition.type if definition is not None else FieldType.TEXT
        if name == "phone" or kind == FieldType.PHONE:
            return PhoneNormaliser(self._region).e164_many
        return _CANONICAL.get(name) or _CANONICAL.get(_BY_TYPE.get(kind, ""), fold_many)


def _known(fields: Mapping[str, FieldDef], sample: Iterable[Record]) -> list[str]:
    """Field names to infer a canonical map from: the metadata's, then the records'."""
    names = dict.fromkeys(fields)
    for record in sample:
        names.update(dict.fromkeys(record.fields))
    return list(names)
