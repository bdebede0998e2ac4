"""E-mail normalisation: case, display names, plus-tags, Gmail dots, role mailboxes.
No Qt, no I/O."""

from __future__ import annotations

from typing import NamedTuple

from mergedesk.core.matching.normalise.domains import is_free_mail
from mergedesk.core.matching.normalise.text import by_distinct

# Gmail ignores dots in the local part; googlemail.com is the same mailbox.
_DOTLESS_DOMAINS = frozenset({"gmail.com", "googlemail.com"})
# Shared team mailboxes: the same address on two records says little about one person.
ROLE_LOCALS = frozenset(
    [
        "info",
        "sales",
        "admin",
        "administrator",
        "contact",
        "contacts",
        "support",
        "hello",
        "office",
        "mail",
        "team",
        "billing",
        "accounts",
        "accounting",
        "noreply",
        "no-reply",
        "enquiries",
        "enquiry",
        "inquiries",
        "inquiry",
        "marketing",
        "hr",
        "jobs",
        "careers",
        "webmaster",
        "help",
        "service",
        "services",
        "reception",
        "post",
        "kontakt",
    ]
)


class Email(NamedTuple):
    """A normalised address split into parts; all "" when the input is not an address."""

    address: str
    local: str
    domain: str


NO_EMAIL = Email("", "", "")


def _bare_address(text: str) -> str:
    text = text.strip().lower()
    if "<" in text and ">" in text:  # "John Smith <john@x.com>"
        text = text[text.index("<") + 1 : text.index(">")]
    text = text.replace(";", ",").split(",", 1)[0].strip()  # several addresses: take the first
    return text.removeprefix("mailto:").strip()


def normalise_email(text: str) -> Email:
    """Normalised parts of one address.

    "John.Smith+crm@GoogleMail.com" -> Email("johnsmith@gmail.com", "johnsmith", "gmail.com").
    """
    address = _bare_address(text)
    local, at, domain = address.rpartition("@")
    domain = domain.strip(".")
    if not at or not local or "." not in domain or " " in address:
        return NO_EMAIL
    local = local.split("+", 1)[0] or local  # plus-tags are aliases of the same mailbox
    if domain in _DOTLESS_DOMAINS:
        domain, local = "gmail.com", local.replace(".", "")
    return Email(f"{local}@{domain}", local, domain)


def _looks_plain(text: str) -> bool:
    return not (" " in text or "<" in text or "," in text or ";" in text or ":" in text)


def _fast(text: str) -> Email | None:
    """A lower-case plain address without plus-tag or Gmail quirks, else None."""
    local, at, domain = text.rpartition("@")
    if not (at and local and "." in domain) or "+" in local or domain in _DOTLESS_DOMAINS:
        return None
    if domain[0] == "." or domain[-1] == "." or not _looks_plain(text):
        return None
    if text[0].isspace() or text[-1].isspace():  # any Unicode space: leave it to strip()
        return None
    return Email(text, local, domain)


def normalise_emails(texts: list[str]) -> list[Email]:
    """normalise_email() of many texts; plain addresses take a fast path."""
    lowered = "\x00".join(texts).lower().split("\x00") if texts else []
    if len(lowered) != len(texts):  # a value held the separator: no fast path
        return [normalise_email(t) for t in texts]
    return [
        (_fast(text) or normalise_email(raw)) if text else NO_EMAIL
        for raw, text in zip(texts, lowered, strict=True)
    ]


# Characters a bare lower-case address never holds, whitespace included: every character
# for which str.isspace() is true (a test keeps this list complete).
_NOT_BARE = (" <,;:\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
             "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _bare_batch(texts: list[str]) -> list[str] | None:
    """The texts lower-cased when none holds a display name, a list or a space (the
    usual export), checked on one joined string at C speed; else None."""
    big = "\x00".join(texts)
    # lower() neither makes nor removes any of these characters: checked before it.
    if big.count("\x00") != len(texts) - 1 or any(map(big.__contains__, _NOT_BARE)):
        return None
    if not big.isascii():  # one accented address sends a joined lower() down the slow path
        return list(map(str.lower, texts))
    return big.lower().split("\x00") if texts else []


def _split_batch(texts: list[str], lowered: list[str]) -> tuple[list[str], ...]:
    """(address, local, domain) of bare lower-case texts: plain addresses are their own
    address, split by list comprehensions; the few others (plus-tags, Gmail, odd dots,
    no "@") go through normalise_email()."""
    parts = [text.rpartition("@") for text in lowered]
    locals_, domains = [p[0] for p in parts], [p[2] for p in parts]
    odd = [i for i, (local, _, domain) in enumerate(parts)
           if not local or "+" in local or "." not in domain or domain[0] == "."
           or domain[-1] == "." or domain in _DOTLESS_DOMAINS]  # fmt: skip
    addresses = list(lowered)
    for i in odd:
        local, domain = locals_[i], domains[i]
        if local and "." in domain and domain[0] != "." and domain[-1] != ".":
            # Only a plus-tag or Gmail: normalise_email()'s own steps, without its checks
            # (a bare lower-case address passes them all; a scan meets many Gmail users).
            local = local.split("+", 1)[0] or local
            if domain in _DOTLESS_DOMAINS:
                domain, local = "gmail.com", local.replace(".", "")
            addresses[i], locals_[i], domains[i] = f"{local}@{domain}", local, domain
        elif lowered[i]:
            addresses[i], locals_[i], domains[i] = normalise_email(texts[i])
    return addresses, locals_, domains


def email_columns(texts: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(address, personal_local, company_domain) of many texts."""
    lowered = _bare_batch(texts)
    if lowered is None:
        emails = normalise_emails(texts)
        addresses, locals_, domains = ([e[k] for e in emails] for k in range(3))
    else:
        addresses, locals_, domains = _split_batch(texts, lowered)
    personal = [x if len(x) > 3 and x not in ROLE_LOCALS else "" for x in locals_]
    companies = by_distinct(lambda ds: ["" if not d or is_free_mail(d) else d for d in ds],
                            domains)  # fmt: skip
    return addresses, personal, companies


def personal_local(email: Email) -> str:
    """The local part when it plausibly names one person (not "info", not 1–3 letters)."""
    local = email.local
    return "" if len(local) < 4 or local in ROLE_LOCALS else local


def company_domain(email: Email) -> str:
    """The e-mail's domain when it can identify a company (never a free-mail provider)."""
    return "" if not email.domain or is_free_mail(email.domain) else email.domain
