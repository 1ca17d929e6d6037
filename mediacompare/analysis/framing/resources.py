"""Reading the built-in frame definitions shipped in ``mediacompare/resources/frames``."""

from __future__ import annotations

from collections.abc import Mapping

from ... import _resources
from .lexicon import CueGroup

__all__ = ["load_groups", "read_toml"]


def read_toml(name: str) -> Mapping:
    """Parse one TOML file of ``mediacompare/resources/frames`` (cached).

    Examples
    --------
    >>> sorted(read_toml("policy.toml")["frames"])[:2]
    ['capacity_resources', 'crime_punishment']
    """
    return _resources.read_toml("resources", "frames", name)


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
