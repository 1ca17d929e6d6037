"""Quotes and sources: direct quotes, reported speech, speakers and attribution verbs.

Per article, :func:`extract_quotes` finds

* **direct** quotes in straight ("…") or curly (“…”, ‘…’) quotation marks, across sentences,
  interrupted ones (“This is a secret program,” he said, “and no one …”) joined into one quote,
  with or without a colon introduction (He added: “…”). A quote left open runs to the end of
  its paragraph; a stray closing mark is ignored;
* **fragments**: quoted bits of three words or fewer (scare quotes, “difficult.”), kept with a
  speaker when the sentence attributes them;
* **indirect** (reported) speech: "X said (that) …", "X told Y that …", "X believes/warned/
  claimed that …", "according to X, …", "…, X revealed." (content within the sentence).

The speaker is read from the attribution structure (quote–verb–speaker in either order,
"according to X", "X, who …, said", colon introductions, continuing quotes): a detected actor,
"he"/"she" resolved to the person last named outside the quote (gender from titles), "the
official" / "the Texas governor" resolved by role, or a descriptor headed by a role or source
noun ("A state department spokesman"). Time words, clauses and object phrases are never
speakers: with no confident speaker a quote is unattributed (``speaker`` None). Each speaker
keeps its evidence (``speaker_span``, ``verb_span``). Verbs come from
``resources/actors/verbs.toml`` with their class: neutral (said, told) or loaded (admitted,
scoffed, warned …).

Examples
--------
>>> from mediacompare.text import sentences
>>> from mediacompare.analysis.actors import detect_actors
>>> text = 'Spokesman Dmitry Peskov added: "We will succeed." The Kremlin scoffed that it was "fake".'
>>> ss = sentences(text)
>>> for q in extract_quotes(text, ss, detect_actors(ss)):
...     print(q.kind, repr(q.text), q.speaker, q.verb, q.verb_class)
direct 'We will succeed.' Dmitry Peskov add neutral
fragment 'fake' Kremlin scoff loaded
"""

from __future__ import annotations

from .extract import extract_quotes
from .model import QUOTE_KINDS, Quote

__all__ = ["QUOTE_KINDS", "Quote", "extract_quotes"]
