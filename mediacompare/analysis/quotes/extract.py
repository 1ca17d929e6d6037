"""Direct quotes, fragments and indirect speech of one article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..actors.labels import PREPOSITIONS
from ..actors.lexicon import Verb
from ..actors.model import ActorMention
from ...model import Sentence
from .attribution import _CLAUSE_STOP, _NONE, _QUOTE_TOKENS, _Article, _Attribution, _Who, _attribution
from .marks import _group, _inner, _segments
from .model import Quote
from .word_classes import can_name_speaker, is_closed_class

__all__ = ["extract_quotes"]


def _after(art: _Article, close: int, next_sentence: bool = False) -> _Attribution:
    """Attribution written after the (first) closing mark: “…,” he said / “…,” said X /
    “…!” Mr. Fox wrote. (the attribution opening the next sentence of the paragraph)."""
    after = art.sentence_at(close)
    if after is None:
        return _NONE
    toks = after.tokens
    k = next((i for i, t in enumerate(toks) if t.start > close), len(toks))
    if k == len(toks) and next_sentence and after.index + 1 < len(art.sents):
        nxt = art.sents[after.index + 1]
        if "\n" in art.text[close : nxt.start] or not nxt.tokens:
            return _NONE
        after, toks, k = nxt, nxt.tokens, 0
        for v, verb, size in art.verbs_in(after, 0, min(len(toks), 6)):
            if any(  # the sentence must open with the speaker: a name or "he"/"she"
                t.text[:1].islower() and t.text.lower() not in ("he", "she") for t in toks[:v]
            ):
                return _NONE
            found = art.attribute(after, v, verb, size)
            return found if found.speaker is not None and not found.inverted else _NONE
        return _NONE
    stop = next((i for i in range(k, len(toks)) if toks[i].text in ("“", '"')), len(toks))
    for v, verb, size in art.verbs_in(after, k, min(stop, k + 14)):
        return art.attribute(after, v, verb, size, floor=k)
    return _NONE


def _paragraph_start(text: str, offset: int) -> bool:
    """Whether only white space stands between the last line break and ``offset``."""
    line = text.rfind("\n", 0, offset)
    return line >= 0 and not text[line + 1 : offset].strip()


def _continues(art: _Article, previous: Quote | None, sent: Sentence, open_: int) -> bool:
    """A quote with no attribution of its own that goes on from the previous attributed quote:
    the next sentence(s) of the same paragraph, or a paragraph opening with a quote right after
    the paragraph whose quote was attributed."""
    if previous is None or not previous.speaker:
        return False
    opens_sentence = not sent.tokens or sent.tokens[0].start >= open_
    between = art.text[previous.end : open_]
    if "\n" not in between:
        return opens_sentence and sent.index - previous.sentence <= 2
    if not _paragraph_start(art.text, open_) or between.strip("\n ").count("\n"):
        return False  # more than one paragraph break: not a continuation
    tail = between.split("\n", 1)[0]  # rest of the previous quote's paragraph
    return len(tail.split()) <= 12 and not any(c in tail for c in "“\"")


def _direct(art: _Article, groups: list[list[tuple[int, int]]]) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    for group in groups:
        open_ = group[0][0]
        spans = [_inner(art.text, a, b) for a, b in group]
        spans = [(s, e) for s, e in spans if e > s]
        if not spans:
            continue
        sent = art.sentence_at(open_)
        attribution = _after(art, group[0][1])
        if attribution.speaker is None and sent is not None:  # X said: “…” / X scoffed that … “…”
            before = _before(art, sent, open_)
            if before.speaker is not None or attribution.verb is None:
                attribution = before
            if attribution.speaker is None and sent.index > 0 and _paragraph_start(art.text, open_):
                intro = art.sents[sent.index - 1]  # "…, tweeting:" ¶ “Congressman Adam Schiff …”
                if intro.text.rstrip().endswith(":") and intro.tokens:
                    colon = _before(art, intro, intro.end)
                    attribution = colon if colon.speaker is not None else attribution
            if attribution.speaker is None:  # “…!” Mr. Fox wrote.
                following = _after(art, group[0][1], next_sentence=True)
                attribution = following if following.speaker is not None else attribution
            if attribution.speaker is None and _continues(art, previous, sent, open_):
                assert previous is not None
                attribution = _Attribution(
                    previous.speaker, previous.speaker_actor, "continuation", None, None,
                    speaker_span=previous.speaker_span,
                )
        words = sum(len(art.text[s:e].split()) for s, e in spans)
        text = " ".join(art.text[s:e] for s, e in spans)
        raw_end = art.text[group[0][0] + 1 : group[0][1]].rstrip()  # “It works,” said X
        ends = text.rstrip("”’\"'").endswith((".", "!", "?", "…")) or raw_end.endswith(",")
        sentence_like = text[:1].isupper() and ends
        fragment = words <= 3 and not sentence_like
        quote = _quote(text, spans[0][0], spans[-1][1], "fragment" if fragment else "direct",
                       attribution, sent.index if sent else 0, tuple(spans))
        quotes.append(quote)
        if quote.speaker:
            art.speakers.append((quote.start, _Who(quote.speaker, quote.speaker_actor,
                                                   quote.speaker_via, quote.speaker_span)))
        if quote.kind == "direct":
            previous = quote
    return quotes


def _quote(text: str, start: int, end: int, kind: str, attribution: _Attribution,
           sentence: int, segments: tuple[tuple[int, int], ...]) -> Quote:
    verb = attribution.verb
    words = (attribution.speaker or "").split()
    if words and not (  # whatever path found it, a pronoun or "the report" is no speaker
        can_name_speaker(words) if attribution.actor is None
        else len(words) > 1 or not is_closed_class(words[0])  # an actor "He'd"
    ):
        attribution = replace(attribution, speaker=None, actor=None, via=None, speaker_span=None)
    return Quote(
        text, start, end, kind, attribution.speaker, attribution.actor,
        verb.lemma if verb else None, attribution.verb_text, verb.verb_class if verb else None,
        sentence, segments, attribution.via if attribution.speaker else None,
        attribution.speaker_span if attribution.speaker else None, attribution.verb_span,
    )


def _colon_subject(art: _Article, sent: Sentence, k: int, participle: bool = False) -> _Attribution:
    """“Biden was quick to retort: “…”” / "OBAMA: “…”" / "She doubled down, telling CNN: “…”":
    the sentence's subject introduces the quote with a colon or a participle (a named actor or
    "he"/"she" opening the sentence)."""
    toks = sent.tokens
    if k < 2 or not (toks[k - 1].text == ":" or participle):
        return _NONE
    first = next((i for i, t in enumerate(toks) if t.text.lower() not in ("and", "but", "so")), 0)
    if toks[first].text.lower() in ("he", "she"):
        who = art.pronoun(toks[first].start, sent.index, toks[first].text.lower())
        return _attribution(who, None, None, None) if who.speaker else _NONE
    for m in art.refs.in_sentence(sent.index):
        if m.end > toks[k - 1].start or m.possessive or art.in_quote(m.start):
            continue
        if m.start <= toks[first].start + len(m.title or "") + 1:  # the sentence opens with it
            return _Attribution(m.canonical, m.canonical, "colon", None, None,
                                speaker_span=(m.start, m.end))
        break
    return _NONE


def _before(art: _Article, sent: Sentence, open_: int) -> _Attribution:
    """Attribution written before the quote in its sentence ("X said: “…”", "X scoffed that …
    “…”", "OBAMA: “…”"). Prefers the nearest verb that can introduce the quote, then any; a
    verb whose subject is no confident speaker gives way to the next one."""
    toks = sent.tokens
    k = next((i for i, t in enumerate(toks) if t.start >= open_), len(toks))
    found = list(art.verbs_in(sent, 0, k))
    strict = [f for f in found if _introduces(sent, f, k)]
    ordered = strict[::-1] + [f for f in found[::-1] if f not in strict]
    first = _NONE
    for v, verb, size in ordered:
        got = art.attribute(sent, v, verb, size)
        if got.speaker is None and toks[v].text.endswith("ing"):
            for v2, verb2, size2 in found[::-1]:  # "X asked ..., saying, “…”": the speaker of "asked"
                if v2 < v:
                    outer = art.attribute(sent, v2, verb2, size2)
                    if outer.speaker is not None:
                        return replace(outer, via="enclosing", verb=verb, verb_text=got.verb_text,
                                       verb_span=got.verb_span)
        if got.speaker is not None:
            return got
        first = first if first.verb is not None else got
    participle = any(sent.tokens[v].text.endswith("ing") for v, _, _ in found)
    colon = _colon_subject(art, sent, k, participle)
    if colon.speaker is not None and first.verb is not None:
        return replace(colon, via="enclosing", verb=first.verb, verb_text=first.verb_text,
                       verb_span=first.verb_span)
    return colon if colon.speaker is not None else first


def _introduces(sent: Sentence, found: tuple[int, Verb, int], quote_at: int) -> bool:
    """Whether a "that"-type verb introduces the quote at token ``quote_at`` (via that, a colon
    or directly): "the UK would maintain ... “as long as it takes”" does not."""
    v, verb, size = found
    if verb.complement != "that":
        return True
    following = [t.text.lower() for t in sent.tokens[v + size : min(quote_at, v + size + 14)]]
    if all(w in (",", ":") for w in following):
        return True
    return "that" in following or ":" in following


def _indirect(art: _Article, direct: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    lex = art.lex
    for sent in art.sents:
        toks = sent.tokens
        if not toks:
            continue
        n = len(toks) - (1 if toks[-1].text in (".", "!", "?") else 0)
        last: _Attribution | None = None
        for v, verb, size in art.verbs_in(sent):
            k = v + size
            if verb.lemma == "according to":
                a, b = art.object_span(sent, k)
                who = art.speaker(sent, a, b, v)
                if v == 0 or (v == 1 and toks[0].text.lower() == "and"):
                    span = (b + 1, n) if b < n and toks[b].text == "," else None
                else:
                    span = (0, v - 1) if toks[v - 1].text == "," else None
                attribution = _attribution(
                    who, verb, art.text[toks[v].start : toks[k - 1].end],
                    (toks[v].start, toks[k - 1].end),
                )
            else:
                attribution = art.attribute(sent, v, verb, size)
                if (
                    attribution.speaker is None
                    and toks[v].text.endswith("ing")
                    and last is not None
                ):
                    attribution = replace(
                        last, via="enclosing", verb=verb, verb_text=toks[v].text,
                        verb_span=(toks[v].start, toks[v].end), inverted=False,
                    )
                span = _content(sent, v, n if attribution.inverted else k, n, verb, lex)
            if attribution.speaker is not None:
                last = attribution
            if span is None or attribution.speaker is None or span[1] - span[0] < 3:
                continue
            start, end = toks[span[0]].start, toks[span[1] - 1].end
            inside = [q for q in direct if start <= q.start and q.end <= end]
            outside = sum(
                1 for t in toks[span[0] : span[1]] if t.is_word and not art.in_quote(t.start)
            )
            if outside < 3 or toks[span[0]].text in _QUOTE_TOKENS and inside:
                continue
            out.append(_quote(art.text[start:end], start, end, "indirect", attribution,
                              sent.index, ((start, end),)))
    return out


def _content(sent: Sentence, v: int, k: int, n: int, verb: Verb, lex) -> tuple[int, int] | None:
    """Token span of the reported content for the verb at ``v`` (ending at ``k``)."""
    toks = sent.tokens
    if v and (
        toks[v - 1].text in _QUOTE_TOKENS
        or v > 1
        and toks[v - 1].text == ","
        and toks[v - 2].text in _QUOTE_TOKENS
    ):
        return None  # “…,” said X: the direct quote is the content
    if k >= n:  # "…, US defence officials revealed." (not "…, but vote counting continued.")
        j = v - 1
        while j > 0 and toks[j].text != ",":
            j -= 1
        between = {t.text.lower() for t in toks[j + 1 : v]}
        return (0, j) if j > 0 and not between & _CLAUSE_STOP else None
    if toks[k].text in (",", ":", "“", '"', "‘") or toks[k].text.lower() in ("by", "to", "for"):
        return None
    that = next(
        (i for i in range(k, min(n, k + 14)) if toks[i].text.lower() == "that" and i + 1 < n),
        None,
    )
    if that is not None and all(toks[i].text not in (".", ";", ":", "“") for i in range(k, that)):
        return that + 1, n
    if verb.complement == "that":
        return (k, n) if toks[k].text.endswith("ing") else None
    if toks[k].text.lower() in PREPOSITIONS:  # "warplanes reported at Russian airfield"
        return None
    return k, n


def extract_quotes(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[ActorMention] = ()
) -> tuple[Quote, ...]:
    """Direct quotes, fragments and reported speech of one article, in text order.

    Parameters
    ----------
    text : str
        The article text the sentences were made from (offsets index it).
    sentences : sequence of Sentence
        From :func:`mediacompare.text.sentences`.
    mentions : sequence of ActorMention
        From :func:`mediacompare.analysis.actors.detect_actors` (speakers resolve to these).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> text = '“This is a secret,” he said, “and no one will tell you.” According to Kyiv, it works well.'
    >>> qs = extract_quotes(text, sentences(text))
    >>> [(q.kind, q.text, q.speaker, q.verb) for q in qs]  # no one named: "he" is unattributed
    [('direct', 'This is a secret and no one will tell you.', None, 'say'), ('indirect', 'it works well', 'Kyiv', 'according to')]
    >>> q = qs[1]; text[slice(*q.speaker_span)], text[slice(*q.verb_span)]  # the evidence
    ('Kyiv', 'According to')
    >>> [text[a:b] for a, b in qs[0].segments]
    ['This is a secret', 'and no one will tell you.']
    """
    art = _Article(text, sentences, mentions)
    marks = _segments(text)
    art.quoted = [(a + 1, b) for a, b in marks]
    direct = _direct(art, _group(art, marks))
    quotes = direct + _indirect(art, direct)
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end, q.kind)))
