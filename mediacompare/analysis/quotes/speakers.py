"""Who a speaker phrase refers to: an index of actor mentions and the reference rules.

The rules (documented in ``docs/actors.md``, *Quotes and speakers*):

* a bare "he"/"she" speaker is the nearest earlier **person named outside quotation marks**
  whose gender (from titles: Mr, Ms, Mrs, congresswoman …) does not contradict the pronoun;
  in that sentence the subject of a verb wins, then the first non-possessive person. A
  sentence where "he"/"she" comes before a name continues the earlier reference (the later
  names are objects: "…, he decried the Obama administration"), so it is skipped. Names
  inside the quote itself ("Obama's war on religion," he said) are never antecedents;
* a definite description ("the Texas governor", "the House speaker") is the most recent person
  the article labelled with that role noun ("Texas Gov. Rick Perry"); failing that, the nearest
  person subject within four sentences (as for "he"), unless the noun names a group or an
  organisation ("the officials", "the ministry");
* a descriptor kept as text must be a noun phrase headed by a role or source noun ("A state
  department spokesman"); anything else (a time word, a clause, an object phrase, a phrase
  headed by a pronoun, determiner or quantifier such as "they", "I", "each", or by a noun
  naming a text such as "This story", "the report"; see :mod:`.word_classes`) gives no
  speaker: the quote is *unattributed*.

Look-ups use :mod:`bisect` over mention offsets, so attribution is linear in the article.

Examples
--------
>>> from mediacompare.analysis.actors import detect_actors
>>> from mediacompare.text import sentences
>>> text = 'Ms. Ann Lee met Bob Smith. "Smith is wrong," she said.'
>>> ms = detect_actors(sentences(text))
>>> refs = MentionIndex(ms, in_quote=lambda offset: 28 <= offset < 43)
>>> refs.person_before(text.index("she"), 1, "she").canonical
'Ann Lee'
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from ..actors.model import ActorMention

__all__ = ["GROUP_NOUNS", "MentionIndex", "SOURCE_NOUNS", "TIME_WORDS", "gender_of_title"]

#: Words of a time adjunct between a subject and its verb ("Trump on Saturday said").
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow"
    " morning afternoon evening night week weekend month year day earlier later last this next"
    " late early recently previously again then now once also still already"
    " january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

#: Head nouns of unnamed sources: kept as descriptor text, never resolved to a named person.
SOURCE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official source aide adviser advisor"
    " staffer person people expert analyst critic observer insider witness resident worker"
    .split()
)

#: Head nouns of organisations and groups: kept as descriptor text, never resolved to a person.
GROUP_NOUNS = frozenset(
    "staff ministry department office police army military team campaign committee council"
    " court embassy authorities forces command service group lawmakers legislators democrats"
    " republicans members officials sources aides people".split()
)

_FEMALE = frozenset(
    "ms mrs miss madam madame lady queen princess empress dame baroness congresswoman"
    " chairwoman spokeswoman businesswoman councilwoman assemblywoman actress"
    " first-lady".split()
)
_MALE = frozenset(
    "mr sir lord king prince emperor baron congressman chairman spokesman businessman"
    " councilman assemblyman actor".split()
)
_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "gen": "general", "lt": "lieutenant", "col": "colonel", "capt": "captain", "adm": "admiral",
    "sgt": "sergeant", "supt": "superintendent", "det": "detective", "maj": "major",
}


def _words(text: str | None) -> list[str]:
    words = [w.strip(".,’'").lower() for w in (text or "").split()]
    return [_ABBREVIATIONS.get(w, w) for w in words if w]


def gender_of_title(title: str | None) -> str | None:
    """``"f"``, ``"m"`` or None from the title words before a name.

    >>> gender_of_title("Ms."), gender_of_title("House Speaker"), gender_of_title("Mr")
    ('f', None, 'm')
    """
    words = set(_words(title))
    if words & _FEMALE:
        return "f"
    if words & _MALE:
        return "m"
    return None


class MentionIndex:
    """Actor mentions of one article sorted by offset, with the reference rules above.

    Parameters
    ----------
    mentions : sequence of ActorMention
    in_quote : callable
        ``in_quote(offset)`` tells whether a character offset lies inside quotation marks.
    """

    def __init__(
        self,
        mentions: Sequence[ActorMention],
        in_quote: Callable[[int], bool],
        pronoun_at: Callable[[int], int | None] | None = None,
    ) -> None:
        self.pronoun_at = pronoun_at or (lambda sentence: None)
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.in_quote = in_quote
        self.by_sentence: dict[int, list[ActorMention]] = {}
        roles: dict[str, set[str]] = {}
        genders: dict[str, set[str]] = {}
        for m in self.mentions:
            self.by_sentence.setdefault(m.sentence, []).append(m)
            label_text = " ".join(
                lab.text for lab in m.labels if lab.kind in ("title", "apposition")
            )
            roles.setdefault(m.canonical, set()).update(_words(f"{m.title or ''} {label_text}"))
            gender = gender_of_title(m.title)
            if gender:
                genders.setdefault(m.canonical, set()).add(gender)
        self.roles = roles
        self.gender = {name: next(iter(g)) for name, g in genders.items() if len(g) == 1}

    def between(self, start: int, end: int) -> list[ActorMention]:
        """Mentions lying inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def in_sentence(self, index: int) -> list[ActorMention]:
        return self.by_sentence.get(index, [])

    def _outside_before(self, offset: int, sentence: int, window: int) -> dict[int, list[ActorMention]]:
        """Person mentions before ``offset`` outside quotation marks, by sentence."""
        out: dict[int, list[ActorMention]] = {}
        j = bisect.bisect_left(self.starts, offset)
        for m in reversed(self.mentions[:j]):
            if m.sentence < sentence - window:
                break
            if m.kind == "person" and m.end <= offset and not self.in_quote(m.start):
                out.setdefault(m.sentence, []).insert(0, m)
        return out

    def person_before(
        self, offset: int, sentence: int, pronoun: str = "he", window: int = 8
    ) -> ActorMention | None:
        """The person a "he"/"she" at ``offset`` refers to (None when no candidate agrees)."""
        want = "f" if pronoun.lower() in ("she", "her") else "m"
        by_sentence = self._outside_before(offset, sentence, window)
        for index in sorted(by_sentence, reverse=True):
            first_pronoun = self.pronoun_at(index)  # "…, he decried the Obama administration's …"
            found = [  # "Obama's war", "the Obama administration" name no antecedent
                m for m in by_sentence[index]
                if self.gender.get(m.canonical, want) == want and not m.possessive
                and not any(lab.kind == "compound" for lab in m.labels)
                and (first_pronoun is None or m.start < first_pronoun or index == sentence)
            ]
            if found:
                subjects = [m for m in found if m.verb is not None]
                return (subjects or found)[0]
        return None

    def agrees(self, canonical: str, pronoun: str) -> bool:
        """Whether a "he"/"she" may refer to the actor ``canonical`` (unknown gender: yes)."""
        want = "f" if pronoun.lower() in ("she", "her") else "m"
        return self.gender.get(canonical, want) == want

    def described(self, head: str, offset: int, sentence: int) -> ActorMention | None:
        """The person a definite description with head noun ``head`` refers to."""
        head = _ABBREVIATIONS.get(head, head)
        by_sentence = self._outside_before(offset, sentence, window=10**6)
        for index in sorted(by_sentence, reverse=True):
            for m in reversed(by_sentence[index]):
                if head in self.roles.get(m.canonical, ()):
                    return m
        if head in GROUP_NOUNS or head in ("statement", "report", "document"):
            return None
        near = self._outside_before(offset, sentence, window=4)
        for index in sorted(near, reverse=True):
            subjects = [m for m in near[index] if m.verb is not None and not m.possessive]
            if subjects:
                return subjects[0]
        return None
