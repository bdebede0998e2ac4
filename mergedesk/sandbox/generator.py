"""Seeded generator of realistic CRM records with planted duplicate groups and their
ground truth, for the sandboxes and the matching benchmarks. Pure Python, no I/O.

Deterministic per seed: every draw of a run comes from one random.Random(seed), the
lookup tables (tables.py) from a fixed seed, and no set or dict is ever iterated to make
a choice (string hashes change between processes)."""

from __future__ import annotations

import gc
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from mergedesk.core.models import ENTITIES
from mergedesk.sandbox.rows import Firm, Person, RowMaker
from mergedesk.sandbox.tables import Tables
from mergedesk.sandbox.variants import AccountVariants, PersonVariants

# Share of group sizes 2..5: most real duplicates come in pairs.
_GROUP_SIZES = (2,) * 12 + (3,) * 5 + (4,) * 2 + (5,)


@dataclass(frozen=True)
class GeneratedData:
    """Records plus the truth: `truth` lists the indices of each planted duplicate group,
    `variations` says how each non-first member of a group was altered."""

    entity: str
    seed: int
    records: list[dict[str, Any]]
    truth: list[frozenset[int]]
    variations: dict[int, tuple[str, ...]] = field(default_factory=dict)


def generate(entity: str, count: int, seed: int, dup_rate: float = 0.15) -> GeneratedData:
    """`count` records of `entity` ('contacts', 'accounts' or 'leads'), round(count ×
    dup_rate) of them in planted groups of 2–5, in random order. Raises ValueError on an
    unknown entity or bad numbers."""
    if entity not in ENTITIES:
        raise ValueError(f"unknown entity {entity!r}; expected one of {', '.join(ENTITIES)}")
    if count < 0 or not 0.0 <= dup_rate < 1.0:
        raise ValueError("count must be >= 0 and dup_rate in [0, 1)")
    with _collector_paused():
        return _Run(entity, seed, dup_rate).build(count)


@contextmanager
def _collector_paused() -> Iterator[None]:
    # A million new dicts trigger hundreds of collections over an ever larger heap; the
    # records hold no reference cycles, so pausing the collector is safe and saves a third.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Run:
    def __init__(self, entity: str, seed: int, dup_rate: float) -> None:
        self.entity = entity
        self.seed = seed
        self.dup_rate = dup_rate
        self.rng = random.Random(seed)
        self.tables = Tables.shared()
        self.rows = RowMaker(self.rng, self.tables, seed)
        self.person_variants = PersonVariants(self.rng, self.rows, self.tables)
        self.account_variants = AccountVariants(self.rng, self.rows, self.tables)

    def build(self, count: int) -> GeneratedData:
        sizes = self.group_sizes(count)
        in_groups = sum(sizes)
        singles = self.singles(count - in_groups)
        groups = self.groups(sizes)
        # Group members go to random distinct slots (sample returns them in random order),
        # singles fill the rest in order: they are independent draws already, so this
        # scatters duplicates like a full shuffle at a fifth of its cost.
        slots = self.rng.sample(range(count), in_groups)
        placed: list[dict[str, Any] | None] = [None] * count
        truth: list[frozenset[int]] = []
        variations: dict[int, tuple[str, ...]] = {}
        taken = 0
        for members, kinds in groups:
            where = slots[taken : taken + len(members)]
            taken += len(members)
            for slot, record in zip(where, members, strict=True):
                placed[slot] = record
            truth.append(frozenset(where))
            variations.update(zip(where[1:], kinds, strict=True))
        rest = iter(singles)
        records = [record if record is not None else next(rest) for record in placed]
        return GeneratedData(self.entity, self.seed, records, truth, variations)

    def group_sizes(self, count: int) -> list[int]:
        """Sizes of the planted groups, together holding round(count·dup_rate) records."""
        target, sizes, total = round(count * self.dup_rate), [], 0
        while target - total >= 2:
            left = target - total
            size = min(_GROUP_SIZES[int(self.rng.random() * len(_GROUP_SIZES))], left)
            if left - size == 1:  # a lone record cannot form a group: resize this one
                size = size + 1 if size < 5 else size - 1
            sizes.append(size)
            total += size
        return sizes

    def singles(self, n: int) -> list[dict[str, Any]]:
        if self.entity == "accounts":
            return self.rows.accounts(n)
        return self.rows.contacts(n, leads=self.entity == "leads")

    def groups(self, sizes: list[int]) -> list[tuple[list[dict[str, Any]], list[tuple[str, ...]]]]:
        """Each group's records, first the original, and the variations of the others."""
        if self.entity == "accounts":
            firms: list[Firm] = []
            firsts = self.rows.accounts(len(sizes), firms)
            return [
                self.account_variants.group(row, firm, size)
                for row, firm, size in zip(firsts, firms, sizes, strict=True)
            ]
        people: list[Person] = []
        firsts = self.rows.contacts(len(sizes), leads=self.entity == "leads", people=people)
        return [
            self.person_variants.group(row, person, size)
            for row, person, size in zip(firsts, people, sizes, strict=True)
        ]
