"""Cleaning of article body text: page furniture, repeated blocks, normalisation.

Text saved from a web page carries lines that are not part of the article ("Skip to main
content", share buttons, cookie notices, "Advertisement") and often repeats a teaser block.
:func:`clean_text` removes those conservatively — *whole lines* matching
:data:`FURNITURE_PATTERNS` or holding a picture-gallery marker (:data:`GALLERY_MARKERS`),
doubled picture credits inside a line (:data:`INLINE_FURNITURE`), and only *verbatim*
repeats — and normalises whitespace and quote
variants with :func:`mediacompare.text.normalize`. What it removed is reported as warnings.

Examples
--------
>>> c = clean_text("Skip to main content\\n\\nTroops advanced.\\n\\nShare this article")
>>> c.text, c.warnings
('Troops advanced.', ('removed 2 page-furniture lines',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import normalize

__all__ = [
    "FURNITURE_PATTERNS",
    "GALLERY_MARKERS",
    "INLINE_FURNITURE",
    "Cleaned",
    "clean_text",
    "drop_repeated_blocks",
    "is_furniture",
    "strip_byline",
    "strip_inline_furniture",
]

_SOCIAL = r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|messenger|e-?mail)"

#: Whole-line patterns (case-insensitive, matched against the full stripped line, trailing
#: punctuation such as ``.:›»|→`` ignored) that are removed as page furniture. The list is
#: deliberately conservative: a line is only dropped when the *entire* line is furniture.
FURNITURE_PATTERNS: tuple[str, ...] = (
    # navigation
    r"skip to (?:the )?(?:main )?(?:content|navigation|article|search|footer)",
    r"skip navigation",
    r"jump to (?:main )?(?:content|navigation)",
    r"back to top",
    r"(?:main )?menu|close|search|home|log ?in|log ?out|sign ?in|sign ?out|register",
    # sharing
    r"share(?: this| the)?(?: article| story| page| post| video)?",
    rf"share (?:on|via|to) {_SOCIAL}",
    rf"{_SOCIAL}|tweet|print|copy link(?: to clipboard)?|link copied|copied|comments?",
    rf"follow us(?: on {_SOCIAL})?",
    # advertising
    r"advertisement|advert|ad|sponsored(?: content)?",
    r"story continues (?:below|after) (?:this )?advertisement",
    r"continue reading(?: below| the main story)?",
    r"scroll (?:down )?to continue(?: with content)?",
    # cookies and consent
    r"(?:we|this (?:web)?site) uses? cookies\b.{0,400}",
    r"(?:accept|reject|manage)(?: all)? cookies|cookie (?:settings|policy|preferences|consent)",
    # newsletters and subscriptions
    r"sign up (?:for|to) (?:our|the)\b.{0,80}\bnewsletters?\b.{0,120}",
    r"newsletter sign[- ]?up|subscribe(?: now| today| to our newsletter)?",
    r"download (?:the|our) app",
    # links to other articles
    r"read more|read more:.{1,200}|(?:see|read) also:.{1,200}",
    r"related(?: articles| stories| content| topics)?|more on this story",
    r"most (?:read|popular|viewed)|trending(?: now)?",
    # audio / reading time
    r"listen to (?:this|the) article",
    r"\d+ min(?:ute)?s? read|reading time:? .{1,20}",
    # pictures and video (captions and players scraped as text)
    r"photo|photos|video|videos|slideshow \(\d+ images?\)|(?:next|prev(?:ious)?) image \d+ of \d+",
    r"\[(?:image|photo|video|pullquote|embed)\]",
    r"(?:enlarge this image )?(?:toggle|hide) caption\b.{0,300}",
    r"just watched\b.{1,300}\breplay more videos\b.{0,300}",
    # publisher lines
    r"story continued below|advertisement continue reading the main story",
    r"copyright (?:©|\(c\))? ?\d{4}\b.{0,160}",
    r"this article is more than \d+ (?:years?|months?|days?) old",
    r"updated(?: at)? \d{1,2}:\d{2} ?[ap]\.?m\.?(?: [a-z]{2,4})?",
    r"_{3,}|\*{3,}",
)

#: Markers that make a whole line furniture wherever they occur in it, however long the line:
#: picture galleries scraped as one paragraph of captions ("… Hide Caption 4 of 15 Photos: …").
GALLERY_MARKERS: tuple[str, ...] = (r"\bhide caption \d+ of \d+\b",)

#: Furniture removed from inside a line: NPR's picture credits, printed twice after
#: "Enlarge this image toggle caption" ("… toggle caption Alex Wong/Getty Images Alex Wong/Getty
#: Images"), and labels that open a line of text ("Story highlights …", "Update at 9:45 a.m. ET: …").
INLINE_FURNITURE = re.compile(
    r"\s*\benlarge this image toggle caption (.{1,150}?) \1(?=\s|$)"
    r"|^story highlights\s+"
    r"|^updated? (?:at )?\d{1,2}:\d{2} ?[ap]\.?m\.?(?: [a-z]{2,4})?[:.]?\s+(?=\S)",
    re.IGNORECASE,
)

_GALLERY = re.compile("|".join(GALLERY_MARKERS), re.IGNORECASE)
_FURNITURE = re.compile(
    r"(?:" + "|".join(f"(?:{p})" for p in FURNITURE_PATTERNS) + r")[\s.:!…›»>|→\-]*",
    re.IGNORECASE,
)
# Furniture lines are short; the longest pattern (a cookie notice) stays under ~450 characters.
_MAX_FURNITURE_LEN = 450

_BLANK_RUNS = re.compile(r"\n{3,}")

#: A single repeated line is only removed when it has at least this many words (runs of two or
#: more repeated lines are always removed): short repeats such as "Yes." may be deliberate.
MIN_REPEATED_WORDS = 8


def is_furniture(line: str) -> bool:
    """Whether ``line`` (as a whole) is page furniture.

    Examples
    --------
    >>> is_furniture("Share on Facebook"), is_furniture("Advertisement"), is_furniture("Ad")
    (True, True, True)
    >>> is_furniture("Read more about the advertisement campaign in Kyiv today")
    False
    >>> is_furniture("Photos: Texas shooting A vigil. Hide Caption 1 of 15 Photos: Texas shooting Flowers.")
    True
    """
    line = line.strip()
    if not line:
        return False
    if len(line) <= _MAX_FURNITURE_LEN and _FURNITURE.fullmatch(line) is not None:
        return True
    return _GALLERY.search(line) is not None


def strip_inline_furniture(line: str) -> str:
    """Remove furniture embedded in a line of text (see :data:`INLINE_FURNITURE`).

    Examples
    --------
    >>> strip_inline_furniture("Farm visits. Enlarge this image toggle caption AP Photo/J. Doe AP Photo/J. Doe")
    'Farm visits.'
    """
    return INLINE_FURNITURE.sub("", line)


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and what was removed from it."""

    text: str
    furniture_removed: int = 0
    repeated_blocks_removed: int = 0
    warnings: tuple[str, ...] = ()


def drop_repeated_blocks(lines: list[str]) -> tuple[list[str], int, int]:
    """Drop lines that repeat an earlier line verbatim, as whole blocks.

    Consecutive repeated lines (blank lines between them do not break a block) form one
    block. A block is dropped when it has two or more lines, or one line of at least
    :data:`MIN_REPEATED_WORDS` words.

    Returns
    -------
    lines : list of str
        The kept lines (blank lines kept, so paragraph breaks survive).
    blocks, dropped_lines : int
        How many blocks and how many non-blank lines were dropped.

    Examples
    --------
    >>> kept, blocks, n = drop_repeated_blocks(["Teaser", "", "Body.", "", "Teaser", "Body."])
    >>> kept, blocks, n
    (['Teaser', '', 'Body.', ''], 1, 2)
    """
    seen: set[str] = set()
    repeated = [False] * len(lines)
    for i, line in enumerate(lines):
        if line:
            repeated[i] = line in seen
            seen.add(line)
    drop: set[int] = set()
    blocks = dropped = 0
    i = 0
    while i < len(lines):
        if not repeated[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines) and (repeated[j] or not lines[j]):
            if lines[j]:
                run.append(j)
            j += 1
        if len(run) >= 2 or len(lines[run[0]].split()) >= MIN_REPEATED_WORDS:
            drop.update(run)
            blocks += 1
            dropped += len(run)
        i = j
    return [line for k, line in enumerate(lines) if k not in drop], blocks, dropped


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def clean_text(text: str, title: str | None = None, *, normalized: bool = False) -> Cleaned:
    """Normalise ``text``, drop furniture lines and verbatim repeated blocks.

    Parameters
    ----------
    text : str
        Body text (plain text; header lines already moved to metadata).
    title : str, optional
        When the first line of the body repeats the title verbatim (HTML extraction often
        includes the ``<h1>``), that line is dropped.
    normalized : bool
        ``text`` already went through :func:`~mediacompare.text.normalize` (skip doing it again).

    Examples
    --------
    >>> body = "The strike\\n\\nFires burned at the airfield.\\n\\nThe strike\\n\\nFires burned at the airfield."
    >>> c = clean_text(body)
    >>> c.text
    'The strike\\n\\nFires burned at the airfield.'
    >>> c.warnings
    ('removed 1 repeated block (2 lines)',)
    >>> clean_text("Big story\\nIt happened.", title="Big story").text
    'It happened.'
    """
    lines = (text if normalized else normalize(text)).split("\n")
    kept, furniture = [], 0  # lines dropped whole or that lost inline furniture
    for line in lines:
        stripped = "" if is_furniture(line) else strip_inline_furniture(line)
        if stripped == line:
            kept.append(line)
            continue
        furniture += 1
        if stripped and not is_furniture(stripped):
            kept.append(stripped)
    if title is not None:
        first = next((k for k, line in enumerate(kept) if line), None)
        if first is not None and kept[first].casefold() == normalize(title).casefold():
            del kept[first]
    kept, blocks, dropped = drop_repeated_blocks(kept)
    warnings = []
    if furniture:
        warnings.append(f"removed {_plural(furniture, 'page-furniture line')}")
    if blocks:
        warnings.append(f"removed {_plural(blocks, 'repeated block')} ({_plural(dropped, 'line')})")
    body = _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip()  # lines are normalised already
    return Cleaned(body, furniture, blocks, tuple(warnings))


#: Words allowed in a byline besides capitalised names ("John Bacon and Michael Winter").
_BYLINE_GLUE = frozenset({"and", "by", "de", "van", "von", "der", "da", "la", "le", "del", "bin"})


def _is_byline(line: str) -> bool:
    words = line.replace(",", " ").split()
    return (
        0 < len(words) <= 14
        and not line.rstrip().endswith((".", "!", "?", ":"))
        and all(w[:1].isupper() or w.lower() in _BYLINE_GLUE for w in words)
    )


def strip_byline(text: str, outlet: str) -> tuple[str, str | None]:
    """Remove a byline block that opens the body: author names on one line, then a line that is
    just the outlet's name ("Gregory Korte\\nUSA TODAY"). Returns the text and the author(s).

    Examples
    --------
    >>> strip_byline("John Bacon and Michael Winter\\nUSA TODAY\\nThe storm hit.", "USA TODAY")
    ('The storm hit.', 'John Bacon and Michael Winter')
    >>> strip_byline("USA TODAY\\nThe storm hit.", "USA Today")
    ('The storm hit.', None)
    >>> strip_byline("Trump spoke.\\nUSA TODAY said so.", "USA TODAY")
    ('Trump spoke.\\nUSA TODAY said so.', None)
    """
    name = re.sub(r"\s*\(.*?\)", "", outlet).strip().casefold()
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()][:3]
    for pos, i in enumerate(filled):
        if lines[i].strip(" .,:|").casefold() != name:
            continue
        before = [lines[k].strip() for k in filled[:pos]]
        author = None
        if before and all(_is_byline(b) for b in before):
            author = ", ".join(before)
            start = filled[0]
        elif before:
            return text, None  # the outlet's name after ordinary text: leave it
        else:
            start = i
        rest = lines[:start] + lines[i + 1 :]
        return "\n".join(rest).strip("\n"), author
    return text, None
