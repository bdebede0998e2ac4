"""What the no-loss defaults cost the compare view: showing a group of 10 records x 100
fields (e-mails and phones with slots, tags, long text, an opt-out, an owner) and one
edit (a pick, a tick), each of which re-runs core.rules.resolve and the preview.
Prints JSON: wall and CPU milliseconds (median of runs) and the load average.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_compare_checklists"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record, Sensitive
from mergedesk.providers.zoho.client import CAPABILITIES
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.refcount import keep_none_alive

RECORDS, PLAIN, RUNS = 10, 90, 15


def fields() -> list[FieldDef]:
    return [
        FieldDef(api_name="Email", label="Email", type=FieldType.EMAIL),
        FieldDef(api_name="Secondary_Email", label="Secondary Email", type=FieldType.EMAIL,
                 role=FieldRole.SLOT, slot_of="Email"),
        FieldDef(api_name="Phone", label="Phone", type=FieldType.PHONE),
        FieldDef(api_name="Mobile", label="Mobile", type=FieldType.PHONE, role=FieldRole.SLOT,
                 slot_of="Phone"),
        FieldDef(api_name="Tag", label="Tag", type=FieldType.MULTI_PICKLIST, multi_valued=True),
        FieldDef(api_name="Description", label="Description", type=FieldType.LONG_TEXT,
                 role=FieldRole.NOTE),
        FieldDef(api_name="Email_Opt_Out", label="Opt out", type=FieldType.BOOLEAN,
                 sensitive=Sensitive.OPT_OUT),
        FieldDef(api_name="Owner", label="Owner", type=FieldType.LOOKUP,
                 sensitive=Sensitive.OWNER),
        *(FieldDef(api_name=f"F{i}", label=f"Field {i}") for i in range(PLAIN)),
    ]


def records() -> list[Record]:
    return [Record(id=str(n), fields={
        "Email": f"p{n}@example.com", "Phone": f"+1 415 555 01{n:02d}",
        "Tag": [f"t{n % 3}", "vip"], "Description": f"note {n}", "Email_Opt_Out": n == 7,
        "Owner": {"id": f"u{n % 2}", "name": f"Owner {n % 2}"},
        **{f"F{i}": f"v{i}-{n % 2}" for i in range(PLAIN)}}) for n in range(RECORDS)]


def timed(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def median(samples: list[tuple[float, float]]) -> dict[str, float]:
    return {"wall_ms": round(statistics.median(s[0] for s in samples), 2),
            "cpu_ms": round(statistics.median(s[1] for s in samples), 2)}


def main() -> None:
    keep_none_alive()  # PySide6 6.12 on Python 3.11 (ui.refcount)
    QApplication.instance() or QApplication([])
    model, defs, group = CompareModel(), fields(), records()
    shown = [timed(lambda: model.set_group("g", group, defs, CAPABILITIES)) for _ in range(RUNS)]
    tag = model.row_of("Tag")
    ticks = [timed(lambda: model.toggle(tag)) for _ in range(RUNS)]
    name = model.row_of("F3")
    picks = [timed(lambda n=n: model.choose(name, str(n % RECORDS))) for n in range(RUNS)]
    print(json.dumps({
        "records": RECORDS, "fields": len(defs), "rows": model.rowCount(),
        "show_group": median(shown), "tick": median(ticks), "pick": median(picks),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }))


if __name__ == "__main__":
    main()
