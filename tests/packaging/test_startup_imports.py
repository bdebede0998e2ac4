"""What loads before the window shows (tests/benchmarks/bench_startup.py measures the
time): the `mergedesk` command decides GUI or CLI without loading the CLI's commands,
provider packages name their clients lazily, and the GUI entry loads no sandbox, no
client and no matching engine. Checked in fresh interpreters: sys.modules of this test
process holds everything the other tests imported."""

from __future__ import annotations

import json
import subprocess
import sys

PROVIDERS = ("chatwoot", "dataverse", "leadlex", "pipeliner", "zoho")


def modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_the_command_entry_and_the_registry_load_nothing_heavy():
    loaded = modules_after("import mergedesk.cli, mergedesk.providers.registry\n"
                           + "".join(f"import mergedesk.providers.{p}\n" for p in PROVIDERS))
    heavy = {"pydantic", "httpx", "keyring", "PySide6", "mergedesk.core.plan",
             "mergedesk.providers.base", "mergedesk.services.workspace",
             "mergedesk.services.credentials"}
    assert not heavy & loaded
    assert not {m for m in loaded if m.endswith((".client", ".mapping", ".auth"))}


def test_the_gui_entry_loads_no_sandbox_client_or_matching_engine():
    loaded = modules_after("import mergedesk.cli, mergedesk.app")
    assert "mergedesk.ui.review.main_window" in loaded  # the probe did load the GUI
    deferred = {"mergedesk.sandbox", "uvicorn", "starlette", "numpy", "rapidfuzz",
                "mergedesk.core.matching.engine", "mergedesk.selftest"}
    assert not deferred & loaded
    clients = {f"mergedesk.providers.{p}.client" for p in PROVIDERS}
    assert not clients & loaded


def test_provider_packages_still_export_their_classes_and_the_registry_finds_them():
    import importlib

    from mergedesk.providers import leadlex, registry, zoho
    from mergedesk.providers.leadlex.pacing import RateBudget
    from mergedesk.providers.zoho.client import ZohoProvider

    assert zoho.ZohoProvider is ZohoProvider and leadlex.RateBudget is RateBudget
    for name, spec in registry.PROVIDERS.items():
        module, _, attribute = spec.factory.partition(":")
        package = importlib.import_module(f"mergedesk.providers.{name}")
        assert attribute in package.__all__
        assert getattr(package, attribute) is getattr(importlib.import_module(module), attribute)
