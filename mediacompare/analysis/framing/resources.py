"""Reading the built-in frame definitions shipped in ``mediacompare/resources/frames``."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources

from .lexicon import CueGroup

__all__ = ["load_groups", "package_version", "read_toml"]


@cache
def read_toml(name: str) -> Mapping:
    """Parse one TOML file of ``mediacompare/resources/frames`` (cached).

    Examples
    --------
    >>> sorted(read_toml("policy.toml")["frames"])[:2]
    ['capacity_resources', 'crime_punishment']
    """
    path = resources.files("mediacompare").joinpath("resources", "frames", name)
    return tomllib.loads(path.read_text(encoding="utf-8"))


def load_groups(raw: Mapping[str, Mapping], prefix: str = "") -> tuple[CueGroup, ...]:
    """Build :class:`CueGroup` objects from ``{name: {terms, phrases, regexes, weights}}``."""
    return tuple(
        CueGroup(
            name=prefix + name,
            terms=tuple(spec.get("terms", ())),
            phrases=tuple(spec.get("phrases", ())),
            regexes=tuple(spec.get("regexes", ())),
            weights=dict(spec.get("weights", {})),
        )
        for name, spec in raw.items()
    )


def package_version() -> str:
    """The installed mediacompare version (``"unknown"`` when running from a bare checkout).

    Examples
    --------
    >>> isinstance(package_version(), str)
    True
    """
    import mediacompare

    version = getattr(mediacompare, "__version__", None)
    if version:
        return str(version)
    try:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as dist_version

        return dist_version("mediacompare")
    except PackageNotFoundError:
        return "unknown"
