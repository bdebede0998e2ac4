"""Bring translations/*.ts up to date with the code: `make translations` runs this, and
tests/ui/test_i18n.py runs it on a copy to find strings without a translation.

pyside6-lupdate finds `self.tr("…")` and `QCoreApplication.translate("Context", "…")`,
but not strings passed through a module's small helper such as

    def _t(text: str) -> str:
        return QCoreApplication.translate("MergeQueue", text)

(it skips `_t("…")`, and reads a local `tr("…")` as a call without context, which the
app would never look up). So lupdate reads a copy of the code in which each call of
such a helper (found with `ast`) is spelled out as the translate call it makes.

    python packaging/tools/update_translations.py [TS_FILE ...]   (default: translations/*.ts)
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "mergedesk" / "ui", ROOT / "mergedesk" / "app.py"]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def source_files() -> list[Path]:
    files: list[Path] = []
    for source in SOURCES:
        files += sorted(source.rglob("*.py")) if source.is_dir() else [source]
    return files


def helper_context(node: ast.FunctionDef) -> str | None:
    """'MergeQueue' for `def _t(text): return QCoreApplication.translate("MergeQueue", text)`."""
    body = [s for s in node.body
            if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    params = [a.arg for a in node.args.args]
    if len(body) != 1 or len(params) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not isinstance(call, ast.Call) or len(call.args) != 2:
        return None
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    context, text = call.args
    if (name == "translate" and isinstance(context, ast.Constant)
            and isinstance(context.value, str) and isinstance(text, ast.Name)
            and text.id == params[0]):
        return context.value
    return None


def helpers(source: str, path: Path) -> tuple[dict[str, str], list[str]]:
    """The translation helpers defined in `source` (name -> context), and the calls of
    them lupdate cannot extract (a computed text has no source string)."""
    tree = ast.parse(source, str(path))
    found = {node.name: ctx for node in ast.walk(tree)
             if isinstance(node, ast.FunctionDef) and (ctx := helper_context(node))}
    # A computed text is fine where its literals are marked for lupdate elsewhere in the
    # module with QT_TRANSLATE_NOOP("<the helper's context>", "…").
    marked = {node.args[0].value for node in ast.walk(tree)
              if isinstance(node, ast.Call) and getattr(node.func, "id", "") ==
              "QT_TRANSLATE_NOOP" and node.args and isinstance(node.args[0], ast.Constant)}
    problems = [f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.id}() of a computed "
                "text is never extracted: pass a literal, or mark the literals with "
                f'QT_TRANSLATE_NOOP("{found[node.func.id]}", text)'
                for node in ast.walk(tree)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in found and node.args
                and not isinstance(node.args[0], ast.Constant)
                and found[node.func.id] not in marked]
    return found, problems


def spelled_out(source: str, found: dict[str, str]) -> str:
    """`_t("…")` -> `QCoreApplication.translate("Ctx", "…")`; definitions and methods
    (`self.tr`) are left alone."""
    for name, context in found.items():
        call = re.compile(r"(?<![\w.])(?<!def )" + re.escape(name) + r"\(")
        source = call.sub(f'QCoreApplication.translate("{context}", ', source)
    return source


def update(ts_files: list[Path]) -> list[str]:
    """Run lupdate into `ts_files`; returns the helper calls it cannot see."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        copies = []
        for path in source_files():
            source = path.read_text(encoding="utf-8")
            found, unseen = helpers(source, path)
            problems += unseen
            copy = Path(folder) / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(spelled_out(source, found), encoding="utf-8")
            copies.append(str(copy))
        # No source locations: line numbers would change every .ts on every edit.
        subprocess.run([str(LUPDATE), "-silent", "-no-obsolete", "-locations", "none",
                        *copies, "-ts", *map(str, ts_files)], check=True)
    return problems


if __name__ == "__main__":
    targets = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "translations").glob("*.ts"))
    for problem in update(targets):
        print(problem, file=sys.stderr)
    for target in targets:
        root = ET.parse(target).getroot()
        open_ = sum(1 for t in root.iter("translation") if t.get("type") == "unfinished")
        print(f"{target}: {len(root.findall('context/message'))} messages, {open_} unfinished")
