"""Command-line interface: parse options, call one library function, print.

Library errors (:class:`~mediacompare.errors.MediaCompareError`) become one line on stderr and
exit status 1; usage errors exit with status 2. No tracebacks for bad input.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path

import click

from .errors import ConfigError, MediaCompareError

REPORTS_DIR = Path("reports")


def _fail_cleanly(command: Callable) -> Callable:
    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except MediaCompareError as error:
            click.echo(f"mediacompare: error: {error}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:  # pragma: no cover - interactive
            click.echo("mediacompare: interrupted", err=True)
            sys.exit(130)

    return wrapper


def _parse_outlets(values: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for value in values:
        path, sep, name = value.rpartition("=")
        if not sep or not path or not name.strip():
            raise ConfigError(f"--outlet {value!r}: write it as FILE=NAME, e.g. --outlet a.txt=BBC")
        mapping[path] = name.strip()
    return mapping


def _input_options(command: Callable) -> Callable:
    """Options shared by every command that reads articles."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=str)),
        click.option("--outlet", "outlets", multiple=True, metavar="FILE=NAME",
                     help="Name the outlet of FILE (repeatable); overrides what the file says."),
        click.option("--text-column", help="Column/field holding the article text (CSV/JSON)."),
        click.option("--outlet-column", help="Column/field holding the outlet name."),
        click.option("--title-column", help="Column/field holding the title."),
        click.option("--date-column", help="Column/field holding the date."),
        click.option("--url-column", help="Column/field holding the URL."),
        click.option("--id-column", help="Column/field holding the article id."),
        click.option("--strict", is_flag=True,
                     help="Fail on the first unusable input instead of skipping it."),
        click.option("--example", is_flag=True,
                     help="Use the bundled example (Meduza vs a UK tabloid on Ukraine's missiles)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _load(paths, outlets, strict, example, **columns):
    from .ingest import Columns, load, load_example

    if example:
        if paths:
            raise ConfigError("give either --example or PATHs, not both")
        return load_example()
    if not paths:
        raise ConfigError("no input: give files or folders (or --example to try the bundled pair)")
    cols = Columns(**{k.removesuffix("_column"): v for k, v in columns.items()})
    corpus = load(list(paths), outlets=_parse_outlets(outlets), columns=cols, strict=strict)
    for problem in corpus.problems:
        click.echo(f"mediacompare: skipped {problem}", err=True)
    return corpus


def _default_output(paths: Sequence[str], example: bool, fmt: str) -> Path:
    if example:
        stem = "example"
    else:
        stems = [Path(p.rstrip("/\\")).stem or "input" for p in paths]
        stem = "-vs-".join(stems[:3]) + (f"-and-{len(stems) - 3}-more" if len(stems) > 3 else "")
        stem = re.sub(r"[^\w.-]+", "_", stem)[:80].strip("._") or "report"
    return REPORTS_DIR / f"{stem}.{fmt}"


def _progress(total: int):
    """A rich progress bar on stderr for long runs (None when quiet or not a terminal)."""
    if total < 20 or not sys.stderr.isatty():
        return None, None
    from rich.progress import Progress

    progress = Progress(transient=True, console=None)
    task = progress.add_task("analysing", total=total)
    return progress, lambda n: progress.advance(task, n)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mediacompare")
def cli() -> None:
    """Compare how news outlets tell the same story: tone, word choice, similarity."""


@cli.command()
@_input_options
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Report file (default: reports/<name from the inputs>.<format>).")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "json"]), default=None,
              help="Report format (default: from --output's suffix, else html).")
@click.option("-j", "--jobs", type=int, default=1, show_default=True,
              help="Worker processes for the per-article analysis (-1: one per CPU).")
@click.option("--backend", type=click.Choice(["auto", "serial", "processes", "dask"]),
              default="auto", show_default=True, help="How to run the per-article analysis.")
@_fail_cleanly
def report(paths, outlets, strict, example, output, fmt, jobs, backend, **columns) -> None:
    """Write a comparison report for PATHS (files or folders) and print its path."""
    from .compare import compare

    corpus = _load(paths, outlets, strict, example, **columns)
    if fmt is None:
        fmt = {".md": "md", ".json": "json"}.get(output.suffix.lower(), "html") if output else "html"
    target = output or _default_output(paths, example, fmt)
    progress, advance = _progress(len(corpus))
    if progress:
        with progress:
            cmp = compare(corpus, jobs=jobs, backend=backend, progress=advance)
    else:
        cmp = compare(corpus, jobs=jobs, backend=backend)
    click.echo(str(cmp.save(target, fmt)))


@cli.command()
@_input_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Worker processes.")
@_fail_cleanly
def score(paths, outlets, strict, example, fmt, jobs, **columns) -> None:
    """Print per-article scores."""
    from .analyze import analyze_all
    from .scores import score_rows

    corpus = _load(paths, outlets, strict, example, **columns)
    rows = score_rows(analyze_all(corpus, jobs=jobs))
    if fmt == "json":
        import json

        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _print_table(rows)


def _print_table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    columns = [c for c in rows[0] if c not in {"title", "skipped_reason"}]
    for column in columns:
        table.add_column(column, justify="right" if isinstance(rows[0][column], (int, float)) else "left")
    for row in rows:
        table.add_row(*[_cell(row[c]) for c in columns])
    Console(width=200 if not sys.stdout.isatty() else None).print(table)


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:+.3f}" if -1.0 <= value <= 1.0 else f"{value:.1f}"
    return str(value)


@cli.command()
@_input_options
@click.option("--lines", type=int, default=3, show_default=True,
              help="How many lines of cleaned text to show per article.")
@_fail_cleanly
def inspect(paths, outlets, strict, example, lines, **columns) -> None:
    """Show what ingest made of each input: metadata, counts, the text's first lines, warnings."""
    from .scores import inspect_lines

    corpus = _load(paths, outlets, strict, example, **columns)
    for line in inspect_lines(corpus, n_lines=lines):
        click.echo(line)


def main() -> None:
    """Entry point of the ``mediacompare`` command."""
    cli(prog_name="mediacompare")
