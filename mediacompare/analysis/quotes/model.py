"""The quote record."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QUOTE_KINDS", "Quote"]

QUOTE_KINDS = ("direct", "indirect", "fragment")


@dataclass(frozen=True)
class Quote:
    """One quote or piece of reported speech.

    Attributes
    ----------
    text : str
        The quoted words (segments of an interrupted quote joined by a space).
    start, end : int
        Span in the article text; ``text == article[start:end]`` unless the quote is
        interrupted (then the span includes the interruption; see ``segments``).
    kind : str
        ``"direct"``, ``"indirect"`` or ``"fragment"``.
    speaker : str or None
        Actor name, descriptor text ("A state department spokesman") or None.
    speaker_actor : str or None
        The actor's article-level canonical name when the speaker is a detected actor.
    verb, verb_text, verb_class : str or None
        Lemma ("say"), words as written ("has said" → "said") and class (neutral/loaded).
    sentence : int
        Index of the sentence where the quote starts.
    segments : tuple of (int, int)
        Character spans of the quoted parts.
    speaker_via : str or None
        How the speaker was found: ``"name"``, ``"pronoun"``, ``"description"`` ("the
        official"), ``"descriptor"`` (kept as text), ``"continuation"`` (same speaker as the
        previous quote), ``"enclosing"`` (from the attribution the quote sits in) or
        ``"colon"`` (the subject of the sentence that introduces the quote with a colon).
        None with ``speaker`` None: the quote is *unattributed* (no confident speaker).
    speaker_span : (int, int) or None
        Evidence: character span of the speaker mention or phrase the speaker was read from
        (for a pronoun, the antecedent's mention; for a continuation, the earlier quote's
        speaker).
    verb_span : (int, int) or None
        Evidence: character span of the attribution verb ("said", "according to").
    """

    text: str
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_actor: str | None = None
    verb: str | None = None
    verb_text: str | None = None
    verb_class: str | None = None
    sentence: int = 0
    segments: tuple[tuple[int, int], ...] = ()
    speaker_via: str | None = None
    speaker_span: tuple[int, int] | None = None
    verb_span: tuple[int, int] | None = None
