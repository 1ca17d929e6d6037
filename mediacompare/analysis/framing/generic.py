"""Generic news frames (Semetko & Valkenburg 2000) as item-level yes/no detectors.

Each codebook question ("does the story provide a human example or face?") is answered by a
detector: one or more sentence *patterns* over cue groups (a cue of each of these groups, at
least ``min_cues`` cues of those, none of these, a cue of these inside -- or outside --
quotation marks), and the item is answered *yes* when at least ``min_sentences`` sentences
match. The frame score is the mean of its item answers and the frame is *present* when the
score reaches the frame's threshold. Cue groups, items, thresholds and the items left out
(those that need pictures) live in ``mediacompare/resources/frames/generic.toml`` and are
documented in ``docs/frames.md``.

Examples
--------
>>> from mediacompare.text import sentences
>>> text = "Critics accused the government of failing farmers. The plan will cost $2 billion."
>>> frames = score_generic(sentences(text))
>>> [item.id for item in frames["conflict"].items if item.answer]
['co2']
>>> ev = frames["conflict"].items[1].evidence[0]
>>> text[ev.start:ev.end]
'Critics accused the government of failing farmers.'
>>> [c.text for c in ev.cues]
['accused']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ...model import Sentence
from .lexicon import CueGroup, Hit, Matcher
from .quotes import MARKS, drop_scare_quoted, quoted_spans, scare_quote_spans
from .records import GENERIC_FRAMES, Cue, Evidence, GenericFrame, ItemAnswer
from .resources import load_groups, read_toml

__all__ = [
    "GenericCodebook",
    "GenericFrameSpec",
    "ItemRule",
    "LeftOutItem",
    "Pattern",
    "generic_codebook",
    "quoted_spans",
    "scare_quote_spans",
    "score_generic",
]


@dataclass(frozen=True)
class Pattern:
    """One way a sentence can answer an item (see the module docstring)."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    quoted: tuple[str, ...] = ()
    unquoted: tuple[str, ...] = ()
    min_cues: int = 1

    def groups(self) -> tuple[str, ...]:
        return (*self.all, *self.any, *self.none, *self.quoted, *self.unquoted)


@dataclass(frozen=True)
class ItemRule:
    """A codebook question and its detector."""

    id: str
    frame: str
    question: str
    patterns: tuple[Pattern, ...]
    min_sentences: int = 1


@dataclass(frozen=True)
class LeftOutItem:
    """A codebook question that the text alone cannot answer (e.g. it asks about pictures)."""

    id: str
    frame: str
    question: str
    reason: str


@dataclass(frozen=True)
class GenericFrameSpec:
    """Name, label, description, presence threshold and known blind spots of a generic frame."""

    name: str
    label: str
    description: str
    threshold: float
    blind_spots: str = ""


@dataclass(frozen=True)
class GenericCodebook:
    """The built-in generic-frame codebook (cue groups, items, frames, left-out items)."""

    groups: tuple[CueGroup, ...]
    items: tuple[ItemRule, ...]
    frames: Mapping[str, GenericFrameSpec]
    left_out: tuple[LeftOutItem, ...]

    def items_of(self, frame: str) -> tuple[ItemRule, ...]:
        """The items of one frame, in codebook order."""
        return tuple(item for item in self.items if item.frame == frame)


def _pattern(raw: Mapping) -> Pattern:
    return Pattern(
        all=tuple(raw.get("all", ())),
        any=tuple(raw.get("any", ())),
        none=tuple(raw.get("none", ())),
        quoted=tuple(raw.get("quoted", ())),
        unquoted=tuple(raw.get("unquoted", ())),
        min_cues=int(raw.get("min_cues", 1)),
    )


@lru_cache(maxsize=1)
def generic_codebook() -> GenericCodebook:
    """Load (once) the built-in generic-frame codebook from the package resources.

    Examples
    --------
    >>> cb = generic_codebook()
    >>> tuple(cb.frames) == GENERIC_FRAMES
    True
    >>> [item.id for item in cb.left_out]
    ['hi5']
    """
    data = read_toml("generic.toml")
    groups = load_groups(data["groups"], prefix="")
    items = tuple(
        ItemRule(
            id=raw["id"],
            frame=raw["frame"],
            question=raw["question"],
            patterns=tuple(_pattern(p) for p in raw["patterns"]),
            min_sentences=int(raw.get("min_sentences", 1)),
        )
        for raw in data["items"]
    )
    frames = {
        name: GenericFrameSpec(
            name=name,
            label=data["frames"][name]["label"],
            description=data["frames"][name]["description"],
            threshold=float(data["frames"][name]["threshold"]),
            blind_spots=data["frames"][name].get("blind_spots", ""),
        )
        for name in GENERIC_FRAMES
    }
    left_out = tuple(
        LeftOutItem(raw["id"], raw["frame"], raw["question"], raw["reason"])
        for raw in data.get("left_out", ())
    )
    known = {g.name for g in groups}
    for item in items:
        missing = {g for p in item.patterns for g in p.groups()} - known
        if missing or item.frame not in frames:  # pragma: no cover - resource integrity
            raise ValueError(f"generic.toml item {item.id}: unknown groups {sorted(missing)}")
    return GenericCodebook(groups, items, MappingProxyType(frames), left_out)


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    return Matcher(generic_codebook().groups)


# --------------------------------------------------------------------------- scoring


def _pattern_hits(
    pattern: Pattern, hits: Mapping[str, list[Hit]], sentence: Sentence
) -> list[Hit] | None:
    for name in pattern.none:
        if name in hits:
            return None
    found: list[Hit] = []
    for name in pattern.all:
        group_hits = hits.get(name)
        if not group_hits:
            return None
        found.extend(group_hits)
    if pattern.any:
        any_hits = [h for name in pattern.any for h in hits.get(name, ())]
        if len(any_hits) < pattern.min_cues:
            return None
        found.extend(any_hits)
    if pattern.quoted or pattern.unquoted:  # quoted: in someone's words; unquoted: the writer's
        spans = quoted_spans(sentence)
        for names, want_inside in ((pattern.quoted, True), (pattern.unquoted, False)):
            if not names:
                continue
            chosen = [
                h
                for name in names
                for h in hits.get(name, ())
                if any(a <= h.start and h.end <= b for a, b in spans) == want_inside
            ]
            if not chosen:
                return None
            found.extend(chosen)
    return found


def _is_present(score: float, threshold: float) -> bool:
    """``score >= threshold``, tolerant of thresholds written as rounded fractions (0.3333)."""
    return score >= threshold - 1e-3


def _evidence(sentence: Sentence, hits: Sequence[Hit], index: int, text: str) -> Evidence:
    cues = tuple(
        Cue(h.start, h.end, text[h.start - sentence.start : h.end - sentence.start])
        for h in sorted(set(hits))
    )
    return Evidence(index, sentence.start, sentence.end, cues)


def _triggers(items: Sequence[ItemRule]) -> dict[str, list[tuple[int, int]]]:
    """``(item index, pattern index)`` of the patterns each cue group can set off.

    A pattern matches only a sentence holding a cue of its first ``all`` group, or (without
    ``all``) of one of its other groups, so a sentence is tested only against the patterns of
    the groups it has cues of.
    """
    triggers: dict[str, list[tuple[int, int]]] = {}
    for i, item in enumerate(items):
        for k, pattern in enumerate(item.patterns):
            names = pattern.all[:1] or (*pattern.any, *pattern.quoted, *pattern.unquoted)
            for name in dict.fromkeys(names):
                triggers.setdefault(name, []).append((i, k))
    return triggers


def _item_hits(
    items: Sequence[ItemRule],
    triggers: Mapping[str, list[tuple[int, int]]],
    hits: Mapping[str, list[Hit]],
    sentence: Sentence,
) -> dict[int, list[Hit]]:
    """The cues with which one sentence answers items, by item index (items it does not
    answer are left out); the patterns of an item are tried in codebook order."""
    candidates = sorted({pair for name in hits for pair in triggers.get(name, ())})
    found: dict[int, list[Hit]] = {}
    for i, k in candidates:
        matched = _pattern_hits(items[i].patterns[k], hits, sentence)
        if matched:
            found.setdefault(i, []).extend(matched)
    return found


def _sentence_hits(matcher: Matcher, sentence: Sentence) -> dict[str, list[Hit]]:
    return {matcher.names[gi]: hits for gi, hits in matcher.match(sentence).items()}


def score_generic(
    sentences: Sequence[Sentence],
    *,
    title: Sequence[Sentence] = (),
    hits: Sequence[Mapping[str, list[Hit]]] | None = None,
    codebook: GenericCodebook | None = None,
) -> dict[str, GenericFrame]:
    """Answer every generic-frame item for one article and score the five frames.

    Parameters
    ----------
    sentences : sequence of Sentence
        The article's sentences from :func:`mediacompare.text.sentences`.
    title : sequence of Sentence, optional
        The title's sentences (offsets into the title); their evidence has index ``-1``.
    hits : sequence of mapping, optional
        Pre-computed cue hits per sentence (title sentences first), keyed by group name, as
        :class:`~mediacompare.analysis.framing.lexicon.Matcher` gives them; computed when omitted.
    codebook : GenericCodebook, optional
        A variant of the built-in codebook with the same cue groups (e.g. other
        ``min_sentences`` or thresholds, as ``benchmarks/eval_frames_cv.py`` tries);
        default :func:`generic_codebook`.

    Returns
    -------
    dict
        ``{frame name: GenericFrame}`` for the names in :data:`GENERIC_FRAMES`.
    """
    codebook = codebook or generic_codebook()
    units = [(-1, s) for s in title] + [(s.index, s) for s in sentences]
    if hits is None:
        matcher = _matcher()
        hits = [_sentence_hits(matcher, s) for _, s in units]
    hits = [  # cues inside scare quotes ('a "tragic" error') are not the frame's language
        drop_scare_quoted(s, h) if h and any(ch in s.text for ch in MARKS) else h
        for (_, s), h in zip(units, hits)
    ]
    triggers = _triggers(codebook.items)
    evidence: list[list[Evidence]] = [[] for _ in codebook.items]
    for (index, sentence), sentence_hits in zip(units, hits):
        for i, found in _item_hits(codebook.items, triggers, sentence_hits, sentence).items():
            evidence[i].append(_evidence(sentence, found, index, sentence.text))
    answers: dict[str, list[ItemAnswer]] = {name: [] for name in GENERIC_FRAMES}
    for item, item_evidence in zip(codebook.items, evidence):
        answer = len(item_evidence) >= item.min_sentences
        answers[item.frame].append(
            ItemAnswer(item.id, item.question, answer, tuple(item_evidence) if answer else ())
        )
    result = {}
    for name in GENERIC_FRAMES:
        spec = codebook.frames[name]
        items = tuple(answers[name])
        score = sum(a.answer for a in items) / len(items) if items else 0.0
        result[name] = GenericFrame(
            name=name,
            score=score,
            present=_is_present(score, spec.threshold),
            threshold=spec.threshold,
            items=items,
            evidence=_union(items),
        )
    return result


def _union(items: Sequence[ItemAnswer]) -> tuple[Evidence, ...]:
    by_sentence: dict[tuple[int, int], set[Cue]] = {}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for item in items:
        if not item.answer:
            continue
        for ev in item.evidence:
            key = (ev.sentence_index, ev.start)
            by_sentence.setdefault(key, set()).update(ev.cues)
            spans[key] = (ev.start, ev.end)
    return tuple(
        Evidence(key[0], spans[key][0], spans[key][1], tuple(sorted(cues)))
        for key, cues in sorted(by_sentence.items())
    )
