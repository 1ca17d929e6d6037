"""Entry point of ingest: walk the inputs, read each file with its reader, collect problems.

A bad input never stops the batch: it becomes one :class:`~mediacompare.model.InputProblem`
(file, line for JSONL/CSV, what to do) and the rest is read. ``strict=True`` raises the first
problem as :class:`~mediacompare.errors.InputError`; when nothing usable remains,
:class:`~mediacompare.errors.NothingUsableError` lists every problem.
"""

from __future__ import annotations

import codecs
import itertools
import errno
import hashlib
import os
import stat as stat_kinds
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError, NothingUsableError
from ..model import Article, Corpus, InputProblem
from .metadata import ExplicitOutlets, IdAllocator, build_article
from .plaintext import read_plaintext
from .record import Columns, RawRecord, SourceInfo

Rows = tuple[list[RawRecord], list[InputProblem]]

__all__ = [
    "MAX_FILE_BYTES", "SKIPPED_IN_FOLDERS", "STREAMED_ABOVE", "SUPPORTED_EXTENSIONS", "decode",
    "load", "stream",
]

#: File extensions read by :func:`load` and the reader used for each.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
}  # fmt: skip
_SUPPORTED_LIST = " ".join(sorted(SUPPORTED_EXTENSIONS))
#: File stems skipped inside folders (documentation beside a corpus, not articles); a file
#: named explicitly is always read.
SKIPPED_IN_FOLDERS = frozenset(
    {"readme", "license", "licence", "provenance", "changelog", "notice", "copying"}
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Larger input files are refused (split them, or use JSONL with one article a line): a news
#: corpus file is rarely this big, and a link to a device must not be read without end.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: :func:`stream` reads JSONL, CSV and TSV files larger than this line by line (without
#: :data:`MAX_FILE_BYTES`); smaller files are read whole, exactly as :func:`load` reads them.
STREAMED_ABOVE = 16 * 1024 * 1024
_BINARY = f"binary file (contains NUL bytes), not text; pass articles as {_SUPPORTED_LIST}"


def _is_binary(data: bytes) -> bool:
    return b"\x00" in data and not data.startswith(_UTF16_BOMS)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the bytes look like UTF-16 text without a BOM
    (a NUL in most odd or most even positions, almost none in the others)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0) / len(sample[0::2]), sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str) -> str:
    """Decode file bytes as UTF-8 (a BOM is allowed; UTF-16 with a BOM too).

    There is no silent fallback to another encoding: guessing turns Cyrillic or Greek into
    plausible-looking garbage. Undecodable bytes are reported with their offset.

    Examples
    --------
    >>> decode("Café".encode("utf-8-sig"), "a.txt")
    'Café'
    >>> decode(b"caf\\xe9", "a.txt")
    Traceback (most recent call last):
    ...
    mediacompare.errors.InputError: a.txt: not UTF-8 text (byte 0xe9 at offset 3); re-save it as UTF-8 (e.g. iconv -f cp1252 -t utf-8)
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is not None:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
        raise InputError(source, _BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as "
            "UTF-8 (e.g. iconv -f cp1252 -t utf-8)",
        ) from None


def _wanted(name: str) -> bool:
    """Whether a file found while walking a folder is read (hidden and documentation files not)."""
    stem, suffix = os.path.splitext(name)
    stem = stem.lower()
    return (
        not name.startswith(".")
        and suffix.lower() in SUPPORTED_EXTENSIONS
        and stem not in SKIPPED_IN_FOLDERS
        and not stem.startswith("readme")
    )


def _is_dataframe(obj: Any) -> bool:
    cls = type(obj)
    return cls.__name__ == "DataFrame" and cls.__module__.startswith("pandas")


class _Loader:
    """One ingest run: accumulates articles and problems, allocates unique ids."""

    def __init__(self, outlets: Mapping[str, str] | None, columns: Columns | None, strict: bool):
        self.explicit = ExplicitOutlets(outlets)
        self.columns = columns
        self.strict = strict
        self.ids = IdAllocator()
        self.articles: list[Article] = []
        self.problems: list[InputProblem] = []
        self._seen_files: set[tuple[int, int]] = set()

    def problem(self, source: str, message: str, line: int | None = None) -> None:
        if self.strict:
            raise InputError(source, message, line)
        self.problems.append(InputProblem(source, message, line))

    def add(self, item: Any) -> None:
        if isinstance(item, Article):
            wanted = item.id
            new_id = self.ids.take(wanted)
            if new_id != wanted:
                note = f"id {wanted!r} already used; renamed to {new_id!r}"
                item = replace(item, id=new_id, warnings=(*item.warnings, note))
            self.articles.append(item)
        elif _is_dataframe(item):
            from .tabular import read_dataframe

            src = SourceInfo(display="<dataframe>", id_base="dataframe", stem="dataframe")
            self._rows(lambda: read_dataframe(item, self.columns), src)
        elif isinstance(item, str | os.PathLike):
            self.add_path(os.fspath(item))
        else:
            raise TypeError(
                f"cannot load {type(item).__name__!r}; pass paths, a pandas DataFrame or Articles"
            )

    def add_path(self, given: str) -> None:
        for path, display, src in self.files_of(given):
            self.add_file(path, display, src)

    def files_of(self, given: str) -> list[tuple[Path, str, SourceInfo]]:
        """The files a path names (a folder's, walked), each with its display name and source
        facts; a web address is fetched here. Unusable paths become problems."""
        if not str(given).strip():
            self.problem(repr(given), "empty path; give a file or folder (use '.' for this folder)")
            return []
        from .urls import is_url

        if is_url(str(given)):
            self.add_url(str(given).strip())
            return []
        path = Path(given).expanduser()
        if path.is_symlink() and not path.exists():
            try:
                path.resolve(strict=True)
            except RuntimeError:
                self.problem(given, "symbolic link loop; point the link at a file")
                return []
            except OSError:
                self.problem(given, "broken symbolic link; point it at an existing file")
                return []
        if path.is_dir():
            return self._walk(path)
        if not path.exists():
            self.problem(given, "no such file or directory; check the path")
        elif path.suffix.lower() not in SUPPORTED_EXTENSIONS:
            kind = repr(path.suffix) if path.suffix else "(no extension)"
            self.problem(
                given,
                f"unknown file type {kind}; supported: {_SUPPORTED_LIST} "
                "(save the article text as .txt)",
            )
        else:
            return [(path, given, SourceInfo(display=given, id_base=path.stem, stem=path.stem))]
        return []

    def add_url(self, url: str) -> None:
        """Fetch (or read from the page cache) and extract a web page like a saved HTML file."""
        import re
        from urllib.parse import urlsplit

        from .html import read_html
        from .urls import fetch_page

        try:
            page = fetch_page(url)
            record = read_html(page.content, url)
        except InputError as err:
            self.problem(err.source, err.message, err.line)
            return
        if not record.url:
            record = replace(record, url=page.final_url)
        parts = urlsplit(page.final_url)
        slug = [x for x in parts.path.split("/") if x]
        stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", slug[-1]) if slug else (parts.hostname or "page")
        src = SourceInfo(display=url, id_base=stem[:80] or "page", stem=stem[:80] or "page",
                         sha256=hashlib.sha256(page.content).hexdigest(),
                         explicit_outlet=self.explicit.lookup(Path(url), url))
        self._build(record, src)

    def _walk(self, root: Path) -> list[tuple[Path, str, SourceInfo]]:
        root_name = root.name if root.name not in ("", ".", "..") else root.resolve().name
        found: list[Path] = []

        def unreadable(err: OSError) -> None:
            self.problem(
                str(err.filename), f"cannot read this folder ({err.strerror}); check permissions"
            )

        for folder, dirnames, filenames in os.walk(root, onerror=unreadable):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            found.extend(Path(folder, name) for name in sorted(filenames) if _wanted(name))
        if not found:
            self.problem(
                str(root),
                f"no supported files in this folder (looked for {_SUPPORTED_LIST}); check the path",
            )
        files = []
        for path in found:
            rel = path.relative_to(root)
            parent = path.parent.name if rel.parent != Path(".") else root_name
            src = SourceInfo(
                display=str(path),
                id_base=f"{root_name}/{rel.with_suffix('').as_posix()}",
                stem=path.stem,
                directory=parent,
            )
            files.append((path, str(path), src))
        return files

    def _first_regular_read(self, path: Path, display: str, limit: int | None) -> bool:
        """Whether ``path`` is a regular file not read before (and, with ``limit``, not larger
        than ``limit`` bytes); a problem is recorded when not. Raises :class:`OSError`."""
        stat = path.stat()
        if not stat_kinds.S_ISREG(stat.st_mode):  # never open a FIFO, socket or device
            self.problem(display, "not a regular file (a pipe, socket or device); save the articles as files")
            return False
        if limit is not None and stat.st_size > limit:
            self.problem(display, f"larger than {limit // 2**20} MB; split it into "
                         "smaller files (or JSONL, one article a line)")
            return False
        key = (stat.st_dev, stat.st_ino)
        if key in self._seen_files and stat.st_ino:
            self.problem(display, "given more than once; read once")
            return False
        self._seen_files.add(key)
        return True

    def _read_error(self, display: str, exc: OSError) -> None:
        if exc.errno == errno.ELOOP:
            self.problem(display, "symbolic link loop; point the link at a file")
        else:
            self.problem(display, f"cannot read this file ({exc.strerror or exc}); check permissions")

    def add_file(self, path: Path, display: str, src: SourceInfo) -> None:
        try:
            if not self._first_regular_read(path, display, MAX_FILE_BYTES):
                return
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:  # it grew while we read it
                self.problem(display, f"larger than {MAX_FILE_BYTES // 2**20} MB; split it")
                return
        except OSError as exc:
            self._read_error(display, exc)
            return
        if not data.strip():
            self.problem(display, "empty file; remove it or add the article text")
            return
        kind = SUPPORTED_EXTENSIONS[path.suffix.lower()]
        src = replace(
            src,
            sha256=hashlib.sha256(data).hexdigest(),
            explicit_outlet=self.explicit.lookup(path, display),
        )
        try:
            if kind == "html":
                from .html import read_html

                if _is_binary(data):
                    raise InputError(display, _BINARY)
                self._build(read_html(data, display), src)
                return
            text = decode(data, display)
            if not text.strip():
                raise InputError(display, "empty file; remove it or add the article text")
            if kind in ("text", "markdown"):
                self._build(read_plaintext(text, markdown=kind == "markdown"), src)
                return
        except InputError as err:
            self.problem(err.source, err.message, err.line)
            return
        from . import tabular

        if kind == "json":
            self._rows(lambda: tabular.read_json(text, display, self.columns), src)
        elif kind == "jsonl":
            self._rows(lambda: tabular.read_jsonl(text, display, self.columns), src)
        else:
            self._rows(
                lambda: tabular.read_csv(text, display, self.columns, tsv=kind == "tsv"), src
            )

    def stream(self, item: Any) -> Iterator[Article]:
        """The articles of one input as they are read; large JSONL/CSV files row by row."""
        if not isinstance(item, str | os.PathLike):
            self.add(item)
            yield from self.drain()
            return
        for path, display, src in self.files_of(os.fspath(item)):
            kind = SUPPORTED_EXTENSIONS[path.suffix.lower()]
            if kind in ("jsonl", "csv", "tsv") and _size(path) > STREAMED_ABOVE:
                yield from self._stream_rows(path, display, src, kind)
            else:
                self.add_file(path, display, src)
                yield from self.drain()

    def drain(self) -> list[Article]:
        """The articles read since the last call (and forget them)."""
        articles, self.articles = self.articles, []
        return articles

    def _stream_rows(self, path: Path, display: str, src: SourceInfo, kind: str) -> Iterator[Article]:
        from . import tabular

        try:
            if not self._first_regular_read(path, display, None):
                return
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                head = handle.read(1 << 16)
                digest.update(head)
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            if _is_binary(head):
                self.problem(display, _BINARY)
                return
            if head.startswith(_UTF16_BOMS):
                self.problem(display, f"UTF-16 text larger than {STREAMED_ABOVE // 2**20} MB; "
                             "re-save it as UTF-8 (e.g. iconv -f utf-16 -t utf-8)")
                return
            src = replace(src, sha256=digest.hexdigest(),
                          explicit_outlet=self.explicit.lookup(path, display))
            with path.open("rb") as handle:
                text = _utf8_lines(handle, display)
                if kind == "jsonl":
                    resolved: dict[tuple[str, ...], Any] = {}

                    def columns_of(row: Mapping[str, Any]) -> Any:
                        keys = tuple(row)
                        if keys not in resolved:
                            resolved[keys] = tabular.resolve_columns(keys, self.columns, display)
                        return resolved[keys]

                    rows = self._rows_only(tabular.jsonl_objects(text, display))
                    records = tabular.row_records(rows, columns_of, display, ":")
                else:
                    first = next(text, "")
                    header, items = tabular.csv_rows(
                        itertools.chain([first], text), first, display, tsv=kind == "tsv"
                    )
                    cols = tabular.resolve_columns(header, self.columns, display)
                    records = tabular.row_records(self._rows_only(items), cols, display, ":")
                for record in records:
                    if isinstance(record, InputProblem):
                        self.problem(record.source, record.message, record.line)
                    else:
                        self._build(record, src)
                        yield from self.drain()
        except InputError as err:
            self.problem(err.source, err.message, err.line)
        except OSError as exc:
            self._read_error(display, exc)

    def _rows_only(self, items: Iterable[Any]) -> Iterator[Any]:
        """``items`` without the problems among them (which are recorded)."""
        for item in items:
            if isinstance(item, InputProblem):
                self.problem(item.source, item.message, item.line)
            else:
                yield item

    def _rows(self, read: Callable[[], Rows], src: SourceInfo) -> None:
        try:
            records, problems = read()
        except InputError as err:
            self.problem(err.source, err.message, err.line)
            return
        for problem in problems:
            self.problem(problem.source, problem.message, problem.line)
        for record in records:
            self._build(record, src)

    def _build(self, record: RawRecord, src: SourceInfo) -> None:
        try:
            self.articles.append(build_article(record, src, self.ids))
        except InputError as err:
            self.problem(err.source, err.message, err.line)

    def check_outlet_mapping(self) -> None:
        for key in self.explicit.unused():
            self.problem(
                key,
                "named in the outlet mapping (--outlet) but not among the inputs; check the path",
            )

    def finish(self) -> Corpus:
        self.check_outlet_mapping()
        if not self.articles:
            if not self.problems:
                raise NothingUsableError(
                    "no inputs given; pass article files, folders, a DataFrame or Articles"
                )
            listed = "\n".join(f"  {p}" for p in self.problems)
            raise NothingUsableError(
                f"no usable article in the inputs ({len(self.problems)} problem"
                f"{'s' if len(self.problems) != 1 else ''}):\n{listed}\n"
                "Fix or remove the inputs listed above, or pass other files "
                f"({_SUPPORTED_LIST})."
            )
        return Corpus(tuple(self.articles), tuple(self.problems))


def load(
    inputs: Any,
    *,
    outlets: Mapping[str, str] | None = None,
    columns: Columns | None = None,
    strict: bool = False,
) -> Corpus:
    """Read articles from files, folders, a DataFrame or :class:`Article` objects.

    Parameters
    ----------
    inputs : path, sequence of paths, pandas.DataFrame, or sequence of Article
        Files (:data:`SUPPORTED_EXTENSIONS`: ``.txt .md .html .htm .json .jsonl .csv .tsv``
        and a few aliases) and folders, read recursively in sorted order. Inside folders,
        hidden files, other extensions and documentation files (:data:`SKIPPED_IN_FOLDERS`,
        ``README*``) are skipped silently; named explicitly, they are read or reported.
        A sequence of :class:`Article` is returned as it is.
    outlets : mapping of str to str, optional
        ``FILE=NAME`` outlet names; a key matches the path as given, the same file after
        resolving, the file name, or a folder containing the file. Outlets otherwise come
        from the file's own metadata, its URL's domain, its folder, or its stem (see
        :mod:`mediacompare.ingest.metadata`); ``Article.outlet_rule`` says which.
    columns : Columns, optional
        Names of tabular columns when the common names are not used.
    strict : bool
        Raise :class:`InputError` at the first problem instead of skipping the input.

    Returns
    -------
    Corpus
        The articles and the list of skipped inputs (``Corpus.problems``). Ids are the
        input's own ``id`` field for JSON/JSONL/CSV rows, else ``stem`` (a file named
        directly), ``folder/sub/stem`` (a file found in a folder), ``<file id>:<line>`` (rows
        without an id; ``#<n>`` for JSON list items and DataFrame index labels); repeated ids
        get ``-2``, ``-3``... in input order.

    Raises
    ------
    NothingUsableError
        When no article remains; the message lists every problem.

    Examples
    --------
    >>> corpus = load([Article(id="a", text="Hi.", outlet="X")])
    >>> [a.id for a in corpus], corpus.problems
    (['a'], ())
    """
    if isinstance(inputs, Corpus):
        return inputs
    items = _items(inputs)
    if items and all(isinstance(item, Article) for item in items):
        return Corpus(tuple(items))
    loader = _Loader(outlets, columns, strict)
    for item in items:
        loader.add(item)
    return loader.finish()


def _items(inputs: Any) -> list[Any]:
    if isinstance(inputs, str | os.PathLike | Article) or _is_dataframe(inputs):
        return [inputs]
    if isinstance(inputs, Iterable) and not isinstance(inputs, bytes | Mapping | Corpus):
        return list(inputs)
    raise TypeError(
        f"cannot load {type(inputs).__name__!r}; pass paths, a pandas DataFrame or Articles"
    )


def _utf8_lines(handle: Iterable[bytes], source: str) -> Iterator[str]:
    """The lines of a binary file decoded as UTF-8 (a BOM allowed), raising
    :class:`InputError` with the line number at the first undecodable byte."""
    for number, raw in enumerate(handle, 1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                source,
                f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); the lines before it are kept; "
                "re-save it as UTF-8 (e.g. iconv -f cp1252 -t utf-8)",
                number,
            ) from None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read whole: add_file reports why it cannot be read


def stream(
    inputs: Any,
    *,
    outlets: Mapping[str, str] | None = None,
    columns: Columns | None = None,
    strict: bool = False,
    chunk_size: int = 1000,
) -> Iterator[Corpus]:
    """Read the inputs of :func:`load` as a sequence of corpora of at most ``chunk_size`` articles.

    Nothing holds every article at once: JSONL, CSV and TSV files larger than
    :data:`STREAMED_ABOVE` are read row by row (and may exceed :data:`MAX_FILE_BYTES`), other
    files one at a time. Articles, ids, outlets and problems are those of :func:`load` (a
    streamed JSONL file chooses its columns for each set of fields rather than once for the
    whole file); each chunk carries the problems found since the previous one.

    Raises
    ------
    NothingUsableError
        At the end, when no article was read; the message lists every problem.

    Examples
    --------
    >>> articles = [Article(id=str(i), text="Hi.", outlet="X") for i in range(5)]
    >>> [len(chunk) for chunk in stream(articles, chunk_size=2)]
    [2, 2, 1]
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if isinstance(inputs, Corpus):
        inputs = inputs.articles
    loader = _Loader(outlets, columns, strict)
    buffer: list[Article] = []
    reported = read = 0

    def chunk() -> Corpus:
        nonlocal reported, read
        problems, reported = tuple(loader.problems[reported:]), len(loader.problems)
        read += len(buffer)
        taken = tuple(buffer)
        buffer.clear()
        return Corpus(taken, problems)

    items = _items(inputs)
    if items and all(isinstance(item, Article) for item in items):  # as load: taken as they are
        for start in range(0, len(items), chunk_size):
            yield Corpus(tuple(items[start : start + chunk_size]))
        return
    for item in items:
        for article in loader.stream(item):
            buffer.append(article)
            if len(buffer) >= chunk_size:
                yield chunk()
    if read + len(buffer) == 0:
        loader.finish()  # raises NothingUsableError with every problem
    loader.check_outlet_mapping()
    if buffer or len(loader.problems) > reported:
        yield chunk()
