"""Pure pre-flight checks: each refusal the CRM would give, found before any call."""

from __future__ import annotations

from mergedesk.core.models import FieldDef, FieldType, Record, Sensitive
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preflight import (
    FindingKind,
    check_call_cap,
    check_closed,
    check_dataverse_parent,
    check_locked,
    check_permission,
    check_read_only,
    check_unique,
    check_zoho_parent,
    missing_related,
    will_move,
)
from mergedesk.providers.chatwoot.client import CAPABILITIES as CHATWOOT
from mergedesk.providers.zoho.client import CAPABILITIES as ZOHO


def merge(**fields) -> GroupMerge:
    return GroupMerge.model_validate({"group": "g", "master": "1", "others": ["2", "3"],
                                      "fields": fields})


def test_read_only_and_call_caps():
    fields = {"Created_By": FieldDef(api_name="Created_By", writable=False)}
    (found,) = check_read_only(merge(Created_By={"from": "2"}), fields)
    assert found.kind == FindingKind.READ_ONLY and "drop the choice" in found.fix
    (cap,) = check_call_cap(merge(), CHATWOOT)  # one mergee per call
    assert not cap.blocking and "2 calls" in cap.message
    assert check_call_cap(merge(), ZOHO) == []


def test_unique_value_held_outside_the_group():
    fields = {"email": FieldDef(api_name="email", type=FieldType.EMAIL, unique=True)}
    holders = {("email", "x@y.com"): "99", ("email", "z@y.com"): "2"}
    (found,) = check_unique({"email": "X@y.com"}, merge(), fields, holders)
    assert found.records == ("99",) and found.blocking
    assert check_unique({"email": "z@y.com"}, merge(), fields, holders) == []


def test_zoho_reporting_to_and_account_name_from_one_record():
    records = {"1": Record(id="1"), "2": Record(id="2", fields={"Reporting_To": {"id": "7"}}),
               "3": Record(id="3")}
    (found,) = check_zoho_parent(merge(Reporting_To={"from": "2"}), records)
    assert found.kind == FindingKind.PARENT and "record 2" in found.fix
    both = merge(Reporting_To={"from": "2"}, Account_Name={"from": "2"})
    assert check_zoho_parent(both, records) == []


def test_locked_closed_parent_and_permission():
    stage = {"Stage": FieldDef(api_name="Stage", sensitive=Sensitive.LIFECYCLE)}
    records = [Record(id="1", entity="deals", fields={"Stage": "Closed Won"}),
               Record(id="2", locked="in an approval process")]
    assert [f.kind for f in check_closed(records, stage)] == [FindingKind.CLOSED]
    assert [f.records for f in check_locked(records)] == [("2",)]
    parent = {"parentcustomerid": FieldDef(api_name="parentcustomerid",
                                           sensitive=Sensitive.PARENT)}
    split = [Record(id="1", fields={"parentcustomerid": "a"}),
             Record(id="2", fields={"parentcustomerid": "b"})]
    assert check_dataverse_parent(split, parent, parenting_checks=True)[0].kind == \
        FindingKind.PARENT
    assert check_dataverse_parent(split, parent, parenting_checks=False) == []
    (denied,) = check_permission(ZOHO, "the Zoho connection lacks the scope X")
    assert "ZohoCRM.modules" in denied.fix
    assert check_permission(ZOHO, None) == []


def test_related_items_that_did_not_arrive():
    before = [Record(id="1", related_counts={"conversations": 2}),
              Record(id="2", related_counts={"conversations": 3, "notes": 1})]
    assert will_move(before) == {"1": {"conversations": 2},
                                 "2": {"conversations": 3, "notes": 1}}
    after = Record(id="1", related_counts={"conversations": 4, "notes": 1})
    (missing,) = missing_related(before, after)
    assert "1 of 5 conversations" in missing.message
    assert missing_related(before, after.model_copy(
        update={"related_counts": {"conversations": 5, "notes": 1}})) == []


def test_keeping_the_survivors_own_read_only_value_passes():
    fields = {"_ownerid_value": FieldDef(api_name="_ownerid_value", writable=False,
                                         sensitive=Sensitive.OWNER)}
    kept = merge(_ownerid_value={"from": "1"})
    assert check_read_only(kept, fields) == []
    (found,) = check_read_only(merge(_ownerid_value={"from": "2"}), fields)
    assert found.kind == FindingKind.READ_ONLY and found.field == "_ownerid_value"
