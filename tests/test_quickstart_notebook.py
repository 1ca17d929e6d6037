"""The quickstart notebook's code runs as written (no Jupyter needed: cells run in order)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "quickstart.ipynb"


def test_quickstart_notebook_runs(tmp_path, monkeypatch, capsys):
    if not NOTEBOOK.exists():
        pytest.skip("examples/ is not part of this installation")
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), str(NOTEBOOK), "exec"), namespace)  # noqa: S102
    assert namespace["cmp"].outlet_names == ("Meduza", "UK tabloid")
    assert set(namespace["mine"].articles["story"]) == {"s01"}
    assert "# Meduza vs UK tabloid" in capsys.readouterr().out
