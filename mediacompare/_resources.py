"""The one reader for everything mediacompare ships: lexicons, models, templates, examples.

Every packaged file lives under the ``mediacompare`` package and is read through
:mod:`importlib.resources`, so it works from a checkout, a wheel or a zip alike and nothing is
ever downloaded. ``mediacompare/resources/README.md`` lists each file's origin, licence and
citation; :func:`provenance` reads that table.

Examples
--------
>>> "Ukraine" in read_text("resources", "actors", "countries.tsv")
True
>>> version("mediacompare") != ""
True
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from ._version import __version__

__all__ = ["packaged", "provenance", "read_bytes", "read_text", "read_toml", "version"]

PACKAGE = "mediacompare"


def packaged(*parts: str) -> Traversable:
    """The packaged file or folder ``mediacompare/<parts…>`` (it may not exist).

    Examples
    --------
    >>> packaged("resources", "frames", "generic.toml").is_file()
    True
    """
    return resources.files(PACKAGE).joinpath(*parts)


def read_text(*parts: str) -> str:
    """The UTF-8 text of the packaged file ``mediacompare/<parts…>``."""
    return packaged(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    """The bytes of the packaged file ``mediacompare/<parts…>``."""
    return packaged(*parts).read_bytes()


@cache
def read_toml(*parts: str) -> dict[str, Any]:
    """The parsed packaged TOML file ``mediacompare/<parts…>`` (cached; do not mutate).

    Examples
    --------
    >>> sorted(read_toml("resources", "frames", "policy.toml")["frames"])[:2]
    ['capacity_resources', 'crime_punishment']
    """
    return tomllib.loads(read_text(*parts))


@cache
def version(distribution: str = PACKAGE) -> str:
    """The version of ``distribution``: for mediacompare the running code's own, for others
    the installed one, or ``"unknown"`` when it is not installed."""
    if distribution == PACKAGE:
        return __version__
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(distribution)
    except PackageNotFoundError:
        return "unknown"


@cache
def provenance() -> dict[str, dict[str, str]]:
    """Origin, licence and citation of every packaged file, from ``resources/README.md``.

    Returns a mapping of path (relative to ``mediacompare/``) to the columns of its row.

    Examples
    --------
    >>> provenance()["resources/frames/generic.toml"]["licence"]
    'MIT'
    """
    rows: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for line in read_text("resources", "README.md").splitlines():
        if not line.startswith("|"):
            if rows:  # the first table (packaged files) has ended
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not header:
            header = [c.lower() for c in cells]
        elif not set(line) <= set("|-: ") and len(cells) == len(header):
            for name in cells[0].split(","):
                rows[name.strip().strip("`")] = dict(zip(header[1:], cells[1:]))
    return rows
