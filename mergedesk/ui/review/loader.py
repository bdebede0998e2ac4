"""Fresh reads of one group's records for review, with the CRM's field metadata cached
per entity. Plain async code (no widgets): the window runs it through its TaskRunner."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from mergedesk.core.models import DuplicateGroup, FieldDef, Record
from mergedesk.providers.base import Provider


@dataclass(frozen=True)
class LoadedGroup:
    group: DuplicateGroup
    records: tuple[Record, ...]  # present ones, in group order
    missing: tuple[str, ...]  # ids the CRM no longer has
    fields: tuple[FieldDef, ...]


class GroupLoader:
    """Reads records as they are now (the scan's cache may be old: the reviewer must
    decide on, and the snapshot must hold, what the CRM holds)."""

    def __init__(self, provider: Provider, entity: str):
        self._provider = provider
        self._entity = entity
        self._fields: dict[str, tuple[FieldDef, ...]] = {}

    async def field_defs(self) -> tuple[FieldDef, ...]:
        if self._entity not in self._fields:
            defs = await self._provider.field_defs(self._entity)
            self._fields[self._entity] = tuple(defs)
        return self._fields[self._entity]

    async def load(self, group: DuplicateGroup) -> LoadedGroup:
        fields, *reads = await asyncio.gather(
            self.field_defs(),
            *(self._provider.get_record(self._entity, rid) for rid in group.records),
        )
        present = tuple(r for r in reads if r is not None)
        missing = tuple(rid for rid, r in zip(group.records, reads, strict=True) if r is None)
        return LoadedGroup(group=group, records=present, missing=missing, fields=fields)
