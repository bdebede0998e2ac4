"""The matching engine switches the garbage collector off while it runs; what it leaves
must not be walked by the first young collection afterwards (a GUI stall of 300 ms at
100,000 records): the scan service freezes it instead."""

from __future__ import annotations

import gc

import pytest

from mergedesk.services.scan import without_young_pile

PILE = 50_000


def _engine_like() -> list[list[int]]:
    """Allocates tracked containers with the collector off, as the engine does."""
    gc.disable()
    try:
        return [[n] for n in range(PILE)]
    finally:
        gc.enable()


def test_the_engines_survivors_are_frozen_not_walked():
    passes: list[int] = []

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    gc.callbacks.append(on_gc)
    try:
        kept = without_young_pile(_engine_like)
    finally:
        gc.callbacks.remove(on_gc)
    assert len(kept) == PILE
    assert passes == []  # no collection started on the pile
    assert gc.get_freeze_count() >= frozen + PILE
    assert gc.get_count()[0] < 100  # the young generation starts afresh
    assert gc.get_threshold() == thresholds


def test_thresholds_come_back_when_matching_fails():
    thresholds = gc.get_threshold()

    def failing() -> None:
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        without_young_pile(failing)
    assert gc.get_threshold() == thresholds
