"""Web and e-mail domains: the domain of a URL and whether a domain is free-mail (a shared
provider that says nothing about the company). No Qt, no I/O."""

from __future__ import annotations

FREE_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "ymail.com",
        "rocketmail.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "web.de",
        "mail.com",
        "email.com",
        "protonmail.com",
        "proton.me",
        "pm.me",
        "zoho.com",
        "zohomail.com",
        "yandex.com",
        "yandex.ru",
        "mail.ru",
        "inbox.ru",
        "bk.ru",
        "list.ru",
        "qq.com",
        "163.com",
        "126.com",
        "sina.com",
        "t-online.de",
        "freenet.de",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "sfr.fr",
        "wanadoo.fr",
        "libero.it",
        "virgilio.it",
        "tiscali.it",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "comcast.net",
        "verizon.net",
        "att.net",
        "sbcglobal.net",
        "cox.net",
        "charter.net",
        "fastmail.com",
        "fastmail.fm",
        "hey.com",
        "tutanota.com",
        "tuta.io",
        "seznam.cz",
        "wp.pl",
        "o2.pl",
        "interia.pl",
        "onet.pl",
        "rediffmail.com",
        "naver.com",
        "daum.net",
        "hanmail.net",
        "bigpond.com",
        "shaw.ca",
        "rogers.com",
    ]
)
# Providers with a country-specific domain per market (yahoo.co.uk, hotmail.fr, ...).
_FREE_MAIL_PREFIXES = ("yahoo.", "hotmail.", "outlook.", "live.", "gmx.", "aol.", "yandex.")


def is_free_mail(domain: str) -> bool:
    """True for a lower-case domain of a public mailbox provider."""
    return domain in FREE_MAIL_DOMAINS or domain.startswith(_FREE_MAIL_PREFIXES)


def web_domain(url: str) -> str:
    """Registrable-looking host of a URL, lower case, without scheme, "www." or port.

    "https://www.Acme.com/about" -> "acme.com"; "" when there is no dotted host.
    """
    host = url.strip().lower()
    if "://" in host:
        host = host.split("://", 1)[1]
    host = host.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    if host.startswith("www.") or host.startswith("www2."):
        host = host.split(".", 1)[1]
    return host if "." in host and " " not in host else ""
