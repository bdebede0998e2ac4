"""What loads before the window shows (tests/benchmarks/bench_startup.py measures the
time): the `mergedesk` command decides GUI or CLI without loading the CLI's commands,
provider packages name their clients lazily, and the GUI entry loads no sandbox, no
client and no matching engine; the version, the models' validators and PySide6's
source scan wait too. Checked in fresh interpreters: sys.modules of this test process
holds everything the other tests imported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

PROVIDERS = ("chatwoot", "dataverse", "leadlex", "pipeliner", "zoho")


def probe(code: str) -> object:
    """What `code`, run in a fresh interpreter, prints as JSON on its last line."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def modules_after(code: str) -> set[str]:
    return set(probe(f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"))


def test_the_command_entry_and_the_registry_load_nothing_heavy():
    loaded = modules_after("import mergedesk.cli, mergedesk.providers.registry\n"
                           + "".join(f"import mergedesk.providers.{p}\n" for p in PROVIDERS))
    heavy = {"pydantic", "httpx", "keyring", "PySide6", "mergedesk.core.plan",
             "mergedesk.providers.base", "mergedesk.services.workspace",
             "mergedesk.services.credentials", "importlib.metadata", "email"}
    assert not heavy & loaded
    assert not {m for m in loaded if m.endswith((".client", ".mapping", ".auth"))}


def test_the_gui_entry_loads_no_sandbox_client_or_matching_engine():
    loaded = modules_after("import mergedesk.cli, mergedesk.app")
    assert "mergedesk.ui.review.main_window" in loaded  # the probe did load the GUI
    deferred = {"mergedesk.sandbox", "uvicorn", "starlette", "numpy", "rapidfuzz",
                "mergedesk.core.matching.engine", "mergedesk.selftest",
                "mergedesk.ui.history.dialog", "mergedesk.ui.history.models"}
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


def test_the_version_is_read_when_asked_for_and_is_the_package_metadata_s():
    loaded = modules_after("import mergedesk")
    assert "importlib.metadata" not in loaded
    from importlib.metadata import version

    import mergedesk

    assert mergedesk.__version__ == version("mergedesk")
    assert mergedesk.__version__ is mergedesk.__dict__["__version__"]  # cached


def test_the_gui_entry_keeps_pyside_from_reading_every_module_s_source():
    """PySide6's import hook reads each later module's source (into linecache) unless
    the GUI entry turned that off: ~350 files before the first paint."""
    read = probe("import linecache, mergedesk.cli\n"
                 "mergedesk.cli._skip_pyside_source_scan()\n"
                 "import mergedesk.app\n"
                 "import json, sys\n"
                 "print(json.dumps(sorted(linecache.cache)))")
    assert not [name for name in read if "mergedesk" in name]


def test_the_core_models_build_their_validators_at_first_use_not_at_import():
    code = ("from mergedesk.core import capabilities, models, plan\n"
            "import json\n"
            "print(json.dumps([models.Record.__pydantic_complete__,"
            " plan.MergePlan.__pydantic_complete__,"
            " capabilities.Capabilities.__pydantic_complete__]))")
    assert probe(code) == [False, False, False]
    from mergedesk.core.models import Record

    assert Record(id="r1", fields={"Name": "Ng"}).id == "r1"  # built on first use


def test_the_demo_keeps_its_throwaway_data_in_memory_where_linux_offers_it():
    from pathlib import Path

    from mergedesk.app import DEMO_MEMORY_ROOM, _demo_folder

    shm = Path("/dev/shm")
    folder = _demo_folder()
    try:
        roomy = shm.is_dir() and shutil.disk_usage(shm).free > DEMO_MEMORY_ROOM
        assert (Path(folder.name).parent == shm) == roomy
        assert Path(folder.name).name.startswith("mergedesk-demo-")
    finally:
        folder.cleanup()
    assert not Path(folder.name).exists()
