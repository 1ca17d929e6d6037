"""Tabular inputs: ``.json`` (object or list), ``.jsonl``, ``.csv``/``.tsv``, DataFrames.

Columns are found by common names (:data:`COMMON_COLUMNS`, case-insensitive) unless named with
:class:`~mediacompare.ingest.Columns`. The columns are decided once per file, from the CSV
header or from the first JSON object. Bad rows (empty text, malformed JSONL line) are skipped
and listed; the rest of the file is still read.

Line numbers in problems: the physical line for JSONL, and for CSV the physical line a row
starts on (a quoted field may span lines; the header is line 1); JSON list items are named
``file.json#N`` (1-based).

Examples
--------
>>> recs, problems = read_jsonl('{"id": 7, "text": "Troops advanced.", "source": "X"}\\n{oops\\n', "a.jsonl")
>>> [(r.own_id, r.outlet, r.text) for r in recs], [str(p) for p in problems]
([('7', 'X', 'Troops advanced.')], ['a.jsonl:2: malformed JSON (Expecting property name enclosed in double quotes); fix or remove the line'])
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from ..errors import ConfigError, InputError
from ..model import InputProblem
from .clean import clean_text
from .record import Columns, RawRecord

__all__ = [
    "COMMON_COLUMNS", "csv_rows", "jsonl_objects", "read_csv", "read_dataframe", "read_json",
    "read_jsonl", "resolve_columns", "row_records",
]

#: Column names tried for each field when :class:`Columns` leaves it ``None`` (first match wins).
COMMON_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "maintext",
             "story"),
    "outlet": ("outlet", "source", "site", "publication", "publisher", "source_name",
               "sitename", "site_name", "newspaper", "media"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "article_url"),
    "date": ("date", "published", "published_at", "publication_date", "pubdate", "date_publish",
             "publish_date", "datetime"),
    "id": ("id", "article_id", "doc_id", "uuid"),
    "author": ("author", "authors", "byline"),
}  # fmt: skip

_OPTION = {"text": "--text-column", "outlet": "--outlet-column", "title": "--title-column",
           "url": "--url-column", "date": "--date-column", "id": "--id-column",
           "story": "--story-column"}  # fmt: skip
_LIST_KEYS = ("articles", "items", "data", "records", "results", "documents", "docs", "rows")
Rows = tuple[list[RawRecord], list[InputProblem]]


@dataclass(frozen=True)
class _Resolved:
    text: str
    outlet: str | None
    title: str | None
    url: str | None
    date: str | None
    id: str | None
    author: str | None
    story: str | None


def _listing(keys: Iterable[str]) -> str:
    shown = [k for k in keys][:20]
    return ", ".join(repr(k) for k in shown) or "none"


def resolve_columns(keys: Iterable[Any], columns: Columns | None, source: str) -> _Resolved:
    """Map each field to an actual column name; raise :class:`InputError` without a text column."""
    keys = [str(k) for k in keys]
    lower: dict[str, str] = {}
    for key in keys:
        lower.setdefault(key.strip().lower(), key)
    chosen: dict[str, str | None] = {}
    names = ("text", "outlet", "title", "url", "date", "id", "author", "story")
    for name in names:  # named columns first: auto-detection never takes one of them
        wanted = getattr(columns, name, None) if columns is not None else None
        if wanted is not None:
            found = wanted if wanted in keys else lower.get(wanted.strip().lower())
            if found is None and name == "story":  # grouping is all or nothing: stop the run
                raise ConfigError(
                    f"{source}: no story column {wanted!r} (--story-column); columns are: "
                    f"{_listing(keys)}; name one of them, or leave the option out"
                )
            if found is None:
                raise InputError(
                    source,
                    f"column {wanted!r} ({_OPTION[name]}) not found; columns are: {_listing(keys)}",
                )
            chosen[name] = found
    taken = set(chosen.values())
    for name in names:
        if name not in chosen:  # the story column is never guessed
            candidates = COMMON_COLUMNS.get(name, ())
            chosen[name] = next((lower[c] for c in candidates if c in lower and lower[c] not in taken), None)
    if chosen["text"] is None:
        raise InputError(
            source,
            f"no text column (columns are: {_listing(keys)}); name it with --text-column "
            "(Columns(text=...) in Python)",
        )
    text = chosen["text"]
    assert text is not None
    return _Resolved(text, *(chosen[f.name] for f in fields(_Resolved)[1:]))


def _scalar(value: Any) -> str | None:
    """A cell as a stripped string, or ``None`` for missing/empty/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, Mapping):  # {"id": ..., "name": "BBC News"} (NewsAPI style)
        return _scalar(value.get("name"))
    if isinstance(value, list | tuple):
        parts = [p for p in (_scalar(v) for v in value) if p]
        return ", ".join(parts) or None
    text = str(value).strip()
    return text or None


def _record(
    row: Mapping[str, Any],
    cols: _Resolved,
    where: str,
    line: int | None,
    number: int | str | None,
    sep: str,
) -> RawRecord:
    """Build the record of one row; raise :class:`InputError` for a row without text."""
    raw = row.get(cols.text)
    if isinstance(raw, Mapping | list):
        raise InputError(
            where,
            f"the {cols.text!r} field is not text; row skipped (name the text column "
            "with --text-column)",
            line,
        )
    text = raw if isinstance(raw, str) else _scalar(raw)
    if not text or not text.strip():
        raise InputError(
            where, f"empty {cols.text!r}; row skipped (add the text or remove the row)", line
        )

    def get(name: str | None) -> str | None:
        return _scalar(row.get(name)) if name else None

    story = get(cols.story)
    if cols.story and story is None:
        raise InputError(
            where, f"empty {cols.story!r} (--story-column); row skipped (give the row its story)",
            line,
        )
    title = get(cols.title)
    cleaned = clean_text(text, title=title)
    return RawRecord(
        text=cleaned.text,
        title=title,
        outlet=get(cols.outlet),
        url=get(cols.url),
        date=get(cols.date),
        author=get(cols.author),
        own_id=get(cols.id),
        row=number,
        row_sep=sep,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        warnings=cleaned.warnings,
        story=story,
    )


def row_records(
    items: Iterable[tuple[int | str, Mapping[str, Any]]],
    cols: _Resolved | Callable[[Mapping[str, Any]], _Resolved],
    source: str,
    sep: str,
) -> Iterator[RawRecord | InputProblem]:
    """The record of each ``(number, row)``, or the problem that skips the row.

    ``cols`` is the column mapping of every row, or a function giving it for one row (rows of
    a streamed JSONL file may differ in their fields). ``sep`` is ``":"`` when ``number`` is
    a line number, else what joins ``source`` and ``number`` in messages and ids.
    """
    by_line = sep == ":"
    for number, row in items:
        where = source if by_line else f"{source}{sep}{number}"
        line = number if by_line and isinstance(number, int) else None
        try:
            resolved = cols if isinstance(cols, _Resolved) else cols(row)
            yield _record(row, resolved, where, line, number, sep)
        except InputError as err:
            yield InputProblem(err.source, err.message, err.line if err.line is not None else line)


def _rows(
    items: Iterator[tuple[int | str, Mapping[str, Any]]], cols: _Resolved, source: str, sep: str
) -> Rows:
    records: list[RawRecord] = []
    problems: list[InputProblem] = []
    for item in row_records(items, cols, source, sep):
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            records.append(item)
    return records, problems


def jsonl_objects(
    lines: Iterable[str], source: str
) -> Iterator[tuple[int, dict[str, Any]] | InputProblem]:
    """The objects of JSONL ``lines`` with their line numbers, and a problem per bad line.

    Examples
    --------
    >>> [str(x) if isinstance(x, InputProblem) else x for x in jsonl_objects(['{"a": 1}', '[2]'], "f")]
    [(1, {'a': 1}), 'f:2: expected a JSON object, got list; write one article object a line']
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            reason = getattr(exc, "msg", "nested too deeply" if isinstance(exc, RecursionError) else str(exc))
            yield InputProblem(source, f"malformed JSON ({reason}); fix or remove the line", number)
            continue
        if not isinstance(obj, dict):
            yield InputProblem(
                source,
                f"expected a JSON object, got {type(obj).__name__}; write one article object a line",
                number,
            )
            continue
        yield number, obj


def read_jsonl(text: str, source: str, columns: Columns | None = None) -> Rows:
    """Read one JSON object a line; malformed lines are listed with their line number."""
    problems: list[InputProblem] = []
    good: list[tuple[int, Mapping[str, Any]]] = []
    for item in jsonl_objects(text.split("\n"), source):
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            good.append(item)
    if not good:
        if problems:
            return [], problems
        raise InputError(source, "no JSON objects in this file; write one article object a line")
    # columns from every object's keys, not the first one's: rows may differ in their fields
    keys = dict.fromkeys(k for _, obj in good for k in obj)
    cols = resolve_columns(keys, columns, source)
    records, row_problems = _rows(iter(good), cols, source, ":")
    merged = sorted(problems + row_problems, key=lambda p: p.line or 0)
    return records, merged


def read_json(text: str, source: str, columns: Columns | None = None) -> Rows:
    """Read a JSON object (one article, or a list of articles under a key) or a list."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(source, "JSON nested too deeply to be an article; flatten it") from None
    except ValueError as exc:
        where = (f" at line {exc.lineno} column {exc.colno}"
                 if isinstance(exc, json.JSONDecodeError) else "")
        raise InputError(
            source,
            f"invalid JSON{where} ({getattr(exc, 'msg', exc)}); fix it, or save one article "
            "object a line as .jsonl",
        ) from None
    if isinstance(data, dict):
        keys_lower = {str(k).lower(): k for k in data}
        try:
            cols = resolve_columns(data.keys(), columns, source)
        except InputError:
            nested = next((data[keys_lower[k]] for k in _LIST_KEYS if k in keys_lower), None)
            if not isinstance(nested, list):
                raise
            data = nested
        else:
            records, problems = _rows(iter([(0, data)]), cols, source, ":")
            problems = [InputProblem(source, p.message) for p in problems]  # no line: one object
            return [replace(r, row=None, sha256=None) for r in records], problems
    if not isinstance(data, list):
        raise InputError(
            source, f"expected a JSON object or a list of objects; got {type(data).__name__}"
        )
    objects = [(n, o) for n, o in enumerate(data, 1) if isinstance(o, dict)]
    problems = [
        InputProblem(
            f"{source}#{n}",
            f"expected a JSON object, got {type(o).__name__}; skipped "
            "(a list must hold one object per article)",
        )
        for n, o in enumerate(data, 1)
        if not isinstance(o, dict)
    ]
    if not objects:
        raise InputError(source, "no JSON objects in this file; expected a list of article objects")
    cols = resolve_columns(objects[0][1].keys(), columns, source)
    records, row_problems = _rows(iter(objects), cols, source, "#")
    return records, problems + row_problems


def csv_rows(
    handle: Iterable[str], first_line: str, source: str, *, tsv: bool = False
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]] | InputProblem]]:
    r"""The header of a CSV (or TSV) file and its rows, each with the physical line it starts on.

    ``handle`` is the file's lines (a file opened with ``newline=""`` or a ``StringIO``);
    ``first_line`` is its first line, which decides the delimiter (``;`` when it holds more
    semicolons than commas). A bad row is a problem, and an unreadable one ends the file.

    Examples
    --------
    >>> header, rows = csv_rows(io.StringIO("text;outlet\nHi.;X\n"), "text;outlet", "f.csv")
    >>> header, list(rows)
    (['text', 'outlet'], [(2, {'text': 'Hi.', 'outlet': 'X'})])
    """
    delimiter = "\t" if tsv else (";" if first_line.count(";") > first_line.count(",") else ",")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # articles exceed the 128 KiB default
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(source, f"cannot read the CSV header ({exc}); check the quoting", 1)
    if not header or not any(h.strip() for h in header):
        raise InputError(source, "no header row; the first line must name the columns", 1)

    def items() -> Iterator[tuple[int, dict[str, str]] | InputProblem]:
        while True:
            number = reader.line_num + 1  # the physical line the row starts on
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield InputProblem(source, f"unreadable row ({exc}); check the quoting", number)
                return
            if not cells or not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                yield InputProblem(
                    source,
                    f"row has {len(cells)} fields but the header has {len(header)}; "
                    "check the quoting (fields with commas need double quotes)",
                    number,
                )
                continue
            yield number, dict(zip(header, cells))

    return header, items()


def read_csv(text: str, source: str, columns: Columns | None = None, *, tsv: bool = False) -> Rows:
    """Read a CSV (or TSV) file with a header row; ``;``-separated files are recognised."""
    header, rows = csv_rows(io.StringIO(text, newline=""), text.split("\n", 1)[0], source, tsv=tsv)
    cols = resolve_columns(header, columns, source)
    problems: list[InputProblem] = []

    def items() -> Iterator[tuple[int, dict[str, str]]]:
        for item in rows:
            if isinstance(item, InputProblem):
                problems.append(item)
            else:
                yield item

    records, row_problems = _rows(items(), cols, source, ":")
    merged = sorted(problems + row_problems, key=lambda p: p.line or 0)
    return records, merged


def read_dataframe(frame: Any, columns: Columns | None = None) -> Rows:
    """Read a pandas DataFrame (one article a row), with the same column detection as CSV.

    Rows are named by their index label: ids ``dataframe#<label>`` when there is no id column.
    """
    source = "<dataframe>"
    if len(frame.columns) == 0 or len(frame) == 0:
        raise InputError(source, "the DataFrame is empty; pass one article a row")
    names = [str(c) for c in frame.columns]
    cols = resolve_columns(names, columns, source)
    rows = (
        (label, dict(zip(names, values)))
        for label, *values in frame.itertuples(index=True, name=None)
    )
    return _rows(rows, cols, source, "#")
