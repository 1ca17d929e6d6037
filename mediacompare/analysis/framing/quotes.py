"""Quotation marks in a sentence: quoted spans (double and single quotes) and scare quotes.

Used by the generic-frame detectors to tell someone's words from the writer's own voice and to
ignore the cues inside scare quotes (*a "tragic" mistake*). See docs/frames.md, §1.3a.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...model import Sentence
from .lexicon import Hit

__all__ = ["MARKS", "SCARE_QUOTE_WORDS", "drop_scare_quoted", "quoted_spans", "scare_quote_spans"]

_OPEN = {'"': None, "\u201c": True, "\u201d": False}
_DOUBLE = re.compile('["\u201c\u201d]')
_SINGLE = re.compile("['\u2018\u2019]")
_WORD = re.compile(r"[^\W_]")
MARKS = "\"\u201c\u201d'\u2018\u2019"
_ANY_MARK = re.compile(f"[{MARKS}]")
_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")
#: A quotation of at most this many words with no speech around it is a *scare quote*.
SCARE_QUOTE_WORDS = 2


def _single_marks(text: str) -> list[tuple[int, bool | None]]:
    """Single quotation marks of ``text`` that are not apostrophes: ``(index, is_open)``.

    A mark between two letters (``don't``, ``Russia’s``) or after a letter and before a
    space (``farmers' ``) is an apostrophe, unless an opening single quote is pending: then
    the one before a space or punctuation closes it (``‘we lost it all’``).
    """
    marks: list[tuple[int, bool | None]] = []
    pending = False
    for mark in _SINGLE.finditer(text):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        word_before, word_after = bool(_WORD.match(before)), bool(_WORD.match(after))
        if word_before and word_after:
            continue  # don't, Russia’s, rock'n'roll
        if not word_before and word_after and ch != "\u2019":
            marks.append((i, True))  # ‘quote or 'quote
            pending = True
        elif not word_after and pending and not before.isspace():
            marks.append((i, False))
            pending = False
        elif ch == "\u2019" and not word_after and not word_before and not before.isspace():
            marks.append((i, False))  # closes a quote opened in an earlier sentence: ...?’
    return marks


def _pair(marks: list[tuple[int, bool | None]], length: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, is_open in marks:
        if open_at is None:
            if is_open is False:  # closing quote first: quote started before this sentence
                spans.append((0, i + 1))
            else:
                open_at = i
        elif is_open is not True:
            spans.append((open_at, i + 1))
            open_at = None
        else:  # a second opening curly quote: restart
            open_at = i
    if open_at is not None:
        spans.append((open_at, length))
    return spans


def _relative_spans(text: str) -> list[tuple[int, int]]:
    double = [(mark.start(), _OPEN[mark.group()]) for mark in _DOUBLE.finditer(text)]
    spans = _pair(double, len(text))
    single = [
        span
        for span in _pair(_single_marks(text), len(text))
        if not any(a <= span[0] < b for a, b in spans)  # single quotes nested in double
    ]
    return sorted(spans + single)


def quoted_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Character spans (article offsets) of the sentence's text inside quotation marks.

    Double (``"…"``, ``“…”``) and single (``'…'``, ``‘…’``) quotes count; apostrophes
    (``don't``, ``Russia’s``, ``farmers'``) do not. Curly quotes tell opening from closing; an
    unmatched closing quote means the quote began in an earlier sentence, an unmatched
    opening one that it goes on after this sentence.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> s = sentences('He said: “I lost my home.” Then he left.')[0]
    >>> [s.text[a - s.start:b - s.start] for a, b in quoted_spans(s)]
    ['“I lost my home.”']
    >>> s = sentences("Farmers' fields flooded and he said ‘we can’t go on’ today.")[0]
    >>> [s.text[a - s.start:b - s.start] for a, b in quoted_spans(s)]
    ['‘we can’t go on’']
    """
    text = sentence.text
    if not _ANY_MARK.search(text):
        return []
    return [(sentence.start + a, sentence.start + b) for a, b in _relative_spans(text)]


def scare_quote_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Quoted spans of at most :data:`SCARE_QUOTE_WORDS` words that are not whole sentences.

    Such quotes (*the "tragic" decision*) distance the writer from a word rather than report
    speech, so their cues count neither as the writer's emotive language nor as quoted
    speech.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> s = sentences('Officials called the flood a "tragic" accident.')[0]
    >>> [s.text[a - s.start:b - s.start] for a, b in scare_quote_spans(s)]
    ['"tragic"']
    """
    out = []
    text, offset = sentence.text, sentence.start
    for a, b in quoted_spans(sentence):
        first, last = text[a - offset], text[b - offset - 1]
        if first not in MARKS or last not in MARKS or b - a < 3:
            continue  # opened or closed in another sentence: speech, not a scare quote
        inner = text[a - offset + 1 : b - offset - 1].strip()
        words = _WORDS.findall(inner)
        # a comma inside the closing mark is American punctuation ('costly "renewables," and'),
        # a full stop, ! or ? ends quoted speech
        if 0 < len(words) <= SCARE_QUOTE_WORDS and inner[-1:] not in ".!?":
            out.append((a, b))
    return out


def drop_scare_quoted(
    sentence: Sentence, hits: Mapping[str, list[Hit]]
) -> dict[str, list[Hit]]:
    """The hits of ``hits`` that do not lie inside a scare quote of the sentence."""
    spans = scare_quote_spans(sentence)
    if not spans:
        return dict(hits)
    kept = {
        name: [h for h in group if not any(a <= h.start and h.end <= b for a, b in spans)]
        for name, group in hits.items()
    }
    return {name: group for name, group in kept.items() if group}
