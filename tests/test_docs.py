"""Every ``mediacompare`` import written in the README and the docs works.

Modules moved (the three-floor layout) must not leave a guide pointing at the old place.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "benchmarks" / "README.md"]
_IMPORT = re.compile(r"^\s*(?:from\s+(mediacompare[\w.]*)\s+import\s+([\w, ()]+)|import\s+(mediacompare[\w.]*))",
                     re.MULTILINE)


def written_imports() -> list[tuple[str, str, tuple[str, ...]]]:
    found = []
    for guide in GUIDES:
        for match in _IMPORT.finditer(guide.read_text(encoding="utf-8")):
            module = match.group(1) or match.group(3)
            names = tuple(n.strip() for n in (match.group(2) or "").strip("() ").split(",") if n.strip())
            found.append((guide.relative_to(ROOT).as_posix(), module, names))
    return found


def test_the_guides_have_imports_to_check():
    assert len(written_imports()) >= 5


@pytest.mark.parametrize(("guide", "module", "names"), written_imports())
def test_a_written_import_resolves(guide, module, names):
    imported = importlib.import_module(module)
    missing = [n for n in names if not hasattr(imported, n)]
    assert not missing, f"{guide}: {module} has no {', '.join(missing)}"
