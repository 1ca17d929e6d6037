"""Quotation marks: pairing them into quoted segments and joining interrupted quotes."""

from __future__ import annotations

import re

from .attribution import _Article

_MARKS = re.compile("[“”\"‘’]")
_OPEN_OK = set(" \t\n([{—–-:/“‘")  # characters after which a straight quote opens


def _segments(text: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotation marks; close = paragraph end when left open."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        opened: int | None = None
        single: int | None = None
        for match in _MARKS.finditer(line):
            i, ch = match.start(), match.group()
            prev = line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < len(line) else " "
            if ch == "“" or (
                ch == '"' and opened is None and prev in _OPEN_OK
                # a spaced mark (`" text "`, common in pasted or OCR'd text) opens when the
                # line closes it later
                and (not nxt.isspace() or '"' in line[i + 1 :])
            ):
                if opened is not None:
                    out.append((pos + opened, pos + i))
                opened = i
            elif ch in '”"' and opened is not None:
                out.append((pos + opened, pos + i))
                opened = None
            elif ch == "‘" and opened is None and single is None and prev in _OPEN_OK:
                single = i
            elif ch == "’" and single is not None and not nxt.isalpha() and not prev.isspace():
                out.append((pos + single, pos + i))
                single = None
        if opened is not None:
            out.append((pos + opened, pos + len(line)))
        pos += len(line) + 1
    return sorted(out)


def _inner(text: str, open_: int, close: int) -> tuple[int, int]:
    s, e = open_ + 1, close
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _group(art: _Article, marks: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for mark in marks:
        if groups:
            last = groups[-1][-1]
            between = art.text[last[1] + 1 : mark[0]]
            inner = art.text[last[0] + 1 : last[1]].rstrip()
            words = [w.strip(",:").lower() for w in between.split()]
            if (
                "\n" not in between
                and between.strip().endswith(",")
                and inner.endswith(",")
                and 0 < len(words) <= 8
                and not any(c in between for c in ".!?")
                and any(art.lex.verbs.match(words, i) for i in range(len(words)))
            ):
                groups[-1].append(mark)
                continue
        groups.append([mark])
    return groups
