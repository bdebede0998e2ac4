"""E-mail normalisation and the free-mail rule."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mergedesk.core.matching.normalise.domains import is_free_mail, web_domain
from mergedesk.core.matching.normalise.emails import (
    _NOT_BARE,
    NO_EMAIL,
    company_domain,
    email_columns,
    normalise_email,
    normalise_emails,
    personal_local,
)


@pytest.mark.parametrize(
    ("raw", "address"),
    [
        ("John.Smith@Example.COM", "john.smith@example.com"),
        ("  john@example.com ", "john@example.com"),
        ("john+crm@example.com", "john@example.com"),
        ("John.Smith+news@GoogleMail.com", "johnsmith@gmail.com"),
        ("j.o.h.n@gmail.com", "john@gmail.com"),
        ("j.o.h.n@yahoo.com", "j.o.h.n@yahoo.com"),
        ("John Smith <John@Example.com>", "john@example.com"),
        ("mailto:john@example.com", "john@example.com"),
        ("a@x.com; b@y.com", "a@x.com"),
        ("+tag@example.com", "+tag@example.com"),
        ("not an email", ""),
        ("john@localhost", ""),
        ("@example.com", ""),
        ("", ""),
    ],
)
def test_normalise_email(raw: str, address: str) -> None:
    assert normalise_email(raw).address == address


@pytest.mark.parametrize(
    ("raw", "local", "domain"),
    [
        ("john.smith@acme.com", "john.smith", "acme.com"),
        ("info@acme.com", "", "acme.com"),
        ("js@acme.com", "", "acme.com"),
        ("john.smith@gmail.com", "johnsmith", ""),
        ("john.smith@yahoo.co.uk", "john.smith", ""),
        ("john.smith@hotmail.fr", "john.smith", ""),
    ],
)
def test_free_mail_never_names_a_company(raw: str, local: str, domain: str) -> None:
    email = normalise_email(raw)
    assert personal_local(email) == local
    assert company_domain(email) == domain


def test_free_mail_domains_are_recognised() -> None:
    assert is_free_mail("gmail.com") and is_free_mail("yahoo.de")
    assert not is_free_mail("acme.com")
    assert company_domain(NO_EMAIL) == ""


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.Acme.com/about", "acme.com"),
        ("acme.com", "acme.com"),
        ("http://acme.com:8080?x=1", "acme.com"),
        ("www2.acme.co.uk/", "acme.co.uk"),
        ("not a url", ""),
        ("", ""),
    ],
)
def test_web_domain(url: str, domain: str) -> None:
    assert web_domain(url) == domain


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.one_of(st.emails(), st.text(max_size=30)), max_size=20))
def test_batch_form_equals_the_single_one(texts: list[str]) -> None:
    assert normalise_emails(texts) == [normalise_email(t) for t in texts]


_ADDRESS_PARTS = st.sampled_from(["a.b", "ann+crm", "Info", "bo", "x", "", ".", "a b", "<a"])
_DOMAINS = st.sampled_from(["acme.com", "GoogleMail.com", "gmail.com", "x.", "nodot", ""])


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.one_of(st.emails(), st.text(max_size=30),
                          st.builds("{}@{}".format, _ADDRESS_PARTS, _DOMAINS)),
                max_size=20))  # fmt: skip
def test_email_columns_equal_the_single_value_functions(texts: list[str]) -> None:
    emails = [normalise_email(t) for t in texts]
    assert email_columns(texts) == (
        [e.address for e in emails], [personal_local(e) for e in emails],
        [company_domain(e) for e in emails],
    )  # fmt: skip


def test_email_columns_batch_path_handles_quirks_like_the_single_form() -> None:
    texts = ["Ann.Lee+x@GoogleMail.com", "info@acme.com", "bob@acme.com.", "", "no-at",
             "a@b", "Bob.Smith@Acme.COM", "@acme.com", "jo+@x.io", "+@x.io", ".@gmail.com",
             "a.b+c+d@googlemail.com", "x+y@.gmail.com"]  # fmt: skip
    emails = [normalise_email(t) for t in texts]
    assert email_columns(texts) == (
        [e.address for e in emails], [personal_local(e) for e in emails],
        [company_domain(e) for e in emails],
    )  # fmt: skip
    assert email_columns(texts)[0][:3] == ["annlee@gmail.com", "info@acme.com", "bob@acme.com"]


def test_the_batch_path_refuses_every_kind_of_space() -> None:
    spaces = "".join(chr(i) for i in range(0x110000) if chr(i).isspace())
    assert set(_NOT_BARE) >= set(spaces)
