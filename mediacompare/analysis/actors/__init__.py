"""Actors in one article: who is in the story and what the text calls them.

:func:`detect_actors` turns an article's sentences into :class:`ActorMention` records (name,
span, type, labels). A user's TOML actors file (:func:`load_actor_catalog`) adds aliases, types
and groups. Merging the articles' names into corpus actors is comparison work
(:mod:`mediacompare.comparison.actors`).
"""

from __future__ import annotations

from .catalog import ActorCatalog, CatalogEntry, builtin_catalog
from .detect import detect_actors
from .labels import antecedent
from .lexicon import KINDS, Verb, lexicon
from .model import LABEL_KINDS, ActorLabel, ActorMention
from .userfile import load_actor_catalog, parse_actor_catalog

__all__ = [
    "KINDS",
    "LABEL_KINDS",
    "ActorCatalog",
    "ActorLabel",
    "ActorMention",
    "CatalogEntry",
    "Verb",
    "antecedent",
    "builtin_catalog",
    "detect_actors",
    "lexicon",
    "load_actor_catalog",
    "parse_actor_catalog",
]
