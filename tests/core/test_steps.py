from mergedesk.core.capabilities import Capabilities, FileHandling, LoserFate, ValuesVia
from mergedesk.core.models import FieldDef, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import (
    StepKind,
    plan_steps,
    simulate_fill_or_overwrite,
    simulate_merge,
)


def caps(via: ValuesVia, per_call: int, fills: bool, not_carried=()) -> Capabilities:
    return Capabilities(
        provider="x",
        display_name="X",
        entities={"contacts": "c"},
        mergeable={"contacts"},
        max_losers_per_call=per_call,
        values_via=via,
        loser_fate=LoserFate.DELETED,
        fills_blanks=fills,
        files=FileHandling.NONE,
        not_carried=frozenset(not_carried),
    )


CHATWOOT = caps(ValuesVia.UPDATE_AROUND, 1, True, {"labels"})
ZOHO = caps(ValuesVia.CHILD_FIELDS, 2, False)
PIPELINER = caps(ValuesVia.MASTER_BODY, 100, False)
FIELDS = {
    "name": FieldDef(api_name="name"),
    "email": FieldDef(api_name="email", unique=True),
    "city": FieldDef(api_name="city"),
    "labels": FieldDef(api_name="labels", multi_valued=True),
}


def records(**by_id) -> dict[str, Record]:
    return {rid: Record(id=rid, fields=f) for rid, f in by_id.items()}


def merge(master="1", others=("2",), **fields) -> GroupMerge:
    return GroupMerge.model_validate(
        {"group": "g", "master": master, "others": list(others), "fields": fields}
    )


def final_state(plan, recs, capabilities):
    """Replay the steps the way the CRM would, to check that targets are reached."""
    state = dict(recs[plan.steps[0].master].fields)
    for step in plan.steps:
        if step.kind == StepKind.UPDATE:
            state.update(step.values)
            continue
        state.update(step.values)
        state.update({k: recs[r].fields.get(k) for k, r in step.value_sources.items()})
        state = simulate_merge(state, [recs[r] for r in step.losers], capabilities)
    return state


def test_chatwoot_writes_chosen_values_before_and_unique_loser_values_after():
    recs = records(
        **{
            "1": {"name": "Ann", "email": "a@x.io", "city": None, "labels": ["vip"]},
            "2": {"name": "Anne", "email": "ann@y.io", "city": "Oslo", "labels": ["lead"]},
        }
    )
    plan = plan_steps(
        merge(name={"from": "2"}, email={"from": "2"}, labels={"value": ["vip", "lead"]}),
        recs,
        CHATWOOT,
        FIELDS,
    )
    kinds = [s.kind for s in plan.steps]
    assert kinds == [StepKind.UPDATE, StepKind.MERGE, StepKind.UPDATE]
    # The base keeps its own labels through the merge, so they can be written first; the
    # loser's email would collide with the loser itself until it is deleted: written after.
    assert plan.steps[0].values == {"name": "Anne", "labels": ["vip", "lead"]}
    assert plan.steps[2].values == {"email": "ann@y.io"}
    assert [s.index for s in plan.steps] == [0, 1, 2]
    assert final_state(plan, recs, CHATWOOT) == {**plan.targets, "city": "Oslo"}


def test_chatwoot_group_of_four_becomes_three_merges_and_a_cleared_value_is_cleared_after():
    recs = records(**{str(i): {"name": f"N{i}", "city": f"C{i}"} for i in range(1, 5)})
    recs["1"] = Record(id="1", fields={"name": "N1", "city": "C1"})
    plan = plan_steps(merge(others=("2", "3", "4"), city={"value": None}), recs, CHATWOOT, FIELDS)
    merges = [s for s in plan.steps if s.kind == StepKind.MERGE]
    assert [s.losers for s in merges] == [("2",), ("3",), ("4",)]
    # Clearing first would be undone by the merge filling the blank: clear at the end.
    assert plan.steps[-1].kind == StepKind.UPDATE and plan.steps[-1].values == {"city": None}


def test_zoho_group_of_five_is_a_chain_with_each_value_named_on_its_child():
    recs = records(
        **{str(i): {"name": f"N{i}", "email": f"e{i}@x.io", "city": f"C{i}"} for i in range(1, 6)}
    )
    chosen = merge(
        others=("2", "3", "4", "5"),
        name={"from": "4"},
        email={"from": "2"},
        city={"value": "Typed"},
    )
    plan = plan_steps(chosen, recs, ZOHO, FIELDS)
    assert plan.steps[0].kind == StepKind.UPDATE and plan.steps[0].values == {"city": "Typed"}
    first, second = plan.steps[1], plan.steps[2]
    assert first.losers == ("2", "3") and first.value_sources == {"email": "2"}
    assert second.losers == ("4", "5") and second.value_sources == {"name": "4"}
    assert len(plan.steps) == 3
    assert final_state(plan, recs, ZOHO) == plan.targets
    assert plan.targets == {"name": "N4", "email": "e2@x.io", "city": "Typed"}


def test_pipeliner_carries_every_chosen_value_in_one_master_body():
    recs = records(**{"1": {"name": "A", "city": "X"}, "2": {"name": "B"}, "3": {"city": "Y"}})
    plan = plan_steps(
        merge(others=("2", "3"), name={"from": "2"}, city={"from": "3"}), recs, PIPELINER, FIELDS
    )
    assert len(plan.steps) == 1
    assert plan.steps[0].losers == ("2", "3")
    assert plan.steps[0].values == {"name": "B", "city": "Y"}


def test_unchosen_fields_keep_the_masters_value_where_the_crm_fills_no_blanks():
    recs = records(**{"1": {"name": "A", "city": None}, "2": {"name": "B", "city": "Z"}})
    plan = plan_steps(merge(), recs, PIPELINER, FIELDS)
    assert plan.targets["name"] == "A" and plan.targets["city"] is None
    assert plan.steps[0].values == {}


def test_unchosen_blank_fields_take_what_a_blank_filling_crm_puts_there():
    recs = records(
        **{
            "1": {"name": "A", "city": None, "labels": []},
            "2": {"name": "B", "city": "Z", "labels": ["x"]},
        }
    )
    plan = plan_steps(merge(), recs, CHATWOOT, FIELDS)
    assert plan.targets == {"name": "A", "city": "Z", "labels": []}  # labels are not carried
    assert [s.kind for s in plan.steps] == [StepKind.MERGE]


PIPELINER_SMART = caps(ValuesVia.MASTER_BODY, 100, True)
LEADLEX = caps(ValuesVia.FILL_OR_OVERWRITE, 20, True)


def test_pipeliner_sends_a_picked_value_even_when_the_master_already_holds_it():
    recs = records(**{"1": {"name": "A", "city": None}, "2": {"name": "B", "city": "Z"}})
    plan = plan_steps(merge(name={"from": "1"}), recs, PIPELINER_SMART, FIELDS)
    # The pick equals the master's value but is still sent; the blank city that the
    # merge fills (Smart Mode) is sent too, so the outcome does not rest on it.
    assert [s.kind for s in plan.steps] == [StepKind.MERGE]
    assert plan.steps[0].values == {"name": "A", "city": "Z"}
    assert final_state(plan, recs, PIPELINER_SMART) == plan.targets


def test_pipeliner_merges_a_group_of_25_in_one_call_and_clears_a_picked_blank_after():
    recs = records(**{str(i): {"name": f"N{i}", "city": f"C{i}"} for i in range(1, 27)})
    recs["1"] = Record(id="1", fields={"name": "N1", "city": None})
    others = tuple(str(i) for i in range(2, 27))
    plan = plan_steps(
        merge(others=others, name={"from": "25"}, city={"from": "1"}), recs, PIPELINER_SMART, FIELDS
    )
    assert [s.kind for s in plan.steps] == [StepKind.MERGE, StepKind.UPDATE]
    assert plan.steps[0].losers == others
    assert plan.steps[0].values == {"name": "N25", "city": None}
    assert plan.steps[1].values == {"city": None}  # in case the merge refills the blank
    assert final_state(plan, recs, PIPELINER_SMART) == plan.targets


def leadlex_final_state(plan, recs):
    """Replay the steps as LeadLex would: PATCH, then fill-only or overwrite merges."""
    state = dict(recs[plan.steps[0].master].fields)
    for step in plan.steps:
        if step.kind == StepKind.UPDATE:
            state.update(step.values)
        else:
            losers = [recs[r] for r in step.losers]
            state = simulate_fill_or_overwrite(state, losers, bool(step.options["overwrite"]))
    return state


def test_leadlex_value_picked_over_a_filled_primary_is_patched_first_then_fill_only():
    recs = records(
        **{
            "1": {"name": "Ann", "email": "a@x.io", "city": None},
            "2": {"name": "Anne", "email": "b@y.io", "city": "Oslo"},
        }
    )
    plan = plan_steps(merge(name={"from": "2"}), recs, LEADLEX, FIELDS)
    assert [s.kind for s in plan.steps] == [StepKind.UPDATE, StepKind.MERGE]
    assert plan.steps[0].values == {"name": "Anne"}
    assert plan.steps[1].options == {"overwrite": False}
    assert (
        leadlex_final_state(plan, recs)
        == plan.targets
        == {"name": "Anne", "email": "a@x.io", "city": "Oslo"}
    )


def test_leadlex_every_value_from_one_duplicate_is_one_overwrite_call_with_it_last():
    recs = records(
        **{
            "1": {"name": "Ann", "email": "a@x.io", "city": "Bergen"},
            "2": {"name": "Anne", "email": "b@y.io", "city": "Oslo"},
            "3": {"name": None, "email": None, "city": "Tromsø"},
        }
    )
    chosen = merge(others=("2", "3"), name={"from": "2"}, email={"from": "2"}, city={"from": "2"})
    plan = plan_steps(chosen, recs, LEADLEX, FIELDS)
    assert [s.kind for s in plan.steps] == [StepKind.MERGE]
    assert plan.steps[0].options == {"overwrite": True}
    assert plan.steps[0].losers == ("3", "2")  # the picked duplicate overwrites last
    assert leadlex_final_state(plan, recs) == plan.targets


def test_leadlex_fill_only_puts_the_picked_duplicate_first_to_save_a_patch():
    recs = records(
        **{
            "1": {"name": "Ann", "city": None},
            "2": {"name": "Anne", "city": "Oslo"},
            "3": {"name": "Annie", "city": "Tromsø"},
        }
    )
    plan = plan_steps(merge(others=("2", "3"), city={"from": "3"}), recs, LEADLEX, FIELDS)
    assert [(s.kind, s.losers, s.options) for s in plan.steps] == [
        (StepKind.MERGE, ("3", "2"), {"overwrite": False})
    ]
    assert leadlex_final_state(plan, recs) == plan.targets
    assert plan.targets["city"] == "Tromsø" and plan.targets["name"] == "Ann"


def test_leadlex_group_of_25_is_a_chain_of_20_and_5_with_typed_and_cleared_values():
    recs = records(
        **{str(i): {"name": f"N{i}", "city": f"C{i}", "email": None} for i in range(1, 27)}
    )
    recs["1"] = Record(id="1", fields={"name": "N1", "city": "C1", "email": None})
    others = tuple(str(i) for i in range(2, 27))
    chosen = merge(
        others=others, name={"value": "Typed"}, city={"value": None}, email={"from": "1"}
    )
    plan = plan_steps(chosen, recs, LEADLEX, FIELDS)
    merges = [s for s in plan.steps if s.kind == StepKind.MERGE]
    assert [len(s.losers) for s in merges] == [20, 5]
    # Every duplicate overwrites name and city, so nothing written first would survive:
    # overwrite mode and one update at the end (3 calls) beat fill-only's 4.
    assert {s.options["overwrite"] for s in merges} == {True}
    assert plan.steps[-1].kind == StepKind.UPDATE
    assert plan.steps[-1].values == {"name": "Typed", "city": None}
    assert len(plan.steps) == 3
    assert leadlex_final_state(plan, recs) == plan.targets


def test_leadlex_typed_value_and_a_pick_from_the_duplicate_are_one_patch_then_fill_only():
    recs = records(
        **{
            "1": {"name": "Ann", "email": "a@x.io", "city": "Bergen"},
            "2": {"name": "Anne", "email": "b@y.io", "city": None},
        }
    )
    plan = plan_steps(merge(name={"value": "Typed"}, email={"from": "2"}), recs, LEADLEX, FIELDS)
    # Overwrite would also take email from "2" but then needs the typed name after: a
    # tie at two calls, so the vendor's default fill-only mode is kept.
    assert [(s.kind, s.values, s.options) for s in plan.steps] == [
        (StepKind.UPDATE, {"name": "Typed", "email": "b@y.io"}, {}),
        (StepKind.MERGE, {}, {"overwrite": False}),
    ]
    assert leadlex_final_state(plan, recs) == plan.targets


DATAVERSE = caps(ValuesVia.UPDATE_CONTENT, 1, False)


def test_dataverse_carries_chosen_values_in_the_first_calls_update_content():
    recs = records(**{"1": {"name": "Ann", "city": None}, "2": {"name": "Anne", "city": "Oslo"},
                      "3": {"name": "A.", "city": "Rome"}})
    plan = plan_steps(merge(others=("2", "3"), city={"from": "3"}), recs, DATAVERSE, FIELDS)
    assert [(s.kind, s.losers, s.values) for s in plan.steps] == [
        (StepKind.MERGE, ("2",), {"city": "Rome"}), (StepKind.MERGE, ("3",), {})]


def test_dataverse_incident_writes_chosen_values_first_because_update_content_is_ignored():
    recs = {rid: Record(id=rid, entity="incidents", fields=f) for rid, f in {
        "1": {"name": "Case A", "city": None}, "2": {"name": "Case B", "city": "Oslo"}}.items()}
    plan = plan_steps(merge(name={"from": "2"}, city={"from": "2"}), recs, DATAVERSE, FIELDS)
    assert [(s.kind, s.values) for s in plan.steps] == [
        (StepKind.UPDATE, {"name": "Case B", "city": "Oslo"}), (StepKind.MERGE, {})]
    assert final_state(plan, recs, DATAVERSE)["name"] == "Case B"


def test_deep_merged_attribute_keys_keep_the_bases_blank_and_fill_absent_keys():
    keyed = CHATWOOT.model_copy(update={"keyed_fill_prefixes": ("attrs.",)})
    recs = records(**{"1": {"attrs.city": "", "name": "A"},
                      "2": {"attrs.city": "Oslo", "attrs.plan": "pro", "name": "B"}})
    plan = plan_steps(merge(), recs, keyed, FIELDS)
    assert plan.targets["attrs.city"] == ""  # the base has the key: it wins though blank
    assert plan.targets["attrs.plan"] == "pro"  # absent on the base: filled
    assert [s.kind for s in plan.steps] == [StepKind.MERGE]
