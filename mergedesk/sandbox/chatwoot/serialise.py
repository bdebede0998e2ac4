"""JSON shapes of the fake Chatwoot, after the vendor's jbuilder views
(app/views/api/v1/models/_contact.json.jbuilder and friends). Pure functions."""

from __future__ import annotations

from typing import Any

from mergedesk.sandbox.chatwoot.state import ChatwootState


def contact_json(state: ChatwootState, c: dict[str, Any], *, with_inboxes: bool) -> dict[str, Any]:
    """One contact. Timestamps are unix seconds; last_activity_at is left out when unset,
    as the view does; contact_inboxes only on the /contacts endpoints that ask for them."""
    data: dict[str, Any] = {
        "additional_attributes": c["additional_attributes"],
        "availability_status": "offline",
        "email": c["email"],
        "id": c["id"],
        "name": c["name"],
        "phone_number": c["phone_number"],
        "blocked": c["blocked"],
        "identifier": c["identifier"],
        "thumbnail": "",
        "custom_attributes": c["custom_attributes"],
    }
    if c.get("last_activity_at"):
        data["last_activity_at"] = c["last_activity_at"]
    data["created_at"] = c["created_at"]
    if with_inboxes:
        data["contact_inboxes"] = [
            {"source_id": ci["source_id"], "inbox": inbox_json(state.inboxes[ci["inbox_id"]])}
            for ci in state.contact_inboxes_of(c["id"])
        ]
    return data


def inbox_json(inbox: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": inbox["id"],
        "avatar_url": "",
        "channel_id": inbox["channel_id"],
        "name": inbox["name"],
        "channel_type": inbox["channel_type"],
        "provider": inbox.get("provider"),
    }


def conversation_json(state: ChatwootState, conv: dict[str, Any]) -> dict[str, Any]:
    """A conversation as listed under a contact; `id` is the per-account display id."""
    contact = state.contacts.get(conv["contact_id"], {})
    inbox = state.inboxes[conv["inbox_id"]]
    return {
        "meta": {
            "sender": {
                "id": contact.get("id"),
                "name": contact.get("name"),
                "email": contact.get("email"),
                "phone_number": contact.get("phone_number"),
                "thumbnail": "",
                "type": "contact",
            },
            "channel": inbox["channel_type"],
            "assignee": None,
            "hmac_verified": False,
        },
        "id": conv["display_id"],
        "messages": conv["messages"][-1:],
        "account_id": conv["account_id"],
        "uuid": conv["uuid"],
        "additional_attributes": {},
        "can_reply": True,
        "custom_attributes": conv.get("custom_attributes", {}),
        "inbox_id": conv["inbox_id"],
        "labels": conv.get("labels", []),
        "muted": False,
        "snoozed_until": None,
        "status": conv["status"],
        "created_at": conv["created_at"],
        "timestamp": conv["last_activity_at"],
        "last_activity_at": conv["last_activity_at"],
        "unread_count": 0,
        "priority": None,
    }


def note_json(note: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": note["id"],
        "content": note["content"],
        "account_id": note["account_id"],
        "contact_id": note["contact_id"],
        "user": {"id": 1, "name": "Sandbox Admin", "thumbnail": ""},
        "created_at": note["created_at"],
        "updated_at": note["created_at"],
    }


def definition_json(d: dict[str, Any]) -> dict[str, Any]:
    """A custom attribute definition: enums as their names, timestamps as ISO strings."""
    keys = (
        "id",
        "attribute_display_name",
        "attribute_display_type",
        "attribute_description",
        "attribute_key",
        "regex_pattern",
        "attribute_values",
        "attribute_model",
        "default_value",
        "created_at",
        "updated_at",
    )
    return {key: d.get(key) for key in keys}
