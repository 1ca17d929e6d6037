"""Saved web pages (``.html``, ``.htm``): main text and metadata with trafilatura.

trafilatura is imported lazily, on the first HTML file, so corpora without HTML never pay
for it. Extraction is offline: the page is never fetched, and links are not followed.
The declared site name (``og:site_name`` and the like) becomes the outlet (rule
``"metadata"``); when trafilatura only has the host name, the outlet is left to the URL rule.
The canonical URL, title, date and author are taken when the page declares them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import InputError
from .clean import clean_text
from .metadata import domain_of
from .record import RawRecord

__all__ = ["read_html"]

NO_TEXT = (
    "no article text found in this HTML page; save the article page itself (not an index or "
    "a page that loads its text with JavaScript), or paste the text into a .txt file"
)


@lru_cache(maxsize=1)
def _extractor() -> Any:
    from trafilatura import bare_extraction

    return bare_extraction


def _field(doc: Any, name: str) -> str | None:
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def read_html(data: bytes, source: str) -> RawRecord:
    """Extract the main text and metadata of a saved HTML page.

    Parameters
    ----------
    data : bytes
        The raw file content (trafilatura reads the page's declared encoding).
    source : str
        The file, for the error message.

    Raises
    ------
    InputError
        When trafilatura finds no main text.

    Examples
    --------
    >>> page = (b"<html><head><title>Bridge to be rebuilt</title>"
    ...         b'<meta property="og:site_name" content="Daily Planet"></head><body><article>'
    ...         b"<p>The mayor said on Tuesday that the bridge destroyed by the storm would be "
    ...         b"rebuilt within a year, at a cost of forty million dollars.</p></article></body></html>")
    >>> rec = read_html(page, "bridge.html")
    >>> rec.outlet, rec.title, rec.text[:25]
    ('Daily Planet', 'Bridge to be rebuilt', 'The mayor said on Tuesday')
    """
    try:
        doc = _extractor()(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml raise many types on broken markup
        raise InputError(source, f"cannot parse this HTML ({type(exc).__name__}); {NO_TEXT}")
    text = _field(doc, "text") if doc is not None else None
    if text is None:
        raise InputError(source, NO_TEXT)
    raw_text = doc.get("text") if isinstance(doc, dict) else doc.text
    title = _field(doc, "title")
    cleaned = clean_text(raw_text or "", title=title)
    if not cleaned.text:
        raise InputError(source, NO_TEXT)
    url = _field(doc, "url")
    sitename = _field(doc, "sitename")
    if sitename and sitename.lower() in {_field(doc, "hostname"), domain_of(url)}:
        sitename = None  # trafilatura's stand-in for a missing site name: let the URL rule say so
    return RawRecord(
        text=cleaned.text,
        title=title,
        outlet=sitename,
        url=url,
        date=_field(doc, "date"),
        author=_field(doc, "author"),
        warnings=cleaned.warnings,
    )
