"""The duplicate-data generator: determinism, planted groups and their variations."""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from mergedesk.sandbox.chatwoot.seed import e164
from mergedesk.sandbox.generator import generate
from mergedesk.sandbox.pools import NICKNAMES, SUFFIX_ALTERNATIVES, ascii_fold
from mergedesk.sandbox.variants import ACCOUNT_KINDS, PERSON_KINDS

CONTACT_KEYS = {
    "first_name",
    "last_name",
    "email",
    "phone",
    "company",
    "city",
    "country",
    "postcode",
    "title",
    "created_at",
    "notes",
    "labels",
}
ACCOUNT_KEYS = {"name", "website", "phone", "city", "country", "postcode", "industry", "created_at"}


@pytest.fixture(scope="module")
def contacts():
    return generate("contacts", 6000, seed=42)


def _email_key(email: str) -> str:
    """What a mailbox really is: lower case, no plus-tag, no dots for Gmail."""
    local, _, domain = email.lower().partition("@")
    local = local.split("+")[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def _first_and_others(data, group):
    first = next(i for i in group if i not in data.variations)
    return data.records[first], [i for i in group if i != first]


def test_generate_is_deterministic_per_seed():
    a, b = generate("contacts", 2000, seed=3), generate("contacts", 2000, seed=3)
    assert a.records == b.records
    assert a.truth == b.truth
    assert a.variations == b.variations
    assert generate("contacts", 2000, seed=4).records != a.records


def test_records_carry_the_neutral_fields_of_their_entity():
    assert set(generate("contacts", 50, seed=1).records[0]) == CONTACT_KEYS
    assert set(generate("leads", 50, seed=1).records[0]) == CONTACT_KEYS | {"status"}
    assert set(generate("accounts", 50, seed=1).records[0]) == ACCOUNT_KEYS
    assert generate("contacts", 0, seed=1).records == []


def test_generate_rejects_unknown_entities_and_bad_rates():
    with pytest.raises(ValueError, match="unknown entity"):
        generate("deals", 10, seed=1)
    with pytest.raises(ValueError):
        generate("contacts", 10, seed=1, dup_rate=1.5)


def test_dup_rate_sets_the_share_of_records_in_planted_groups(contacts):
    in_groups = sum(len(group) for group in contacts.truth)
    assert in_groups == round(6000 * 0.15)
    assert {len(group) for group in contacts.truth} <= {2, 3, 4, 5}
    assert {len(group) for group in contacts.truth} == {2, 3, 4, 5}
    flat = [i for group in contacts.truth for i in group]
    assert len(flat) == len(set(flat))  # no record in two groups
    assert generate("contacts", 500, seed=1, dup_rate=0.0).truth == []


def test_group_members_are_scattered_not_adjacent(contacts):
    spans = [max(group) - min(group) for group in contacts.truth]
    assert sum(spans) / len(spans) > 500


def test_every_planted_variation_occurs(contacts):
    seen = Counter(kind for kinds in contacts.variations.values() for kind in kinds)
    assert set(seen) == {kind for kind, _ in PERSON_KINDS}
    assert all(1 <= len(kinds) <= 3 for kinds in contacts.variations.values())
    accounts = generate("accounts", 4000, seed=5)
    account_kinds = {kind for kinds in accounts.variations.values() for kind in kinds}
    assert account_kinds == {kind for kind, _ in ACCOUNT_KINDS}


def test_each_group_has_one_original_and_varied_copies(contacts):
    for group in contacts.truth:
        unvaried = [i for i in group if i not in contacts.variations]
        assert len(unvaried) == 1


def test_phone_format_variants_are_the_same_number_written_differently(contacts):
    checked = 0
    for group in contacts.truth:
        first, others = _first_and_others(contacts, group)
        for i in others:
            record = contacts.records[i]
            if "phone_format" in contacts.variations[i] and record["phone"]:
                assert record["phone"] != first["phone"]
                assert e164(record["phone"], record["country"]) == e164(
                    first["phone"], first["country"]
                )
                checked += 1
    assert checked > 20


def test_phone_formats_cover_the_styles_people_type():
    phones = [r["phone"] for r in generate("contacts", 3000, seed=8).records if r["phone"]]
    assert any(re.fullmatch(r"\+1 \d{3}-\d{3}-\d{4}", p) for p in phones)
    assert any(re.fullmatch(r"\(\d{3}\) \d{3} \d{4}", p) for p in phones)
    assert any(re.fullmatch(r"\d{3}\.\d{3}\.\d{4}", p) for p in phones)
    assert any(re.fullmatch(r"\+1\d{10}", p) for p in phones)
    assert any(p.startswith("+44") for p in phones)
    assert any(p.startswith("00") for p in phones)


def test_email_variants_reach_the_same_mailbox(contacts):
    kinds = {"email_case", "email_plus_tag", "gmail_dots"}
    checked = Counter()
    for group in contacts.truth:
        first, others = _first_and_others(contacts, group)
        for i in others:
            applied = kinds.intersection(contacts.variations[i])
            email = contacts.records[i]["email"]
            if applied and email and first["email"] and "other_email" not in contacts.variations[i]:
                assert email != first["email"]
                assert _email_key(email) == _email_key(first["email"])
                checked.update(applied)
    assert set(checked) == kinds


def test_name_variations_keep_the_person_recognisable(contacts):
    seen = set()
    for group in contacts.truth:
        first, others = _first_and_others(contacts, group)
        for i in others:
            kinds, record = contacts.variations[i], contacts.records[i]
            if kinds == ("nickname",):
                assert record["first_name"] in NICKNAMES[first["first_name"]]
                seen.add("nickname")
            if kinds == ("accent_stripped",):
                assert record["first_name"] == ascii_fold(first["first_name"])
                assert record["last_name"] == ascii_fold(first["last_name"])
                assert (record["first_name"], record["last_name"]) != (
                    first["first_name"],
                    first["last_name"],
                )
                seen.add("accent_stripped")
            if kinds == ("swapped_names",):
                assert (record["first_name"], record["last_name"]) == (
                    first["last_name"],
                    first["first_name"],
                )
                seen.add("swapped_names")
            if kinds == ("typo",):
                changed = [k for k in ("first_name", "last_name") if record[k] != first[k]]
                assert len(changed) == 1
                assert abs(len(record[changed[0]]) - len(first[changed[0]])) <= 1
                seen.add("typo")
    assert seen == {"nickname", "accent_stripped", "swapped_names", "typo"}


def test_company_suffix_variants_keep_the_name_and_change_the_legal_form():
    data = generate("accounts", 4000, seed=9)
    checked = 0
    for group in data.truth:
        first, others = _first_and_others(data, group)
        for i in others:
            if data.variations[i] == ("company_suffix",):
                name = data.records[i]["name"]
                assert name != first["name"]
                base = first["name"].split(" ")[0]
                assert name.startswith(base)
                checked += 1
    assert checked > 10
    assert "Incorporated" in SUFFIX_ALTERNATIVES["Inc."]


def test_missing_field_variants_blank_one_field_but_stay_linkable(contacts):
    for group in contacts.truth:
        first, others = _first_and_others(contacts, group)
        for i in others:
            record = contacts.records[i]
            if "missing_field" in contacts.variations[i]:
                blanks = [k for k in CONTACT_KEYS if record[k] is None and first[k] is not None]
                assert blanks
            assert record["email"] or record["phone"]


def test_distinct_people_never_share_a_phone_or_mailbox(contacts):
    group_of = {i: n for n, group in enumerate(contacts.truth) for i in group}
    owner_of_phone: dict[str, object] = {}
    owner_of_email: dict[str, object] = {}
    for i, record in enumerate(contacts.records):
        owner = group_of.get(i, ("single", i))
        if record["phone"]:
            number = e164(record["phone"], record["country"])
            assert owner_of_phone.setdefault(number, owner) == owner
        if record["email"]:
            assert owner_of_email.setdefault(_email_key(record["email"]), owner) == owner


def test_names_places_and_numbers_are_international(contacts):
    names = {r["first_name"] for r in contacts.records} | {r["last_name"] for r in contacts.records}
    assert {"José", "Zoë", "Łukasz", "Søren"} <= names
    countries = {r["country"] for r in contacts.records}
    assert len(countries) >= 12
    calling = {e164(r["phone"], r["country"])[:3] for r in contacts.records if r["phone"]}
    assert len(calling) >= 10


def test_generator_throughput_is_reported(capsys):
    start = time.perf_counter()
    generate("contacts", 100_000, seed=1)
    seconds = time.perf_counter() - start
    with capsys.disabled():
        print(
            f"\ngenerator: 100,000 contacts in {seconds:.2f} s ({100_000 / seconds:,.0f} records/s)"
        )
