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
from typing import Any

import click

from .errors import ConfigError, MediaCompareError

REPORTS_DIR = Path("reports")


def _fail_cleanly(command: Callable) -> Callable:
    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except MediaCompareError as error:
            click.echo(f"mediacompare: error: {_printable(str(error))}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:  # pragma: no cover - interactive
            click.echo("mediacompare: interrupted", err=True)
            sys.exit(130)

    return wrapper


def _parse_outlets(values: Sequence[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        path, sep, name = value.rpartition("=")
        if not sep or not path or not name.strip():
            raise ConfigError(f"--outlet {value!r}: write it as FILE=NAME, e.g. --outlet a.txt=BBC")
        if path in mapping and mapping[path] != name.strip():
            raise ConfigError(
                f"--outlet {path}: named twice ({mapping[path]!r} and {name.strip()!r}); keep one"
            )
        mapping[path] = name.strip()
    return mapping


def _input_options(command: Callable) -> Callable:
    """Options shared by every command that reads articles."""
    options = [
        # readable=False: an unreadable file is skipped with a message by ingest, like any
        # other unusable input, instead of aborting the run with a usage error
        click.argument("paths", nargs=-1, type=click.Path(path_type=str, readable=False)),
        click.option("--outlet", "outlets", multiple=True, metavar="FILE=NAME",
                     help="Name the outlet of FILE (repeatable); overrides what the file says."),
        click.option("--text-column", help="Column/field holding the article text (CSV/JSON)."),
        click.option("--outlet-column", help="Column/field holding the outlet name."),
        click.option("--title-column", help="Column/field holding the title."),
        click.option("--date-column", help="Column/field holding the date."),
        click.option("--url-column", help="Column/field holding the URL."),
        click.option("--id-column", help="Column/field holding the article id."),
        click.option("--story-column",
                     help="Column/field naming the story each row belongs to: `report` groups "
                          "articles by it instead of clustering them."),
        click.option("--strict", is_flag=True,
                     help="Fail on the first unusable input instead of skipping it."),
        click.option("--example", is_flag=True,
                     help="Use the bundled example (Meduza vs a UK tabloid on Ukraine's missiles)."),
        click.option("--urls", "urls_file", type=click.Path(dir_okay=False), default=None,
                     help="File of article web addresses, one per line (# comments). Pages are "
                          "fetched once and cached, so reruns are offline."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _analysis_options(command: Callable) -> Callable:
    """Options that change what is measured in each article."""
    options = [
        click.option("--frames", "frames_file", type=click.Path(dir_okay=False),
                     help="TOML file of your own frames, scored besides the built-in codebooks."),
        click.option("--frame-model", type=click.Path(),
                     help="Frame classifier saved by `mediacompare train-frames`."),
        click.option("--actors", "actors_file", type=click.Path(dir_okay=False),
                     help="TOML file of actors: aliases, groups and types."),
        click.option("--loaded-model", type=click.Path(),
                     help="Loaded-language classifier saved with LoadedLanguageClassifier.save() "
                          "(default: the shipped one)."),
        click.option("-j", "--jobs", type=int, default=1, show_default=True, callback=_check_jobs,
                     help="Worker processes for the per-article analysis (-1: one per CPU; "
                          f"at most {MAX_JOBS})."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


#: More worker processes than this only add memory and start-up time.
MAX_JOBS = 64


def _check_jobs(ctx, param, value: int) -> int:
    if value == -1 or 1 <= value <= MAX_JOBS:
        return value
    raise click.BadParameter(f"{value}: give a number of processes from 1 to {MAX_JOBS}, or -1 for one per CPU")


def _printable(text: str) -> str:
    """``text`` with control characters (newlines, escape sequences) shown escaped, so file and
    outlet names cannot break or restyle the terminal.

    >>> _printable("a\\nb\\x1b[31m")
    'a\\\\nb\\\\x1b[31m'
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _options(frames_file, frame_model, actors_file, loaded_model=None):
    from pathlib import Path as _Path

    from .analysis.pipeline import AnalysisOptions

    for flag, value in (("--frames", frames_file), ("--frame-model", frame_model),
                        ("--actors", actors_file), ("--loaded-model", loaded_model)):
        if value is not None and not _Path(value).exists():
            raise ConfigError(f"{flag} {value}: no such file")
    return AnalysisOptions(frames_file=frames_file, frame_model=frame_model, actors_file=actors_file,
                           loaded_model=loaded_model)


def _protected_inputs(paths, options) -> list[str]:
    """Every file the run reads (articles, --frames, --actors, the --frame-model folder's
    files): ``-o`` may be none of them."""
    files = list(paths)
    for value in (options.frames_file, options.actors_file, options.frame_model, options.loaded_model):
        if value is not None:
            folder = Path(value)
            files += [str(p) for p in folder.iterdir()] if folder.is_dir() else [value]
    return files


def _report_failures(analyses) -> None:
    """One stderr line per article whose analysis raised (it is kept, unscored)."""
    for a in analyses:
        if a.skipped_reason and a.skipped_reason.startswith("analysis failed"):
            click.echo(f"mediacompare: not scored {_printable(a.article.label)} ({_printable(a.article.id)}): "
                       f"{_printable(a.skipped_reason)}", err=True)


def _report_warnings(cmp, shown: int = 3) -> None:
    """The comparison's data warnings on stderr, once each (past ``shown``: how many more)."""
    for warning in cmp.warnings[:shown]:
        click.echo(f"mediacompare: warning: {_printable(warning)}", err=True)
    if len(cmp.warnings) > shown:
        click.echo(f"mediacompare: warning: {len(cmp.warnings) - shown} more articles with "
                   "quotation marks but no quote found (listed in the report's notes)", err=True)


def _inputs(paths, example, urls_file):
    """The paths and web addresses to read, or ``None`` for the bundled example."""
    if urls_file is not None:
        from .ingest.urls import read_url_list

        try:
            listed = read_url_list(Path(urls_file).read_text(encoding="utf-8"))
        except OSError as error:
            raise ConfigError(f"--urls {urls_file}: cannot read it ({error.strerror})") from None
        if not listed:
            raise ConfigError(f"--urls {urls_file}: no web address in it (one per line)")
        paths = (*paths, *listed)
    if example:
        if paths:
            raise ConfigError("give either --example or PATHs, not both")
        return None
    if not paths:
        raise ConfigError("no input: give files or folders (or --example to try the bundled pair)")
    return list(paths)


def _columns(columns):
    from .ingest import Columns

    return Columns(**{k.removesuffix("_column"): v for k, v in columns.items()})


def _report_skipped(corpus) -> None:
    for problem in corpus.problems:
        click.echo(f"mediacompare: skipped {_printable(str(problem))}", err=True)


def _load(paths, outlets, strict, example, urls_file=None, **columns):
    from .ingest import load, load_example

    inputs = _inputs(paths, example, urls_file)
    if inputs is None:
        return load_example()
    cols = _columns(columns)
    corpus = load(inputs, outlets=_parse_outlets(outlets), columns=cols, strict=strict)
    _report_skipped(corpus)
    if cols.story is not None:  # before any analysis: every article needs its story
        from .comparison.coverage import given_stories

        given_stories(list(corpus), "auto")
    return corpus


#: Articles analysed at a time by ``score``: memory is bounded by this, not the corpus (an
#: article's full analysis holds about 0.25 MB while it is summarised).
SCORE_CHUNK = 200


def _stream(paths, outlets, strict, example, urls_file=None, **columns):
    """The corpus in chunks of at most :data:`SCORE_CHUNK` articles, skipped inputs reported."""
    from .ingest import load_example, stream

    inputs = _inputs(paths, example, urls_file)
    if inputs is None:
        yield load_example()
        return
    for chunk in stream(inputs, outlets=_parse_outlets(outlets), columns=_columns(columns),
                        strict=strict, chunk_size=SCORE_CHUNK):
        _report_skipped(chunk)
        yield chunk


def _default_output(paths: Sequence[str], example: bool, fmt: str) -> Path:
    if example:
        stem = "example"
    else:
        stems = [Path(p.rstrip("/\\")).stem or "input" for p in paths]
        stem = "-vs-".join(stems[:3]) + (f"-and-{len(stems) - 3}-more" if len(stems) > 3 else "")
        stem = re.sub(r"[^\w.-]+", "_", stem)[:80].strip("._") or "report"
    return REPORTS_DIR / f"{stem}.{fmt}"


class _Phases:
    """Named phases on stderr: a bar while articles are analysed, then a pulsing bar per phase.

    Off (every method a no-op) with ``--quiet``, for short runs, or when stderr is not a
    terminal. rich honours ``NO_COLOR``; phase names are ours, never article text.
    """

    def __init__(self, total: int, quiet: bool) -> None:
        self.total, self.done = total, 0
        self.progress: Any = None
        self.task: Any = None
        if quiet or total < 20 or not sys.stderr.isatty():
            return
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                                 TimeElapsedColumn(), transient=True)
        self.task = self.progress.add_task(f"analysing {total} articles", total=total)

    def __enter__(self) -> _Phases:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()

    def advance(self, n: int) -> None:
        self.done += n
        if self.progress:
            self.progress.advance(self.task, n)
            if self.done >= self.total:  # what compare() does after the per-article analysis
                self.phase("comparing outlets: statistics, coverage, similarity")

    def phase(self, name: str) -> None:
        if self.progress:
            self.progress.update(self.task, description=name, total=None, completed=0)


def _closing_summary(cmp, path: Path, seconds: float) -> str:
    """One stderr paragraph at the end of `report`: what went in, what came out."""
    from .report.views.summary import count_findings

    cov = cmp.coverage
    stories = len(cov.stories) if cov is not None else 0
    duplicates = sum(1 for v in cov.duplicate_of.values() if v) if cov is not None else 0
    size = path.stat().st_size if path.exists() else 0
    findings = count_findings(cmp)
    return (
        f"mediacompare: {len(cmp.analyses)} articles from {len(cmp.profiles)} outlets; "
        f"{stories} stor{'y' if stories == 1 else 'ies'} aligned; {duplicates} near-duplicate"
        f"{'s' if duplicates != 1 else ''}; {len(cmp.problems)} input"
        f"{'s' if len(cmp.problems) != 1 else ''} skipped; {findings} difference"
        f"{'s' if findings != 1 else ''} likely real; report {size / 1000:,.0f} kB "
        f"in {seconds:.1f} s"
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mediacompare")
def cli() -> None:
    """Compare how news outlets tell the same story: tone, framing, actors, quotes, coverage, style."""


@cli.command()
@_input_options
@_analysis_options
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Report file (default: reports/<name from the inputs>.<format>).")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "json"]), default=None,
              help="Report format (default: from --output's suffix, else html).")
@click.option("--backend", type=click.Choice(["auto", "serial", "processes", "dask"]),
              default="auto", show_default=True, help="How to run the per-article analysis.")
@click.option("--one-story", is_flag=True,
              help="The inputs all cover one story: align them together in the coverage "
                   "section instead of clustering them into stories.")
@click.option("--detail", type=click.Choice(["summary", "sentences"]), default="summary",
              show_default=True,
              help="JSON report: per-article results with evidence excerpts, or also every "
                   "sentence, mention and cue (large).")
@click.option("--brief", is_flag=True,
              help="HTML: only what differs and the tables that test it (no article texts).")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress and no closing summary on stderr (errors and skips still show).")
@_fail_cleanly
def report(paths, outlets, strict, example, output, fmt, jobs, backend, one_story, frames_file,
           frame_model, actors_file, loaded_model=None, brief=False, quiet=False, detail="summary",
           **columns) -> None:
    """Write a comparison report for PATHS (files or folders) and print its path."""
    import time

    from .api import compare
    from .report.render import check_output, report_format, save_report

    started = time.monotonic()

    options = _options(frames_file, frame_model, actors_file, loaded_model)
    if one_story and columns.get("story_column"):
        raise ConfigError("give either --one-story or --story-column, not both")
    if output is not None:  # before any work: refuse an unusable or input-overwriting -o
        check_output(output, _protected_inputs(paths, options))
        fmt = report_format(output, fmt)
    corpus = _load(paths, outlets, strict, example, **columns)
    target = output or _default_output(paths, example, fmt or "html")
    run = dict(options=options, jobs=jobs, backend=backend, stories="one" if one_story else "auto")
    with _Phases(len(corpus), quiet) as phases:
        cmp = compare(corpus, progress=phases.advance, **run)
        phases.phase("rendering the report")
        saved = save_report(cmp, Path(target), fmt, brief=brief, detail=detail)
    _report_failures(cmp.analyses)
    _report_warnings(cmp)
    click.echo(_printable(str(saved)))
    if not quiet:
        click.echo(_closing_summary(cmp, saved, time.monotonic() - started), err=True)


@cli.command()
@_input_options
@_analysis_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonl"]),
              default="table", show_default=True, help="Output format.")
@click.option("--by", type=click.Choice(["article", "outlet"]), default="article",
              show_default=True,
              help="One row per article, or per outlet: means with 95% intervals.")
@_fail_cleanly
def score(paths, outlets, strict, example, fmt, by, jobs, frames_file, frame_model, actors_file,
          loaded_model, **columns) -> None:
    """Print per-article (or per-outlet) scores.

    Articles are read and analysed a chunk at a time, and rows are printed as they are
    ready: memory does not grow with the corpus (use JSONL or CSV for very large ones).
    """
    from .analysis.pipeline import analyze_chunks
    from .report.scores import score_rows

    options = _options(frames_file, frame_model, actors_file, loaded_model)
    writer = _RowWriter(fmt)
    summary = None
    chunks = _stream(paths, outlets, strict, example, **columns)
    for analyses in analyze_chunks(chunks, options=options, jobs=jobs):
        _report_failures(analyses)
        rows = score_rows(analyses)
        if by == "article":
            writer.write(rows)
            continue
        if summary is None:
            from .comparison.running import OutletSummary

            summary = OutletSummary(
                numeric=[k for k in rows[0] if k in OUTLET_NUMERIC or k.startswith(OUTLET_PREFIXES)],
                labels=["primary_policy_frame"],
            )
        summary.add(rows)
    if summary is not None:
        writer.write(summary.rows())
    writer.close()


#: The per-article columns ``score --by outlet`` averages (besides every ``frame_``,
#: ``style_``, ``custom_`` and ``model_`` column).
OUTLET_NUMERIC = frozenset({
    "sentences", "words", "compound_mean", "positive_share", "neutral_share", "negative_share",
    "tone", "polarity", "headline_compound", "actor_mentions", "quotes",
})
OUTLET_PREFIXES = ("frame_", "style_", "custom_", "model_")

#: The columns of `score --format table` (the terminal is narrow; CSV/JSON have them all).
TABLE_COLUMNS = (
    "id", "outlet", "words", "compound_mean", "negative_share", "positive_share", "tone",
    "frame_conflict", "frame_economic", "primary_policy_frame",
)
OUTLET_TABLE_COLUMNS = (
    "outlet", "articles", "words_mean", "compound_mean_mean", "compound_mean_ci95_low",
    "compound_mean_ci95_high", "tone_mean", "frame_conflict_mean", "primary_policy_frame_top",
)


class _RowWriter:
    """Prints rows as they come (CSV, JSON Lines, a JSON list); a table waits for all."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.count = 0
        self._csv: Any = None
        self._table: list[dict] = []

    def write(self, rows: list[dict]) -> None:
        import json

        for row in rows:
            if self.fmt == "jsonl":
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            elif self.fmt == "json":  # the text of json.dumps(all_rows, indent=2), row by row
                body = json.dumps(row, indent=2, ensure_ascii=False).replace("\n", "\n  ")
                sys.stdout.write(("[\n  " if self.count == 0 else ",\n  ") + body)
            elif self.fmt == "csv":
                if self._csv is None:
                    import csv

                    self._csv = csv.DictWriter(sys.stdout, fieldnames=list(row), lineterminator="\n")
                    self._csv.writeheader()
                self._csv.writerow({k: _csv_cell(v) for k, v in row.items()})
            else:
                self._table.append(row)
            self.count += 1
        sys.stdout.flush()

    def close(self) -> None:
        if self.fmt == "json":
            sys.stdout.write("\n]\n" if self.count else "[]\n")
        elif self.fmt == "table" and self._table:
            _print_table(self._table)


def _print_table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, caption="all columns: --format csv or json")
    shown = TABLE_COLUMNS if "id" in rows[0] else OUTLET_TABLE_COLUMNS
    columns = [c for c in shown if c in rows[0]]
    for column in columns:
        table.add_column(column, justify="right" if isinstance(rows[0][column], (int, float)) else "left")
    from rich.text import Text

    for row in rows:  # Text, not str: article text is never read as rich markup
        table.add_row(*[Text(_printable(_cell(row[c]))) for c in columns])
    Console(width=200 if not sys.stdout.isatty() else None).print(table)


def _csv_cell(value):
    """Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR)
    gets a leading apostrophe; numbers stay numbers.

    >>> _csv_cell("=HYPERLINK(1)"), _csv_cell(-0.5), _csv_cell("BBC")
    ("'=HYPERLINK(1)", -0.5, 'BBC')
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


@cli.command()
@_input_options
@click.option("--lines", type=int, default=3, show_default=True,
              help="How many lines of cleaned text to show per article.")
@_fail_cleanly
def inspect(paths, outlets, strict, example, lines, **columns) -> None:
    """Show what ingest made of each input: metadata, counts, the text's first lines, warnings."""
    from .report.scores import inspect_lines

    corpus = _load(paths, outlets, strict, example, **columns)
    for line in inspect_lines(corpus, n_lines=lines):
        click.echo(line)


@cli.command("train-frames")
@click.argument("labelled", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Folder to write the model to (model.json + arrays.npz; no pickle).")
@click.option("--text-column", help="Column holding the text (default: text/body/content).")
@click.option("--label-columns", help="Comma-separated 0/1 frame columns (default: all others).")
@click.option("--label-column", help="One column of frame names (';'-separated for several).")
@click.option("--cv", type=int, default=5, show_default=True, help="Cross-validation folds.")
@_fail_cleanly
def train_frames(labelled, output, text_column, label_columns, label_column, cv) -> None:
    """Train a frame classifier on LABELLED.csv; print cross-validated scores; save it."""
    from .analysis.framing import train_frame_classifier

    result = train_frame_classifier(
        labelled,
        text_column=text_column,
        label_columns=label_columns.split(",") if label_columns else None,
        label_column=label_column,
        cv=cv,
    )
    click.echo(result.table())
    click.echo(str(result.model.save(output)))


def main() -> None:
    """Entry point of the ``mediacompare`` command."""
    cli(prog_name="mediacompare")
