"""Company-name normalisation: legal suffixes (Inc, GmbH, Ltd ...), punctuation, "&",
a leading "The". No Qt, no I/O."""

from __future__ import annotations

from mergedesk.core.matching.normalise.text import by_distinct, fold, fold_many

# Trailing tokens that only state the legal form. After folding, "S.A." is "sa" and
# "Co., Ltd." is "co ltd", so multi-part forms fall out by stripping repeatedly.
LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "cos",
        "llc",
        "llp",
        "lp",
        "ltd",
        "limited",
        "plc",
        "pllc",
        "gmbh",
        "mbh",
        "ag",
        "kg",
        "kgaa",
        "ohg",
        "ug",
        "eg",
        "ev",
        "gbr",
        "se",
        "sa",
        "sas",
        "sasu",
        "sarl",
        "srl",
        "spa",
        "sl",
        "slu",
        "bv",
        "nv",
        "vof",
        "oy",
        "oyj",
        "ab",
        "as",
        "asa",
        "aps",
        "pty",
        "pvt",
        "pte",
        "bhd",
        "sdn",
        "kk",
        "ltda",
        "cia",
        "sc",
        "sp",
        "zoo",
        "sro",
        "doo",
        "kft",
        "group",
        "holding",
        "holdings",
    ]
)
# Words so common at the start of a name that they say nothing for blocking.
GENERIC_FIRST_TOKENS = frozenset(
    ["the", "and", "of", "a", "an", "le", "la", "les", "der", "die", "das", "el", "il"]
)


def _ampersands(text: str) -> str:
    return text.replace("&", " and ").replace("+", " and ") if "&" in text or "+" in text else text


def _company(folded: str) -> str:
    tokens = folded.split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1] in LEGAL_SUFFIXES or tokens[-1] == "and"):
        tokens.pop()
    return " ".join(tokens)


def normalise_company(text: str) -> str:
    """ "The ACME Widgets, Inc." -> "acme widgets"; "Müller & Söhne GmbH & Co. KG" ->
    "muller and sohne". Never strips a name down to nothing."""
    return _company(fold(_ampersands(text)))


def normalise_companies(texts: list[str]) -> list[str]:
    """normalise_company() of many texts, fast."""
    return by_distinct(lambda ts: list(map(_company, fold_many(list(map(_ampersands, ts))))), texts)


def company_token(normalised: str) -> str:
    """First distinctive token of a normalised company name, for blocking ("" if none)."""
    for token in normalised.split():
        if token not in GENERIC_FIRST_TOKENS and len(token) > 1:
            return token
    return ""
