"""The package's three floors keep one direction: analysis → comparison → report.

Every import is checked, including imports inside functions and under ``TYPE_CHECKING``, so a
lazy import cannot sneak a cycle back in.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mediacompare"

#: floor → packages of mediacompare it must never import
FORBIDDEN = {
    "analysis": ("mediacompare.comparison", "mediacompare.report", "mediacompare.api",
                 "mediacompare.ingest", "mediacompare.cli"),
    "comparison": ("mediacompare.report", "mediacompare.api", "mediacompare.ingest",
                   "mediacompare.cli"),
    "report": ("mediacompare.api", "mediacompare.cli"),
    "ingest": ("mediacompare.analysis", "mediacompare.comparison", "mediacompare.report",
               "mediacompare.api", "mediacompare.cli"),
}
#: the floor's shared ground: what every floor may import
GROUND = (
    "mediacompare.model", "mediacompare.text", "mediacompare.errors", "mediacompare._resources",
    "mediacompare._version",
)


def module_name(path: Path, root: Path = PACKAGE.parent) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path = PACKAGE.parent) -> list[tuple[int, str]]:
    """Absolute names of every ``mediacompare`` module imported anywhere in ``path``.

    >>> imported_modules(PACKAGE / "analysis" / "records.py")[0][1]
    'mediacompare.model'
    """
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                # ``from . import x`` imports the submodule x when there is one
                sub = f"{target}.{alias.name}".replace(".", "/")
                is_module = (root / sub).is_dir() or (root / f"{sub}.py").is_file()
                found.append((node.lineno, f"{target}.{alias.name}" if is_module else target))
    return [(line, m) for line, m in found if m == "mediacompare" or m.startswith("mediacompare.")]


def floor_files(floor: str) -> list[Path]:
    return sorted((PACKAGE / floor).rglob("*.py"))


@pytest.mark.parametrize("floor", sorted(FORBIDDEN))
def test_floors_import_only_downwards(floor):
    violations = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for path in floor_files(floor)
        for line, target in imported_modules(path)
        if target == "mediacompare"
        or any(target == f or target.startswith(f + ".") for f in FORBIDDEN[floor])
    ]
    assert not violations, "\n".join(violations)


def test_ground_modules_import_only_the_ground():
    for name in GROUND:
        path = PACKAGE.parent / (name.replace(".", "/") + ".py")
        if not path.exists():
            continue
        for line, target in imported_modules(path):
            assert target in GROUND, f"{path.name}:{line} imports {target}"


def test_every_floor_exists_and_is_a_package():
    for floor in ("analysis", "comparison", "report", "ingest"):
        assert (PACKAGE / floor / "__init__.py").is_file()
    assert (PACKAGE / "py.typed").is_file()


def test_the_checker_sees_lazy_relative_and_submodule_imports(tmp_path):
    analysis = tmp_path / "mediacompare" / "analysis"
    (tmp_path / "mediacompare" / "report").mkdir(parents=True)
    (tmp_path / "mediacompare" / "report" / "render.py").write_text("")
    analysis.mkdir()
    (analysis / "x.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from mediacompare.comparison import records\n"
        "def f():\n    from ..report import render\n    from .. import report\n"
    )
    found = {m for _, m in imported_modules(analysis / "x.py", tmp_path)}
    assert {"mediacompare.comparison", "mediacompare.report", "mediacompare.report.render"} <= found
