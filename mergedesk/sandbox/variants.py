"""Builds one planted duplicate group: the first record as generated, the others
re-spelled with 1–3 variations each, recording which. Used by generator.py only."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from mergedesk.sandbox import variations as var
from mergedesk.sandbox.pools import LABELS, NICKNAMES, NOTES, TITLES, PhonePlan, ascii_fold

if TYPE_CHECKING:
    from mergedesk.sandbox.rows import Firm, Person, RowMaker
    from mergedesk.sandbox.tables import Tables

# (variation, weight) and the order variations are applied in: e-mail re-spellings stack
# (a plus-tag before a case change), the missing field goes last so nothing refills it.
PERSON_KINDS = (
    ("other_email", 6),
    ("gmail_dots", 5),
    ("email_plus_tag", 6),
    ("email_case", 8),
    ("nickname", 7),
    ("accent_stripped", 7),
    ("typo", 14),
    ("swapped_names", 5),
    ("phone_format", 14),
    ("company_suffix", 8),
    ("missing_field", 10),
)
ACCOUNT_KINDS = (
    ("accent_stripped", 6),
    ("typo", 14),
    ("company_suffix", 14),
    ("the_prefix", 4),
    ("name_case", 4),
    ("website_format", 12),
    ("phone_format", 12),
    ("missing_field", 10),
)
_HOW_MANY = (1,) * 9 + (2,) * 8 + (3,) * 3


class _Variants:
    kinds: tuple[tuple[str, int], ...] = ()

    def __init__(self, rng: random.Random, rows: RowMaker, tables: Tables) -> None:
        self.rng = rng
        self.rows = rows
        self.stamps = tables.stamps
        self.table = [name for name, weight in self.kinds for _ in range(weight)]
        self.order = {name: i for i, (name, _) in enumerate(self.kinds)}

    def pick(self, applicable: dict[str, bool]) -> tuple[str, ...]:
        """1–3 distinct applicable variations, weighted, in application order."""
        r = self.rng.random
        wanted = _HOW_MANY[int(r() * len(_HOW_MANY))]
        chosen: list[str] = []
        for _ in range(40):  # bounded: few variations may apply to a plain ASCII record
            kind = self.table[int(r() * len(self.table))]
            if kind not in chosen and applicable.get(kind, True):
                chosen.append(kind)
                if len(chosen) == wanted:
                    break
        return tuple(sorted(chosen, key=self.order.__getitem__))

    def other_phone(self, plan: PhonePlan, area: str, subscriber: str, current: str) -> str:
        """The same number in a style other than `current`."""
        texts = [var.phone_text(plan, area, subscriber, s) for s in range(var.PHONE_STYLES)]
        others = [t for t in texts if t != current]
        return others[int(self.rng.random() * len(others))]


class PersonVariants(_Variants):
    kinds = PERSON_KINDS

    def group(
        self, first: dict[str, Any], p: Person, size: int
    ) -> tuple[list[dict[str, Any]], list[tuple[str, ...]]]:
        r = self.rng.random
        members, kinds = [first], []
        applicable = {
            "gmail_dots": p.email.endswith("@gmail.com"),
            "accent_stripped": var.has_accents(p.first + p.last),
            "nickname": p.first in NICKNAMES,
            "company_suffix": first["company"] is not None and bool(p.company_suffix),
        }
        for _ in range(size - 1):
            record = dict(first)
            # Each copy was typed on its own day, with its own labels and notes.
            record["created_at"] = self.stamps[int(r() * len(self.stamps))]
            record["labels"] = [LABELS[int(r() * len(LABELS))]] if r() < 0.4 else []
            record["notes"] = NOTES[int(r() * len(NOTES))] or None
            if r() < 0.3:
                record["title"] = TITLES[int(r() * len(TITLES))] or None
            chosen = self.pick(applicable)
            for kind in chosen:
                self._apply(kind, record, p, first["phone"], chosen)
            members.append(record)
            kinds.append(chosen)
        return members, kinds

    def _apply(
        self, kind: str, rec: dict[str, Any], p: Person, phone: str, chosen: tuple[str, ...]
    ) -> None:
        rng, r = self.rng, self.rng.random
        if kind == "other_email":
            domains = [d for d in p.culture.mail_domains if not p.email.endswith("@" + d)]
            domain = domains[int(r() * len(domains))]
            rec["email"] = self.rows.email(
                p.first, p.last, domain, int(r() * 8), 10 + int(r() * 64)
            )
        elif kind in ("gmail_dots", "email_plus_tag", "email_case"):
            rec["email"] = self._respelled_email(kind, rec["email"])
        elif kind == "nickname":
            rec["first_name"] = var.nickname(p.first, rng) or rec["first_name"]
        elif kind == "accent_stripped":
            rec["first_name"] = ascii_fold(rec["first_name"])
            rec["last_name"] = ascii_fold(rec["last_name"])
        elif kind == "typo":
            name = "last_name" if r() < 0.55 else "first_name"
            rec[name] = var.typo(rec[name], rng)
        elif kind == "swapped_names":
            rec["first_name"], rec["last_name"] = rec["last_name"], rec["first_name"]
        elif kind == "phone_format":
            rec["phone"] = self.other_phone(p.culture.phone, p.area, p.subscriber, phone)
        elif kind == "company_suffix":
            rec["company"] = var.company_name(
                p.company_base, var.suffix_variant(p.company_suffix, rng)
            )
        elif kind == "missing_field":
            # Never drop the phone when the e-mail was replaced too: the copy must still be
            # linkable to the person by something stronger than the name.
            fields = [
                k
                for k in ("email", "company", "city", "title", "postcode", "phone")
                if rec[k] is not None and (k != "phone" or "other_email" not in chosen)
            ]
            rec[fields[int(r() * len(fields))]] = None  # city and postcode are always there

    def _respelled_email(self, kind: str, email: str) -> str:
        if kind == "gmail_dots":  # the same mailbox: RowMaker.email keys Gmail without dots
            return var.gmail_dots(email, self.rng)
        if kind == "email_plus_tag":
            return var.email_plus_tag(email, self.rng)
        return var.email_case(email, self.rng)


class AccountVariants(_Variants):
    kinds = ACCOUNT_KINDS

    def group(
        self, first: dict[str, Any], f: Firm, size: int
    ) -> tuple[list[dict[str, Any]], list[tuple[str, ...]]]:
        r = self.rng.random
        members, kinds = [first], []
        applicable = {"accent_stripped": var.has_accents(f.base), "company_suffix": bool(f.suffix)}
        for _ in range(size - 1):
            record = dict(first)
            record["created_at"] = self.stamps[int(r() * len(self.stamps))]
            chosen = self.pick(applicable)
            base, suffix = f.base, f.suffix
            for kind in chosen:
                base, suffix = self._apply(kind, record, f, first["phone"], base, suffix)
            members.append(record)
            kinds.append(chosen)
        return members, kinds

    def _apply(
        self, kind: str, rec: dict[str, Any], f: Firm, phone: str, base: str, suffix: str
    ) -> tuple[str, str]:
        rng, r = self.rng, self.rng.random
        if kind == "accent_stripped":
            base = ascii_fold(base)
        elif kind == "typo":
            words = base.split(" ")
            i = int(r() * len(words))
            words[i] = var.typo(words[i], rng)
            base = " ".join(words)
        elif kind == "company_suffix":
            suffix = var.suffix_variant(suffix, rng)
        elif kind == "the_prefix":
            rec["name"] = "The " + rec["name"]
            return base, suffix
        elif kind == "name_case":
            rec["name"] = rec["name"].upper()
            return base, suffix
        elif kind == "website_format":
            current = rec["website"]
            styles = [
                s for s in range(var.WEBSITE_STYLES) if var.website_text(f.domain, s) != current
            ]
            rec["website"] = var.website_text(f.domain, styles[int(r() * len(styles))])
        elif kind == "phone_format":
            rec["phone"] = self.other_phone(f.culture.phone, f.area, f.subscriber, phone)
        elif kind == "missing_field":
            fields = [
                k
                for k in ("website", "phone", "city", "postcode", "industry")
                if rec[k] is not None
            ]
            rec[fields[int(r() * len(fields))]] = None
        if kind in ("accent_stripped", "typo", "company_suffix"):
            rec["name"] = var.company_name(base, suffix)
        return base, suffix
