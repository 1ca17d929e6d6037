"""Every packaged data file is listed with its origin and licence, and read by one reader."""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

from mediacompare import _resources

PACKAGE = Path(__file__).resolve().parents[1] / "mediacompare"
DATA_FOLDERS = ("resources", "examples", "report/templates")


def packaged_files() -> list[str]:
    return sorted(
        p.relative_to(PACKAGE).as_posix()
        for folder in DATA_FOLDERS
        for p in (PACKAGE / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p != PACKAGE / "resources" / "README.md"
    )


def test_every_packaged_file_has_a_provenance_row():
    rows = _resources.provenance()
    missing = [f for f in packaged_files() if not any(fnmatch(f, pattern) for pattern in rows)]
    assert not missing, "add rows to mediacompare/resources/README.md for: " + ", ".join(missing)


def test_provenance_rows_name_existing_files_and_a_licence():
    for pattern, row in _resources.provenance().items():
        assert any(fnmatch(f, pattern) for f in packaged_files()), pattern
        assert row["licence"], pattern


def test_example_articles_are_marked_as_third_party():
    rows = _resources.provenance()
    for name in ("examples/meduza-missile-production-abroad.txt", "examples/uk-tabloid-atacms-first-use.txt"):
        assert "not** covered by the MIT licence" in rows[name]["licence"]


def test_only_the_one_reader_opens_package_data():
    """No module but ``_resources`` calls ``importlib.resources.files`` on mediacompare."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "_resources.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "files"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and str(node.args[0].value).startswith("mediacompare")):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, offenders


def test_version_is_one_value():
    import mediacompare

    assert _resources.version() == mediacompare.__version__
