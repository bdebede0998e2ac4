"""Named field-rule templates (core.rules.RuleTemplate: fill blanks, newest, oldest,
longest, from a given record, per field or as the default) saved for reuse, as one small
JSON file in the workspace folder (MERGEDESK_HOME, else the platform's data folder).

Owns that file only; what a template does is core.rules'. No Qt."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from mergedesk.core.rules import SAFE, RuleTemplate
from mergedesk.services.workspace import data_dir

FILE_NAME = "rule_templates.json"


class TemplateStore:
    """The saved templates, by name. The built-in safe defaults are always listed first
    and cannot be overwritten or deleted."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / FILE_NAME

    def names(self) -> list[str]:
        return [t.name for t in self.all()]

    def all(self) -> list[RuleTemplate]:
        return [SAFE, *self._saved().values()]

    def get(self, name: str) -> RuleTemplate | None:
        return SAFE if name == SAFE.name else self._saved().get(name)

    def save(self, template: RuleTemplate) -> None:
        """Add `template`, replacing a saved one of the same name."""
        if template.name == SAFE.name:
            raise ValueError(f"{SAFE.name!r} is built in; save the template under another name")
        saved = self._saved()
        saved[template.name] = template
        self._write(saved)

    def delete(self, name: str) -> bool:
        saved = self._saved()
        if saved.pop(name, None) is None:
            return False
        self._write(saved)
        return True

    def _saved(self) -> dict[str, RuleTemplate]:
        """What the file holds; an entry that no longer validates is skipped rather than
        making every template unusable (a hand-edited or older file)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}
        found: dict[str, RuleTemplate] = {}
        for item in raw.get("templates", []) if isinstance(raw, dict) else []:
            try:
                template = RuleTemplate.model_validate(item)
            except ValidationError:
                continue
            found[template.name] = template
        return found

    def _write(self, saved: dict[str, RuleTemplate]) -> None:
        """Atomically: a crash mid-write leaves the previous file, never half of one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {"version": 1, "templates": [
            t.model_dump(mode="json", exclude_none=True) for t in saved.values()]}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".rule_templates.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(body, out, indent=2, ensure_ascii=False)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
