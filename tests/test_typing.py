"""The package type-checks with mypy under the configuration in ``pyproject.toml``."""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api", reason="install the test extra (mypy)")

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_passes_on_the_package(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # pyproject.toml's [tool.mypy] applies
    out, err, status = api.run(["--cache-dir", str(tmp_path / "cache"), "mediacompare"])
    assert status == 0, out + err
