"""Lookup tables of 256 entries (65,536 for timestamps) drawn once per generator run
from the static pools, so that one random byte picks a value. No per-record work."""

from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from mergedesk.sandbox import variations as var
from mergedesk.sandbox.cultures import CULTURES
from mergedesk.sandbox.pools import (
    FIRM_NOUNS,
    FIRM_WORDS,
    INDUSTRIES,
    LABELS,
    LEAD_STATUSES,
    NOTES,
    TITLES,
    Culture,
    ascii_fold,
)

T = TypeVar("T")
SIZE = 256
_FIRST_DAY = date(2019, 1, 1)
_TABLES_SEED = 0x4D657267  # fixed: the tables must not depend on a run's seed


@dataclass(frozen=True)
class Location:
    city: str
    country: str
    area: str  # phone area code
    postcode: str
    lowest: int  # smallest subscriber number after `area`; 0 for the NANP's exchange+line


@dataclass(frozen=True)
class Company:
    name: str  # as displayed: base + legal suffix
    base: str
    suffix: str
    domain: str


@dataclass(frozen=True)
class Kit:
    """One culture's tables. `domains` holds None where a person uses their company's domain."""

    culture: Culture
    firsts: tuple[str, ...]
    lasts: tuple[str, ...]
    locations: tuple[Location, ...]
    companies: tuple[Company, ...]
    domains: tuple[str | None, ...]
    firm_heads: tuple[str, ...]  # first word of an account's name: a brand or a family name
    suffixes: tuple[str, ...]


def spread(items: Sequence[T], size: int = SIZE) -> tuple[T, ...]:
    """`items` repeated cyclically to `size` entries (near-uniform when len ≪ size)."""
    if not items or len(items) > size:
        raise ValueError(f"a pool of {len(items)} does not fit a table of {size}")
    return tuple(items[i % len(items)] for i in range(size))


@functools.cache  # pure, and its inputs are the finite pool names and firm bases
def local_part(name: str) -> str:
    """'O'Brien' → 'obrien', 'van den Berg' → 'vandenberg', 'Søren' → 'soren'."""
    return "".join(ch for ch in ascii_fold(name).lower() if ch.isalnum())


class Tables:
    """Everything a row needs, indexed by one byte (or two for `stamps`). The tables are
    the generator's vocabulary, the same for every seed: `shared()` builds them once per
    process (a quarter of a second), so small runs — every test's fake — stay cheap."""

    @staticmethod
    @functools.cache
    def shared() -> Tables:
        return Tables(random.Random(_TABLES_SEED))

    def __init__(self, rng: random.Random) -> None:
        kits = [_kit(c, rng) for c in CULTURES]
        self.kits = spread([kit for kit in kits for _ in range(kit.culture.weight)])
        self.fold = {n: local_part(n) for c in CULTURES for n in (*c.first_names, *c.last_names)}
        self.patterns = spread(range(6))  # e-mail local-part patterns, see rows.email
        self.styles = spread(range(var.PHONE_STYLES))
        self.website_styles = spread(range(var.WEBSITE_STYLES))
        self.titles = spread([t or None for t in TITLES])
        self.notes = spread([n or None for n in NOTES])
        self.statuses = spread(LEAD_STATUSES)
        self.industries = spread(INDUSTRIES)
        self.nouns = spread(FIRM_NOUNS)
        # Half the records carry no label, like most CRM data.
        singles = [(label,) for label in LABELS]
        pairs = [(a, b) for a in LABELS for b in LABELS if a < b]
        self.label_sets = spread([()] * 34 + singles * 2 + rng.sample(pairs, 14))
        days = [(_FIRST_DAY + timedelta(days=d)).isoformat() for d in range(2400)]
        times = [
            f"T{rng.randrange(7, 20):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z"
            for _ in range(600)
        ]
        self.stamps = tuple(
            days[(hi << 8 | lo) % len(days)] + times[t % len(times)]
            for hi, lo, t in zip(*(rng.randbytes(SIZE * SIZE) for _ in range(3)), strict=True)
        )


def _kit(c: Culture, rng: random.Random) -> Kit:
    locations = []
    for _ in range(SIZE):
        place = rng.choice(c.places)
        postcode = _fill(place.postcode, rng)
        area = rng.choice(place.areas)
        nanp = c.phone.calling_code == "1"
        lowest = 0 if nanp else 10 ** (c.phone.length - len(area) - 1)
        locations.append(Location(place.city, place.country, area, postcode, lowest))
    heads = [*FIRM_WORDS, *c.last_names]  # family firms: 'Müller Logistics' (non-ASCII)
    companies = []
    for _ in range(SIZE):
        base = f"{rng.choice(heads)} {rng.choice(FIRM_NOUNS)}"
        suffix = rng.choice(c.suffixes)
        companies.append(
            Company(var.company_name(base, suffix), base, suffix, f"{local_part(base)}.{c.tld}")
        )
    # 9 in 16 people use a free-mail address, the others their company's domain.
    domains = [*spread(c.mail_domains, 144), *[None] * (SIZE - 144)]
    return Kit(
        c,
        spread(c.first_names),
        spread(c.last_names),
        tuple(locations),
        tuple(companies),
        tuple(domains),
        spread(heads),
        spread(c.suffixes),
    )


def _fill(pattern: str, rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXY"
    return "".join(
        str(rng.randrange(10)) if ch == "#" else rng.choice(letters) if ch == "A" else ch
        for ch in pattern
    )
