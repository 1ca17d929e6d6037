"""The one Jinja environment, its filters, and the functions that render and save reports."""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from collections.abc import Iterable
from glob import escape as glob_escape
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .._collector import collector_paused
from .._resources import read_text
from ..errors import ConfigError
from ..comparison.stats.differences import METHOD_SENTENCE_TEST
from ..comparison.stats.intervals import METHOD_ARTICLES
from .context import build_context, most_telling
from .json import report_data

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison.records import ComparisonData

__all__ = [
    "environment",
    "render_html",
    "render_markdown",
    "render_json",
    "check_output",
    "report_format",
    "save_report",
    "FORMATS",
]

FORMATS = {"html": ".html", "md": ".md", "json": ".json"}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def signed(value, digits: int = 2) -> str:
    """Format with an explicit sign: ``+0.25``, ``−0.10`` (true minus sign); ``–`` if missing.

    Examples
    --------
    >>> signed(0.2549), signed(-0.1), signed(None)
    ('+0.25', '−0.10', '–')
    """
    if _missing(value):
        return "–"
    text = f"{value:+.{digits}f}"
    return text.replace("-", "−")


def number(value, digits: int = 2) -> str:
    """Format a number with fixed decimals (thousands separated); ``–`` if missing.

    Examples
    --------
    >>> number(1234.5, 1), number(3, 0), number(float("nan"))
    ('1,234.5', '3', '–')
    """
    if _missing(value):
        return "–"
    return f"{value:,.{digits}f}".replace("-", "−")


def pvalue(value) -> str:
    """Format a p- or q-value with three decimals; below 0.001 as ``<0.001``.

    Examples
    --------
    >>> pvalue(0.0412), pvalue(0.0001), pvalue(None)
    ('0.041', '<0.001', '–')
    """
    if _missing(value):
        return "–"
    return "<0.001" if value < 0.0005 else f"{value:.3f}"


def percent(value, digits: int = 0) -> str:
    """Format a share (0..1) as a percentage.

    Examples
    --------
    >>> percent(0.4567), percent(0.4567, 1)
    ('46%', '45.7%')
    """
    if _missing(value):
        return "–"
    return f"{100 * value:.{digits}f}%"


#: Every line break Markdown renderers honour (\r alone too), and other control characters.
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+|[\x00-\x08\x0e-\x1f\x7f]")
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#+!|~"})


def md_escape(value) -> str:
    """Escape text for Markdown (table cells included); newlines become spaces.

    Examples
    --------
    >>> md_escape("a|b <script>")
    'a\\\\|b \\\\<script\\\\>'
    """
    return _LINE_BREAKS.sub(" ", str(value)).translate(_MD_SPECIAL)


_OPENING_MARKS = ("“", "‘", '"', "'", "«", "„")
_CLOSING_MARKS = ("”", "’", '"', "»")


def md_quote(value) -> str:
    """Markdown-escaped text in curly quotes, unless it already opens with a quote mark (a
    sentence that is itself a quotation is not quoted twice: no ``““Our goal…”``).

    Examples
    --------
    >>> md_quote("Talks failed."), md_quote("“We will win,” he said."), md_quote("It ends here.”")
    ('“Talks failed.”', '“We will win,” he said.', '“It ends here.”')
    """
    text = md_escape(value).strip()
    if text.startswith(_OPENING_MARKS):
        return text
    # a sentence that closes a quotation opened in an earlier one: its own mark closes ours
    return f"“{text}" if text.endswith(_CLOSING_MARKS) else f"“{text}”"


def web_link(url: str) -> Markup:
    """An escaped link for ``http``/``https`` URLs; any other scheme (``javascript:``,
    ``data:``) is shown as plain, escaped text and never made clickable.

    Examples
    --------
    >>> str(web_link("https://example.org/a?b=1&c=2"))
    '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">https://example.org/a?b=1&amp;c=2</a>'
    >>> str(web_link("javascript:alert(1)"))
    'javascript:alert(1)'
    """
    from urllib.parse import urlsplit

    text = escape(url)
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in ("http", "https") or any(c.isspace() or not c.isprintable() for c in url.strip()):
        return text
    return Markup(f'<a href="{text}" rel="noopener noreferrer nofollow">{text}</a>')


#: Table rows shown before "show all" in long tables.
CAP_ROWS = 12
#: Collapsible blocks (evidence lists, stories, outlets) shown before "show all".
CAP_BLOCKS = 8
#: Stories of the coverage section shown before "show all" (each holds one block per outlet).
CAP_STORIES = 3
#: Topic groups of one outlet's "only in" sentences shown per story before "show all".
CAP_GROUPS = 4
#: Stories drawn at all (the rest are in ``cmp.coverage`` and the JSON), and quotes listed per
#: outlet (the rest are in ``cmp.quotes``): they bound the size of a large corpus's report.
STORIES_LISTED = 15
QUOTES_LISTED = 100
#: Speakers named in a "who is quoted" cell (the per-outlet quote lists name every one).
SPEAKERS_SHOWN = 6


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja environment of all reports: autoescaping for HTML, strict about undefined names."""
    env = Environment(
        loader=PackageLoader("mediacompare.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        signed=signed, number=number, pvalue=pvalue, percent=percent, md=md_escape, md_quote=md_quote,
        most_telling=most_telling, link=web_link, cited_only=cited_only,
    )
    env.tests["sentence_level"] = lambda d: d.method == METHOD_SENTENCE_TEST
    # Rows and blocks shown before "show all" in long lists (see templates/_partials.html).
    env.globals.update(
        CAP_ROWS=CAP_ROWS, CAP_BLOCKS=CAP_BLOCKS, CAP_STORIES=CAP_STORIES, CAP_GROUPS=CAP_GROUPS,
        SPEAKERS_SHOWN=SPEAKERS_SHOWN, STORIES_LISTED=STORIES_LISTED, QUOTES_LISTED=QUOTES_LISTED,
        METHOD_ARTICLES=METHOD_ARTICLES,
    )
    return env


def _css() -> Markup:
    return Markup(read_text("report", "templates", "report.css"))


BRIEF_NOTE = ("Brief report: the findings and the tables that test them. The full report "
              "(every section, the evidence sentences and the article texts) is written without "
              "--brief, or shown in a notebook by cmp.show().")


def cited_only(paragraphs, cited: frozenset[str]) -> list[tuple[Any, bool]]:
    """The sentences of ``paragraphs`` whose anchor is in ``cited``, each with whether text
    was left out before it; a final ``(None, True)`` when text is left out after the last.

    >>> from types import SimpleNamespace as S
    >>> paras = [[S(anchor="a"), S(anchor="b")], [S(anchor="c")]]
    >>> [(s and s.anchor, gap) for s, gap in cited_only(paras, frozenset({"b"}))]
    [('b', True), (None, True)]
    """
    flat = [s for para in paragraphs for s in para]
    out: list[tuple[Any, bool]] = []
    last = -1
    for i, s in enumerate(flat):
        if s.anchor in cited:
            out.append((s, i != last + 1))
            last = i
    if out and last != len(flat) - 1:
        out.append((None, True))
    return out


#: Above this many articles the HTML writes only the sentences it cites (evidence links
#: land on them); every sentence is in the JSON report with ``--detail sentences``.
FULL_TEXT_ARTICLES = 200

_SENTENCE_LINK = re.compile(r'href="#([^"]+)"')


@collector_paused()
def render_html(cmp: ComparisonData, *, fragment: bool = False, brief: bool = False) -> str:
    """Render the self-contained HTML report.

    ``fragment=True`` leaves out ``<html>``/``<head>`` (for notebooks); ``brief=True`` keeps
    only the "What differs" box, the verdict and the tables that test the differences. With
    more than :data:`FULL_TEXT_ARTICLES` articles the article texts keep only the sentences
    the report links to (found by a first rendering without any article text).
    """
    template = environment().get_template("fragment.html" if fragment else "report.html")
    ctx = build_context(cmp)

    def render(cited: frozenset[str] | None) -> str:
        return template.render(ctx=ctx, css=_css(), brief=brief, brief_note=BRIEF_NOTE, cited=cited)

    if ctx.n_articles <= FULL_TEXT_ARTICLES:
        return render(None)
    # Nothing outside the article texts depends on ``cited``: a first pass without any text
    # finds the sentences the report links to.
    return render(frozenset(_SENTENCE_LINK.findall(render(frozenset()))))


@collector_paused()
def render_markdown(cmp: ComparisonData) -> str:
    """Render the report as GitHub-flavoured Markdown."""
    return environment().get_template("report.md").render(ctx=build_context(cmp))


@collector_paused()
def render_json(cmp: ComparisonData, *, indent: int | None = 2, detail: str = "summary") -> str:
    """Render the JSON report (keys sorted, NaN written as null); ``detail`` as in
    :func:`~mediacompare.report.json.report_data`."""
    return json.dumps(report_data(cmp, detail), indent=indent, sort_keys=True, ensure_ascii=False) + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def report_format(path: Path, format: str | None = None) -> str:
    """The report format for ``path``: ``format`` if given, else from the suffix.

    >>> report_format(Path("r.md")), report_format(Path("r.txt"), "json")
    ('md', 'json')
    """
    fmt = format or {v: k for k, v in FORMATS.items()}.get(path.suffix.lower())
    if fmt not in FORMATS:
        raise ConfigError(
            f"{path}: cannot tell the report format from the suffix; use .html, .md or .json "
            "(or give --format)"
        )
    return fmt


_ROW_SUFFIX = re.compile(r"[#:]\d+$")


def _input_file(source: str) -> Path | None:
    """The file an article's ``source`` names (``data.jsonl:3`` → ``data.jsonl``), if any."""
    for candidate in (source, _ROW_SUFFIX.sub("", source)):
        path = Path(candidate)
        if path.is_file():
            return path
    return None


def check_output(path: Path, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse, before anything is written, an output path that would overwrite one of
    ``inputs`` or that cannot be a file: an existing folder, or a parent that is a file.

    Examples
    --------
    >>> check_output(Path("."))
    Traceback (most recent call last):
    mediacompare.errors.ConfigError: .: is a folder; give a file name, e.g. report.html
    """
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder; give a file name, e.g. {path / 'report.html'}")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(f"{path}: {parent} is a file, not a folder; choose another output path")
            break
    if path.exists():
        for given in inputs:
            source = Path(given)
            if source.is_file() and os.path.samefile(source, path):
                raise ConfigError(
                    f"{path}: is one of the inputs; refusing to overwrite it (choose another -o)"
                )


#: Temporary files of a killed run older than this are removed by the next save.
STALE_TEMPORARY_SECONDS = 600


def _remove_stale_temporaries(path: Path) -> None:
    """Remove ``.<name>.*.tmp`` files that an interrupted (killed) save left beside ``path``."""
    import time

    for leftover in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        try:
            if time.time() - leftover.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                leftover.unlink()
        except OSError:
            pass


def save_report(
    cmp: ComparisonData, path: Path, format: str | None = None, *, brief: bool = False,
    detail: str = "summary",
) -> Path:
    """Write a report atomically: a temporary file in the same folder, then a rename.

    ``format`` is ``"html"``, ``"md"`` or ``"json"``; by default it follows the suffix. The
    path may not be one of the articles' input files (:func:`check_output`). ``brief`` writes
    the brief HTML report (findings and their tests only); ``detail`` is the JSON report's
    level (``"summary"`` or ``"sentences"``), written one value a line without indentation
    (diff-friendly at half the size of an indented file).
    """
    fmt = report_format(path, format)
    sources = [a.article.source for a in cmp.analyses] + [p.source for p in cmp.problems]
    check_output(path, [f for f in map(_input_file, sources) if f is not None])
    content = (render_html(cmp, brief=brief) if fmt == "html"
               else render_markdown(cmp) if fmt == "md" else render_json(cmp, indent=0, detail=detail))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ConfigError(f"{path}: cannot write here ({error.strerror}); choose another output path") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual permissions
        os.replace(tmp, path)
        _remove_stale_temporaries(path)
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ConfigError(f"{path}: could not write the report ({error.strerror})") from None
        raise
    return path
