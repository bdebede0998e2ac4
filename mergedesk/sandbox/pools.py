"""Static pools the data generator draws from, besides the cultures (cultures.py): the
culture records themselves, legal-suffix spellings, nicknames, firm words, titles, notes,
labels, and the ASCII fold. Data only, no randomness."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class PhonePlan:
    """How one country writes its numbers: calling code, trunk prefix, national length."""

    calling_code: str
    trunk: str  # "0" where a national number is dialled with a leading 0, else ""
    length: int  # digits in the national significant number (area + subscriber)


@dataclass(frozen=True)
class Place:
    city: str
    country: str
    iso2: str
    areas: tuple[str, ...]
    postcode: str  # pattern: '#' a digit, 'A' an upper-case letter, anything else literal


@dataclass(frozen=True)
class Culture:
    key: str
    weight: int
    phone: PhonePlan
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    places: tuple[Place, ...]
    mail_domains: tuple[str, ...]
    tld: str
    suffixes: tuple[str, ...]


def split_names(text: str) -> tuple[str, ...]:
    """Names split on whitespace, or on commas when some contain a space ('de Jong')."""
    parts = text.split(",") if "," in text else text.split()
    return tuple(part.strip() for part in parts)


NANP = PhonePlan("1", "", 10)  # the North American Numbering Plan: +1 and no trunk prefix

# Every spelling a legal suffix is seen in; a duplicate swaps to another member of its row.
SUFFIX_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("Inc.", "Inc", "Incorporated", ", Inc."),
    ("LLC", "L.L.C.", "LLC."),
    ("Corp.", "Corp", "Corporation"),
    ("Co.", "Co", "Company"),
    ("Ltd", "Ltd.", "Limited"),
    ("Ltd.", "Ltd", "Limited"),
    ("PLC", "plc", "Public Limited Company"),
    ("LLP", "L.L.P."),
    ("GmbH", "G.m.b.H.", "Gmbh", "GMBH"),
    ("AG", "Aktiengesellschaft"),
    ("GmbH & Co. KG", "GmbH & Co KG", "GmbH u. Co. KG"),
    ("UG", "UG (haftungsbeschränkt)"),
    ("SARL", "S.A.R.L.", "Sarl"),
    ("SAS", "S.A.S."),
    ("S.A.", "SA", "S A"),
    ("S.L.", "SL", "S.L.U."),
    ("S.A. de C.V.", "SA de CV", "S.A. de C.V"),
    ("S. de R.L.", "S de RL"),
    ("Ltda.", "Ltda", "Limitada"),
    ("Sp. z o.o.", "sp. z o.o.", "Spółka z o.o."),
    ("ApS", "Aps"),
    ("A/S", "AS"),
    ("AB", "Aktiebolag"),
    ("HB", "Handelsbolag"),
    ("S.r.l.", "Srl", "S.R.L."),
    ("S.p.A.", "SpA", "S.P.A."),
    ("B.V.", "BV", "B.V"),
    ("N.V.", "NV"),
    ("Pvt Ltd", "Pvt. Ltd.", "Private Limited"),
    ("K.K.", "KK", "Kabushiki Kaisha"),
    ("Co., Ltd.", "Co. Ltd", "Company Limited"),
    ("Pty Ltd", "Pty. Ltd.", "Proprietary Limited"),
    ("DAC", "D.A.C."),
    ("Teoranta", "Teo."),
)
SUFFIX_ALTERNATIVES: dict[str, tuple[str, ...]] = {row[0]: row[1:] for row in SUFFIX_VARIANTS}

# Formal name → the short forms people type into a CRM themselves.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Robert": ("Bob", "Rob", "Bobby"),
    "William": ("Bill", "Will", "Billy"),
    "Richard": ("Rick", "Rich", "Dick"),
    "Elizabeth": ("Liz", "Beth", "Lizzie"),
    "Katherine": ("Kate", "Katie", "Kathy"),
    "Michael": ("Mike", "Mick"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "Jennifer": ("Jen", "Jenny"),
    "Margaret": ("Maggie", "Peggy", "Meg"),
    "Thomas": ("Tom", "Tommy"),
    "Christopher": ("Chris",),
    "Daniel": ("Dan", "Danny"),
    "Alexander": ("Alex", "Sasha"),
    "Andrew": ("Andy", "Drew"),
    "Anthony": ("Tony",),
    "Joseph": ("Joe", "Joey"),
    "Edward": ("Ed", "Ted", "Eddie"),
    "Patricia": ("Pat", "Trish"),
    "Susan": ("Sue", "Suzy"),
    "Stephen": ("Steve",),
    "Nicholas": ("Nick",),
    "Matthew": ("Matt",),
    "Benjamin": ("Ben",),
    "Samuel": ("Sam",),
    "Samantha": ("Sam", "Sammy"),
    "Jessica": ("Jess",),
    "Joshua": ("Josh",),
    "Charlotte": ("Lottie", "Charlie"),
    "Francisco": ("Paco", "Pancho"),
    "José": ("Pepe",),
    "Antonio": ("Toño", "Toni"),
    "Guadalupe": ("Lupe",),
    "Alejandro": ("Álex",),
    "Aleksander": ("Olek",),
    "Małgorzata": ("Gosia",),
    "Katarzyna": ("Kasia",),
    "Krzysztof": ("Krzyś",),
    "Johannes": ("Hans", "Jo"),
    "Wolfgang": ("Wolf",),
    "Katharina": ("Kathi", "Katja"),
    "Giuseppe": ("Beppe", "Peppe"),
    "Francesca": ("Franci",),
    "Alessandro": ("Ale", "Sandro"),
    "Frederik": ("Frede",),
    "Nikolaj": ("Niko",),
    "Lachlan": ("Lachie",),
    "Pádraig": ("Paddy",),
    "Seán": ("Shane",),
}

FIRM_WORDS = split_names(
    "Acme Northwind Globex Initech Umbrella Stark Wayne Tyrell Cyberdyne Soylent Hooli "
    "Vandelay Wonka Gringotts Nordlicht Sonnenberg Bergwerk Solaris Aurora Atlas Zenith "
    "Helix Quantum Vertex Pinnacle Summit Harbor Meridian Orion Polaris Sirius Nimbus "
    "Cascade Redwood Evergreen Bluebird Falcon Lynx Kestrel Osprey Cobalt Indigo Saffron "
    "Marigold Juniper Alder Birch Cedar Maple Willow Oakridge Riverside Lakeside Hillcrest "
    "Brightway Clearwater Silverline Goldfield Ironbridge Stonegate Fairview Westbrook"
)
FIRM_NOUNS = split_names(
    "Systems Logistics Labs Foods Partners Analytics Consulting Software Robotics Energy "
    "Textiles Media Capital Holdings Ventures Dynamics Networks Solutions Industries "
    "Pharma Motors Design Studios Health Insurance Construction Retail Travel Security"
)
INDUSTRIES = (
    "Software",
    "Manufacturing",
    "Retail",
    "Healthcare",
    "Financial Services",
    "Logistics",
    "Education",
    "Hospitality",
    "Construction",
    "Energy",
    "Media",
    "Telecommunications",
    "Agriculture",
    "Legal",
    "Non-profit",
    "Real Estate",
    "Automotive",
    "Pharmaceuticals",
)
TITLES = (
    "Head of Sales",
    "CTO",
    "CEO",
    "Office Manager",
    "Account Executive",
    "Procurement Lead",
    "Marketing Director",
    "Software Engineer",
    "Founder",
    "Operations Manager",
    "CFO",
    "Customer Success Manager",
    "IT Administrator",
    "HR Business Partner",
    "Product Manager",
    "",
    "",
    "",
)
NOTES = (
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "Met at Web Summit 2023.",
    "Prefers email over phone.",
    "Requested a demo.",
    "Renewal due in Q3.",
    "Referred by a partner.",
    "Asked for an invoice in EUR.",
    "Call after 3 pm local time.",
    "Uses the mobile app daily.",
)
LABELS = ("vip", "customer", "lead", "newsletter", "partner", "churn-risk", "beta", "support")
LEAD_STATUSES = ("New", "Contacted", "Qualified", "Unqualified", "Nurturing", "Lost")

# Letters a plain ASCII fold cannot derive from Unicode decomposition.
_FOLD_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ı": "i",
    }
)


def ascii_fold(text: str) -> str:
    """'Łukasz Søren José' → 'Lukasz Soren Jose'; used for e-mail local parts and the
    'accent stripped' duplicate variation."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
