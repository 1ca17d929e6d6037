"""Plain text and Markdown articles (``.txt``, ``.md``): header block, front matter, headline.

The *head* of a file is read for metadata before the body starts:

- ``---`` front matter (``key: value`` lines between two ``---`` lines) at the very top;
- ``Key: value`` header lines with a known key (:data:`HEADER_KEYS`), e.g. ``Source: Meduza``,
  ``Title:``, ``URL:``, ``Date:``, ``Author:`` — they may follow page furniture and the
  headline, with blank lines in between;
- a bare URL line (``https://…``) and a byline (``By Jane Smith``);
- the headline: the first content line when it is short (2–30 words, ≤ 200 characters) and
  does not end like a sentence (``.``, ``,``, ``;``, ``:``), with more text after it. It becomes
  the title unless a ``Title:`` key gives one. In Markdown, a first ``# heading`` is the headline.

The head ends at the first line that is none of these (or at a second candidate headline);
header lines, the URL, the byline and the headline are removed from the body, which is then
cleaned by :func:`~mediacompare.ingest.clean.clean_text`.

Examples
--------
>>> rec = read_plaintext("Skip to main content\\n\\nTroops cross the river\\n\\nSource: Daily Planet\\n\\n"
...                      "Troops crossed the river at dawn.")
>>> rec.title, rec.outlet, rec.text
('Troops cross the river', 'Daily Planet', 'Troops crossed the river at dawn.')
"""

from __future__ import annotations

import re

from ..text import normalize
from .clean import clean_text, is_furniture
from .record import RawRecord

__all__ = ["HEADER_KEYS", "read_plaintext", "strip_markdown"]

#: Header / front-matter keys (lower-case, ``_``/``-`` read as spaces) and the field they fill.
HEADER_KEYS: dict[str, str] = {
    **dict.fromkeys(
        ["source", "outlet", "publication", "publisher", "site", "site name", "sitename",
         "newspaper", "media outlet"], "outlet"),
    **dict.fromkeys(["title", "headline"], "title"),
    **dict.fromkeys(["url", "link", "canonical", "canonical url", "permalink"], "url"),
    **dict.fromkeys(
        ["date", "published", "published at", "publication date", "pubdate", "date published"],
        "date"),
    **dict.fromkeys(["author", "authors", "by", "byline"], "author"),
}  # fmt: skip

_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(\S.*)$")
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(rf"^By:?\s+({_NAME}(?:(?:\s+|,\s*|\s+(?:and|&)\s+){_NAME}){{0,7}})$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
# Emphasis spans are short; bounding them keeps a line of stray "_" or "*" linear.
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.{1,300}?)(?<=\S)\1")
_MAX_VALUE = 300


def _header_field(line: str) -> tuple[str, str] | None:
    match = _KEY_LINE.match(line)
    if not match:
        return None
    key = " ".join(match.group(1).lower().replace("_", " ").replace("-", " ").split())
    value = match.group(2).strip()
    field = HEADER_KEYS.get(key)
    if field is None or len(value) > _MAX_VALUE:
        return None
    return field, value


def _unquote(value: str) -> str:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _front_matter(lines: list[str], fields: dict[str, str]) -> int:
    """Parse ``---`` front matter into ``fields``; return the index of the first body line."""
    if not lines or lines[0] != "---":
        return 0
    for end in range(1, len(lines)):
        if lines[end] in ("---", "..."):
            break
    else:
        return 0  # never closed: not front matter
    for line in lines[1:end]:
        match = _KEY_LINE.match(line)
        if match:
            key = " ".join(match.group(1).lower().replace("_", " ").replace("-", " ").split())
            field = HEADER_KEYS.get(key)
            value = _unquote(match.group(2))
            if field and value:
                fields.setdefault(field, value)
    return end + 1


def looks_like_headline(line: str) -> bool:
    """Whether ``line`` can be a headline: short, and not ending like a sentence.

    Examples
    --------
    >>> looks_like_headline("Ukraine admits moving missile production abroad")
    True
    >>> looks_like_headline("Putin has been given a taste of his own medicine."), looks_like_headline("Ukraine")
    (False, False)
    """
    n_words = len(line.split())
    return 2 <= n_words <= 30 and len(line) <= 200 and line[-1] not in ".,;:"


def strip_markdown(text: str) -> str:
    """Remove the Markdown syntax that would otherwise be read as words or punctuation.

    Examples
    --------
    >>> strip_markdown("## Aid\\nThe **new** [package](https://x.org) arrived. ![map](m.png)")
    'Aid\\nThe new package arrived. map'
    """
    out = []
    for line in text.split("\n"):
        heading = _MD_HEADING.match(line)
        line = heading.group(1) if heading else line
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        out.append(_MD_EMPHASIS.sub(r"\2", line))
    return "\n".join(out)


def read_plaintext(text: str, *, markdown: bool = False) -> RawRecord:
    """Split a decoded ``.txt``/``.md`` file into metadata and cleaned body.

    Parameters
    ----------
    text : str
        The decoded file content.
    markdown : bool
        Treat a first ``# heading`` as the headline and strip Markdown syntax from the body.
    """
    lines = normalize(text).split("\n")
    fields: dict[str, str] = {}
    start = _front_matter(lines, fields)
    removed: set[int] = set()
    candidate: int | None = None
    k = start
    while k < len(lines):
        line = lines[k]
        if not line or is_furniture(line):
            k += 1
            continue
        header = _header_field(line)
        url = _URL_LINE.match(line)
        byline = _BYLINE.match(line)
        if header is not None:
            fields.setdefault(*header)
        elif url is not None:
            fields.setdefault("url", url.group(1))
        elif byline is not None and "author" not in fields:
            fields["author"] = byline.group(1)
        elif candidate is None and (
            looks_like_headline(line) or (markdown and _MD_HEADING.match(line))
        ):
            candidate = k
            k += 1
            continue
        else:
            break
        removed.add(k)
        k += 1
    has_body = any(line and not is_furniture(line) for line in lines[k:])
    title = fields.get("title")
    if candidate is not None and has_body:
        headline = lines[candidate]
        if markdown:
            headline = strip_markdown(headline)
        if title is None:
            title = headline
            removed.add(candidate)
        elif headline.casefold() == title.casefold():
            removed.add(candidate)
    body = "\n".join(line for i, line in enumerate(lines[start:], start) if i not in removed)
    if markdown:
        body = strip_markdown(body)
    cleaned = clean_text(body, title=title, normalized=not markdown)
    return RawRecord(
        text=cleaned.text,
        title=title,
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        date=fields.get("date"),
        author=fields.get("author"),
        warnings=cleaned.warnings,
    )
