"""Policy frames (Boydstun et al. Policy Frames Codebook) scored sentence by sentence.

Each of the 14 frames (plus ``other``) is a curated cue lexicon in
``mediacompare/resources/frames/policy.toml``. A sentence with any cue is *frame-bearing*;
its dominant frame is the one with the largest summed cue weight; a tie goes to the frame with
more cues, and is split evenly only when the cue counts tie too. Two context rules come first
(``[context]`` in the TOML): cues inside an *exclusion* phrase ("Conference of the Parties")
are dropped, and an *ambiguous* cue ("package", "Americans") counts only beside another cue
of the same frame in the sentence. The article profile gives, per frame, the share of
frame-bearing sentences it dominates (shares sum to 1), the number of sentences holding its
cues, and those sentences as evidence.

Examples
--------
>>> from mediacompare.text import sentences
>>> text = "Russia fired missiles at the airfield. The strike will cost $2 billion to repair."
>>> profile, primary = score_policy(sentences(text))
>>> primary
'security_defense'
>>> round(profile["security_defense"].share + profile["economic"].share, 6)
1.0
>>> [c.text for c in profile["security_defense"].evidence[0].cues]
['fired', 'missiles', 'airfield']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ...model import Sentence
from .lexicon import CueGroup, Hit, Matcher, normalize_token
from .records import POLICY_FRAMES, Cue, Evidence, PolicyFrame
from .resources import load_groups, read_toml

__all__ = [
    "GROUP_PREFIX",
    "PolicyFrameSpec",
    "exclusion_spans",
    "in_context",
    "policy_codebook",
    "score_policy",
]

#: Prefix of the policy cue-group names inside the shared matcher.
GROUP_PREFIX = "policy:"
#: (frame, its cue-group name) in :data:`POLICY_FRAMES` order.
_GROUP_KEYS = tuple((name, GROUP_PREFIX + name) for name in POLICY_FRAMES)


@dataclass(frozen=True)
class PolicyFrameSpec:
    """Documentation of one policy frame: label, meaning, cues and known blind spots."""

    name: str
    label: str
    description: str
    cues: str
    blind_spots: str


@dataclass(frozen=True)
class PolicyCodebook:
    """The built-in policy-frame lexicons, their documentation and the context rules."""

    frames: Mapping[str, PolicyFrameSpec]
    groups: tuple[CueGroup, ...]
    ambiguous: frozenset[str] = frozenset()
    exclusions: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def policy_codebook() -> PolicyCodebook:
    """Load (once) the built-in policy-frame codebook.

    Examples
    --------
    >>> cb = policy_codebook()
    >>> tuple(cb.frames) == POLICY_FRAMES
    True
    >>> cb.frames["security_defense"].label
    'Security and defence'
    """
    raw = read_toml("policy.toml")
    data = raw["frames"]
    context = raw.get("context", {})
    frames = {
        name: PolicyFrameSpec(
            name=name,
            label=data[name]["label"],
            description=data[name]["description"],
            cues=data[name]["cues"],
            blind_spots=data[name]["blind_spots"],
        )
        for name in POLICY_FRAMES
    }
    groups = load_groups({name: data[name] for name in POLICY_FRAMES}, prefix=GROUP_PREFIX)
    return PolicyCodebook(
        MappingProxyType(frames),
        groups,
        ambiguous=frozenset(normalize_token(c) for c in context.get("ambiguous", ())),
        exclusions=tuple(context.get("exclude", ())),
    )


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    return Matcher(policy_codebook().groups)


@lru_cache(maxsize=1)
def _exclusion_matcher() -> Matcher:
    return Matcher((CueGroup("exclude", phrases=policy_codebook().exclusions),))


def exclusion_spans(sentence: Sentence) -> list[Hit]:
    """Spans of the sentence covered by an exclusion phrase of ``[context]``."""
    return [h for hs in _exclusion_matcher().match(sentence).values() for h in hs]


def in_context(
    sentence: Sentence, frame_hits: Sequence[Hit], excluded: Sequence[Hit] | None = None
) -> list[Hit]:
    """The cues of one frame in one sentence that survive the context rules.

    Cues inside an exclusion phrase are dropped; an ambiguous cue is kept only when another
    cue of the frame is in the sentence. ``excluded`` are the sentence's
    :func:`exclusion_spans` (computed when omitted).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> s = sentences("The Conference of the Parties opened.")[0]
    >>> hits = _matcher().match(s)
    >>> [in_context(s, h) for h in hits.values()]
    [[]]
    """
    codebook = policy_codebook()
    if excluded is None:
        excluded = exclusion_spans(sentence)
    kept = [
        h for h in frame_hits if not any(e.start <= h.start and h.end <= e.end for e in excluded)
    ]
    if len(kept) == 1 and codebook.ambiguous:
        (hit,) = kept
        word = normalize_token(sentence.text[hit.start - sentence.start : hit.end - sentence.start])
        if word in codebook.ambiguous:
            return []
    return kept


def score_policy(
    sentences: Sequence[Sentence],
    *,
    hits: Sequence[Mapping[str, list[Hit]]] | None = None,
) -> tuple[dict[str, PolicyFrame], str | None]:
    """Profile one article over the policy frames.

    Parameters
    ----------
    sentences : sequence of Sentence
        The article's sentences (from :func:`mediacompare.text.sentences`).
    hits : sequence of mapping, optional
        Pre-computed cue hits per sentence keyed by group name (``"policy:<frame>"``).

    Returns
    -------
    profile : dict
        ``{frame: PolicyFrame}`` for every name in :data:`POLICY_FRAMES`.
    primary : str or None
        The frame with the largest share; ties go to more cue weight, then more cues, then
        the frame whose evidence comes first in the article (codebook order only if all of
        these tie); ``None`` when no sentence bears a frame.
    """
    if hits is None:
        matcher = _matcher()
        hits = [{matcher.names[gi]: h for gi, h in matcher.match(s).items()} for s in sentences]
    share = dict.fromkeys(POLICY_FRAMES, 0.0)
    weight = dict.fromkeys(POLICY_FRAMES, 0.0)
    evidence: dict[str, list[Evidence]] = {name: [] for name in POLICY_FRAMES}
    n_cues = dict.fromkeys(POLICY_FRAMES, 0)
    first = dict.fromkeys(POLICY_FRAMES, len(sentences))
    framed: list[tuple[list[str], float]] = []  # (winners, credit of each) per framed sentence
    for position, (sentence, sentence_hits) in enumerate(zip(sentences, hits)):
        cued = [(name, found) for name, key in _GROUP_KEYS if (found := sentence_hits.get(key))]
        if not cued:
            continue
        per_frame: dict[str, tuple[float, int]] = {}
        excluded = exclusion_spans(sentence)
        for name, frame_hits in cued:
            frame_hits = in_context(sentence, frame_hits, excluded)
            if not frame_hits:
                continue
            w = sum(h.weight for h in frame_hits)
            per_frame[name] = (w, len(frame_hits))
            weight[name] += w
            n_cues[name] += len(frame_hits)
            first[name] = min(first[name], position)
            cues = tuple(
                Cue(
                    h.start, h.end, sentence.text[h.start - sentence.start : h.end - sentence.start]
                )
                for h in frame_hits
            )
            evidence[name].append(Evidence(sentence.index, sentence.start, sentence.end, cues))
        if not per_frame:
            continue
        top = max(per_frame.values())
        winners = [name for name, w in per_frame.items() if w == top]
        credit = 1.0 / len(winners)
        for name in winners:  # the other frames' credit is 0.0
            share[name] += credit
        framed.append((winners, credit))
    n_framed = len(framed)
    profile = {
        name: PolicyFrame(
            name=name,
            share=share[name] / n_framed if n_framed else 0.0,
            n_sentences=len(evidence[name]),
            weight=weight[name],
            evidence=tuple(evidence[name]),
            sentence_shares=tuple(credit if name in winners else 0.0 for winners, credit in framed),
        )
        for name in POLICY_FRAMES
    }
    primary = None
    if n_framed:
        order = {name: i for i, name in enumerate(POLICY_FRAMES)}
        primary = max(
            POLICY_FRAMES, key=lambda n: (share[n], weight[n], n_cues[n], -first[n], -order[n])
        )
    return profile, primary
