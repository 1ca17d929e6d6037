"""Finding who said it: subject noun phrases, pronouns, attribution verbs in a sentence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..actors.labels import PREPOSITIONS
from ..actors.lexicon import Verb, lexicon
from ..actors.model import ActorMention
from ...model import Sentence
from .speakers import GROUP_NOUNS, SOURCE_NOUNS, TIME_WORDS, MentionIndex
from .word_classes import can_name_speaker

_QUOTE_TOKENS = frozenset({"“", "”", '"', "‘", "’"})
_BREAK = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "“", "”", '"', "‘"})
_CLAUSE_STOP = frozenset(
    [
        "that",
        "and",
        "but",
        "as",
        "when",
        "while",
        "which",
        "who",
        "whom",
        "whose",
        "if",
        "because",
        "so",
        "or",
        "nor",
        "what",
        "whether",
        "how",
        "why",
        "where",
    ]
)
_PRONOUNS = frozenset({"he", "she"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})  # "it" is often an object
_PASSIVE = frozenset({"been", "be", "being", "is", "was", "were", "are"})
_BARE_OK = frozenset(
    [
        "i",
        "we",
        "you",
        "they",
        "to",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "do",
        "does",
        "not",
        "n't",
        "also",
    ]
)


def _postmodifier(word: str) -> bool:
    """A participle or adjective that opens a phrase after a noun: "briefed (on)", "familiar
    (with)", "close (to)", "based (in)"."""
    low = word.lower()
    return low in ("familiar", "close") or (len(low) > 4 and low.endswith("ed"))


Span = tuple[int, int]


@dataclass(frozen=True)
class _Who:
    """A speaker found for a noun phrase: name, actor, how, and the evidence span."""

    speaker: str | None = None
    actor: str | None = None
    via: str | None = None
    span: Span | None = None  # the speaker mention (or phrase) in the article text


_NOBODY = _Who()


@dataclass(frozen=True)
class _Attribution:
    speaker: str | None
    actor: str | None
    via: str | None
    verb: Verb | None
    verb_text: str | None
    inverted: bool = False  # the speaker follows the verb: "…, said Sullivan"
    speaker_span: Span | None = None
    verb_span: Span | None = None


_NONE = _Attribution(None, None, None, None, None)


def _attribution(who: _Who, verb: Verb | None, text: str | None, verb_span: Span | None,
                 inverted: bool = False) -> _Attribution:
    return _Attribution(who.speaker, who.actor, who.via, verb, text, inverted, who.span, verb_span)


def _mention_who(m: ActorMention, via: str = "name") -> _Who:
    return _Who(m.canonical, m.canonical, via, (m.start, m.end))


class _Article:
    def __init__(self, text: str, sents: Sequence[Sentence], mentions: Sequence[ActorMention]):
        self.text, self.sents, self.mentions = text, sents, mentions
        self.starts = [s.start for s in sents]
        self.lex = lexicon()
        self.quoted: list[tuple[int, int]] = []
        self._index: MentionIndex | None = None
        self.speakers: list[tuple[int, _Who]] = []  # (offset, speaker) of attributed quotes

    @property
    def refs(self) -> MentionIndex:
        """The mention index (built once ``quoted`` is known)."""
        if self._index is None:
            self._index = MentionIndex(self.mentions, self.in_quote, self.pronoun_at)
        return self._index

    def pronoun_at(self, index: int) -> int | None:
        """Offset of the first "he"/"she" outside quotes in sentence ``index`` (or None)."""
        if not 0 <= index < len(self.sents):
            return None
        return next((t.start for t in self.sents[index].tokens
                     if t.text.lower() in _PRONOUNS and not self.in_quote(t.start)), None)

    def pronoun(self, offset: int, sentence: int, word: str) -> _Who:
        """A "he"/"she" speaker: the nearest person named outside quotes, else the most
        recent quote speaker it agrees with; no candidate → no speaker."""
        ref = self.refs.person_before(offset, sentence, word)
        if ref is not None:
            return _mention_who(ref, "pronoun")
        for at, who in reversed(self.speakers):
            if at < offset and who.actor and self.refs.agrees(who.actor, word):
                return replace(who, via="pronoun")
        return _NOBODY

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sents[i] if i >= 0 and self.sents else None

    def in_quote(self, start: int) -> bool:
        """Whether ``start`` lies inside quotation marks (``quoted`` is sorted)."""
        i = bisect.bisect_right(self.quoted, (start, float("inf"))) - 1
        return any(a <= start < b for a, b in self.quoted[max(0, i - 2) : i + 1])

    def speaker(self, sent: Sentence, lo: int, hi: int, verb_at: int) -> _Who:
        """The speaker named by the noun phrase tokens[lo:hi] of ``sent``."""
        toks = sent.tokens
        verb_tok = toks[verb_at]
        for m in self.refs.in_sentence(sent.index):  # the actor whose verb label is this verb
            if any(lab.kind == "verb" and lab.start <= verb_tok.start < lab.end for lab in m.labels):
                return _mention_who(m)
        while hi > lo and (toks[hi - 1].text.lower() in TIME_WORDS or toks[hi - 1].text.endswith("ly")):
            hi -= 1  # "Michael Steele Sunday said", "Trump swiftly responded"
        if lo >= hi:
            return _NOBODY
        of = next((i for i in range(lo, hi) if toks[i].text.lower() == "of"), None)
        if of is not None:  # "Michael O'Hanlon of the Brookings Institution thinks"
            owner = self.refs.between(toks[lo].start, toks[of].start)
            if owner and owner[-1].kind == "person" and not owner[-1].possessive:
                return _mention_who(owner[-1])
        start, end = toks[lo].start, toks[hi - 1].end
        phrase = self.text[start:end]
        words = [t.text.lower().replace("’", "'") for t in toks[lo:hi]]
        if all(not any(c.isalpha() for c in w) for w in words):  # "Kelley, 26, was …"
            return _NOBODY
        if any(  # a question: "how many more times do we say …?"
            a in self.lex.auxiliaries and b in _SUBJECT_PRONOUNS
            for a, b in zip(words, words[1:])
        ):
            return _NOBODY
        if words in ([p] for p in _PRONOUNS):
            return self.pronoun(start, sent.index, words[0])
        if not can_name_speaker(words):  # "they", "I", "each", "This story", "the report"
            return _NOBODY
        heads = [m for m in self.refs.between(start, end) if not m.possessive]
        if heads and heads[-1].end >= toks[hi - 1].start:
            return _mention_who(heads[-1])
        head = words[-1].removesuffix("'s")
        singular = head[:-1] if head.endswith("s") and len(head) > 3 else head
        role = next((w for w in (head, singular) if w in self.lex.role_nouns
                     or w in SOURCE_NOUNS or w in GROUP_NOUNS), None)
        if role is None:
            proper = all(t.text[:1].isupper() for t in toks[lo:hi]) and lo > 0 and not (
                set(words) & TIME_WORDS)
            # A capitalised name actor detection missed ("said Cowen"); else a clause, a time
            # word or an object phrase: no confident speaker.
            return _Who(phrase, None, "descriptor", (start, end)) if proper else _NOBODY
        if words[0] == "the" and len(words) <= 5:
            ref = self.refs.described(role, start, sent.index)
            if ref is not None:
                return _mention_who(ref, "description")
        return _Who(phrase, None, "descriptor", (start, end))

    def subject_span(self, sent: Sentence, v: int, floor: int = 0) -> tuple[int, int]:
        """Token span of the subject noun phrase ending before the verb at ``v``."""
        toks, lex = sent.tokens, self.lex
        j = v - 1
        while j >= floor and toks[j].text.lower() in lex.auxiliaries:
            j -= 1
        end = j + 1
        while j >= floor and end - j <= 10:
            low = toks[j].text.lower()
            if low == "." and j > floor and toks[j - 1].text[:1].isupper() and len(toks[j - 1].text) <= 3:
                j -= 1  # the full stop of "Jr.", "Mr.", "Sen.": part of the name
                continue
            if (
                toks[j].text in _BREAK
                or low in _CLAUSE_STOP
                or (low in PREPOSITIONS and low != "of")
            ):
                break
            if self.is_verb(toks, j) or self.in_quote(toks[j].start):
                break
            j -= 1
            if low in lex.determiners and not (j >= floor and toks[j].text.lower() == "of"):
                break
        if (
            j > floor
            and j + 1 < end
            and toks[j].text.lower() in PREPOSITIONS
            and all(t.text.lower() in TIME_WORDS or t.text.isdigit() for t in toks[j + 1 : end])
        ):  # a time adjunct: "President Trump on Saturday said" → "President Trump"
            return self.subject_span(sent, j, floor)
        return j + 1, end

    def object_span(self, sent: Sentence, k: int) -> tuple[int, int]:
        toks = sent.tokens
        m = k
        while m < len(toks) and toks[m].text not in _BREAK and m - k < 10:
            m += 1
        return k, m

    def is_verb(self, toks, k: int) -> Verb | None:
        """The attribution verb at token ``k`` if it is used as one ("state" in "state
        department" is not: a bare form counts only after a pronoun, modal or plural subject)."""
        if toks[k].text.lower() not in self.lex.verbs.first_tokens:
            return None
        words = [t.text.lower().replace("’", "'") for t in toks[k : k + 2]]
        found = self.lex.verbs.match(words, 0)
        if not found or not (toks[k].text.islower() or k == 0 or toks[k - 1].text in _BREAK):
            return None
        verb = found[0]
        prev = toks[k - 1].text.lower().replace("’", "'") if k else ""
        if (
            prev in self.lex.determiners
            or prev.endswith("'s")
            or prev in PREPOSITIONS
            and prev != "to"
        ):
            return None  # "his remarks", "the report", "Obama's claims", "in comments"
        bare = " ".join(words[: found[1]]) == verb.lemma.replace("according to", "_")
        plural_subject = prev.endswith("s") and prev.isalpha() and prev.islower()
        if bare and not (prev in _BARE_OK or plural_subject):
            return None
        if bare:  # "a BuzzFeed News report": an indefinite article before the name → a noun
            j = k - 1
            while j > 0 and toks[j].text[:1].isupper():
                j -= 1
            if j < k - 1 and toks[j].text.lower() in ("a", "an"):
                return None
        return verb

    def verbs_in(self, sent: Sentence, lo: int = 0, hi: int | None = None):
        """(token index, Verb, size) of attribution verbs outside quotes, not passive."""
        toks = sent.tokens
        words = [t.text.lower().replace("’", "'") for t in toks]
        hi = len(toks) if hi is None else hi
        k = lo
        while k < hi:
            found = self.lex.verbs.match(words, k) if self.is_verb(toks, k) else None
            if found and not self.in_quote(toks[k].start) and not (k and words[k - 1] in _PASSIVE):
                yield k, found[0], found[1]
                k += found[1]
            else:
                k += 1

    def speaker_after(self, sent: Sentence, v: int, size: int, floor: int) -> _Who:
        """The speaker after an inverted verb: "…, said Sullivan." / ”, says Fowler."""
        toks = sent.tokens
        if not (v > 0 and toks[v - 1].text in (",", "”", '"', "’") or v == floor):
            return _NOBODY
        a, b = self.object_span(sent, v + size)
        if not (a < b <= a + 10 and toks[a].text.lower() != "that"):
            return _NOBODY
        named = [  # a name right after the verb: "said Freeman Martin of …", "said Mr Jindal on Tuesday"
            m for m in self.refs.between(toks[a].start, toks[b - 1].end)
            if not m.possessive and (m.start == toks[a].start or m.title)
        ]
        return _mention_who(named[0]) if named else self.speaker(sent, a, b, v)

    def attribute(
        self, sent: Sentence, v: int, verb: Verb, size: int, floor: int = 0
    ) -> _Attribution:
        toks = sent.tokens
        text = self.text[toks[v].start : toks[v + size - 1].end]
        verb_span = (toks[v].start, toks[v + size - 1].end)
        if toks[v].text.endswith("ing") and not (v and toks[v - 1].text.lower() in _PASSIVE):
            return _Attribution(None, None, None, verb, text, verb_span=verb_span)  # participle
        lo, hi = self.subject_span(sent, v, floor)
        if lo - 2 > floor and toks[lo - 1].text.lower() in PREPOSITIONS and _postmodifier(toks[lo - 2].text):
            # "A law enforcement official briefed on the investigation said": the official
            head_lo, head_hi = self.subject_span(sent, lo - 2, floor)
            if head_hi > head_lo:
                lo, hi = head_lo, head_hi
        who = self.speaker(sent, lo, hi, v)
        if who.speaker is not None:
            return _attribution(who, verb, text, verb_span)
        inverted = self.speaker_after(sent, v, size, floor)
        if inverted.via == "name":  # "…, said Freeman Martin of …"
            return _attribution(inverted, verb, text, verb_span, inverted=True)
        if v > floor and toks[v - 1].text == ",":  # "Jindal, who ..., said"
            c = next((i for i in range(v - 2, floor, -1) if toks[i].text == ","), None)
            if c is not None and v - c <= 16:
                lo, hi = self.subject_span(sent, c, floor)
                who = self.speaker(sent, lo, hi, v) if hi > lo else _NOBODY
        if who.speaker is None and v > 0 and toks[v - 1].text.lower() in ("and", "but"):  # "X …, but said"
            subject = next(
                (m for m in self.refs.in_sentence(sent.index) if m.verb and m.end <= toks[v].start),
                None,
            )
            if subject is not None:
                who = _mention_who(subject)
        if who.speaker is None and inverted.speaker is not None:
            return _attribution(inverted, verb, text, verb_span, inverted=True)
        return _attribution(who, verb, text, verb_span)
