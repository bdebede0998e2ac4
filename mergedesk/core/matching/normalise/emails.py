"""E-mail normalisation: case, display names, plus-tags, Gmail dots, role mailboxes.
No Qt, no I/O."""

from __future__ import annotations

from typing import NamedTuple

from mergedesk.core.matching.normalise.domains import is_free_mail

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
    """ "John.Smith+crm@GoogleMail.com" -> Email("johnsmith@gmail.com", "johnsmith", "gmail.com")."""
    address = _bare_address(text)
    local, at, domain = address.rpartition("@")
    domain = domain.strip(".")
    if not at or not local or "." not in domain or " " in address:
        return NO_EMAIL
    local = local.split("+", 1)[0] or local  # plus-tags are aliases of the same mailbox
    if domain in _DOTLESS_DOMAINS:
        domain, local = "gmail.com", local.replace(".", "")
    return Email(f"{local}@{domain}", local, domain)


def personal_local(email: Email) -> str:
    """The local part when it plausibly names one person (not "info", not 1–3 letters)."""
    local = email.local
    return "" if len(local) < 4 or local in ROLE_LOCALS else local


def company_domain(email: Email) -> str:
    """The e-mail's domain when it can identify a company (never a free-mail provider)."""
    return "" if not email.domain or is_free_mail(email.domain) else email.domain
