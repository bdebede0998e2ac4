"""The "same" condition of bulk rules: whether every record of a group shares one
normalised value of a field (e-mail, phone, company ...), with the matching engine's
normalisers, run in batches over all the records a rule set may look at. No Qt, no I/O."""

from __future__ import annotations

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
    """Whether records share a normalised value. Equal raw values settle most groups
    without normalising anything; the others are normalised once per distinct text."""

    def __init__(self, fields: Mapping[str, FieldDef],
                 field_map: Mapping[str, str | list[str]] | None, entity: str,
                 sample: Iterable[Record] = (), region: str = "US"):
        self._fields = fields
        self._region = region
        self._map = dict(field_map) if field_map else infer_field_map(
            _known(fields, sample), entity)
        self._sources: dict[str, list[str]] = {}
        self._normalised: dict[str, dict[str, str]] = {}  # name -> text -> key
        self._batches: dict[str, Batch] = {}
        self._texts: dict[str, dict[str, set[str]]] = {}  # name -> record id -> texts

    def sources(self, name: str) -> list[str]:
        """The CRM fields a name stands for: a canonical name's mapped fields, else itself."""
        if name not in self._sources:
            mapped = (self._map.get(name) or []) if name in CANONICAL_FIELDS else [name]
            self._sources[name] = [mapped] if isinstance(mapped, str) else list(mapped)
        return self._sources[name]

    def same(self, names: Sequence[str], records: Sequence[Record]) -> bool:
        """Every record holds one common non-empty normalised value of each name."""
        for name in names:
            sources = self.sources(name)
            cache = self._texts.setdefault(name, {})
            texts = [cache.get(r.id) or cache.setdefault(r.id, _texts(r.fields, sources))
                     for r in records]  # several rules ask about the same records
            if not texts or not all(texts):
                return False
            shared = set.intersection(*texts) or set.intersection(
                *({t.lower() for t in found} for found in texts))
            if shared and self._keys(name, sources[0], {min(shared)}):
                continue  # the same text normalises the same; every normaliser lowers case
            if shared or not set.intersection(
                    *(self._keys(name, sources[0], found) for found in texts)):
                return False
        return True

    def _keys(self, name: str, source: str, texts: set[str]) -> set[str]:
        table = self._normalised.setdefault(name, {})
        missing = [t for t in texts if t not in table]
        if missing:
            batch = self._batches.get(name) or self._batches.setdefault(
                name, self._normaliser(name, source))
            table.update(zip(missing, batch(missing), strict=True))
        return {table[t] for t in texts} - {""}

    def _normaliser(self, name: str, source: str) -> Batch:
        definition = self._fields.get(source)
        kind = definition.type if definition is not None else FieldType.TEXT
        if name == "phone" or kind == FieldType.PHONE:
            return PhoneNormaliser(self._region).e164_many
        return _CANONICAL.get(name) or _CANONICAL.get(_BY_TYPE.get(kind, ""), fold_many)


def _texts(fields: Mapping[str, object], sources: list[str]) -> set[str]:
    """The non-empty texts a record holds in `sources`."""
    found = set()
    for source in sources:
        value = fields.get(source) if "." not in source else read_path(fields, source)
        text = value if type(value) is str else as_text(value)
        if text:
            found.add(text)
    return found


def _known(fields: Mapping[str, FieldDef], sample: Iterable[Record]) -> list[str]:
    """Field names to infer a canonical map from: the metadata's, then the records'."""
    names = dict.fromkeys(fields)
    for record in sample:
        names.update(dict.fromkeys(record.fields))
    return list(names)
