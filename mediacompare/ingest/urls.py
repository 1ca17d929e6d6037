"""Articles given as web addresses: fetch once, cache on disk, then read like saved HTML.

A URL is the one input that needs the network, and only the first time: the page is stored in
the cache folder (``$MEDIACOMPARE_CACHE``, else ``~/.cache/mediacompare/pages``) under the
SHA-256 of the URL, with a small JSON note of where it came from. Every later run reads the
cached bytes, so a report rebuilt from the same URLs is offline and byte-identical. Delete the
cached file to fetch a page again.

Fetching uses the standard library (``urllib``) with a timeout, a user agent naming the tool,
a size limit, and at most :data:`MAX_REDIRECTS` redirects; anything that is not an HTML page
is refused with one line that says why.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = [
    "MAX_PAGE_BYTES",
    "TIMEOUT",
    "USER_AGENT",
    "CachedPage",
    "cache_dir",
    "fetch_page",
    "is_url",
    "read_url_list",
]

#: Seconds to wait for the server to connect and for each read.
TIMEOUT = 20.0
#: Largest page read (a news article page is well under this).
MAX_PAGE_BYTES = 8 * 2**20
#: Redirects followed before giving up.
MAX_REDIRECTS = 5
USER_AGENT = "mediacompare (news comparison; +https://pypi.org/project/mediacompare/)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class CachedPage:
    """A fetched page: the address asked for, where it ended up, and its bytes."""

    url: str
    final_url: str
    content: bytes
    from_cache: bool


def is_url(text: str) -> bool:
    """True for ``http://`` and ``https://`` addresses.

    >>> is_url("https://example.org/a"), is_url("story.html"), is_url("ftp://x")
    (True, False, False)
    """
    return text.strip().lower().startswith(("http://", "https://"))


def cache_dir() -> Path:
    """The page cache folder (``$MEDIACOMPARE_CACHE`` or ``~/.cache/mediacompare/pages``)."""
    env = os.environ.get("MEDIACOMPARE_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "mediacompare" / "pages"


def _key(url: str) -> str:
    return hashlib.sha256(url.strip().encode("utf-8")).hexdigest()


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401
        if not is_url(newurl):
            raise urllib.error.URLError(f"redirected to a non-web address {newurl!r}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _download(url: str, timeout: float, max_bytes: int) -> tuple[str, bytes]:
    opener = urllib.request.build_opener(_LimitedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,application/xhtml+xml"})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = (response.headers.get_content_type() or "").lower()
            if kind not in _HTML_TYPES:
                raise InputError(url, f"not an HTML page (the server says {kind or 'nothing'}); "
                                      "give the article's web page, or save the text as .txt")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(url, f"page larger than {max_bytes // 2**20} MB; save the article "
                                      "text as a file instead")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(url, f"page larger than {max_bytes // 2**20} MB; save the "
                                      "article text as a file instead")
            return response.geturl(), data
    except urllib.error.HTTPError as err:
        raise InputError(url, f"the server answered {err.code} {err.reason}; check the address") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise InputError(url, f"no answer within {timeout:g} s; try again later") from None
        raise InputError(url, f"cannot fetch ({reason}); check the address and the connection") from None
    except TimeoutError:
        raise InputError(url, f"no answer within {timeout:g} s; try again later") from None
    except OSError as err:
        raise InputError(url, f"cannot fetch ({err.strerror or err}); check the connection") from None


def fetch_page(
    url: str,
    *,
    cache: Path | None = None,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_PAGE_BYTES,
) -> CachedPage:
    """The page at ``url``: from the cache if it was fetched before, else downloaded and cached.

    Raises
    ------
    InputError
        One line naming the URL and what went wrong (status, timeout, not HTML, too large).
    """
    url = url.strip()
    folder = cache or cache_dir()
    key = _key(url)
    page, note = folder / f"{key}.html", folder / f"{key}.json"
    if page.is_file() and note.is_file():
        meta = json.loads(note.read_text(encoding="utf-8"))
        return CachedPage(url, meta.get("final_url", url), page.read_bytes(), True)
    final_url, data = _download(url, timeout, max_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = page.with_suffix(".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, page)
    note.write_text(json.dumps({"url": url, "final_url": final_url}, sort_keys=True) + "\n",
                    encoding="utf-8")
    return CachedPage(url, final_url, data, False)


def read_url_list(text: str) -> list[str]:
    """The addresses of a ``--urls`` file: one per line; blank lines and ``#`` comments skipped.

    >>> read_url_list("# week 1\\nhttps://a.org/x\\n\\n  https://b.org/y  \\n")
    ['https://a.org/x', 'https://b.org/y']
    """
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
