"""Field-rule templates saved by name in the workspace folder and reused."""

from __future__ import annotations

import pytest

from mergedesk.core.rules import SAFE, FieldRule, RuleKind, RuleTemplate
from mergedesk.services.rule_templates import FILE_NAME, TemplateStore


def test_templates_are_saved_reloaded_replaced_and_deleted(tmp_path, monkeypatch):
    monkeypatch.setenv("MERGEDESK_HOME", str(tmp_path))
    mine = RuleTemplate(name="Newest, phone from master",
                        default=FieldRule(kind=RuleKind.NEWEST),
                        fields={"Phone": FieldRule(kind=RuleKind.FROM_RECORD, record="master")})
    TemplateStore().save(mine)

    again = TemplateStore()  # a new session reads the file
    assert again.path == tmp_path / FILE_NAME
    assert again.names() == [SAFE.name, mine.name] and again.get(mine.name) == mine
    longest = mine.model_copy(update={"default": FieldRule(kind=RuleKind.LONGEST)})
    again.save(longest)
    assert TemplateStore().get(mine.name).default.kind == RuleKind.LONGEST
    assert again.delete(mine.name) and not again.delete(mine.name)
    assert TemplateStore().names() == [SAFE.name]


def test_the_safe_defaults_are_built_in_and_a_broken_entry_is_skipped(tmp_path):
    store = TemplateStore(tmp_path / "t.json")
    with pytest.raises(ValueError, match="built in"):
        store.save(SAFE)
    store.save(RuleTemplate(name="oldest", default=FieldRule(kind=RuleKind.OLDEST)))
    text = store.path.read_text().replace('"templates": [', '"templates": [{"name": ""}, ')
    store.path.write_text(text)
    assert store.names() == [SAFE.name, "oldest"]
    store.path.write_text("not json")
    assert store.names() == [SAFE.name]
