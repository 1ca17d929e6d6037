"""The bad-input catalogue (docs/robustness.md): each case's behaviour, message and exit code.

Every case runs the real CLI on files written into a temporary folder next to one good
article. A case either skips the bad input with a message naming it (exit 0, the good
article's report written) or fails with one line (exit 1/2, nothing written). No case may
end in a traceback, and no input is ever modified.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediacompare.cli import cli

GOOD = (
    "Title: Talks collapse\n\nPeace talks collapsed on Tuesday. Officials said strikes killed three "
    "people in the capital. Aid groups asked for calm."
)
OTHER = "Title: Hopes rise\n\nNegotiators remained hopeful. Aid reached the capital on Tuesday."


@dataclass(frozen=True)
class Case:
    """One catalogue row: files to create, extra CLI arguments, what must happen."""

    name: str
    files: dict[str, bytes] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    exit_code: int = 0
    message: str = ""  # must appear on stderr (or stdout for usage errors)
    command: str = "report"
    with_good: bool = True
    output: str | None = "out.html"


def _b(text: str) -> bytes:
    return text.encode("utf-8")


CASES = [
    # --- files that are skipped, the rest kept
    Case("empty file", {"bad.txt": b""}, message="bad.txt: empty file"),
    Case("whitespace only", {"bad.txt": b"  \n\t \n"}, message="bad.txt: empty file"),
    Case("PDF bytes", {"bad.txt": b"%PDF-1.4\x00\x01binary"}, message="bad.txt: binary file"),
    Case("PNG bytes", {"bad.txt": b"\x89PNG\r\n\x1a\n\x00\x00"}, message="bad.txt: binary file"),
    Case("gzip bytes", {"bad.txt": b"\x1f\x8b\x08\x00\x00\x00\x00\x00"}, message="bad.txt: binary"),
    Case("random bytes with NUL", {"bad.txt": bytes(range(256)) * 4}, message="bad.txt: binary"),
    Case("invalid UTF-8", {"bad.txt": b"caf\xe9 au lait. Another sentence."}, message="not UTF-8"),
    Case("Windows-1252", {"bad.txt": "Na\u00efve \u201cquote\u201d.".encode("cp1252")}, message="not UTF-8"),
    Case("UTF-16 with BOM", {"u16.txt": "Title: A\n\nSome article text. More of it.".encode("utf-16")}),
    Case("UTF-16 without BOM", {"u16.txt": "Some article text here. More of it.".encode("utf-16-le")}),
    Case("mixed line endings", {"mixed.txt": b"Title: M\r\n\r\nOne line.\rTwo line.\nThree line."}),
    Case("NUL bytes in text", {"bad.txt": b"Some text\x00 with NUL."}, message="bad.txt: binary"),
    Case("HTML without an article body", {"bad.html": b"<html><body><nav>Home</nav></body></html>"},
         message="bad.html: no article text"),
    Case("HTML scripts and styles only",
         {"bad.html": b"<html><head><script>alert(1)</script><style>p{}</style></head></html>"},
         message="bad.html: no article text"),
    Case("broken HTML markup", {"ok.html": b"<html><body><p>Broken <b>markup here. It has<p>text."}),
    Case("JSON that is a number", {"bad.json": b"42"}, message="bad.json: expected a JSON object"),
    Case("JSON text as a number", {"bad.json": b'{"text": 5, "outlet": "X"}'},
         message="bad.json: no words"),
    Case("JSON text as a list", {"bad.json": b'{"text": ["a"], "outlet": "X"}'}, message="bad.json"),
    Case("JSON text null", {"bad.json": b'{"text": null, "outlet": "X"}'}, message="bad.json"),
    Case("deeply nested JSON", {"bad.json": b"[" * 100_000 + b"]" * 100_000},
         message="bad.json: JSON nested too deeply"),
    Case("deeply nested JSONL line",
         {"bad.jsonl": _b('{"text": "Fine text here. More.", "outlet": "J"}\n') + b"[" * 50_000 + b"]" * 50_000},
         message="bad.jsonl:2: malformed JSON (nested too deeply)"),
    Case("lone surrogate in JSON",
         {"s.json": b'{"text": "Bad \\ud800 char. More words here.", "outlet": "S", "title": "T \\udfff"}'}),
    Case("JSONL bad line among good ones",
         {"a.jsonl": _b('not json\n{"text": "Good text one. Yes.", "outlet": "J"}\n{"text": "Good two. Yes.", "outlet": "K"}\n')},
         message="a.jsonl:1: malformed JSON"),
    Case("JSONL columns differ between lines",
         {"a.jsonl": _b('{"body": "First has body only. Yes.", "outlet": "J"}\n{"text": "Second has text. Yes.", "outlet": "K"}\n')}),
    Case("CSV missing text column", {"a.csv": b"outlet,title\nX,Y\n"}, message="a.csv"),
    Case("CSV extra and renamed columns",
         {"a.csv": b"Source,Headline,Body,Extra\nX,Y,\"Some text here. More.\",1\n"}),
    Case("CSV embedded newlines",
         {"a.csv": b'outlet,text\nX,"Line one.\nLine two. More text."\n'}),
    Case("CSV formula cells", {"a.csv": b'outlet,title,text\n=CMD(),=HYPERLINK("x"),"Text here. More."\n'}),
    Case("duplicate ids", {"a.jsonl": _b('{"id": "x", "text": "One text. Yes.", "outlet": "A"}\n{"id": "x", "text": "Two text. Yes.", "outlet": "B"}\n')}),
    Case("all quotes", {"q.txt": _b('"This is all a quote," he said. "And so is this."')}),
    Case("only numbers", {"n.txt": b"1 2 3 4 5 6 7 8 9"}, message="n.txt: no words"),
    Case("only punctuation", {"p.txt": b"!!! ... ??? --- ,,,"}, message="p.txt: no words"),
    Case("no sentence punctuation", {"np.txt": _b("word " * 3000)}),
    Case("a 300 KB single line", {"long.txt": _b("Officials said the talks collapsed. " * 9000)}),
    Case("an article far longer than news", {"huge.txt": _b("Officials said the talks collapsed. " * 15_000)},
         message="huge.txt: article text has 539,999 characters, more than the limit of 500,000"),
    Case("out-of-range date", {"d.txt": _b("Title: D\nDate: 01 Jan 99999999999999999999\n\nTalks went on. Aid came.")}),
    Case("CSV line numbers are physical lines",
         {"a.csv": b'outlet,text\nX,"Line one.\nLine two. More."\n\nY,\n'}, message="a.csv:5: empty"),
    Case("non-English text", {"fr.txt": _b("Le gouvernement a annoncé mardi une nouvelle loi sur les retraites.")}),
    Case("unknown extension", {"a.pdf": b"%PDF"}, args=("a.pdf",), message="a.pdf: unknown file type"),
    Case("missing file", args=("missing.txt",), message="missing.txt: no such file"),
    Case("empty path", args=("",), message="empty path"),
    Case("path with spaces and non-ASCII", {"my art\u00efcle.txt": _b(OTHER)}),
    Case("path with a leading dash", {"-dash.txt": _b(OTHER)},
         args=("-o", "out.html", "--", "-dash.txt"), output=None),
    Case("same file given twice", args=("good.txt",), message="good.txt: given more than once"),
    # --- errors: nothing written
    Case("one outlet only", with_good=True, args=(), exit_code=0),
    Case("zero usable articles", {"bad.txt": b""}, with_good=False, exit_code=1,
         message="no usable article"),
    Case("output equal to an input", args=("-o", "good.txt", "--format", "html"), output=None,
         exit_code=1, message="refusing to overwrite"),
    Case("output equal to the frames file", {"f.toml": b'[[frame]]\nname = "x"\nterms = ["talks"]\n'},
         args=("--frames", "f.toml", "-o", "f.toml", "--format", "html"), output=None, exit_code=1,
         message="refusing to overwrite"),
    Case("output equal to an input inside a folder", {"in/x.txt": _b(OTHER)},
         args=("in", "-o", "in/x.txt", "--format", "md"), output=None, exit_code=1,
         message="refusing to overwrite"),
    Case("output is an existing folder", {"sub/x.txt": _b(OTHER)}, args=("-o", "sub"), output=None,
         exit_code=1, message="is a folder"),
    Case("output parent is a file", args=("-o", "good.txt/r.html"), output=None, exit_code=1,
         message="is a file, not a folder"),
    Case("output suffix unknown", args=("-o", "r.pdf"), output=None, exit_code=1,
         message="cannot tell the report format"),
    Case("--jobs 0", args=("--jobs", "0"), exit_code=2, message="1 to 64"),
    Case("--jobs -5", args=("--jobs", "-5"), exit_code=2, message="1 to 64"),
    Case("--jobs 1000", args=("--jobs", "1000"), exit_code=2, message="1 to 64"),
    Case("--jobs abc", args=("--jobs", "abc"), exit_code=2, message="not a valid integer"),
    Case("unknown --format", args=("--format", "pdf"), exit_code=2, message="pdf"),
    Case("--outlet without =", args=("--outlet", "good.txt"), exit_code=1, message="FILE=NAME"),
    Case("conflicting --outlet", args=("--outlet", "good.txt=A", "--outlet", "good.txt=B"),
         exit_code=1, message="named twice"),
    Case("frames file with a value for a table", {"f.toml": b"frame = [1, 2]\n"},
         args=("--frames", "f.toml"), exit_code=1, message="f.toml:1"),
    Case("frames file with nested arrays", {"f.toml": b'[[frame]]\nname = "x"\nterms = [[1, 2]]\n'},
         args=("--frames", "f.toml"), exit_code=1, message="f.toml:3"),
    Case("frames file with a catastrophic regex", {"f.toml": b'[[frame]]\nname = "x"\nregexes = ["(a+)+$"]\n'},
         args=("--frames", "f.toml"), exit_code=1, message="refused"),
    Case("actors file with nested arrays", {"a.toml": b"[actors.X]\naliases = [[1, 2]]\n"},
         args=("--actors", "a.toml"), exit_code=1, message="a.toml:2"),
    Case("frame model is a regular file", args=("--frame-model", "good.txt"), exit_code=1,
         message="no frame model here"),
]


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _run(tmp_path: Path, case: Case):
    _write(tmp_path, case.files)
    paths = []
    if case.with_good:
        (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
        paths.append("good.txt")
    paths += [n for n in case.files if "/" not in n and n not in case.args and not n.endswith(".toml")]
    args = [case.command, *paths, *case.args]
    if case.output:
        args += ["-o", case.output]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, args, catch_exceptions=True)
    finally:
        os.chdir(old)
    return result, before


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_catalogue(tmp_path, case):
    result, before = _run(tmp_path, case)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"traceback: {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, result.output
    assert case.message in result.output, result.output
    for path, data in before.items():  # no input is ever modified
        assert path.read_bytes() == data, path
    written = tmp_path / case.output if case.output else None
    if case.exit_code == 0 and written is not None:
        assert written.is_file()
    if case.exit_code != 0:
        assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))
        if written is not None:
            assert not written.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and devices are POSIX")
def test_special_files_in_a_folder_are_skipped_never_opened(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")  # opening it would block forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "sock.txt"))
    except OSError:  # pragma: no cover - path too long on some systems
        pass
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    result = CliRunner().invoke(cli, ["inspect", str(folder)])
    sock.close()
    assert result.exit_code == 0, result.output
    assert "fifo.txt: not a regular file" in result.output
    assert "zero.txt: not a regular file" in result.output
    assert "symbolic link loop" in result.output
    assert stat.S_ISFIFO((folder / "fifo.txt").stat().st_mode)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads every file: permissions cannot be tested")
def test_unreadable_file_is_skipped_not_a_usage_error(tmp_path):  # pragma: no cover - non-root
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(OTHER, encoding="utf-8")
    locked.chmod(0)
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "good.txt"), str(locked)])
    assert result.exit_code == 0 and "locked.txt: cannot read" in result.output


def test_unreadable_paths_are_not_checked_by_click():
    """Click would turn an unreadable path into a usage error before ingest can skip it."""
    report = cli.commands["report"]
    path_param = next(p for p in report.params if p.name == "paths")
    assert path_param.type.readable is False


def test_control_characters_in_names_are_escaped_on_stderr(tmp_path):
    name = "evil\x1b[31mred\x07.txt"
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "good.txt"), str(tmp_path / name)])
    assert "\x1b" not in result.output and "\\x1b[31mred" in result.output


def test_a_failing_article_is_reported_and_the_rest_completes(monkeypatch):
    from mediacompare.model import Article

    pipeline = _flaky_analyze(monkeypatch)
    done = pipeline.analyze_all([
        Article(id="ok", outlet="A", text="Talks collapsed. Three died."),
        Article(id="bad", outlet="B", text="This one fails."),
    ])
    assert done[0].scored and not done[1].scored
    assert "analysis failed (RuntimeError: boom)" in done[1].skipped_reason


def test_an_article_that_breaks_the_batched_classifiers_is_isolated(monkeypatch):
    from mediacompare.analysis import pipeline
    from mediacompare.model import Article

    real = pipeline._score_drafts

    def flaky(drafts, options):
        if any(d.article.id == "bad" for d in drafts):
            raise RuntimeError("boom")
        return real(drafts, options)

    monkeypatch.setattr(pipeline, "_score_drafts", flaky)
    articles = [Article(id=i, outlet="A", title="Talks", text="Talks collapsed. Three died.")
                for i in ("a", "bad", "c")]
    done = pipeline.analyze_batch(articles)
    assert [d.scored for d in done] == [True, False, True]
    assert "analysis failed (RuntimeError: boom)" in done[1].skipped_reason
    assert done[0] == pipeline.analyze(articles[0])


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path):
    import mediacompare as mc
    from mediacompare.report import render

    leftover = tmp_path / ".r.html.abc123.tmp"
    leftover.write_text("half a report")
    old = 10 ** 9
    os.utime(leftover, (old, old))
    mc.compare(mc.load_example()).save(tmp_path / "r.html")
    assert not leftover.exists() and (tmp_path / "r.html").is_file()
    assert render.STALE_TEMPORARY_SECONDS > 0


def test_csv_score_output_neutralises_formula_cells(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "=1+1", "outlet": "@SUM(A1)", "title": "+cmd", "text": "Talks failed. Three died."}) + "\n"
        + json.dumps({"id": "b", "outlet": "B", "text": "Aid arrived. People cheered."}) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["score", str(tmp_path / "a.jsonl"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "'=1+1" in result.output and "'@SUM(A1)" in result.output and "'+cmd" in result.output


def test_article_text_is_not_read_as_terminal_markup(tmp_path):
    (tmp_path / "[bold]x[oops].jsonl").write_text(
        json.dumps({"id": "[link=http://evil]a[/link]", "outlet": "[/oops]", "text": "Talks failed. Three died."}) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["score", str(tmp_path / "[bold]x[oops].jsonl")])
    assert result.exit_code == 0, result.output
    assert "[/oops]" in result.output and "[link=http://evil]a[/link]" in result.output


def _flaky_analyze(monkeypatch):
    """Make the analysis of article ``bad`` raise (forked workers inherit the patch)."""
    from mediacompare.analysis import pipeline

    real = pipeline._draft

    def flaky(article, options):
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(article, options)

    monkeypatch.setattr(pipeline, "_draft", flaky)
    return pipeline


@pytest.mark.skipif(sys.platform != "linux", reason="forked workers inherit the patched analysis")
@pytest.mark.parametrize("backend", ["processes", "dask"])
def test_a_failing_article_in_a_worker_is_reported_and_the_rest_completes(monkeypatch, backend):
    from mediacompare.model import Article

    if backend == "dask":
        dask = pytest.importorskip("dask")
        context = dask.config.set({"multiprocessing.context": "fork"})
    else:
        from contextlib import nullcontext as context
        context = context()
    pipeline = _flaky_analyze(monkeypatch)
    articles = [Article(id=i, outlet=i.upper(), text="Talks collapsed. Three died.")
                for i in ("a", "bad", "c", "d", "e")]
    with context:
        done = pipeline.analyze_all(articles, jobs=2, backend=backend)
    assert [a.article.id for a in done] == ["a", "bad", "c", "d", "e"]
    assert [a.scored for a in done] == [True, False, True, True, True]
    assert "analysis failed (RuntimeError: boom)" in done[1].skipped_reason


def test_the_cli_names_an_article_whose_analysis_failed(tmp_path, monkeypatch):
    _flaky_analyze(monkeypatch)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(OTHER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["score", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt")])
    assert result.exit_code == 0, result.output
    assert "not scored bad “Hopes rise” (bad): analysis failed (RuntimeError: boom)" in result.output


def test_files_over_the_size_limit_are_refused_unread(tmp_path, monkeypatch):
    from mediacompare.ingest import dispatch

    monkeypatch.setattr(dispatch, "MAX_FILE_BYTES", 1000)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "big.txt").write_text("Words here. " * 200, encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "good.txt"), str(tmp_path / "big.txt")])
    assert result.exit_code == 0 and "big.txt: larger than" in result.output


def test_loading_an_empty_path_is_an_error():
    import mediacompare as mc
    from mediacompare.errors import NothingUsableError

    with pytest.raises(NothingUsableError, match="empty path"):
        mc.load("")


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_reruns_are_byte_identical_across_jobs_and_backends(tmp_path, monkeypatch, fmt):
    pytest.importorskip("dask")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    texts = [GOOD, OTHER, "Title: Strikes\n\nStrikes hit the capital. Officials said three died.",
             "Title: Calm\n\nThe capital was calm on Tuesday. Aid groups welcomed the talks."]
    for i, text in enumerate(texts):
        (tmp_path / f"o{i}.txt").write_text(text, encoding="utf-8")
    inputs = [str(tmp_path / f"o{i}.txt") for i in range(len(texts))]
    outputs = []
    for n, extra in enumerate([(), (), ("--jobs", "2", "--backend", "processes"),
                               ("--jobs", "2", "--backend", "dask")]):
        out = tmp_path / f"r{n}.{fmt}"
        result = CliRunner().invoke(cli, ["report", *inputs, "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[1] == outputs[0]  # a rerun: byte for byte
    # across jobs and backends, only the recorded run parameters (backend=, jobs=) differ
    import re

    def _settings_dropped(data: bytes) -> bytes:
        return re.sub(rb'(backend\W+)\w+(\W+jobs\W+)\d+', rb"\1_\2_", data)

    assert all(_settings_dropped(o) == _settings_dropped(outputs[0]) for o in outputs[2:])
    assert b"backend" in outputs[0] or fmt == "md"


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)*$", r"(a|a)*$", r"(a|aa)+$",
                                     r"a*a*a*a*a*b", r"(x)\1", "a" * 600])
def test_user_regexes_that_can_backtrack_catastrophically_are_refused(pattern):
    from mediacompare.analysis.framing.safe_regex import check_pattern

    with pytest.raises(ValueError):
        check_pattern(pattern)


@pytest.mark.parametrize("pattern", [r"\bgun (?:control|laws?)\b", r"\b(?:tax|taxes)\b",
                                     r"\w+\s+\w+", r"(?: [A-Z][a-z]+){0,3}", r"(?<!not )guilty"])
def test_ordinary_frame_patterns_are_accepted(pattern):
    from mediacompare.analysis.framing.safe_regex import check_pattern

    check_pattern(pattern)
