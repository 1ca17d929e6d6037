"""Ingest: turn files, folders and DataFrames into :class:`~mediacompare.model.Article` objects.

This is the only part of mediacompare that reads input files or parses HTML. One module per
input kind — :mod:`.plaintext` (``.txt``/``.md``), :mod:`.html`, :mod:`.tabular` (JSON, JSONL,
CSV/TSV, DataFrame) — plus :mod:`.clean` (furniture, repeated blocks, normalisation),
:mod:`.metadata` (outlet precedence, dates, ids), :mod:`.dispatch` (walking inputs,
collecting problems) and :mod:`.example` (the bundled seed articles).

Examples
--------
>>> from mediacompare.ingest import load_example
>>> [(a.outlet, a.title is not None) for a in load_example()]
[('Meduza', True), ('UK tabloid', True)]
"""

from __future__ import annotations

from .dispatch import SUPPORTED_EXTENSIONS, load, stream
from .example import load_example
from .metadata import OUTLET_RULES
from .record import Columns

__all__ = ["OUTLET_RULES", "SUPPORTED_EXTENSIONS", "Columns", "load", "load_example", "stream"]
