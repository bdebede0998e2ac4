"""Restore: bring back, from the journal's snapshots, what a merge destroyed, as far as
the CRM allows — the survivor's pre-merge values, deleted losers re-created with their
values (new ids), deactivated losers reactivated — and say plainly what cannot come
back. Every restore call is journalled before it is made; a call whose answer was lost
is never repeated blindly. No Qt."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, JsonValue

from mergedesk.core.capabilities import Capabilities, LoserFate, RestoreSupport
from mergedesk.core.models import FieldDef, FieldType, Record
from mergedesk.core.values import is_blank, same_value
from mergedesk.providers import errors
from mergedesk.providers.base import Provider
from mergedesk.services.journal_lock import journal_lock
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import OPEN_STATES, MergeEntry, MergeState
from mergedesk.store.journal import StepState as Journalled
from mergedesk.store.restores import (
    ActionKind,
    ActionState,
    RestoreAction,
    RestoreEntry,
    RestoreJournal,
    RestoreStatus,
)

# Why a merged record cannot come back, by what the merge did to it.
_FATE = {
    LoserFate.RETIRED: ("retires", "offers no call to bring them back"),
    LoserFate.DELETED: ("deletes", "MergeDesk has no call there to re-create them"),
    LoserFate.DEACTIVATED: ("deactivates", "MergeDesk has no call there to reactivate them"),
}
_DEFAULT_LOST = RestoreSupport().lost  # generic words, replaced by the reason above


class RestoreRefused(Exception):
    """The merge cannot be restored now (unknown id, still open, other CRM)."""


class RestorePlan(BaseModel):
    """What a restore would do, and what it cannot do, before anything is sent."""

    model_config = ConfigDict(frozen=True)

    merge_id: int
    actions: tuple[RestoreAction, ...] = ()
    notes: tuple[str, ...] = ()  # per-record facts: still there, changed since, left out
    lost: tuple[str, ...] = ()  # what this CRM never gives back


class RestoreReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    merge_id: int
    restore_id: int | None
    status: RestoreStatus | None  # None: nothing needed doing
    actions: tuple[RestoreAction, ...] = ()
    notes: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """Plain-language lines for the CLI and the history view."""
        out = [_describe(a) for a in self.actions]
        out += self.notes
        out += [f"cannot come back: {item}" for item in self.lost]
        return out


class RestoreService:
    def __init__(self, workspace: Workspace):
        self._workspace = workspace
        self._restores = RestoreJournal(workspace.db)

    def entry(self, merge_id: int) -> MergeEntry:
        """The journalled merge, or RestoreRefused saying why it cannot be restored."""
        entry = self._workspace.journal.get(merge_id)
        if entry is None:
            raise RestoreRefused(f"there is no merge #{merge_id} in the journal")
        if entry.status in OPEN_STATES:
            raise RestoreRefused(
                f"merge #{merge_id} is still {entry.status}: settle it first "
                "(`mergedesk recover`, or start the app) so the journal knows what happened")
        return entry

    async def plan(self, provider: Provider, merge_id: int) -> RestorePlan:
        """Read the CRM now and decide the calls; sends nothing."""
        entry = self.entry(merge_id)
        _check_connection(provider, entry)
        support = provider.capabilities.restore
        if not _anything_applied(entry):
            return RestorePlan(merge_id=merge_id,
                               notes=("the merge changed nothing in the CRM: nothing to restore",))
        defs = {f.api_name: f for f in await provider.field_defs(entry.entity)}
        actions: list[RestoreAction] = []
        notes: list[str] = []
        survivor = await provider.get_record(entry.entity, entry.master)
        before = self._original(entry)
        reset, survivor_notes = _survivor_reset(entry, before, survivor, defs,
                                                support.reset_survivor)
        notes += survivor_notes
        if reset:
            actions.append(RestoreAction(index=0, kind=ActionKind.RESET_SURVIVOR,
                                         record_id=entry.master, values=reset))
        gone: list[str] = []
        for rid in entry.others:
            action, note = await _loser_action(provider, entry, rid, defs, len(actions))
            if action is not None:
                actions.append(action)
            if note:
                notes.append(note)
            elif action is None:
                gone.append(rid)
        if gone:
            notes.append(_not_back(provider.capabilities, entry, gone))
        return RestorePlan(merge_id=merge_id, actions=tuple(actions), notes=tuple(notes),
                           lost=lost_items(provider.capabilities))

    async def restore(self, provider: Provider, merge_id: int) -> RestoreReport:
        """Plan (or resume an unfinished restore), journal, then make the calls in order:
        the survivor first (it may hold a loser's unique email), then the losers. Raises
        JournalBusy (nothing sent) while another process holds the journal."""
        with journal_lock(self._workspace, "restore a merge"):
            return await self._restore(provider, merge_id)

    async def _restore(self, provider: Provider, merge_id: int) -> RestoreReport:
        earlier = self._unfinished(merge_id)
        if earlier is None:
            if self.entry(merge_id).status == MergeState.RESTORED:
                return RestoreReport(merge_id=merge_id, restore_id=None, status=None,
                                     notes=(f"merge #{merge_id} was restored already",))
            plan = await self.plan(provider, merge_id)
            if not plan.actions:
                return RestoreReport(merge_id=merge_id, restore_id=None, status=None,
                                     notes=plan.notes, lost=plan.lost)
            restore_id = self._restores.begin(merge_id, plan.actions)
            actions, notes = plan.actions, plan.notes
        else:
            _check_connection(provider, self.entry(merge_id))
            restore_id, actions = earlier.id, earlier.actions
            notes = (f"resumed restore #{earlier.id}",)
        entry = self.entry(merge_id)
        done = [await self._perform(provider, entry, restore_id, a) for a in actions]
        return self._finish(merge_id, restore_id, tuple(done), notes,
                            lost_items(provider.capabilities))

    def _original(self, entry: MergeEntry) -> Record | None:
        """The survivor before the first of the failed attempts that led to this merge:
        a failed attempt may have written it before its merge call failed."""
        before = entry.snapshots.get(entry.master)
        earlier = [e for e in self._workspace.journal.for_group(entry.conn, entry.group_id)
                   if e.id < entry.id]
        for attempt in reversed(earlier):
            wrote = any(s.state == Journalled.DONE for s in attempt.steps)
            if attempt.status != MergeState.FAILED or not wrote or not attempt.same_records(
                    entry.master, entry.others):
                break
            before = attempt.snapshots.get(entry.master, before)
        return before

    def history(self, merge_id: int) -> list[RestoreEntry]:
        return self._restores.for_merge(merge_id)

    def _unfinished(self, merge_id: int) -> RestoreEntry | None:
        previous = self._restores.for_merge(merge_id)
        last = previous[-1] if previous else None
        return last if last is not None and last.status != RestoreStatus.RESTORED else None

    async def _perform(self, provider: Provider, entry: MergeEntry, restore_id: int,
                       action: RestoreAction) -> RestoreAction:
        if action.state == ActionState.DONE:
            return action
        if action.state in (ActionState.SENT, ActionState.UNKNOWN):
            try:
                settled = await self._settle_lost(provider, entry, restore_id, action)
            except errors.ProviderError as exc:  # cannot read now: leave it unknown
                return action.model_copy(update={"state": ActionState.UNKNOWN,
                                                 "error": str(exc)})
            if settled is not None:
                return settled
        self._restores.set_action(restore_id, action.index, ActionState.SENT)
        new_id, state, error = None, ActionState.DONE, None
        try:
            new_id = await _call(provider, entry, action)
        except (errors.OutcomeUnknown, errors.BadResponse) as exc:
            state, error = ActionState.UNKNOWN, str(exc)
        except errors.ProviderError as exc:
            state, error = ActionState.FAILED, str(exc)
        self._restores.set_action(restore_id, action.index, state, new_id=new_id, error=error)
        return action.model_copy(update={"state": state, "new_id": new_id, "error": error})

    async def _settle_lost(self, provider: Provider, entry: MergeEntry, restore_id: int,
                           action: RestoreAction) -> RestoreAction | None:
        """An action whose answer was lost. A create may have made the record: never
        twice. A reactivation is read: active now means it took effect; still inactive
        means it did not, and sending it (it only sets a state) is safe. A survivor reset
        writes values and is simply written again (None: send it)."""
        if action.kind == ActionKind.RESET_SURVIVOR:
            return None
        if action.kind == ActionKind.REACTIVATE:
            current = await provider.get_record(entry.entity, action.record_id)
            if current is None or not current.active:
                return None
            self._restores.set_action(restore_id, action.index, ActionState.DONE)
            return action.model_copy(update={"state": ActionState.DONE, "error": None})
        return action.model_copy(update={"state": ActionState.UNKNOWN})

    def _finish(self, merge_id: int, restore_id: int, actions: tuple[RestoreAction, ...],
                notes: tuple[str, ...], lost: tuple[str, ...]) -> RestoreReport:
        complete = all(a.state == ActionState.DONE for a in actions)
        status = RestoreStatus.RESTORED if complete else RestoreStatus.PARTIAL
        summary = "; ".join(_describe(a) for a in actions)
        self._restores.finish(restore_id, status, summary)
        if complete:
            self._workspace.journal.mark_restored(
                merge_id, f"restored (restore #{restore_id}): {summary}")
        return RestoreReport(merge_id=merge_id, restore_id=restore_id, status=status,
                             actions=actions, notes=notes, lost=lost)


async def _call(provider: Provider, entry: MergeEntry, action: RestoreAction) -> str | None:
    if action.kind == ActionKind.RESET_SURVIVOR:
        await provider.update(entry.entity, action.record_id, dict(action.values))
        return None
    if action.kind == ActionKind.REACTIVATE:
        await provider.reactivate(entry.entity, action.record_id)
        return None
    created = await provider.create(entry.entity, dict(action.values))
    return created.id


def _check_connection(provider: Provider, entry: MergeEntry) -> None:
    if provider.capabilities.provider != entry.provider:
        raise RestoreRefused(
            f"merge #{entry.id} was made in {entry.provider}, not "
            f"{provider.capabilities.provider}")


def _anything_applied(entry: MergeEntry) -> bool:
    return any(s.state == Journalled.DONE for s in entry.steps) or entry.status in (
        MergeState.MERGED, MergeState.RESTORED)


def _survivor_reset(entry: MergeEntry, before: Record | None, survivor: Record | None,
                    defs: dict[str, FieldDef], allowed: bool
                    ) -> tuple[dict[str, JsonValue], list[str]]:
    """Pre-merge values to write back: only fields the merge changed and nobody has
    changed since (the journal's after-image, else the planned targets)."""
    if survivor is None or before is None:
        why = "gone from the CRM" if survivor is None else "missing from the journal"
        return {}, [f"survivor {entry.master} is {why}: its values cannot be reset"]
    after = entry.after.fields if entry.after else entry.targets
    values: dict[str, JsonValue] = {}
    notes: list[str] = []
    for name in dict.fromkeys([*before.fields, *after]):
        old, now = before.fields.get(name), survivor.fields.get(name)
        if same_value(old, now) or not _writable(name, defs):
            continue
        if name in after and not same_value(after[name], now):
            notes.append(f"survivor {entry.master}: {name} changed since the merge; left as is")
            continue
        values[name] = old
    if values and not allowed:
        return {}, [f"survivor {entry.master}: its pre-merge values cannot be written back"]
    return values, notes


async def _loser_action(provider: Provider, entry: MergeEntry, rid: str,
                        defs: dict[str, FieldDef], index: int
                        ) -> tuple[RestoreAction | None, str | None]:
    support = provider.capabilities.restore
    crm = provider.capabilities.display_name
    current = await provider.get_record(entry.entity, rid)
    if current is not None and current.active and current.merged_into != entry.master:
        return None, f"record {rid} still exists in {crm}: nothing to bring back"
    if current is not None and support.reactivate:
        return RestoreAction(index=index, kind=ActionKind.REACTIVATE, record_id=rid), None
    snapshot = entry.snapshots.get(rid)
    if current is None and support.recreate and snapshot is not None:
        values, left_out = _recreatable(snapshot, defs)
        note = (f"record {rid}: not written back (read-only or files): "
                f"{', '.join(left_out)}") if left_out else None
        return RestoreAction(index=index, kind=ActionKind.RECREATE, record_id=rid,
                             values=values), note
    if current is None and support.recreate:
        return None, f"record {rid} cannot be re-created: the journal holds no snapshot of it"
    if current is None and support.reactivate:
        return None, f"record {rid} is gone from {crm} (deleted since the merge): " \
            "there is nothing to reactivate"
    if current is not None and support.recreate:
        return None, f"record {rid} is inactive in {crm}, which offers no call to reactivate it"
    return None, None  # the CRM offers no way back at all: said once, by _not_back()


def lost_items(caps: Capabilities) -> tuple[str, ...]:
    """What never comes back in this CRM. Where it can bring back no merged record at
    all (LeadLex), that comes first, with why, instead of the generic default."""
    support = caps.restore
    if support.recreate or support.reactivate:
        return support.lost
    verb, why = _FATE[caps.loser_fate]
    rest = tuple(item for item in support.lost if item not in _DEFAULT_LOST)
    return (f"the merged records themselves: {caps.display_name} {verb} them and {why}",
            *rest)


def _not_back(caps: Capabilities, entry: MergeEntry, ids: list[str]) -> str:
    """The records that stay merged, why, and where their values are kept."""
    verb, why = _FATE[caps.loser_fate]
    return (f"{', '.join(ids)} cannot come back: {caps.display_name} {verb} merged "
            f"{entry.entity} and {why}; their values are in the journal: see them with "
            f"`mergedesk history --id {entry.id}`, or export them from the history view")


def _recreatable(snapshot: Record, defs: dict[str, FieldDef]) -> tuple[dict, list[str]]:
    values, left_out = {}, []
    for name, value in snapshot.fields.items():
        if is_blank(value):
            continue
        if _writable(name, defs):
            values[name] = value
        else:
            left_out.append(name)
    return values, left_out


def _writable(name: str, defs: dict[str, FieldDef]) -> bool:
    """Declared writable and not a file; an undeclared dotted key counts when its hash is
    writable (Chatwoot's additional_attributes.* beyond the listed keys)."""
    definition = defs.get(name)
    if definition is not None:
        return definition.writable and definition.type != FieldType.FILE
    head = name.partition(".")[0]
    return "." in name and any(
        d.writable and d.api_name.partition(".")[0] == head and "." in d.api_name
        for d in defs.values()
    )


def _describe(action: RestoreAction) -> str:
    what = {
        ActionKind.RESET_SURVIVOR: f"reset survivor {action.record_id} "
                                   f"({', '.join(sorted(action.values))})",
        ActionKind.RECREATE: f"re-create {action.record_id}",
        ActionKind.REACTIVATE: f"reactivate {action.record_id}",
    }[action.kind]
    if action.state == ActionState.INTENT:
        return "would " + what
    if action.state == ActionState.DONE:
        return what + (f": done, new id {action.new_id}" if action.new_id else ": done")
    if action.state == ActionState.UNKNOWN:
        return (what + ": outcome unknown; check the CRM before trying again"
                + (f" ({action.error})" if action.error else ""))
    return what + f": {action.state}" + (f" ({action.error})" if action.error else "")
