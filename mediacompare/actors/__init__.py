"""Actors: who is in the story, what the text calls them, and how they are merged.

Per article, :func:`detect_actors` turns the article's sentences into :class:`ActorMention`
records (name, span, type, labels). Across the corpus, :func:`resolve_actors` merges the
per-article names into one :class:`ActorIndex` ("Vladimir Putin" = "Putin" = "Mr Putin").
A user's TOML actors file (:func:`load_actor_catalog`) adds aliases, types and groups.
"""

from __future__ import annotations

from .catalog import ActorCatalog, CatalogEntry, builtin_catalog
from .detect import detect_actors
from .labels import antecedent
from .lexicon import KINDS, Verb, lexicon
from .model import LABEL_KINDS, ActorLabel, ActorMention
from .resolve import Actor, ActorCoverage, ActorIndex, actor_coverage, resolve_actors
from .userfile import load_actor_catalog, parse_actor_catalog

__all__ = [
    "KINDS",
    "LABEL_KINDS",
    "Actor",
    "ActorCatalog",
    "ActorCoverage",
    "ActorIndex",
    "ActorLabel",
    "ActorMention",
    "ActorSentimentVectorizer",
    "CatalogEntry",
    "Verb",
    "actor_coverage",
    "antecedent",
    "builtin_catalog",
    "detect_actors",
    "lexicon",
    "load_actor_catalog",
    "parse_actor_catalog",
    "resolve_actors",
]


def __getattr__(name: str):
    if name == "ActorSentimentVectorizer":  # imports scikit-learn: only on first use
        from .features import ActorSentimentVectorizer

        return ActorSentimentVectorizer
    raise AttributeError(f"module 'mediacompare.actors' has no attribute {name!r}")
