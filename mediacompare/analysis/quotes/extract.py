"""Direct quotes, fragments and indirect speech of one article."""

from __future__ import annotations

from collections.abc import Sequence

from ..actors.labels import PREPOSITIONS
from ..actors.lexicon import Verb
from ..actors.model import ActorMention
from ...model import Sentence
from .attribution import _CLAUSE_STOP, _NONE, _QUOTE_TOKENS, _Article, _Attribution
from .marks import _group, _inner, _segments
from .model import Quote

__all__ = ["extract_quotes"]


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
        attribution = _NONE
        # after the (first) closing mark: “…,” he said / “…,” said X
        first_close = group[0][1]
        after = art.sentence_at(first_close)
        if after is not None:
            k = next(
                (i for i, t in enumerate(after.tokens) if t.start > first_close), len(after.tokens)
            )
            stop = next(
                (i for i in range(k, len(after.tokens)) if after.tokens[i].text in ("“", '"')),
                len(after.tokens),
            )
            for v, verb, size in art.verbs_in(after, k, min(stop, k + 14)):
                attribution = art.attribute(after, v, verb, size, floor=k)
                break
        if (
            attribution.verb is None and sent is not None
        ):  # before: X said: “…” / X scoffed that … “…”
            attribution = _before(art, sent, open_)
            if (
                attribution.speaker is None
                and previous is not None
                and previous.speaker
                and (
                    sent.index - previous.sentence <= 2
                    and (not sent.tokens or sent.tokens[0].start >= open_)
                )
            ):  # a new paragraph or sentence of the same speaker's quote
                attribution = _Attribution(
                    previous.speaker, previous.speaker_actor, "continuation", None, None
                )
        words = sum(len(art.text[s:e].split()) for s, e in spans)
        text = " ".join(art.text[s:e] for s, e in spans)
        raw_end = art.text[group[0][0] + 1 : group[0][1]].rstrip()  # “It works,” said X
        ends = text.rstrip("”’\"'").endswith((".", "!", "?", "…")) or raw_end.endswith(",")
        sentence_like = text[:1].isupper() and ends
        fragment = words <= 3 and not sentence_like
        verb = attribution.verb
        quote = Quote(
            text,
            spans[0][0],
            spans[-1][1],
            "fragment" if fragment else "direct",
            attribution.speaker,
            attribution.actor,
            verb.lemma if verb else None,
            attribution.verb_text,
            verb.verb_class if verb else None,
            sent.index if sent else 0,
            tuple(spans),
            attribution.via,
        )
        quotes.append(quote)
        if quote.speaker and quote.kind == "direct":
            previous = quote
    return quotes


def _before(art: _Article, sent: Sentence, open_: int) -> _Attribution:
    """Attribution written before the quote in its sentence ("X said: “…”", "X scoffed that …
    “…”", "OBAMA: “…”"). Prefers the nearest verb that can introduce the quote, then any."""
    toks = sent.tokens
    k = next((i for i, t in enumerate(toks) if t.start >= open_), len(toks))
    found = list(art.verbs_in(sent, 0, k))
    strict = [f for f in found if _introduces(sent, f, k)]
    ordered = strict[::-1] + [f for f in found[::-1] if f not in strict]
    if not ordered:
        if k >= 2 and toks[k - 1].text == ":":  # transcript style "OBAMA: “…”"
            heads = [
                m for m in art.mentions if m.sentence == sent.index and m.end <= toks[k - 2].end
            ]
            if heads and heads[-1].end == toks[k - 2].end and heads[-1].start == toks[0].start:
                return _Attribution(heads[-1].canonical, heads[-1].canonical, "name", None, None)
        return _NONE
    v, verb, size = ordered[0]
    first = art.attribute(sent, v, verb, size)
    if first.speaker is not None or not toks[v].text.endswith("ing"):
        return first
    for v2, verb2, size2 in found[::-1]:  # "X asked ..., saying, “…”": the speaker of "asked"
        if v2 < v:
            outer = art.attribute(sent, v2, verb2, size2)
            if outer.speaker is not None:
                return _Attribution(outer.speaker, outer.actor, "enclosing", verb, first.verb_text)
    return first


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
                who, actor, via = art.speaker(sent, a, b, v)
                if v == 0 or (v == 1 and toks[0].text.lower() == "and"):
                    span = (b + 1, n) if b < n and toks[b].text == "," else None
                else:
                    span = (0, v - 1) if toks[v - 1].text == "," else None
                attribution = _Attribution(
                    who, actor, via, verb, art.text[toks[v].start : toks[k - 1].end]
                )
            else:
                attribution = art.attribute(sent, v, verb, size)
                if (
                    attribution.speaker is None
                    and toks[v].text.endswith("ing")
                    and last is not None
                ):
                    attribution = _Attribution(
                        last.speaker, last.actor, "enclosing", verb, toks[v].text
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
            out.append(
                Quote(
                    art.text[start:end],
                    start,
                    end,
                    "indirect",
                    attribution.speaker,
                    attribution.actor,
                    verb.lemma,
                    attribution.verb_text,
                    verb.verb_class,
                    sent.index,
                    ((start, end),),
                    attribution.via,
                )
            )
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
    >>> [(q.kind, q.text, q.speaker, q.verb) for q in qs]
    [('direct', 'This is a secret and no one will tell you.', 'he', 'say'), ('indirect', 'it works well', 'Kyiv', 'according to')]
    >>> [text[a:b] for a, b in qs[0].segments]
    ['This is a secret', 'and no one will tell you.']
    """
    art = _Article(text, sentences, mentions)
    marks = _segments(text)
    art.quoted = [(a + 1, b) for a, b in marks]
    direct = _direct(art, _group(art, marks))
    quotes = direct + _indirect(art, direct)
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end, q.kind)))
