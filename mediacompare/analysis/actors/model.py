"""Records produced by actor detection (frozen; offsets index the article text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..records import TargetSentiment

__all__ = ["LABEL_KINDS", "ActorLabel", "ActorMention"]

#: Kinds of labels, in display order.
LABEL_KINDS = ("title", "apposition", "nickname", "reference", "verb", "possession", "compound")


@dataclass(frozen=True)
class ActorLabel:
    """Words around a mention that label the actor, with where they are.

    Attributes
    ----------
    text : str
        The label words exactly as in the article (``article[start:end]``).
    kind : str
        ``"title"`` (role, title or adjectives before the name: "Russian president"),
        ``"apposition"`` (", the secretary of ..., "), ``"verb"`` (the verb the actor is the
        subject of: "scoffed", "has told"), ``"possession"`` (what the text gives the actor:
        "Kremlin’s *forces*"), ``"compound"`` (a noun the name modifies: "Kremlin *missiles*")
        ``"nickname"`` (a quoted name the article gives the person: "Rocket Man", see
        :mod:`~mediacompare.analysis.actors.nicknames`) or ``"reference"`` (a nominal reference
        elsewhere in the article linked to this actor: "the dictator", see
        :mod:`~mediacompare.analysis.actors.references`).
    sentence : int
        Index of the sentence the label is in.
    start, end : int
        Character offsets in the article text.
    """

    text: str
    kind: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in one article.

    Attributes
    ----------
    text : str
        The name as written, without title or possessive ``’s`` (``article[start:end]``).
    start, end : int
        Character offsets of the name in the article text.
    sentence : int
        Index of the sentence (from :func:`mediacompare.text.sentences`).
    kind : str
        ``"person"``, ``"organisation"``, ``"group"`` (a party's members, a leader's
        administration or campaign: :mod:`~mediacompare.analysis.actors.groups`), ``"place"``
        or ``"other"``.
    canonical : str
        The actor's name within this article: the catalogue name, or the longest form the
        article uses ("Vladimir Putin" for a later "Mr Putin"). :func:`resolve_actors` maps it
        to a corpus-wide actor.
    title : str or None
        Title or role written before the name in the same capitalised run ("Russian President").
    possessive : bool
        The name carried a possessive ("Russia’s").
    group : str or None
        The actor's group (side) from the catalogue.
    source : str
        How the mention was found: ``"catalog"`` (built-in gazetteer or actors file),
        ``"name"`` (capitalised name heuristics) or ``"group"`` (group-actor rules).
    labels : tuple of ActorLabel
        Descriptors around this mention.
    sentiment : TargetSentiment or None
        How the sentence treats this mention (target-dependent sentiment); None when the
        article was not scored with it.
    """

    text: str
    start: int
    end: int
    sentence: int
    kind: str
    canonical: str
    title: str | None = None
    possessive: bool = False
    group: str | None = None
    source: str = "name"
    labels: tuple[ActorLabel, ...] = ()
    sentiment: TargetSentiment | None = None

    @property
    def verb(self) -> str | None:
        """The verb label's text, if the mention is the subject of a detected verb."""
        return next((lab.text for lab in self.labels if lab.kind == "verb"), None)
