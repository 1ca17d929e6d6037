"""The bundled example corpus: the two seed articles shipped as package data."""

from __future__ import annotations

import json
from contextlib import ExitStack
from dataclasses import replace
from importlib.resources import as_file
from pathlib import Path

from .._resources import packaged
from ..model import Corpus
from .dispatch import load

__all__ = ["load_example"]


def load_example() -> Corpus:
    """The two bundled seed articles (Meduza vs a UK tabloid) with their outlet labels.

    Meduza names itself in its text (``Source: Meduza``); ``outlets.json`` names the outlets of
    articles that do not, and ``titles.json`` gives a descriptive title to an article saved
    without its headline.

    Examples
    --------
    >>> [(a.outlet, a.outlet_rule) for a in load_example()]
    [('Meduza', 'metadata'), ('UK tabloid', 'explicit')]
    """
    base = packaged("examples")
    mapping: dict[str, str] = json.loads((base / "outlets.json").read_text(encoding="utf-8"))
    names = sorted(p.name for p in base.iterdir() if p.name.endswith(".txt"))
    with ExitStack() as stack:
        paths = [stack.enter_context(as_file(base / name)) for name in names]
        corpus = load(paths, outlets=mapping, strict=True)
    # The saved tabloid text has no headline: titles.json gives a descriptive one.
    titles: dict[str, str] = json.loads((base / "titles.json").read_text(encoding="utf-8"))
    return Corpus(
        tuple(
            replace(a, source=f"mediacompare/examples/{Path(a.source).name}",
                    title=a.title or titles.get(Path(a.source).name))
            for a in corpus
        )
    )
