import pytest

from mergedesk.core.models import MergeOutcome, MergeStatus
from mergedesk.core.plan import PlanError
from mergedesk.core.review import GroupStatus
from mergedesk.providers import errors
from mergedesk.ui import messages


@pytest.mark.parametrize(("exc", "expected"), [
    (errors.AuthError("Invalid Access Token", provider="chatwoot", status=401),
     "Chatwoot refused the credentials: Invalid Access Token (HTTP 401)."),
    (errors.Conflict("Email has already been taken", provider="chatwoot", status=422),
     "Chatwoot refused because of other data: Email has already been taken (HTTP 422)"),
    (errors.ServerError("HTTP 503", provider="chatwoot", status=503),
     "Chatwoot failed or could not be reached: HTTP 503 (HTTP 503). Nothing was changed."),
    (errors.RateLimited("Retry later", provider="chatwoot", retry_after=840),
     "Chatwoot asks to wait 14 minute(s)."),
    (errors.ValidationFailed("bad", provider="chatwoot", field_errors={"email": "invalid"}),
     "Fields: email: invalid"),
    (errors.OutcomeUnknown("read timeout", provider="chatwoot"),
     "The answer from Chatwoot was lost: read timeout."),
    (PlanError(["merges[0].master: not in group"]),
     "The merge cannot be run: merges[0].master: not in group"),
    (KeyError("x"), "Unexpected error (KeyError)"),
])
def test_error_text_names_the_crm_and_keeps_its_message(qapp, exc, expected):
    assert expected in messages.error_text(exc)


def test_outcome_text_has_the_headline_and_the_message(qapp):
    merged = MergeOutcome(group="g1", status=MergeStatus.MERGED, master="11",
                          merged=("12", "13"))
    assert messages.outcome_text(merged) == "Merged #12, #13 into #11"
    stale = MergeOutcome(group="g1", status=MergeStatus.STALE, master="11",
                         message="record 12 no longer exists in Chatwoot; nothing was sent")
    assert messages.outcome_text(stale).endswith(": record 12 no longer exists in Chatwoot; "
                                                 "nothing was sent")


def test_every_status_has_a_label(qapp):
    assert all(messages.status_label(s) for s in GroupStatus)


def test_a_dropped_value_note_names_each_value_with_its_record(qapp):
    from mergedesk.core.preview import NoteKind, PreviewNote

    note = PreviewNote(kind=NoteKind.VALUE_DROPPED, field="title", records=("12", "13"),
                       values=("CTO", "Founder"))
    text = messages.note_text(note, "Chatwoot", str.title, lambda r: f"#{r}")
    assert text == "Title: “CTO” (#12), “Founder” (#13) will not survive."
