"""Finding who said it: subject noun phrases, pronouns, attribution verbs in a sentence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..actors.labels import PREPOSITIONS, antecedent
from ..actors.lexicon import Verb, lexicon
from ..actors.model import ActorMention
from ...model import Sentence

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
    ]
)
_PRONOUNS = frozenset({"he", "she"})
_OTHER_PRONOUNS = frozenset({"they", "we", "i", "it", "you"})
_SUBJECT_PRONOUNS = (_PRONOUNS | _OTHER_PRONOUNS) - {"it"}  # "it" is often an object
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


@dataclass(frozen=True)
class _Attribution:
    speaker: str | None
    actor: str | None
    via: str | None
    verb: Verb | None
    verb_text: str | None
    inverted: bool = False  # the speaker follows the verb: "…, said Sullivan"


_NONE = _Attribution(None, None, None, None, None)


class _Article:
    def __init__(self, text: str, sents: Sequence[Sentence], mentions: Sequence[ActorMention]):
        self.text, self.sents, self.mentions = text, sents, mentions
        self.starts = [s.start for s in sents]
        self.lex = lexicon()
        self.quoted: list[tuple[int, int]] = []

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sents[i] if i >= 0 and self.sents else None

    def in_quote(self, start: int) -> bool:
        """Whether ``start`` lies inside quotation marks (``quoted`` is sorted)."""
        i = bisect.bisect_right(self.quoted, (start, float("inf"))) - 1
        return any(a <= start < b for a, b in self.quoted[max(0, i - 2) : i + 1])

    def speaker(
        self, sent: Sentence, lo: int, hi: int, verb_at: int
    ) -> tuple[str | None, str | None, str | None]:
        """(speaker, actor, via) for the noun phrase tokens[lo:hi] of ``sent``."""
        toks = sent.tokens
        verb_tok = toks[verb_at]
        of = next((i for i in range(lo, hi) if toks[i].text.lower() == "of"), None)
        if of is not None:  # "Michael O'Hanlon of the Brookings Institution thinks"
            owner = [
                m for m in self.mentions if toks[lo].start <= m.start and m.end <= toks[of].start
            ]
            if owner and owner[-1].kind == "person" and not owner[-1].possessive:
                return owner[-1].canonical, owner[-1].canonical, "name"
        for m in self.mentions:  # the actor whose verb label is this verb
            if m.sentence == sent.index and any(
                lab.kind == "verb" and lab.start <= verb_tok.start < lab.end for lab in m.labels
            ):
                return m.canonical, m.canonical, "name"
        if lo >= hi:
            return None, None, None
        start, end = toks[lo].start, toks[hi - 1].end
        phrase = self.text[start:end]
        words = [t.text.lower() for t in toks[lo:hi]]
        if all(not any(c.isalpha() for c in w) for w in words):  # "Kelley, 26, was …"
            return None, None, None
        if any(  # a question: "how many more times do we say …?"
            a in self.lex.auxiliaries and b in _SUBJECT_PRONOUNS
            for a, b in zip(words, words[1:])
        ):
            return None, None, None
        if words in ([p] for p in _PRONOUNS):
            ref = antecedent(self.mentions, sent.index, start)
            return (ref.canonical, ref.canonical, "pronoun") if ref else (phrase, None, "pronoun")
        if len(words) == 1 and words[0] in _OTHER_PRONOUNS:
            return phrase, None, "pronoun"
        heads = [m for m in self.mentions if start <= m.start and m.end <= end and not m.possessive]
        if heads and heads[-1].end >= toks[hi - 1].start:
            return heads[-1].canonical, heads[-1].canonical, "name"
        if words[0] == "the" and 2 <= len(words) <= 3 and words[-1] in self.lex.role_nouns:
            ref = antecedent(self.mentions, sent.index, start)
            if ref is not None and sent.index - ref.sentence <= 4:
                return ref.canonical, ref.canonical, "description"
        return phrase, None, "descriptor"

    def subject_span(self, sent: Sentence, v: int, floor: int = 0) -> tuple[int, int]:
        """Token span of the subject noun phrase ending before the verb at ``v``."""
        toks, lex = sent.tokens, self.lex
        j = v - 1
        while j >= floor and toks[j].text.lower() in lex.auxiliaries:
            j -= 1
        end = j + 1
        while j >= floor and end - j <= 10:
            low = toks[j].text.lower()
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

    def speaker_after(
        self, sent: Sentence, v: int, size: int, floor: int
    ) -> tuple[str | None, str | None, str | None]:
        """(speaker, actor, via) after an inverted verb: "…, said Sullivan." / ”, says Fowler."""
        toks = sent.tokens
        if not (v > 0 and toks[v - 1].text in (",", "”", '"', "’") or v == floor):
            return None, None, None
        a, b = self.object_span(sent, v + size)
        if not (a < b <= a + 10 and toks[a].text.lower() != "that"):
            return None, None, None
        named = [  # a name right after the verb: "said Freeman Martin of …", "said Mr Jindal on Tuesday"
            m for m in self.mentions
            if toks[a].start <= m.start and m.end <= toks[b - 1].end and not m.possessive
            and (m.start == toks[a].start or m.title)
        ]
        return (named[0].canonical, named[0].canonical, "name") if named else self.speaker(sent, a, b, v)

    def attribute(
        self, sent: Sentence, v: int, verb: Verb, size: int, floor: int = 0
    ) -> _Attribution:
        toks = sent.tokens
        text = self.text[toks[v].start : toks[v + size - 1].end]
        if toks[v].text.endswith("ing") and not (v and toks[v - 1].text.lower() in _PASSIVE):
            return _Attribution(None, None, None, verb, text)  # participle: speaker from context
        lo, hi = self.subject_span(sent, v, floor)
        if lo - 2 > floor and toks[lo - 1].text.lower() in PREPOSITIONS and _postmodifier(toks[lo - 2].text):
            # "A law enforcement official briefed on the investigation said": the official
            head_lo, head_hi = self.subject_span(sent, lo - 2, floor)
            if head_hi > head_lo:
                lo, hi = head_lo, head_hi
        who, actor, via = self.speaker(sent, lo, hi, v)
        if who is not None:
            return _Attribution(who, actor, via, verb, text)
        inverted = self.speaker_after(sent, v, size, floor)
        if inverted[2] == "name":  # "…, said Freeman Martin of …"
            return _Attribution(*inverted, verb, text, inverted=True)
        if v > floor and toks[v - 1].text == ",":  # "Jindal, who ..., said"
            c = next((i for i in range(v - 2, floor, -1) if toks[i].text == ","), None)
            if c is not None and v - c <= 16:
                lo, hi = self.subject_span(sent, c, floor)
                who, actor, via = self.speaker(sent, lo, hi, v) if hi > lo else (None, None, None)
        if who is None and v > 0 and toks[v - 1].text.lower() in ("and", "but"):  # "X …, but said"
            subject = next(
                (
                    m
                    for m in self.mentions
                    if m.sentence == sent.index and m.verb and m.end <= toks[v].start
                ),
                None,
            )
            if subject is not None:
                who, actor, via = subject.canonical, subject.canonical, "name"
        if who is None and inverted[0] is not None:
            return _Attribution(*inverted, verb, text, inverted=True)
        return _Attribution(who, actor, via, verb, text)
