"""Seeded test data with planted duplicates for the matching tests and benchmarks: realistic
typos, phone formats, e-mail variants, swapped names, missing fields, legal suffixes and
accents, with the truth kept. Plain Python, importable from tests/benchmarks."""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words("""
James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa
Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew
Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward Deborah
Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary
Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry Brenda Justin Pamela
Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine Gregory Christine Frank Debra
Alexander Rachel Raymond Catherine Patrick Carolyn Jack Janet Dennis Ruth Jerry Maria Tyler
Heather Aaron Diane Jose Virginia Adam Julie Henry Joyce Nathan Victoria Douglas Olivia
Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan Evelyn Jeremy Judith Harold
Megan Keith Cheryl Christian Andrea Roger Hannah Noah Martha Gerald Jacqueline Carl Frances
Terry Gloria Sean Ann Austin Teresa Arthur Kathryn Lawrence Sara Jesse Janice Dylan Jean
Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce Julia Albert Judy Willie Grace
Gabriel Denise Logan Amber Alan Marilyn Juan Beverly Wayne Danielle Roy Theresa Ralph Sophia
Randy Marie Eugene Diana Vincent Brittany Russell Natalie Elijah Isabella Louis Charlotte
Bobby Rose Philip Alexis Johnny Kayla José Zoë Jürgen François Łukasz Søren Chloé Björn Inès
Renée Sebastián Małgorzata Dvořák Ángel Günther Émilie
""")
LAST = [
    *_words("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson
White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
Dubois Lefèvre Moreau Girard Bonnet O'Brien O'Connor McDonald MacLeod Kowalski Nowak
Wiśniewski Novák Svoboda Dvořák Jensen Nielsen Hansen Pedersen Andersson Johansson
Karlsson Nilsson Rossi Russo Ferrari Esposito Bianchi Romano Colombo García Fernández
González Rodríguez Silva Santos Oliveira Pereira Costa Ivanov Smirnov Kuznetsov Popov
Sokolov Tanaka Suzuki Takahashi Watanabe Kim Park Choi Chen Wang Zhang Liu Yang Huang
Zhao Wu Zhou Singh Kumar Sharma Patel Gupta Khan Ali Ahmed Hassan Cohen Levi Friedman
"""),
    *["van der Berg", "de la Cruz", "Smith-Jones", "von Braun", "Da Silva", "St. John"],
]
_SYLLABLES = _words("""
ka lo ri ven dor sel mar tin bra wel ost han pet ro vic ler ber gan mo sti ard fel qui zan
tor lis nak ew ock bur ham ley son ford ridge wick ton dale
""")
CITIES = [("Springfield", "62701"), ("Portland", "97201"), ("Austin", "73301"),
          ("Denver", "80202"), ("Boston", "02108"), ("Seattle", "98101"), ("Chicago", "60601"),
          ("San José", "95113"), ("St. Louis", "63101"), ("Miami", "33101"),
          ("Atlanta", "30301"), ("Phoenix", "85001"), ("Dallas", "75201"),
          ("New York", "10001"), ("Madison", "53703"), ("Salem", "97301")]  # fmt: skip
STREETS = _words("""
Main Oak Pine Maple Cedar Elm Washington Lake Hill Park Sunset Lincoln River
""")
STREET_KINDS = [("Street", "St."), ("Avenue", "Ave"), ("Road", "Rd"), ("Drive", "Dr."),
                ("Boulevard", "Blvd"), ("Lane", "Ln")]  # fmt: skip
COMPANY_WORDS = _words("""
Acme Globex Initech Umbrella Hooli Vandelay Stark Wayne Wonka Cyberdyne Soylent Tyrell
Aperture Nakatomi Oscorp Gringotts Dunder Sterling Pied Piper Northwind Contoso Fabrikam
Tailspin Litware Adventure Blue River Silver Lake Red Rock Green Valley Summit Pinnacle Apex
Vertex Horizon Meridian Beacon Harbor Atlas Orion Nova Zenith
""")
INDUSTRY = _words("""
Logistics Software Foods Labs Consulting Partners Systems Solutions Media Analytics Energy
Health Capital Robotics Design Marketing Ventures Industries
""")
SUFFIXES = [("Inc", "Inc.", "Incorporated", ""), ("LLC", "L.L.C.", ""), ("Ltd", "Ltd.",
            "Limited", ""), ("GmbH", "GmbH", ""), ("Corp", "Corporation", "Corp.", ""),
            ("",)]  # fmt: skip
FREE_MAIL = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com"]
NICK = {"Robert": "Bob", "William": "Bill", "Richard": "Rick", "Elizabeth": "Liz",
        "Michael": "Mike", "James": "Jim", "Thomas": "Tom", "Joseph": "Joe",
        "Christopher": "Chris", "Katherine": "Kate", "Jennifer": "Jen", "Daniel": "Dan",
        "Matthew": "Matt", "Anthony": "Tony", "Steven": "Steve", "Samuel": "Sam"}  # fmt: skip


@dataclass
class SimpleRecord:
    """A light record (id + fields) for big benchmarks; the engine accepts any such object."""

    id: str
    fields: dict[str, Any]


@dataclass
class MadeData:
    """Records plus the truth: every set of record ids that are one real entity."""

    records: list[Any]
    clusters: list[list[str]] = field(default_factory=list)

    def truth_pairs(self) -> set[frozenset[str]]:
        return {frozenset(p) for c in self.clusters for p in combinations(c, 2)}


def pairwise_f1(groups: list[list[str]] | list[tuple[str, ...]], truth: set[frozenset[str]]
                ) -> dict[str, float]:  # fmt: skip
    """Pairwise precision, recall and F1 of predicted groups against true pairs."""
    predicted = {frozenset(p) for g in groups for p in combinations(g, 2)}
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "predicted_pairs": len(predicted), "true_pairs": len(truth)}  # fmt: skip


class _Typist:
    """Makes the mistakes people make when typing into a CRM."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def typo(self, text: str) -> str:
        if len(text) < 4:
            return text
        rng, i = self.rng, self.rng.randrange(1, len(text) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        if kind == 1:
            return text[:i] + text[i + 1 :]
        if kind == 2:
            return text[:i] + rng.choice(string.ascii_lowercase) + text[i:]
        return text[:i] + rng.choice(string.ascii_lowercase) + text[i + 1 :]

    def case(self, text: str) -> str:
        return self.rng.choice([text.upper(), text.lower(), text.title(), text])

    def deaccent(self, text: str) -> str:
        import unicodedata

        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def _phone_formats(area: str, mid: str, end: str) -> list[str]:
    return [f"({area}) {mid}-{end}", f"{area}-{mid}-{end}", f"+1 {area} {mid} {end}",
            f"{area}.{mid}.{end}", f"1{area}{mid}{end}", f"+1 ({area}) {mid}-{end}",
            f"{area}{mid}{end}", f"001 {area} {mid} {end}"]  # fmt: skip


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.typist = _Typist(self.rng)
        self.serial = 0
        # A long tail of towns, a few big cities: same-name strangers rarely share a town.
        towns = [("".join(self.rng.choice(_SYLLABLES) for _ in range(2)).title()
                  + self.rng.choice(["ville", "ton", "field", "burg", "port", " Springs", ""]),
                  f"{self.rng.randint(1000, 99999):05d}") for _ in range(3000)]  # fmt: skip
        self.cities = CITIES + towns
        self.city_weights = [1.0 / (rank + 20) for rank in range(len(self.cities))]

    def city(self) -> tuple[str, str]:
        return self.rng.choices(self.cities, self.city_weights)[0]

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p

    def surname(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return rng.choice(LAST)
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()

    def phone(self) -> tuple[str, str, str]:
        rng = self.rng
        return str(rng.randint(201, 989)), str(rng.randint(200, 999)), f"{rng.randint(0, 9999):04d}"

    def company(self) -> tuple[str, tuple[str, ...]]:
        rng = self.rng
        words = [rng.choice(COMPANY_WORDS)]
        if self.maybe(0.7):
            words.append(rng.choice(INDUSTRY))
        if self.maybe(0.3):
            words.insert(0, "".join(rng.choice(_SYLLABLES) for _ in range(2)).title())
        return " ".join(words), rng.choice(SUFFIXES)

    def next_id(self) -> str:
        self.serial += 1
        return f"r{self.serial}"


def _slug(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


class _People(_Maker):
    """Contacts: one person, then variants of that person as a careless user enters them."""

    def person(self) -> dict[str, Any]:
        rng = self.rng
        first, last = rng.choice(FIRST), self.surname()
        company, suffixes = self.company()
        f, s = _slug(self.typist.deaccent(first)), _slug(self.typist.deaccent(last))
        corporate = self.maybe(0.55)
        domain = f"{_slug(company)}.com" if corporate else rng.choice(FREE_MAIL)
        local = rng.choice(
            [f"{f}.{s}", f"{f[0]}{s}", f"{f}{s}", f"{f}_{s}", f"{f}.{s}{rng.randint(1, 99)}"]
        )
        if not corporate:
            local += str(rng.randint(1, 9999))  # free-mail names are taken: add digits
        city, postcode = self.city()
        kind = rng.choice(STREET_KINDS)
        return {"first": first, "last": last, "local": local, "domain": domain,
                "phone": self.phone(), "company": company, "suffixes": suffixes, "city": city,
                "postcode": postcode, "street": (rng.randint(1, 9999), rng.choice(STREETS), kind),
                "missing": {k for k, p in [("email", 0.1), ("phone", 0.2), ("company", 0.25),
                            ("city", 0.2), ("address", 0.5)] if self.maybe(p)}}  # fmt: skip

    def render(self, p: dict[str, Any], variant: bool) -> dict[str, Any]:
        first, last = p["first"], p["last"]
        email, phone = f"{p['local']}@{p['domain']}", p["phone"]
        missing = set(p["missing"])
        fields: dict[str, Any] = {}
        if variant:
            first, last = self._vary_name(first, last)
            email, phone, missing = self._vary_contact(email, phone, missing)
        if variant and self.maybe(0.08):
            fields["name"] = f"{first} {last}"
        else:
            fields.update(first_name=first, last_name=last)
        if "email" not in missing:
            fields["email"] = email
        if "phone" not in missing:
            fields["mobile" if variant and self.maybe(0.05) else "phone"] = self.rng.choice(
                _phone_formats(*phone)
            )
        self._place(fields, p, missing, variant)
        return fields

    def _vary_name(self, first: str, last: str) -> tuple[str, str]:
        t, maybe = self.typist, self.maybe
        if maybe(0.12) and first in NICK:
            first = NICK[first]
        elif maybe(0.05):
            first = first[0] + "."
        elif maybe(0.12):
            first = t.typo(first)
        if maybe(0.15):
            last = t.typo(last)
        if maybe(0.5):
            first, last = t.deaccent(first), t.deaccent(last)
        if maybe(0.1):
            first, last = t.case(first), t.case(last)
        return (last, first) if maybe(0.05) else (first, last)

    def _vary_contact(self, email: str, phone: tuple[str, str, str], missing: set[str]
                      ) -> tuple[str, tuple[str, str, str], set[str]]:  # fmt: skip
        """Email and phone of a twin: kept (maybe reformatted), lost, or changed. At least
        one of them is kept when the original had it, so the planted twin stays findable."""
        maybe, rng = self.maybe, self.rng
        local, _, domain = email.partition("@")
        email_fate = rng.choices(["keep", "lost", "changed"], [0.75, 0.15, 0.10])[0]
        phone_fate = rng.choices(["keep", "lost", "changed"], [0.75, 0.20, 0.05])[0]
        if email_fate != "keep" and phone_fate != "keep":
            if "email" not in missing:
                email_fate = "keep"
            else:
                phone_fate = "keep"
        missing = set(missing)
        if email_fate == "lost":
            missing.add("email")
        elif email_fate == "changed":
            email = f"{local}{rng.randint(1, 99)}@{rng.choice(FREE_MAIL)}"
        elif maybe(0.3):
            email = rng.choice([email.upper(), f"{local}+crm@{domain}", email.title(),
                                self.typist.typo(local) + "@" + domain])  # fmt: skip
        if phone_fate == "lost":
            missing.add("phone")
        elif phone_fate == "changed":
            phone = self.phone()
        return email, phone, missing

    def _place(self, fields: dict[str, Any], p: dict[str, Any], missing: set[str],
               variant: bool) -> None:  # fmt: skip
        maybe, rng = self.maybe, self.rng
        if "company" not in missing and not (variant and maybe(0.2)):
            suffix = rng.choice(p["suffixes"]) if variant else p["suffixes"][0]
            fields["company"] = f"{p['company']} {suffix}".strip()
        if "city" not in missing and not (variant and maybe(0.25)):
            fields["city"] = p["city"]
            fields["postcode"] = p["postcode"] + ("-" + str(rng.randint(1000, 9999))
                                                  if variant and maybe(0.1) else "")  # fmt: skip
        if "address" not in missing and not (variant and maybe(0.3)):
            number, street, (long, short) = p["street"]
            fields["address"] = f"{number} {street} {short if variant and maybe(0.5) else long}"


class _Companies(_Maker):
    """Accounts: one company, then variants of it as different users enter it."""

    def unique_domain(self, slug: str) -> str:
        """Two different companies of one name still have different websites."""
        seen = self.__dict__.setdefault("domains", set())
        domain = f"{slug}.com"
        while domain in seen:
            domain = f"{slug}{self.rng.randint(1, 9999)}.com"
        seen.add(domain)
        return domain

    def brand(self) -> str:
        if self.maybe(0.4):
            return self.rng.choice(COMPANY_WORDS)
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 3))).title()

    def account(self) -> dict[str, Any]:
        rng = self.rng
        name = self.brand() + (" " + rng.choice(INDUSTRY) if self.maybe(0.7) else "")
        city, postcode = self.city()
        return {"name": name, "suffixes": rng.choice(SUFFIXES),
                "domain": self.unique_domain(_slug(name)),
                "phone": self.phone(), "city": city, "postcode": postcode,
                "street": (rng.randint(1, 9999), rng.choice(STREETS), rng.choice(STREET_KINDS)),
                "missing": {k for k, p in [("website", 0.15), ("phone", 0.15), ("city", 0.1),
                            ("address", 0.3), ("email", 0.5)] if self.maybe(p)}}  # fmt: skip

    def render(self, a: dict[str, Any], variant: bool) -> dict[str, Any]:
        maybe, rng = self.maybe, self.rng
        missing = set(a["missing"])
        if variant:
            missing |= {k for k, p in [("website", 0.25), ("phone", 0.2), ("city", 0.15),
                        ("address", 0.3), ("email", 0.3)] if maybe(p)}  # fmt: skip
        fields: dict[str, Any] = {"name": self._name(a, variant)}
        if "website" not in missing:
            fields["website"] = rng.choice([a["domain"], f"https://www.{a['domain']}/",
                                            f"http://{a['domain']}", f"www.{a['domain']}"]
                                           ) if variant else f"https://{a['domain']}"  # fmt: skip
        if "phone" not in missing:
            fields["phone"] = rng.choice(_phone_formats(*a["phone"]))
        if "email" not in missing:
            fields["email"] = f"{rng.choice(['info', 'sales', 'hello'])}@{a['domain']}"
        if "city" not in missing:
            fields.update(
                city=a["city"],
                postcode=a["postcode"],
                country=rng.choice(["United States", "USA", "US", "U.S.A."]),
            )
        if "address" not in missing:
            number, street, (long, short) = a["street"]
            fields["address"] = f"{number} {street} {short if variant and maybe(0.5) else long}"
        return fields

    def _name(self, a: dict[str, Any], variant: bool) -> str:
        maybe, rng, name = self.maybe, self.rng, a["name"]
        if not variant:
            return f"{name} {a['suffixes'][0]}".strip()
        if maybe(0.1):
            name = self.typist.typo(name)
        if maybe(0.15):
            name = self.typist.case(name)
        name = f"{name}{rng.choice([' ', ', '])}{rng.choice(a['suffixes'])}".strip(" ,")
        return f"The {name}" if maybe(0.05) else name


def _make(maker: Any, entity_of: Callable[[], dict[str, Any]], count: int, dup_rate: float,
          record_type: Callable[[str, dict[str, Any]], Any]) -> MadeData:  # fmt: skip
    data = MadeData([])
    while len(data.records) < count:
        entity = entity_of()
        ids = [maker.next_id()]
        data.records.append(record_type(ids[0], maker.render(entity, False)))
        if maker.maybe(dup_rate):
            for _ in range(maker.rng.choices([1, 2, 3], [0.7, 0.2, 0.1])[0]):
                ids.append(maker.next_id())
                data.records.append(record_type(ids[-1], maker.render(entity, True)))
        if len(ids) > 1:
            data.clusters.append(ids)
    return data


def make(entity: str = "contacts", count: int = 1000, seed: int = 1, dup_rate: float = 0.2,
         record_type: Callable[[str, dict[str, Any]], Any] | None = None) -> MadeData:  # fmt: skip
    """About `count` records; `dup_rate` of the real entities get 1-3 planted twins.

    `record_type(id, fields)` builds each record (default: mergedesk Record).
    """
    if record_type is None:
        from mergedesk.core.models import Record

        def record_type(rid: str, fields: dict[str, Any]) -> Any:
            return Record(id=rid, entity=entity, fields=fields)

    if entity == "accounts":
        companies = _Companies(seed)
        return _make(companies, companies.account, count, dup_rate, record_type)
    people = _People(seed)
    return _make(people, people.person, count, dup_rate, record_type)


def shuffled(data: MadeData, seed: int = 0) -> Iterator[Any]:
    rng = random.Random(seed)
    records = list(data.records)
    rng.shuffle(records)
    return iter(records)
