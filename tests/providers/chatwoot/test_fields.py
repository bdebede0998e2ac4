"""Custom attributes as fields: each display type mapped to our field type, only contact
attributes, and typed values (list, checkbox, date, number) that round-trip unchanged
through update, get and a merge."""

from __future__ import annotations

from mergedesk.core.models import FieldType, MergeStatus
from tests.providers.chatwoot.conftest import add_contact, apply_plan, contact, provider

_EXTRA = (("VIP", "checkbox", "vip"), ("Seats", "number", "seats"),
          ("MRR", "currency", "mrr"), ("Website", "link", "site"))


def _define(served, *rows, model: str = "contact_attribute") -> None:
    state = served.fake.state
    with state.lock:
        for name, display_type, key in rows:
            state.attribute_definitions.append({
                "id": state.next_id("custom_attribute_definitions"), "account_id": 1,
                "attribute_display_name": name, "attribute_display_type": display_type,
                "attribute_key": key, "attribute_values": [], "attribute_model": model,
                "attribute_description": "", "regex_pattern": None, "default_value": None})


async def test_each_display_type_maps_to_a_field_type_and_only_contact_attributes_count(cw):
    _define(cw, *_EXTRA)
    _define(cw, ("Ticket", "text", "ticket"), model="conversation_attribute")
    client = provider(cw)
    fields = {f.api_name: f for f in await client.field_defs("contacts")}
    await client.aclose()
    custom = {k.removeprefix("custom_attributes."): (f.type, f.label)
              for k, f in fields.items() if f.custom}
    assert custom == {
        "plan": (FieldType.PICKLIST, "Plan"), "signed_up_at": (FieldType.DATE, "Signed up at"),
        "crm_id": (FieldType.TEXT, "CRM ID"), "vip": (FieldType.BOOLEAN, "VIP"),
        "seats": (FieldType.NUMBER, "Seats"), "mrr": (FieldType.NUMBER, "MRR"),
        "site": (FieldType.URL, "Website"),
    }
    assert fields["labels"].multi_valued and fields["email"].unique


async def test_typed_values_round_trip_through_update_and_get(cw):
    _define(cw, *_EXTRA)
    rid = add_contact(cw, email="typed@example.com", custom_attributes={"vip": True})
    values = {"custom_attributes.vip": False, "custom_attributes.plan": "enterprise",
              "custom_attributes.signed_up_at": "2024-03-01T00:00:00.000Z",
              "custom_attributes.seats": 12, "custom_attributes.mrr": 99.5}
    client = provider(cw)
    await client.update("contacts", rid, values)
    record = await client.get_record("contacts", rid)
    await client.aclose()
    got = {k: record.fields[k] for k in values}
    assert got == values
    assert got["custom_attributes.vip"] is False and type(got["custom_attributes.seats"]) is int


async def test_typed_values_picked_from_the_mergee_survive_the_merge(cw, workspace):
    _define(cw, *_EXTRA)
    base = add_contact(cw, email="tb@example.com", custom_attributes={
        "vip": False, "plan": "free", "seats": 1, "signed_up_at": "2023-01-01"})
    mergee = add_contact(cw, email="tm@example.com", custom_attributes={
        "vip": True, "plan": "pro", "seats": 40, "signed_up_at": "2022-06-30", "mrr": 10})
    picks = {f"custom_attributes.{k}": {"from": mergee}
             for k in ("vip", "plan", "seats", "signed_up_at")}
    outcomes = await apply_plan(cw, workspace, [
        {"group": "g", "master": base, "others": [mergee], "fields": picks}])
    assert outcomes["g"].status == MergeStatus.MERGED, outcomes["g"].message
    assert contact(cw, base)["custom_attributes"] == {
        "vip": True, "plan": "pro", "seats": 40, "signed_up_at": "2022-06-30", "mrr": 10}


async def test_a_false_checkbox_on_the_base_is_kept_by_the_merge(cw, workspace):
    _define(cw, *_EXTRA)
    base = add_contact(cw, email="fb@example.com", custom_attributes={"vip": False})
    mergee = add_contact(cw, email="fm@example.com", custom_attributes={"vip": True})
    outcomes = await apply_plan(cw, workspace, [
        {"group": "g", "master": base, "others": [mergee]}])
    assert outcomes["g"].status == MergeStatus.MERGED, outcomes["g"].message
    # Hash keys of the base win even when false (deep_merge); only whole blank columns fill.
    assert contact(cw, base)["custom_attributes"]["vip"] is False
