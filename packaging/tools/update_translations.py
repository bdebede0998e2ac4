"""Bring translations/*.ts up to date with the code: `make translations` runs this, and
tests/ui/test_i18n.py runs it on a copy to find strings without a translation.

pyside6-lupdate finds `self.tr("…")` and `QCoreApplication.translate("Context", "…")`,
but not strings passed through a module's small helper such as

    def _t(text: str) -> str:
        return QCoreApplication.translate("MergeQueue", text)

or a method's `tr = self.tr` (it skips `_t("…")`, and reads a bare `tr("…")` as a call
without context, which the app never looks up). So lupdate reads a copy of the code in
which each call of such a helper (found with `ast`, by scope) is spelled out as the
translate call it makes.

    python packaging/tools/update_translations.py [TS_FILE ...]   (default: translations/*.ts)
"""

from __future__ import annotations

import ast
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


def _is_self_tr(value: ast.expr) -> bool:
    return (isinstance(value, ast.Attribute) and value.attr == "tr"
            and isinstance(value.value, ast.Name) and value.value.id == "self")


class _Scopes(ast.NodeVisitor):
    """Finds each call of a translation helper and the context it translates in, by
    scope: `def _t(text)` at module level or inside a function, and `tr = self.tr`
    inside a method (the class's name is the context, as Qt's tr() uses it)."""

    def __init__(self) -> None:
        self.calls: list[tuple[ast.Call, str]] = []  # (call, context)
        self.unseen: list[ast.Call] = []  # helper calls of a computed text
        self.marked: set[str] = set()  # contexts with QT_TRANSLATE_NOOP literals
        self._scopes: list[dict[str, str]] = [{}]
        self._classes: list[str] = []

    def visit_Module(self, node: ast.Module) -> None:
        self._bind(node.body)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._classes.append(node.name)
        self.generic_visit(node)
        self._classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._scopes.append({})
        self._bind(node.body)
        self.generic_visit(node)
        self._scopes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = getattr(node.func, "id", None)
        if name == "QT_TRANSLATE_NOOP" and node.args and isinstance(node.args[0], ast.Constant):
            self.marked.add(node.args[0].value)
        context = self._resolve(name) if name else None
        if context is not None and node.args:
            text = node.args[0]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                self.calls.append((node, context))
            else:
                self.unseen.append(node)
        self.generic_visit(node)

    def _bind(self, body: list[ast.stmt]) -> None:
        scope = self._scopes[-1]
        for statement in body:
            if isinstance(statement, ast.FunctionDef) and (ctx := helper_context(statement)):
                scope[statement.name] = ctx
            elif (isinstance(statement, ast.Assign) and _is_self_tr(statement.value)
                  and self._classes):
                for target in statement.targets:
                    if isinstance(target, ast.Name):
                        scope[target.id] = self._classes[-1]

    def _resolve(self, name: str) -> str | None:
        for scope in reversed(self._scopes):
            if name in scope:
                return scope[name]
        return None


def helpers(source: str, path: Path) -> tuple[list[tuple[ast.Call, str]], list[str]]:
    """The helper calls in `source` with their contexts, and the ones lupdate cannot
    extract: a computed text, unless its literals are marked with QT_TRANSLATE_NOOP."""
    scopes = _Scopes()
    scopes.visit(ast.parse(source, str(path)))
    problems = [f"{path.relative_to(ROOT)}:{call.lineno}: {call.func.id}() of a computed "
                "text is never extracted: pass a literal, or mark the literals with "
                "QT_TRANSLATE_NOOP(context, text)"
                for call in scopes.unseen if not scopes.marked]
    return scopes.calls, problems


def spelled_out(source: str, calls: list[tuple[ast.Call, str]]) -> str:
    """Each helper call `_t("…")` -> `QCoreApplication.translate("Ctx", "…")`, by its
    position in the source (ast columns count UTF-8 bytes)."""
    lines = source.encode("utf-8").split(b"\n")
    for call, context in sorted(calls, key=lambda c: (c[0].lineno, c[0].col_offset),
                                reverse=True):
        func = call.func
        row = lines[func.lineno - 1]
        assert row[func.end_col_offset:func.end_col_offset + 1] == b"(", "call spans lines"
        spelled = f'QCoreApplication.translate("{context}", '.encode()
        lines[func.lineno - 1] = row[:func.col_offset] + spelled + row[func.end_col_offset + 1:]
    return b"\n".join(lines).decode("utf-8")


def update(ts_files: list[Path]) -> list[str]:
    """Run lupdate into `ts_files`; returns the helper calls it cannot see."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        copies = []
        for path in source_files():
            source = path.read_text(encoding="utf-8")
            calls, unseen = helpers(source, path)
            problems += unseen
            copy = Path(folder) / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(spelled_out(source, calls), encoding="utf-8")
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
