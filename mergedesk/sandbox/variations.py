"""The ways one real person or company gets typed differently into a CRM: typos, phone
and website formats, e-mail spellings, nicknames, legal suffixes. Pure string functions
driven by a caller's random.Random; no global state."""

from __future__ import annotations

import random

from mergedesk.sandbox.pools import NICKNAMES, SUFFIX_ALTERNATIVES, PhonePlan

# Neighbouring keys on a QWERTY keyboard: substitution typos hit these far more often
# than an arbitrary letter, which is what makes them hard for exact matching.
_NEIGHBOURS = {
    "a": "qwsz",
    "b": "vghn",
    "c": "xdfv",
    "d": "serfcx",
    "e": "wsdr",
    "f": "drtgvc",
    "g": "ftyhbv",
    "h": "gyujnb",
    "i": "ujko",
    "j": "huikmn",
    "k": "jiolm",
    "l": "kop",
    "m": "njk",
    "n": "bhjm",
    "o": "iklp",
    "p": "ol",
    "q": "wa",
    "r": "edft",
    "s": "awedxz",
    "t": "rfgy",
    "u": "yhji",
    "v": "cfgb",
    "w": "qase",
    "x": "zsdc",
    "y": "tghu",
    "z": "asx",
}
TYPO_KINDS = ("transposition", "drop", "substitution", "duplication")
PHONE_STYLES = 6
WEBSITE_STYLES = 6
PLUS_TAGS = ("crm", "news", "work", "sales", "2021", "shop")


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip in `word` (never the first letter, which people rarely miss).
    Words shorter than 3 letters are returned with a duplicated last letter."""
    if len(word) < 3:
        return word + word[-1:]
    kind = TYPO_KINDS[int(rng.random() * 4)]
    i = 1 + int(rng.random() * (len(word) - 2))  # 1 .. len-2, so word[i+1] exists
    if kind == "transposition" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "substitution":
        near = _NEIGHBOURS.get(word[i].lower())
        if near:
            ch = near[int(rng.random() * len(near))]
            return word[:i] + (ch.upper() if word[i].isupper() else ch) + word[i + 1 :]
    return word[:i] + word[i] + word[i:]  # duplication, and the fallback of the others


def phone_text(plan: PhonePlan, area: str, subscriber: str, style: int) -> str:
    """The same number written the way people do, in one of PHONE_STYLES styles.

    NANP: '+1 415-555-0123', '(415) 555 0123', '415.555.0123', '+14155550123', ...
    Elsewhere: '+44 20 7946 0123', '020 7946 0123', '+442079460123', '0044 20 7946 0123', ...
    """
    cc = plan.calling_code
    if cc == "1":
        exch, line = subscriber[:3], subscriber[3:]
        if style == 0:
            return f"+1 {area}-{exch}-{line}"
        if style == 1:
            return f"({area}) {exch} {line}"
        if style == 2:
            return f"{area}.{exch}.{line}"
        if style == 3:
            return f"+1{area}{exch}{line}"
        if style == 4:
            return f"({area}) {exch}-{line}"
        return f"1-{area}-{exch}-{line}"
    trunk = plan.trunk
    if style == 2:
        return f"+{cc}{area}{subscriber}"
    if style == 5:
        return f"{trunk}{area}/{subscriber}" if trunk else f"{area}-{subscriber}"
    half = len(subscriber) // 2
    sub = f"{subscriber[:half]} {subscriber[half:]}"
    if style == 0:
        return f"+{cc} {area} {sub}"
    if style == 1:
        return f"{trunk}{area} {sub}"
    if style == 3:
        return f"00{cc} {area} {sub}"
    return f"+{cc} ({trunk}){area} {sub}" if trunk else f"+{cc}-{area}-{subscriber}"


def email_case(email: str, rng: random.Random) -> str:
    """'jose.garcia@gmail.com' → 'Jose.Garcia@Gmail.com' or all upper-case."""
    if rng.random() < 0.3:
        return email.upper()
    local, _, domain = email.partition("@")
    local = ".".join(part[:1].upper() + part[1:] for part in local.split("."))
    return f"{local}@{domain[:1].upper()}{domain[1:]}"


def email_plus_tag(email: str, rng: random.Random) -> str:
    local, _, domain = email.partition("@")
    return f"{local}+{PLUS_TAGS[int(rng.random() * len(PLUS_TAGS))]}@{domain}"


def gmail_dots(email: str, rng: random.Random) -> str:
    """Gmail ignores dots in the local part, so people write them or not; some use the
    old googlemail.com domain for the same mailbox."""
    local, _, domain = email.partition("@")
    if "." in local:
        local = local.replace(".", "")
    elif len(local) > 3:
        cut = 1 + int(rng.random() * (len(local) - 2))
        local = f"{local[:cut]}.{local[cut:]}"
    if rng.random() < 0.2:
        domain = "googlemail.com"
    return f"{local}@{domain}"


def nickname(first: str, rng: random.Random) -> str | None:
    options = NICKNAMES.get(first)
    return options[int(rng.random() * len(options))] if options else None


def company_name(base: str, suffix: str) -> str:
    if not suffix:
        return base
    return f"{base}{suffix}" if suffix.startswith(",") else f"{base} {suffix}"


def suffix_variant(suffix: str, rng: random.Random) -> str:
    """Another spelling of a legal suffix ('Inc.' → 'Incorporated'), or none at all."""
    options = SUFFIX_ALTERNATIVES.get(suffix, ())
    if not options or rng.random() < 0.2:
        return ""
    return options[int(rng.random() * len(options))]


def website_text(domain: str, style: int) -> str:
    return (
        f"https://www.{domain}",
        f"http://{domain}",
        f"www.{domain}",
        domain,
        f"https://{domain}/",
        f"https://www.{domain}/en/",
    )[style]


def has_accents(text: str) -> bool:
    return not text.isascii()
