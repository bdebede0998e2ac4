"""The only place where exceptions, statuses, outcomes and preview notes become
translated user text. Services and providers raise typed errors with the CRM's own
(redacted) message; here that message is wrapped in words the reviewer can act on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mergedesk.core.models import MergeOutcome, MergeStatus
from mergedesk.core.plan import PlanError
from mergedesk.core.preview import NoteKind, PreviewNote
from mergedesk.core.review import GroupStatus
from mergedesk.providers import errors, registry
from mergedesk.services.restore import RestoreRefused
from mergedesk.store.restores import ActionKind, RestoreAction
from mergedesk.ui.models.display import value_text

# Called by this name, with the literal context "Messages", so pyside6-lupdate finds
# every string of this module.
translate = QCoreApplication.translate


def crm_name(provider: str) -> str:
    """The CRM's display name for a provider key ("chatwoot" -> "Chatwoot")."""
    spec = registry.PROVIDERS.get(provider)
    if spec is not None:
        return spec.display_name
    return provider or translate("Messages", "the CRM")


def error_text(exc: BaseException) -> str:
    """One or two sentences for an exception: what happened, then the CRM's message."""
    if isinstance(exc, PlanError):
        problems = "; ".join(exc.problems) or str(exc)
        return translate("Messages", "The merge cannot be run: {problems}").format(
            problems=problems)
    if isinstance(exc, errors.ProviderError):
        return _provider_error_text(exc)
    if isinstance(exc, RestoreRefused):
        return translate("Messages", "This merge cannot be restored: {reason}").format(
            reason=str(exc))
    return translate("Messages", "Unexpected error ({kind}): {message}").format(
        kind=type(exc).__name__, message=str(exc) or repr(exc))


# Most specific first: every class below is a ProviderError.
_ERROR_TEMPLATES: tuple[tuple[type[errors.ProviderError], str], ...] = (
    (errors.ConfigError, QT_TRANSLATE_NOOP(
        "Messages", "The connection settings cannot work: {message}")),
    (errors.AuthError, QT_TRANSLATE_NOOP(
        "Messages", "{crm} refused the credentials: {message}. "
                    "Check the access token of this connection.")),
    (errors.PermissionDenied, QT_TRANSLATE_NOOP(
        "Messages", "{crm} does not allow this for the signed-in user: {message}")),
    (errors.NotFound, QT_TRANSLATE_NOOP("Messages", "{crm} could not find it: {message}")),
    (errors.Conflict, QT_TRANSLATE_NOOP(
        "Messages", "{crm} refused because of other data: {message}")),
    (errors.ValidationFailed, QT_TRANSLATE_NOOP(
        "Messages", "{crm} rejected the request: {message}")),
    (errors.RateLimited, QT_TRANSLATE_NOOP("Messages", "{crm} is limiting requests: {message}")),
    (errors.ServerError, QT_TRANSLATE_NOOP(
        "Messages", "{crm} failed or could not be reached: {message}. Nothing was changed.")),
    (errors.BadResponse, QT_TRANSLATE_NOOP(
        "Messages", "{crm} sent an answer MergeDesk cannot read: {message}")),
    (errors.OutcomeUnknown, QT_TRANSLATE_NOOP(
        "Messages", "The answer from {crm} was lost: {message}. MergeDesk reads the CRM "
                    "to learn what happened before anything is sent again.")),
)


def _provider_error_text(exc: errors.ProviderError) -> str:
    crm = crm_name(exc.provider)
    template = next((t for kind, t in _ERROR_TEMPLATES if isinstance(exc, kind)), None)
    if template is None:
        text = translate("Messages", "{crm}: {message}").format(crm=crm, message=str(exc))
    else:
        text = translate("Messages", template).format(crm=crm, message=str(exc))
    if isinstance(exc, errors.RateLimited) and exc.retry_after:
        text += " " + translate("Messages", "{crm} asks to wait {wait}.").format(
            crm=crm, wait=duration_text(exc.retry_after))
    if isinstance(exc, errors.ValidationFailed) and exc.field_errors:
        details = "; ".join(f"{k}: {v}" for k, v in sorted(exc.field_errors.items()))
        text += " " + translate("Messages", "Fields: {details}").format(details=details)
    return text


def duration_text(seconds: float) -> str:
    if seconds < 90:
        return translate("Messages", "%n second(s)", None, max(1, round(seconds)))
    if seconds < 90 * 60:
        return translate("Messages", "%n minute(s)", None, round(seconds / 60))
    return translate("Messages", "%n hour(s)", None, round(seconds / 3600))


def status_label(status: GroupStatus) -> str:
    labels = {
        GroupStatus.OPEN: translate("Messages", "To review"),
        GroupStatus.MERGING: translate("Messages", "Merging…"),
        GroupStatus.MERGED: translate("Messages", "Merged"),
        GroupStatus.FAILED: translate("Messages", "Failed"),
        GroupStatus.STALE: translate("Messages", "Changed, review again"),
        GroupStatus.UNKNOWN: translate("Messages", "Outcome unknown"),
        GroupStatus.NOT_DUPLICATES: translate("Messages", "Not duplicates"),
        GroupStatus.SKIPPED: translate("Messages", "Skipped"),
    }
    return labels[status]


def outcome_headline(outcome: MergeOutcome) -> str:
    """What happened to one submitted merge, without the CRM's details."""
    status = outcome.status
    if status == MergeStatus.MERGED:
        merged = ", ".join(f"#{r}" for r in outcome.merged)
        return translate("Messages", "Merged {merged} into #{master}").format(
            merged=merged, master=outcome.master)
    if status == MergeStatus.DRY_RUN:
        return translate("Messages", "Dry run: nothing was changed")
    if status == MergeStatus.STALE:
        return translate("Messages", "Not merged: the records changed since you reviewed them")
    if status == MergeStatus.UNKNOWN:
        return translate("Messages", "Outcome unknown: MergeDesk will read the CRM "
                                     "before trying again")
    if status == MergeStatus.SKIPPED:
        return translate("Messages", "Skipped")
    return translate("Messages", "Merge failed")


def outcome_text(outcome: MergeOutcome) -> str:
    """The headline and, when there is one, the message of the CRM or the service."""
    headline = outcome_headline(outcome)
    if not outcome.message:
        return headline
    return translate("Messages", "{headline}: {message}").format(
        headline=headline, message=outcome.message)


def note_text(
    note: PreviewNote, crm: str, field_label: Callable[[str], str],
    record_label: Callable[[str], str],
) -> str:
    """A preview note (core.preview) as a sentence; labels come from the caller."""
    records = ", ".join(record_label(r) for r in note.records)
    field = field_label(note.field or "")
    values = ", ".join(value_text(v) for v in note.values)
    if len(note.values) == len(note.records):  # each value with the record it is from
        # Translated: each language has its own quotation marks („…“, « … », «…»).
        quoted = translate("Messages", "“{value}” ({record})")
        values = ", ".join(quoted.format(value=value_text(v), record=record_label(r))
                           for v, r in zip(note.values, note.records, strict=True))
    kind = note.kind
    if kind == NoteKind.LOSERS_DELETED:
        text = translate("Messages", "{crm} deletes {records} once merged into the master.")
    elif kind == NoteKind.LOSERS_DEACTIVATED:
        text = translate("Messages", "{crm} keeps {records} as inactive records.")
    elif kind == NoteKind.LOSERS_RETIRED:
        text = translate("Messages", "{crm} retires the ids of {records}.")
    elif kind == NoteKind.CHAINED:
        text = translate("Messages", "{crm} merges one record per call: {count} calls in a "
                                     "row.")
    elif kind == NoteKind.NOT_CARRIED:
        text = translate("Messages", "{field}: {crm} does not carry this field in a merge; "
                                     "{values} will be lost.")
    elif kind == NoteKind.VALUE_DROPPED:
        text = translate("Messages", "{field}: {values} will not survive.")
    elif kind == NoteKind.FILES_DROPPED:
        text = translate("Messages", "Files that will be removed: {values}.")
    else:
        return str(kind)
    return text.format(crm=crm, records=records, field=field, values=values, count=note.count)


def restore_action_text(action: RestoreAction) -> str:
    """One planned restore call, before it is made."""
    if action.kind == ActionKind.RESET_SURVIVOR:
        return translate("Messages", "Write back the earlier values of #{id}: {fields}").format(
            id=action.record_id, fields=", ".join(sorted(action.values)))
    if action.kind == ActionKind.RECREATE:
        return translate("Messages", "Create #{id} again from its snapshot (it gets a new "
                                     "id)").format(id=action.record_id)
    return translate("Messages", "Make #{id} active again").format(id=action.record_id)
