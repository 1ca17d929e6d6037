"""Nominal references ("the president", "the North Korean leader", "the dictator") and personal
pronouns linked to the person they refer to, by documented rules, with the evidence kept.

A **nominal reference** is a role noun (:data:`ROLE_NOUNS`) heading a noun phrase that is not
the title of a name ("the president said", not "President Trump"): a determiner (*the*, *this*,
*that*) or a possessive place ("Japan's prime minister"), optional modifiers (*former*, *top*,
capitalised words such as *North Korean*), the role noun, not plural. It is linked to a person
of the same article **who carries that role noun** in a title or apposition ("President Trump",
"Kim Jong Un, the North Korean leader"): the one named most recently before it, else the first
named after it. When several people carry the role, a capitalised modifier of the reference
that is also in one person's title decides ("the South Korean president"), then salience (the
person the article names most often), then recency. A general noun (:data:`COVERS`: "the
leader") also reaches people titled with a head-of-state role when nobody carries the noun
itself, unless that leaves several people and nothing to choose between them. "Vice president"
is not "president". With no person carrying the role, the reference stays unlinked — the rules
never guess from the role alone.

A **pronoun** (*he, him, his, himself, she, her, hers, herself*) is linked with
:func:`~mediacompare.analysis.actors.labels.antecedent` (the nearest sentence with a named
person or a linked nominal reference before it — "The president, sitting next to Shinzo Abe,
said he" — its subject, else its first one), skipping people whose title marks the other
gender (*Mr.*, *Mrs.*, *Ms.*, …), the subject of the verb right before an object "him", and,
inside a direct quote, the quote's speaker.

A **plural pronoun** (*they, them, their, theirs, themselves*) is linked only to an explicit
coordination of named actors (:func:`coordinated_antecedent`): "Mr. Trump and Mr. Abe were
likely to talk about the issues dogging them" links "them" to both, one link per actor. Most
plural pronouns in news refer to an unnamed group ("officials … they"), which the rules cannot
see, so every other plural pronoun stays unlinked rather than guessed.

Each link is an :class:`ActorReference` holding the reference's span and the span of the
mention that licensed it (the titled name for a nominal, the antecedent for a pronoun).
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Sentence, Token
from .labels import GENDER_OF_TITLE, antecedent, mention_labels
from .lexicon import lexicon
from .model import ActorLabel, ActorMention

if TYPE_CHECKING:  # pragma: no cover
    from ..quotes.model import Quote

__all__ = [
    "COVERS", "PLURAL_PRONOUNS", "PRONOUNS", "ROLE_NOUNS", "ActorReference", "coordinated_antecedent",
    "link_references", "pronoun_antecedent", "with_reference_labels",
]

#: Role nouns that head a nominal reference to one person.
ROLE_NOUNS = frozenset(
    """
    president vice-president premier chancellor minister secretary senator congressman
    congresswoman lawmaker governor mayor leader dictator despot strongman autocrat king queen
    prince princess emperor pope monarch ayatollah director chief chairman chairwoman chair
    commissioner ambassador envoy diplomat spokesman spokeswoman spokesperson general admiral
    commander prosecutor attorney judge justice candidate nominee frontrunner challenger
    incumbent ceo founder executive billionaire tycoon mogul businessman businesswoman
    """.split()
)
#: Roles a general noun also covers when nobody in the article carries the noun itself: "the
#: North Korean leader" for a person titled "North Korean dictator".
COVERS = {
    "leader": frozenset({"president", "premier", "chancellor", "minister", "dictator", "despot",
                         "strongman", "autocrat", "king", "queen", "emperor", "monarch", "ayatollah"}),
}
#: Lower-case words allowed between the determiner and the role noun.
MODIFIERS = frozenset(
    """
    former then new current outgoing incoming acting interim top deputy vice prime supreme chief
    embattled reclusive young elderly veteran longtime long-time powerful authoritarian
    communist democratic republican conservative liberal populist hardline hard-line late
    foreign defence defense finance interior justice state federal national
    """.split()
)
#: Personal pronouns linked to a person, with their gender.
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}  # fmt: skip
#: Plural personal pronouns, linked only to a coordination of named actors.
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
#: What may stand between two coordinated names: a comma, "and"/"or"/"as well as", "the".
_COORDINATION_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|as well as)\s+)?(?:the\s+)?", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:and|or|as well as)\b", re.IGNORECASE)
#: Prepositions by which names place or exemplify a plural noun ("residents in …").
_MEMBERSHIP_PREPOSITIONS = frozenset({"like", "including", "in", "at", "from", "across", "throughout"})
#: Lower-case words ending in "s" that are not plural nouns.
_NOT_PLURAL = frozenset(
    """
    was is has this its his hers ours yours us as does thus yes less unless across whereas
    perhaps always sometimes towards afterwards besides news series species
    """.split()
)
_DETERMINERS = frozenset({"the", "this", "that"})
#: Words that make a role another role ("vice president", "deputy director").
_SUBORDINATE = frozenset({"vice", "deputy", "assistant", "under"})
_POSSESSIVE = ("’s", "'s")


@dataclass(frozen=True)
class ActorReference:
    """A nominal or pronoun reference linked to a person of the article.

    Attributes
    ----------
    text : str
        The reference as written (``article[start:end]``): "the North Korean leader", "he".
    start, end, sentence : int
        Its span in the article text and its sentence index.
    canonical : str
        The article-level name of the person it refers to (``ActorMention.canonical``).
    kind : str
        ``"nominal"`` or ``"pronoun"``.
    evidence_start, evidence_end : int
        The span of the mention that licensed the link: the titled name, or the antecedent (for
        a pronoun whose antecedent is a linked nominal reference, that reference's titled name).
    """

    text: str
    start: int
    end: int
    sentence: int
    canonical: str
    kind: str
    evidence_start: int
    evidence_end: int


def _bare(token: Token) -> str:
    text = token.text.lower()
    for suffix in _POSSESSIVE:
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _described_sequence(m: ActorMention) -> list[str]:
    """The lower-cased words of the mention's title and title/apposition labels, in order."""
    texts = [m.title or ""] + [lab.text for lab in m.labels if lab.kind in ("title", "apposition")]
    return [w.strip(".’'") for text in texts for w in text.lower().replace(",", " ").split()]


def _described_words(m: ActorMention) -> set[str]:
    return set(_described_sequence(m))


def _role_keys(words: Sequence[str]) -> set[str]:
    """The roles a title's words name: a role noun, with a "vice"/"deputy" before it kept
    ("vice president" is not "president")."""
    keys = set()
    for i, word in enumerate(words):
        if word in ROLE_NOUNS:
            before = words[i - 1] if i else ""
            keys.add(f"{before} {word}" if before in _SUBORDINATE else word)
    return keys


def _roles(mentions: Sequence[ActorMention]) -> dict[str, list[ActorMention]]:
    """Role -> the person mentions carrying it in a title or apposition."""
    roles: dict[str, list[ActorMention]] = {}
    for m in mentions:
        if m.kind == "person":
            for key in _role_keys(_described_sequence(m)):
                roles.setdefault(key, []).append(m)
    return roles


def _gender(canonical: str, mentions: Sequence[ActorMention]) -> str | None:
    found = {
        GENDER_OF_TITLE[w]
        for m in mentions
        if m.canonical == canonical
        for w in (m.title or "").lower().split()
        if w in GENDER_OF_TITLE
    }
    return found.pop() if len(found) == 1 else None


def pronoun_antecedent(
    mentions: Sequence[ActorMention], sentence: int, offset: int, pronoun: str,
    speaker: str | None = None,
) -> ActorMention | None:
    """The person the personal pronoun ``pronoun`` (lower case) at ``offset`` refers to.

    :func:`~mediacompare.analysis.actors.labels.antecedent`, skipping people whose title marks
    the other gender ("Mrs. May" is not "he"), for "him" the subject of the verb right before it
    ("Trump told him": not Trump), and ``speaker``, the canonical name of the person quoted when
    the pronoun is inside a quote ("I'd like to commend Donald's courage in his decision," Abe
    said: not Abe).

    Examples
    --------
    >>> from mediacompare.analysis.actors import detect_actors
    >>> from mediacompare.text import sentences
    >>> text = "Mr. Hunt thanked Mrs. Clarke. She said it works."
    >>> pronoun_antecedent(detect_actors(sentences(text)), 1, text.index("She"), "she").canonical
    'Clarke'
    """
    skipped = {speaker} if speaker else set()
    if skipped:
        mentions = [m for m in mentions if m.canonical not in skipped]
    person = antecedent(mentions, sentence, offset)
    while person is not None and (
        _gender(person.canonical, mentions) not in (None, PRONOUNS[pronoun])
        or (pronoun == "him" and _subject_of_verb_before(person.canonical, offset, mentions))
    ):
        skipped.add(person.canonical)  # other gender, or "X told him": try the next person back
        person = antecedent([m for m in mentions if m.canonical not in skipped], sentence, offset)
    return person


def _subject_of_verb_before(canonical: str, offset: int, mentions: Sequence[ActorMention]) -> bool:
    """Whether a mention of ``canonical`` is the subject of the verb right before ``offset``:
    the object "him" of "the president told him" is someone else (a reflexive would be
    "himself")."""
    return any(
        m.canonical == canonical and lab.kind == "verb" and 0 <= offset - lab.end <= 1
        for m in mentions if m.end <= offset
        for lab in m.labels
    )


def _outermost(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """``mentions`` without those nested in a longer one ("Donald Trump" inside "Donald Trump's
    campaign"), by start."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    outer: list[ActorMention] = []
    for m in ordered:
        if not outer or m.start >= outer[-1].end:
            outer.append(m)
    return outer


def _plural_word_in(text: str) -> bool:
    """Whether ``text`` holds a lower-case word that may be a plural noun ("officials",
    "emails"): a competing antecedent for "they". Verbs in -s count too, which only makes the
    rule link less."""
    return any(
        len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _NOT_PLURAL
        for w in re.findall(r"\b[a-z]+\b", text)
    )


def _modifies_plural_noun(text_before: str) -> bool:
    """Whether a coordination after ``text_before`` sits in a phrase placing or exemplifying a
    plural noun ("states like Texas and Arkansas", "appointees at the FBI and DOJ"): the noun,
    not the names, is what a following "they" most likely means. Prepositions that name an
    event's participants ("talks by North and South Korea", "a war between …") do not count."""
    words = re.findall(r"[\w'’-]+", text_before)
    if words and words[-1].lower() == "the":
        words.pop()
    return len(words) >= 2 and words[-1].lower() in _MEMBERSHIP_PREPOSITIONS and _plural_word_in(words[-2])


def _sentence_at(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    """The sentence whose ``index`` is ``index`` (its position, when ``sentences`` is a whole
    article)."""
    if 0 <= index < len(sentences) and sentences[index].index == index:
        return sentences[index]
    return next((s for s in sentences if s.index == index), None)


def coordinated_antecedent(
    sentences: Sequence[Sentence], mentions: Sequence[ActorMention], sentence: int, offset: int
) -> tuple[ActorMention, ...]:
    """The coordinated actors a plural pronoun at ``offset`` refers to, or ``()``.

    The named actor nearest before the pronoun, in its sentence or the one before, must end a
    coordination of two or more different actors ("Mr. Trump and Mr. Abe", "the Russian
    government, the Trump campaign and WikiLeaks": names separated only by commas, "and", "or",
    "as well as", "the" and the next name's title), none of them possessive. A plural noun that
    competes blocks the link: one the coordination's prepositional phrase modifies ("states
    like Texas and Arkansas, they …"), or, when the coordination is in the sentence before, a
    lower-case plural-looking word in the pronoun's own sentence before it ("… Mr. Trump and
    Mr. Abe. But American officials said they …").

    Examples
    --------
    >>> from mediacompare.analysis.actors import detect_actors
    >>> from mediacompare.text import sentences
    >>> text = "Mr. Trump and Mr. Abe met. It was their third summit."
    >>> sents = sentences(text)
    >>> [m.canonical for m in coordinated_antecedent(sents, detect_actors(sents), 1, text.index("their"))]
    ['Trump', 'Abe']
    """
    return _coordination_before(sentences, _outermost(mentions), sentence, offset)


def _coordination_before(
    sentences: Sequence[Sentence], outer: Sequence[ActorMention], sentence: int, offset: int
) -> tuple[ActorMention, ...]:
    """:func:`coordinated_antecedent` over ``outer``, the article's outermost mentions by start
    (their ends are in order too, so the mentions before ``offset`` are found by bisection)."""
    stop = bisect_right(outer, offset, key=lambda m: m.end)
    before = [m for m in outer[max(0, stop - 12) : stop] if sentence - 1 <= m.sentence <= sentence]
    if not before:
        return ()
    last = before[-1]
    sent, here = _sentence_at(sentences, last.sentence), _sentence_at(sentences, sentence)
    if sent is None or here is None:
        return ()
    if last.sentence < sentence and _plural_word_in(here.text[: offset - here.start]):
        return ()
    if last.possessive:
        return ()  # "Mr. Obama's aides said they": the aides
    members = [last]
    for prev in reversed(before[:-1]):
        gap = sent.text[prev.end - sent.start : members[0].start - sent.start].rstrip()
        title = members[0].title or ""
        if title and gap.endswith(title):
            gap = gap[: -len(title)]
        if (prev.sentence != last.sentence or prev.possessive or "," not in gap
                and not _CONJUNCTION.search(gap) or not _COORDINATION_GAP.fullmatch(gap + " ")):
            break
        members.insert(0, prev)
    if len(members) < 2 or not _CONJUNCTION.search(
        sent.text[members[-2].end - sent.start : members[-1].start - sent.start]
    ) or _modifies_plural_noun(sent.text[: members[0].start - sent.start]):
        return ()
    distinct: dict[str, ActorMention] = {}
    for m in members:
        distinct.setdefault(m.canonical, m)
    return tuple(distinct.values()) if len(distinct) > 1 else ()


def _inside(offset: int, mentions: Sequence[ActorMention]) -> bool:
    return any(m.start <= offset < m.end for m in mentions)


def _nominal_phrase(tokens: Sequence[Token], k: int) -> tuple[int, list[str]] | None:
    """Index of the phrase's first token and its capitalised modifiers when ``tokens[k]``
    heads a nominal reference, else ``None``."""
    capitalised: list[str] = []
    i = k - 1
    while i >= 0:
        low = tokens[i].text.lower()
        if low in _DETERMINERS:
            return i, capitalised
        if tokens[i].text.endswith(_POSSESSIVE) and tokens[i].text[:1].isupper():
            return i, capitalised  # "Japan's prime minister"
        if low in MODIFIERS:
            i -= 1
        elif tokens[i].text[:1].isupper() and tokens[i].is_word:
            capitalised.append(tokens[i].text.lower().strip("."))
            i -= 1
        else:
            break
    # "North Korean leader said": capitalised modifiers alone, not after another name word
    if capitalised and (i < 0 or not tokens[i].text[:1].isupper()):
        return i + 1, capitalised
    return None


def _choose(
    candidates: list[ActorMention], offset: int, modifiers: list[str], salience: Counter[str]
) -> ActorMention:
    if len({m.canonical for m in candidates}) > 1 and modifiers:
        agreeing = [m for m in candidates if set(modifiers) & _described_words(m)]
        candidates = agreeing or candidates
    top = max(salience[m.canonical] for m in candidates)
    candidates = [m for m in candidates if salience[m.canonical] == top]
    before = [m for m in candidates if m.end <= offset]
    return max(before, key=lambda m: m.start) if before else min(candidates, key=lambda m: m.start)


def link_references(
    sentences: Sequence[Sentence], mentions: Sequence[ActorMention], quotes: Sequence[Quote] = ()
) -> tuple[ActorReference, ...]:
    """Nominal references and pronouns of an article linked to its named persons.

    ``quotes`` (from :func:`~mediacompare.analysis.quotes.extract_quotes`) keep a pronoun inside
    a direct quote from meaning the quote's own speaker, who would say "I".

    Examples
    --------
    >>> from mediacompare.analysis.actors import detect_actors
    >>> from mediacompare.text import sentences
    >>> text = ("North Korean leader Kim Jong Un met President Moon Jae-in. "
    ...         "The North Korean leader smiled, and the president said he was hopeful.")
    >>> sents = sentences(text)
    >>> [(r.text, r.canonical) for r in link_references(sents, detect_actors(sents))]
    [('The North Korean leader', 'Kim Jong Un'), ('the president', 'Moon Jae-in'), ('he', 'Moon Jae-in')]
    """
    roles = _roles(mentions)
    salience = Counter(m.canonical for m in mentions if m.kind == "person")
    described = {
        offset
        for m in mentions
        for lab in m.labels
        if lab.kind in ("title", "apposition")
        for offset in range(lab.start, lab.end)
    }
    references: list[ActorReference] = []
    outer = _outermost(mentions)  # for plural pronouns
    chain = sorted(mentions, key=lambda m: m.start)  # names, then linked nominals as they come
    licensing: dict[int, ActorMention] = {}  # id of a linked nominal in the chain -> titled name
    lex = lexicon()
    quoted = [q for q in quotes if q.kind == "direct" and q.speaker_actor]
    for sent in sentences:
        tokens = sent.tokens
        for k, token in enumerate(tokens):
            low = _bare(token)
            if low in PLURAL_PRONOUNS:
                references.extend(
                    ActorReference(token.text, token.start, token.end, sent.index, m.canonical,
                                   "pronoun", m.start, m.end)
                    for m in _coordination_before(sentences, outer, sent.index, token.start))
                continue
            if low in PRONOUNS:
                speaker = next((q.speaker_actor for q in quoted
                                for lo, hi in (q.segments or ((q.start, q.end),))
                                if lo <= token.start < hi), None)
                person = pronoun_antecedent(chain, sent.index, token.start, low, speaker)
                person = licensing.get(id(person), person)
                if person is not None:
                    references.append(ActorReference(
                        token.text, token.start, token.end, sent.index, person.canonical,
                        "pronoun", person.start, person.end))
                continue
            if low not in ROLE_NOUNS or _inside(token.start, mentions) or token.start in described:
                continue  # a name, or the words of a title or apposition ("Danilov, the secretary of")
            before = tokens[k - 1].text.lower() if k else ""
            role = f"{before} {low}" if before in _SUBORDINATE else low
            candidates = roles.get(role) or [
                m for covered in sorted(COVERS.get(role, ())) for m in roles.get(covered, ())
            ]
            if not candidates:
                continue
            if k + 1 < len(tokens) and _inside(tokens[k + 1].start, mentions):
                continue  # a title: "President Trump", "the C.I.A. director Mike Pompeo"
            phrase = _nominal_phrase(tokens, k)
            if phrase is None:
                continue
            first, modifiers = phrase
            if len({m.canonical for m in candidates}) > 1 and role not in roles and not modifiers:
                continue  # "the leader" with two heads of state and no role holder: ambiguous
            person = _choose(candidates, token.start, modifiers, salience)
            start, end = tokens[first].start, token.start + len(_bare(token))
            text = sent.text[start - sent.start : end - sent.start]
            references.append(ActorReference(text, start, end, sent.index, person.canonical,
                                             "nominal", person.start, person.end))
            possessive = end < token.end
            nominal = ActorMention(  # "The president … said he": the pronoun's antecedent
                text, start, end, sent.index, "person", person.canonical, possessive=possessive,
                labels=mention_labels(sent, first, first, k + 1, possessive, lex))
            licensing[id(nominal)] = person
            insort(chain, nominal, key=lambda m: m.start)
    return tuple(references)


def with_reference_labels(
    mentions: Sequence[ActorMention], references: Sequence[ActorReference]
) -> tuple[ActorMention, ...]:
    """``mentions`` with each nominal reference added as a ``"reference"`` label of the mention
    that licensed it, so "names and labels per outlet" shows "the dictator" under its actor."""
    from dataclasses import replace

    extra: dict[int, list[ActorLabel]] = {}
    for r in references:
        if r.kind == "nominal":
            extra.setdefault(r.evidence_start, []).append(
                ActorLabel(r.text, "reference", r.sentence, r.start, r.end))
    return tuple(
        replace(m, labels=(*m.labels, *extra[m.start])) if m.start in extra else m for m in mentions
    )
