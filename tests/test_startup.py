"""Start-up: ``mediacompare --help`` (and each command's ``--help``) imports no heavy library
(pandas, scikit-learn, numpy, Dask …): help answers at once, analysis imports them when it runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "sklearn", "numpy", "scipy", "dask", "distributed", "jinja2", "trafilatura", "nltk")

PROBE = """
import sys
from mediacompare.cli import cli
try:
    cli.main(args=sys.argv[1:], prog_name="mediacompare", standalone_mode=False)
except SystemExit:
    pass
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
print("HEAVY:" + ",".join(heavy))
"""


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], ["score", "--help"],
                                  ["inspect", "--help"], ["--version"]])
def test_help_imports_no_heavy_library(args):
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
                          capture_output=True, text=True, check=True, timeout=60)
    line = next(x for x in done.stdout.splitlines() if x.startswith("HEAVY:"))
    assert line == "HEAVY:", f"{args}: imported {line[6:]}"
    assert "Usage" in done.stdout or "version" in done.stdout
