from mergedesk.core.models import Attachment, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preview import NoteKind, preview_merge
from tests.core.test_steps import CHATWOOT, FIELDS, ZOHO


def test_chatwoot_preview_warns_that_labels_and_dropped_values_are_lost():
    recs = {
        "1": Record(id="1", fields={"name": "Ann", "labels": ["vip"], "city": "Oslo"}),
        "2": Record(id="2", fields={"name": "Anne", "labels": ["lead"], "city": "Bergen"}),
    }
    merge = GroupMerge(group="g", master="1", others=("2",))
    preview = preview_merge(merge, recs, CHATWOOT, FIELDS)
    kinds = {(n.kind, n.field) for n in preview.notes}
    assert (NoteKind.LOSERS_DELETED, None) in kinds
    assert (NoteKind.NOT_CARRIED, "labels") in kinds
    assert (NoteKind.VALUE_DROPPED, "name") in kinds
    assert preview.values["labels"] == ["vip"]


def test_keeping_a_union_of_labels_removes_the_warning():
    recs = {
        "1": Record(id="1", fields={"labels": ["vip"]}),
        "2": Record(id="2", fields={"labels": ["lead"]}),
    }
    merge = GroupMerge.model_validate({"group": "g", "master": "1", "others": ["2"],
                                       "fields": {"labels": {"value": ["vip", "lead"]}}})
    preview = preview_merge(merge, recs, CHATWOOT, FIELDS)
    assert not [n for n in preview.notes if n.field == "labels"]


def test_zoho_preview_counts_chained_calls_and_dropped_files():
    recs = {str(i): Record(id=str(i), attachments=(Attachment(id=f"a{i}", record_id=str(i),
                                                               name=f"f{i}.pdf"),))
            for i in range(1, 5)}
    merge = GroupMerge.model_validate({"group": "g", "master": "1", "others": ["2", "3", "4"],
                                       "attachments": {"keep": ["a1", "a2"]}})
    zoho_files = ZOHO.model_copy(update={"files": "selectable_fields"})
    preview = preview_merge(merge, recs, zoho_files, FIELDS)
    chained = next(n for n in preview.notes if n.kind == NoteKind.CHAINED)
    dropped = next(n for n in preview.notes if n.kind == NoteKind.FILES_DROPPED)
    assert chained.count == 2
    assert dropped.records == ("a3", "a4")
