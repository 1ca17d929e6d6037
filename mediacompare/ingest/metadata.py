"""Metadata resolution: outlet precedence, dates, ids, and building the :class:`Article`.

Outlet precedence (first that applies wins; the rule is recorded in ``Article.outlet_rule``):

1. ``"explicit"`` — named by the caller (``--outlet FILE=NAME`` or ``load(outlets=...)``);
2. ``"metadata"`` — named by the input itself (``Source:``/``Outlet:`` header line, front
   matter, HTML site name, an outlet column);
3. ``"url domain"`` — the host of the article's URL, lower-cased, without a leading
   ``www.``/``m.``/``amp.``/``mobile.`` label (``https://www.bbc.co.uk/news`` → ``bbc.co.uk``);
4. ``"directory"`` — the name of the file's parent folder, when a directory was given;
5. ``"file stem"`` — the file name without extension.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Article
from ..text import guess_language
from .clean import strip_byline
from .record import RawRecord, SourceInfo

__all__ = [
    "OUTLET_RULES",
    "MAX_ARTICLE_CHARS",
    "ExplicitOutlets",
    "IdAllocator",
    "build_article",
    "domain_of",
    "normalize_date",
    "resolve_outlet",
]

OUTLET_RULES = ("explicit", "metadata", "url domain", "directory", "file stem")

#: The language is guessed from the first this-many characters of the cleaned text (a few
#: hundred words decide it; reading whole long articles would dominate ingest time).
LANGUAGE_SAMPLE = 1000

_HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")


def domain_of(url: str | None) -> str | None:
    """The outlet-like domain of ``url``, or ``None`` when it has no usable host.

    Examples
    --------
    >>> domain_of("https://www.bbc.co.uk/news/world-1"), domain_of("meduza.io/en/news/1")
    ('bbc.co.uk', 'meduza.io')
    >>> domain_of("not a url") is None
    True
    """
    if not url or any(ch.isspace() for ch in url.strip()):
        return None
    url = url.strip()
    host = urlsplit(url if "//" in url else "//" + url).hostname
    if not host or "." not in host or host.replace(".", "").isdigit():
        return None
    return _HOST_PREFIX.sub("", host.lower().rstrip("."))


def resolve_outlet(
    explicit: str | None,
    metadata: str | None,
    url: str | None,
    directory: str | None,
    stem: str,
) -> tuple[str, str]:
    """Apply the outlet precedence; return ``(outlet, rule)``.

    Examples
    --------
    >>> resolve_outlet(None, "Meduza", "https://meduza.io/x", "corpus", "a")
    ('Meduza', 'metadata')
    >>> resolve_outlet(None, None, "https://www.bbc.co.uk/x", "corpus", "a")
    ('bbc.co.uk', 'url domain')
    >>> resolve_outlet(None, None, None, None, "uk-tabloid")
    ('uk-tabloid', 'file stem')
    """
    if explicit and explicit.strip():
        return " ".join(explicit.split()), "explicit"
    if metadata and metadata.strip():
        return " ".join(metadata.split()), "metadata"
    domain = domain_of(url)
    if domain:
        return domain, "url domain"
    if directory:
        return directory, "directory"
    return stem, "file stem"


# --------------------------------------------------------------------------- dates

_DATE_FORMATS = (
    "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%Y%m%d",
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
    "%A, %d %B %Y", "%A %d %B %Y", "%A, %B %d, %Y", "%a, %d %b %Y", "%a %d %b %Y",
    "%d %B %Y %H:%M", "%B %d, %Y %H:%M", "%d %b %Y %H:%M",
)  # fmt: skip
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_TRAILING_ZONE = re.compile(
    r"\s*(?:,|\bat\b)?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2})?\s*$"
)


def normalize_date(raw: str | None) -> tuple[str | None, str | None]:
    """Normalise a date to ISO ``YYYY-MM-DD``; return ``(date, warning)``.

    Tries ISO 8601 (with or without time and zone; the calendar day as written is kept),
    RFC 2822, and a few common English formats. Anything else is kept as given, with a
    warning. Slash dates such as ``03/04/2023`` are ambiguous (day/month) and kept as given.

    Examples
    --------
    >>> normalize_date("2023-11-14T23:30:00-05:00")
    ('2023-11-14', None)
    >>> normalize_date("14 November 2023"), normalize_date("Nov 14, 2023, 10:32 GMT")
    (('2023-11-14', None), ('2023-11-14', None))
    >>> normalize_date("last Tuesday")[1]
    "date 'last Tuesday' not understood; kept as given (write dates as YYYY-MM-DD)"
    """
    if raw is None or not str(raw).strip():
        return None, None
    value = " ".join(str(raw).split())
    for candidate in (value, value.replace("Z", "+00:00")):
        try:
            return datetime.fromisoformat(candidate).date().isoformat(), None
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(value).date().isoformat(), None
    except (TypeError, ValueError, IndexError):
        pass
    for candidate in dict.fromkeys((value, _TRAILING_ZONE.sub("", value).rstrip(", "))):
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date().isoformat(), None
            except ValueError:
                continue
    match = _ISO_DAY.search(value)
    if match:
        try:
            year, month, day = map(int, match.groups())
            return datetime(year, month, day).date().isoformat(), None
        except ValueError:
            pass
    return value, f"date {value!r} not understood; kept as given (write dates as YYYY-MM-DD)"


# --------------------------------------------------------------------------- explicit outlets


class ExplicitOutlets:
    """Match input files against the caller's ``FILE=NAME`` mapping.

    A key matches a file when it equals the path as given or found, names the same file
    (after resolving), equals the file name, or names a directory that contains the file.
    Keys that matched nothing are reported by :meth:`unused`.

    Examples
    --------
    >>> eo = ExplicitOutlets({"a.txt": "Daily Planet"})
    >>> eo.lookup(Path("data/a.txt")), eo.lookup(Path("data/b.txt")), eo.unused()
    ('Daily Planet', None, [])
    """

    def __init__(self, mapping: Mapping[str, str] | None) -> None:
        self._given = {str(k): str(v) for k, v in (mapping or {}).items()}
        self._resolved = {Path(k).expanduser().resolve(): k for k in self._given}
        self._used: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self._given)

    def lookup(self, path: Path, given: str | None = None) -> str | None:
        """The explicit outlet of ``path`` (given as the string ``given``), or ``None``."""
        if not self._given:
            return None
        key = None
        if given is not None and given in self._given:
            key = given
        elif str(path) in self._given:
            key = str(path)
        elif path.name in self._given:
            key = path.name
        else:
            resolved = path.resolve()
            for candidate in (resolved, *resolved.parents):
                if candidate in self._resolved:
                    key = self._resolved[candidate]
                    break
        if key is None:
            return None
        self._used.add(key)
        return self._given[key]

    def unused(self) -> list[str]:
        """Keys that matched no input, in the order given."""
        return [k for k in self._given if k not in self._used]


# --------------------------------------------------------------------------- ids


class IdAllocator:
    """Hand out unique article ids: the first use keeps its id, later ones get ``-2``, ``-3``…

    Memory stays small however many articles stream past: each id taken is kept as an 8-byte
    BLAKE2b digest, not as the string, and every :attr:`MERGE_EVERY` digests are merged into
    one sorted array: for a million ids 8 MB (16 MB at the peak of a merge), where a set of the
    strings held 85 MB (``benchmarks/streaming_memory.py``). Two different ids share a digest
    with probability about n²/2⁶⁵ (3 × 10⁻⁸ for a million ids); the only effect would be a
    ``-2`` suffix an id did not need.

    Examples
    --------
    >>> ids = IdAllocator()
    >>> ids.take("a"), ids.take("a"), ids.take("a-2"), ids.take("a")
    ('a', 'a-2', 'a-2-2', 'a-3')
    """

    #: Digests are kept in a set until there are this many, then merged into the sorted array.
    MERGE_EVERY = 4096

    def __init__(self) -> None:
        self._recent: set[int] = set()
        self._merged: Any = None  # sorted numpy uint64 array of the older digests
        self._next: dict[str, int] = {}

    def take(self, wanted: str) -> str:
        """Reserve ``wanted`` or the first free ``wanted-N``."""
        chosen = wanted
        n = self._next.get(wanted, 2)
        while self._is_taken(digest := _digest(chosen)):
            chosen = f"{wanted}-{n}"
            n += 1
        if chosen != wanted:
            self._next[wanted] = n
        self._recent.add(digest)
        if len(self._recent) >= self.MERGE_EVERY:
            self._merge()
        return chosen

    def _is_taken(self, digest: int) -> bool:
        if digest in self._recent:
            return True
        merged = self._merged
        if merged is None:
            return False
        import numpy as np

        i = int(merged.searchsorted(np.uint64(digest)))
        return i < len(merged) and int(merged[i]) == digest

    def _merge(self) -> None:
        import numpy as np

        recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
        merged = recent if self._merged is None else np.concatenate([self._merged, recent])
        merged.sort()
        self._merged, self._recent = merged, set()


def _digest(text: str) -> int:
    """The 64-bit BLAKE2b digest of ``text`` (lone surrogates allowed), as an int."""
    raw = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(raw, "little")


# --------------------------------------------------------------------------- articles


#: Longer article texts are refused (split them into parts). The longest of ~7,000 real news
#: articles in the development data has 62,414 characters; analysis is linear below this bound
#: (about 4 s for 400,000 characters, see docs/robustness.md).
MAX_ARTICLE_CHARS = 500_000

_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(record: RawRecord) -> RawRecord:
    """``record`` with lone surrogates (possible in JSON ``"\\ud800"`` escapes, never valid
    text) replaced by U+FFFD, so every later stage can encode the text as UTF-8."""
    changed = {
        f.name: _SURROGATE.sub("\ufffd", value)
        for f in fields(record)
        if isinstance(value := getattr(record, f.name), str) and _SURROGATE.search(value)
    }
    if not changed:
        return record
    warning = "replaced invalid characters (lone surrogates) with \ufffd"
    return replace(record, **changed, warnings=(*record.warnings, warning))


def _where(record: RawRecord, src: SourceInfo) -> tuple[str, int | None]:
    """Source and line of a problem with ``record``: ``file`` and the line (JSONL/CSV rows),
    else ``file#N`` (JSON list items, DataFrame rows) or just the file."""
    if record.row_sep == ":" and isinstance(record.row, int):
        return src.display, record.row
    return src.display + ("" if record.row is None else f"{record.row_sep}{record.row}"), None


def _unusable(text: str) -> str | None:
    """Why ``text`` cannot be analysed (no words, nothing left, too long), or ``None``."""
    if not text.strip():
        return "no article text left after removing page furniture; check the file"
    if not any(c.isalpha() for c in text):
        return "no words in the text (only numbers or punctuation); check the file"
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            f"article text has {len(text):,} characters, more than the limit of "
            f"{MAX_ARTICLE_CHARS:,} (news articles are far shorter); split it into parts"
        )
    return None


def build_article(record: RawRecord, src: SourceInfo, ids: IdAllocator) -> Article:
    """Resolve outlet, date, id and language of ``record``; raise :class:`InputError` if empty."""
    record = _without_surrogates(record)
    row = None if record.row is None else f"{record.row_sep}{record.row}"
    problem = _unusable(record.text)
    if problem:
        source, line = _where(record, src)
        raise InputError(source, problem, line)
    warnings = list(record.warnings)
    outlet, rule = resolve_outlet(
        src.explicit_outlet, record.outlet, record.url, src.directory, src.stem
    )
    date, date_warning = normalize_date(record.date)
    if date_warning:
        warnings.append(date_warning)
    text, byline = strip_byline(record.text, outlet)
    if text != record.text:
        warnings.append(f"moved the byline ({byline or outlet}) out of the text")
    if not text.strip():
        text = record.text  # nothing but a byline: keep what there is
    language = guess_language(text[:LANGUAGE_SAMPLE])
    if language == "und":
        warnings.append("language not recognised (text too short?); scored as English")
    elif language != "en":
        warnings.append(f"language looks like {language!r}, not English; kept but not scored")
    wanted = record.own_id if record.own_id else src.id_base + (row or "")
    article_id = ids.take(wanted)
    if article_id != wanted:
        warnings.append(f"id {wanted!r} already used; renamed to {article_id!r}")
    sha = record.sha256 or src.sha256 or hashlib.sha256(record.text.encode()).hexdigest()
    return Article(
        id=article_id,
        text=text,
        outlet=outlet,
        title=record.title or None,
        url=record.url or None,
        date=date,
        author=record.author or byline or None,
        language=language,
        source=src.display + (row or ""),
        outlet_rule=rule,
        sha256=sha,
        warnings=tuple(warnings),
        story=record.story,
    )
