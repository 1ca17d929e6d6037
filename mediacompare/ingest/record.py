"""Records passed from the format readers to :mod:`~mediacompare.ingest.metadata`.

A reader turns one input (a file or a DataFrame) into :class:`RawRecord` objects — cleaned
body text plus whatever metadata the input itself carries — and knows nothing about outlet
precedence or ids. :class:`SourceInfo` describes where the input came from.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Columns", "RawRecord", "SourceInfo"]


@dataclass(frozen=True)
class Columns:
    """Names of tabular columns (CSV/TSV header, JSON/JSONL keys, DataFrame columns).

    ``None`` means auto-detect from common names (case-insensitive), see
    :data:`mediacompare.ingest.tabular.COMMON_COLUMNS`.

    Examples
    --------
    >>> Columns(text="content_original", outlet="source").text
    'content_original'
    """

    text: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    id: str | None = None
    story: str | None = None  # never guessed: only a column you name holds story labels


@dataclass(frozen=True)
class SourceInfo:
    """Where an input came from.

    Attributes
    ----------
    display : str
        The path as given or found while walking a directory (``"<dataframe>"`` for a
        DataFrame); used in messages and as :attr:`Article.source`.
    id_base : str
        Stable id of the input: the file stem for a file given by name, ``root/sub/stem`` for a
        file found in a given directory.
    stem : str
        The file name without extension (last-resort outlet).
    directory : str, optional
        Name of the file's parent directory when the file was found by walking a directory.
    sha256 : str
        Hash of the raw file bytes.
    explicit_outlet : str, optional
        Outlet named by the caller for this input (``--outlet FILE=NAME``).
    """

    display: str
    id_base: str
    stem: str
    directory: str | None = None
    sha256: str = ""
    explicit_outlet: str | None = None


@dataclass(frozen=True)
class RawRecord:
    """One article as a reader found it: cleaned text plus the input's own metadata.

    ``row`` is the JSONL line, the CSV row (header = 1), the JSON list item (1-based) or the
    DataFrame index label; ``None`` when the whole file is one article. ``row_sep`` joins the
    source and the row in ids and sources (``":"`` for lines/rows, ``"#"`` for list items).
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    own_id: str | None = None
    row: int | str | None = None
    row_sep: str = ":"
    sha256: str | None = None
    warnings: tuple[str, ...] = ()
    story: str | None = None
