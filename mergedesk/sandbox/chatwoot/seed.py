"""Fills a ChatwootState from the data generator the way a real Chatwoot account looks:
E.164 phones, lower-cased unique e-mails, some identifiers, labels, custom attributes,
inboxes, a few conversations and notes per contact, and anonymous widget visitors
(no email, phone or identifier) that the contact list never shows."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from typing import Any

from mergedesk.sandbox.chatwoot.state import ChatwootState
from mergedesk.sandbox.cultures import CULTURES
from mergedesk.sandbox.generator import GeneratedData, generate

ACCOUNT_ID = 1
OTHER_ACCOUNT_ID = 2  # exists, but the token's user is not a member of it
_TRUNKS = {p.country: c.phone for c in CULTURES for p in c.places}
_ISO2 = {p.country: p.iso2 for c in CULTURES for p in c.places}
_INBOXES = (
    (1, "Website", "Channel::WebWidget", None),
    (2, "Support Email", "Channel::Email", None),
    (3, "WhatsApp", "Channel::Whatsapp", "whatsapp_cloud"),
    (4, "API", "Channel::Api", None),
)
_PLANS = ("free", "starter", "pro", "enterprise")
_HAIKU = ("misty", "silent", "ancient", "cool", "bold", "quiet", "snowy", "wild")
_NOUNS = ("river", "dawn", "forest", "meadow", "sun", "pond", "cloud", "field")
_MESSAGES = (
    "Hi, I need help with my invoice.",
    "Can I change my plan?",
    "Thanks, that worked!",
    "The app does not load on my phone.",
    "Where is my order?",
    "Please call me back.",
)


def populate(state: ChatwootState, seed: int, records: int) -> GeneratedData:
    """Seeds account 1 with `records` generated contacts (record i gets id i + 1) and a
    second account the user cannot see. Returns the generated data and its truth."""
    rng = random.Random(f"chatwoot:{seed}")
    data = generate("contacts", records, seed)
    state.accounts.update({ACCOUNT_ID: "MergeDesk Sandbox", OTHER_ACCOUNT_ID: "Someone Else"})
    state.member_of.add(ACCOUNT_ID)
    for inbox_id, name, channel, provider in _INBOXES:
        state.inboxes[inbox_id] = {
            "id": inbox_id,
            "channel_id": inbox_id,
            "name": name,
            "channel_type": channel,
            "provider": provider,
        }
    _definitions(state)
    taken: set[str] = set()  # email/phone/identifier are unique per account
    for record in data.records:
        _add_contact(state, rng, ACCOUNT_ID, record, taken)
    theirs: set[str] = set()
    for record in generate("contacts", 5, seed + 1).records:
        _add_contact(state, rng, OTHER_ACCOUNT_ID, record, theirs)
    return data


def e164(phone: str | None, country: str | None) -> str | None:
    """'(415) 555 0123' in the United States → '+14155550123'; '+44 (0)20 7946 0123' →
    '+442079460123'; '020 7946 0123' in the United Kingdom → '+442079460123'."""
    if not phone:
        return None
    text = phone.replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    plan = _TRUNKS.get(country or "")
    if plan is None:
        return None
    if plan.calling_code == "1" and len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    if plan.trunk and digits.startswith(plan.trunk):
        digits = digits[len(plan.trunk) :]
    return f"+{plan.calling_code}{digits}"


def _definitions(state: ChatwootState) -> None:
    stamp = "2024-01-15T09:30:00.000Z"
    rows = (
        ("Plan", "list", "plan", "contact_attribute", list(_PLANS)),
        ("Signed up at", "date", "signed_up_at", "contact_attribute", None),
        ("CRM ID", "text", "crm_id", "contact_attribute", None),
        ("Order ID", "text", "order_id", "conversation_attribute", None),
    )
    for name, display_type, key, model, values in rows:
        state.attribute_definitions.append(
            {
                "id": state.next_id("custom_attribute_definitions"),
                "account_id": ACCOUNT_ID,
                "attribute_display_name": name,
                "attribute_display_type": display_type,
                "attribute_description": f"{name} (sandbox)",
                "attribute_key": key,
                "regex_pattern": None,
                "attribute_values": values or [],
                "attribute_model": model,
                "default_value": None,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )


def _add_contact(
    state: ChatwootState,
    rng: random.Random,
    account_id: int,
    record: dict[str, Any],
    taken: set[str],
) -> None:
    contact_id = state.next_id("contacts")
    created = int(datetime.fromisoformat(record["created_at"]).timestamp())
    email = (record["email"] or "").lower() or None
    phone = e164(record["phone"], record["country"])
    identifier = f"usr_{rng.getrandbits(40):010x}" if rng.random() < 0.25 else None
    # The vendor refuses a second contact with the same email/phone/identifier, so a
    # real account never holds two: the later duplicate simply lacks that value.
    email, phone, identifier = (
        None if value is None or (key + value.lower()) in taken else value
        for key, value in (("e", email), ("p", phone), ("i", identifier))
    )
    name = f"{record['first_name']} {record['last_name']}".strip()
    if rng.random() < 0.04:  # an anonymous widget visitor, unlisted by GET /contacts
        email = phone = identifier = None
        if rng.random() < 0.5:
            name = f"{rng.choice(_HAIKU)}-{rng.choice(_NOUNS)}-{rng.randrange(100, 999)}"
    taken.update(
        key + value.lower()
        for key, value in (("e", email), ("p", phone), ("i", identifier))
        if value
    )
    state.contacts[contact_id] = {
        "id": contact_id,
        "account_id": account_id,
        "name": name,
        "email": email,
        "phone_number": phone,
        "identifier": identifier,
        "blocked": False,
        "additional_attributes": _additional(record),
        "custom_attributes": _custom(rng, created),
        "created_at": created,
        "updated_at": created,
        "last_activity_at": None,
    }
    state.labels[contact_id] = list(record["labels"])
    _inboxes_and_conversations(state, rng, state.contacts[contact_id])
    if record["notes"]:
        note_id = state.next_id("notes")
        state.notes[note_id] = {
            "id": note_id,
            "account_id": account_id,
            "contact_id": contact_id,
            "content": record["notes"],
            "created_at": created + 3600,
        }


def _additional(record: dict[str, Any]) -> dict[str, Any]:
    values = {
        "company_name": record["company"],
        "city": record["city"],
        "country": record["country"],
        "country_code": _ISO2.get(record["country"] or ""),
        "description": record["title"],
    }
    return {key: value for key, value in values.items() if value}


def _custom(rng: random.Random, created: int) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    if rng.random() < 0.7:
        attributes["plan"] = rng.choice(_PLANS)
    if rng.random() < 0.6:
        attributes["signed_up_at"] = datetime.fromtimestamp(created, UTC).date().isoformat()
    return attributes


def _inboxes_and_conversations(state: ChatwootState, rng: random.Random, c: dict[str, Any]) -> None:
    links = []
    if c["email"]:
        links.append((2, c["email"]))
    if c["phone_number"]:
        links.append((3, c["phone_number"].lstrip("+")))
    if not links or rng.random() < 0.3:
        links.append((1, f"{rng.getrandbits(128):032x}"))
    for inbox_id, source_id in links:
        state.contact_inboxes.setdefault(c["id"], []).append(
            {"contact_id": c["id"], "inbox_id": inbox_id, "source_id": source_id}
        )
    for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 2, 3))):
        conv_id = state.next_id("conversations")
        started = c["created_at"] + rng.randrange(3600, 200 * 86400)
        last = started + rng.randrange(60, 3 * 86400)
        inbox_id = rng.choice(links)[0]
        message = {
            "id": state.next_id("messages"),
            "content": rng.choice(_MESSAGES),
            "message_type": 0,
            "created_at": last,
            "sender_type": "Contact",
            "conversation_id": conv_id,
        }
        state.conversations[conv_id] = {
            "id": conv_id,
            "display_id": conv_id,
            "account_id": c["account_id"],
            "contact_id": c["id"],
            "inbox_id": inbox_id,
            "uuid": f"{rng.getrandbits(128):032x}",
            "status": rng.choice(("open", "resolved", "resolved", "pending")),
            "created_at": started,
            "last_activity_at": last,
            "messages": [message],
        }
        c["last_activity_at"] = max(c["last_activity_at"] or 0, last)
