"""Quotation marks with no quote found: a visible warning naming the article, not a finding."""

from __future__ import annotations

import json

from click.testing import CliRunner

from mediacompare import compare
from mediacompare.analysis.pipeline import analyze
from mediacompare.cli import cli
from mediacompare.comparison.quotes import missed_quote_marks, quote_mark_warning
from mediacompare.model import Article

# Closing marks used for both ends (as some editors write them): four marks, no quote read.
UNREAD = ("Minister Ann Lee said ”we will build the bridge this year” on Monday. Her deputy "
          "said ”the money is there” and left.")
READ = "Officials said “the bridge is late” on Monday. “Costs are rising,” the minister said."


def test_marks_without_any_quote_are_counted():
    a = analyze(Article(id="x1", outlet="Daily", title="Bridge plan delayed", text=UNREAD))
    assert missed_quote_marks(a) == 4
    warning = quote_mark_warning(a)
    assert warning is not None and warning.startswith("Daily “Bridge plan delayed” has 4 quotation")
    assert "x1" not in warning  # named by outlet and title, not by id


def test_no_warning_when_a_quote_was_found_or_marks_are_inch_signs():
    assert missed_quote_marks(analyze(Article(id="a", outlet="X", text=READ))) == 0
    inches = 'The panel is 5" long, 7" wide and 3" deep, the maker said.'
    assert missed_quote_marks(analyze(Article(id="b", outlet="X", text=inches))) == 0
    one = 'He said ”nothing and left.'  # a single stray mark
    assert missed_quote_marks(analyze(Article(id="c", outlet="X", text=one))) == 0


def test_warning_is_a_report_note_and_a_comparison_warning():
    cmp = compare([Article(id="x1", outlet="Daily", title="Bridge plan delayed", text=UNREAD),
                   Article(id="x2", outlet="Herald", title="Costs rise", text=READ)])
    assert len(cmp.warnings) == 1 and cmp.warnings[0] in cmp.notes
    assert "Daily “Bridge plan delayed”" in cmp.to_markdown()
    assert cmp.warnings[0] in json.loads(cmp.to_json())["notes"]


def test_cli_prints_the_warning_on_stderr_once(tmp_path):
    (tmp_path / "daily.txt").write_text(f"Title: Bridge plan delayed\n\n{UNREAD}\n", encoding="utf-8")
    (tmp_path / "herald.txt").write_text(f"Title: Costs rise\n\n{READ}\n", encoding="utf-8")
    out = tmp_path / "r.md"
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "daily.txt"),
                                      str(tmp_path / "herald.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "quotation marks" in line]
    assert len(lines) == 1 and lines[0].startswith("mediacompare: warning: daily “Bridge plan delayed”")
    assert "quotation marks but no quote" in out.read_text(encoding="utf-8")
