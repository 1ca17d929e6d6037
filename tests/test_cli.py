from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from mediacompare.cli import cli


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "planet").mkdir()
    (tmp_path / "star").mkdir()
    (tmp_path / "planet" / "a.txt").write_text(
        "Title: Talks collapse\n\nPeace talks collapsed. Strikes killed three people.", encoding="utf-8"
    )
    (tmp_path / "star" / "b.txt").write_text(
        "Title: Negotiators hopeful\n\nNegotiators remained hopeful. Aid reached the capital.",
        encoding="utf-8",
    )
    return tmp_path


def test_report_example_writes_html_under_reports(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["report", "--example"])
    assert result.exit_code == 0, result.output
    path = tmp_path / result.stdout.strip()
    assert path == tmp_path / "reports" / "example.html"
    html = path.read_text(encoding="utf-8")
    assert "Meduza" in html and "UK tabloid" in html


def test_report_on_folders_with_outlet_override_and_json(runner, folder, tmp_path):
    out = tmp_path / "r.json"
    result = runner.invoke(
        cli, ["report", str(folder), "-o", str(out), "--outlet", f"{folder / 'star' / 'b.txt'}=Morning Star"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(o["name"] for o in data["outlets"]) == ["Morning Star", "planet"]


def test_report_default_name_from_inputs(runner, folder, monkeypatch):
    monkeypatch.chdir(folder)
    result = runner.invoke(cli, ["report", "planet", "star", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "reports/planet-vs-star.md"


def test_bad_file_in_batch_is_skipped_and_listed(runner, folder, tmp_path):
    (folder / "planet" / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["report", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.stderr
    assert "empty.txt" in out.read_text(encoding="utf-8")


def test_strict_fails_on_bad_input_without_writing(runner, folder, tmp_path):
    (folder / "planet" / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["report", str(folder), "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_nothing_usable_exits_non_zero_with_one_clear_message(runner, tmp_path):
    result = runner.invoke(cli, ["report", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_bad_outlet_option_is_explained(runner, folder):
    result = runner.invoke(cli, ["report", str(folder), "--outlet", "nonsense"])
    assert result.exit_code == 1
    assert "FILE=NAME" in result.stderr


def test_no_input_is_explained(runner):
    result = runner.invoke(cli, ["report"])
    assert result.exit_code == 1 and "--example" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_score_formats(runner, fmt):
    result = runner.invoke(cli, ["score", "--example", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Meduza" in result.stdout
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert {r["outlet"] for r in rows} == {"Meduza", "UK tabloid"}
    if fmt == "csv":
        assert result.stdout.splitlines()[0].startswith("id,outlet,title")


def _jsonl_corpus(path, n=9):
    tones = ["Officials praised the good, hopeful deal.", "Strikes killed three people. War.",
             "The committee met on Tuesday."]
    lines = [json.dumps({"text": f"{tones[i % 3]} Report {i} followed.", "outlet": f"O{i % 2}",
                         "id": f"r{i}"}) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_score_streams_in_chunks_with_the_same_rows(runner, tmp_path, monkeypatch):
    from mediacompare import cli as cli_module
    from mediacompare.ingest import dispatch

    path = _jsonl_corpus(tmp_path / "c.jsonl")
    whole = json.loads(runner.invoke(cli, ["score", str(path), "--format", "json"]).stdout)
    monkeypatch.setattr(cli_module, "SCORE_CHUNK", 2)
    monkeypatch.setattr(dispatch, "STREAMED_ABOVE", 0)
    result = runner.invoke(cli, ["score", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == whole
    assert [r["id"] for r in whole] == [f"r{i}" for i in range(9)]


def test_score_by_outlet_gives_means_with_intervals(runner, tmp_path, monkeypatch):
    from mediacompare import cli as cli_module

    path = _jsonl_corpus(tmp_path / "c.jsonl")
    articles = json.loads(runner.invoke(cli, ["score", str(path), "--format", "json"]).stdout)
    monkeypatch.setattr(cli_module, "SCORE_CHUNK", 4)  # means merged over chunks
    result = runner.invoke(cli, ["score", str(path), "--by", "outlet", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["outlet"]: r for r in json.loads(result.stdout)}
    assert {k: r["articles"] for k, r in rows.items()} == {"O0": 5, "O1": 4}
    o0 = [a["compound_mean"] for a in articles if a["outlet"] == "O0"]
    assert rows["O0"]["compound_mean_mean"] == pytest.approx(sum(o0) / len(o0))
    assert rows["O0"]["compound_mean_ci95_low"] < rows["O0"]["compound_mean_mean"] < rows["O0"]["compound_mean_ci95_high"]
    table = runner.invoke(cli, ["score", str(path), "--by", "outlet"])
    assert table.exit_code == 0 and "compound_mean_mean" in table.stdout and "O1" in table.stdout


def test_score_reports_a_bad_line_and_keeps_the_rest(runner, tmp_path):
    path = _jsonl_corpus(tmp_path / "c.jsonl", n=3)
    path.write_text(path.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    result = runner.invoke(cli, ["score", str(path), "--format", "csv"])
    assert result.exit_code == 0
    assert "c.jsonl:4: malformed JSON" in result.stderr
    assert len(result.stdout.splitlines()) == 4


def test_inspect_shows_metadata_and_rule(runner):
    result = runner.invoke(cli, ["inspect", "--example"])
    assert result.exit_code == 0, result.output
    assert "Meduza (decided by: metadata)" in result.stdout
    assert "Ukraine admits moving long-range missile production abroad" in result.stdout
    assert "2 article(s) read, 0 input(s) skipped." in result.stdout


def test_help_is_available(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "report" in result.stdout


def test_one_story_aligns_every_input_together(runner, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Source: Planet\n\nThe storm flooded the harbour on Monday. Fishermen lost their boats.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Source: Star\n\nThe council approved a new budget for schools. Teachers welcomed it.",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    result = runner.invoke(cli, ["report", str(tmp_path), "-o", str(out), "--one-story"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {a["story"] for a in data["articles"]} == {"s01"}
    assert [s["outlets"] for s in data["coverage"]["stories"]] == [["Planet", "Star"]]
    assert data["parameters"]["stories"] == "one"


def test_report_ends_with_a_closing_summary_on_stderr(runner, tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["report", "--example", "-o", str(out)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)  # stdout stays the path alone
    line = result.stderr.strip().splitlines()[-1]
    for part in ("2 articles from 2 outlets", "1 story aligned", "0 near-duplicates",
                 "0 inputs skipped", "likely real", "kB in"):
        assert part in line
    assert "\x1b[" not in result.stderr


def test_report_quiet_prints_only_the_path(runner, tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["report", "--example", "-o", str(out), "--quiet"])
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.strip() == str(out)


def test_report_brief_keeps_findings_and_drops_article_texts(runner, tmp_path):
    full, brief = tmp_path / "full.html", tmp_path / "brief.html"
    runner.invoke(cli, ["report", "--example", "-o", str(full), "-q"])
    result = runner.invoke(cli, ["report", "--example", "-o", str(brief), "-q", "--brief"])
    assert result.exit_code == 0, result.output
    text = brief.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "What differs" in text
    assert 'id="articles"' not in text and 'id="articles"' in full.read_text(encoding="utf-8")
    assert brief.stat().st_size < full.stat().st_size / 2


def test_score_jobs_streamed_equals_serial(runner, tmp_path, monkeypatch):
    from mediacompare import cli as cli_module

    path = _jsonl_corpus(tmp_path / "c.jsonl", n=10)
    serial = runner.invoke(cli, ["score", str(path), "--format", "jsonl"]).stdout
    monkeypatch.setattr(cli_module, "SCORE_CHUNK", 4)  # one worker pool serves three chunks
    parallel = runner.invoke(cli, ["score", str(path), "--format", "jsonl", "--jobs", "2"])
    assert parallel.exit_code == 0, parallel.output
    assert parallel.stdout == serial


# --------------------------------------------------------------------------- --story-column

STORY_ROWS = [
    ("1", "CNN", "vote", "The senate passed the budget bill on Tuesday after a long debate. "
                         "Democrats praised the vote."),
    ("2", "Fox", "vote", "Senators approved the budget bill on Tuesday. Republicans criticised "
                         "the spending in the bill."),
    ("3", "CNN", "storm", "A storm hit the coast on Friday, cutting power to thousands of homes."),
    ("4", "Fox", "storm", "Thousands of homes lost power when a storm struck the coast on Friday."),
]


@pytest.fixture
def story_csv(tmp_path):
    import csv

    path = tmp_path / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([("id", "source", "event", "content"), *STORY_ROWS])
    return path


def test_report_groups_articles_by_the_story_column(runner, story_csv, tmp_path):
    out = tmp_path / "r.json"
    result = runner.invoke(cli, ["report", str(story_csv), "--story-column", "event", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {a["id"]: a["story"] for a in data["articles"]} == {"1": "vote", "2": "vote", "3": "storm", "4": "storm"}
    assert data["parameters"]["stories"] == "given"


def test_score_and_inspect_show_the_story(runner, story_csv):
    result = runner.invoke(cli, ["score", str(story_csv), "--story-column", "event", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [row["story"] for row in json.loads(result.stdout)] == ["vote", "vote", "storm", "storm"]
    result = runner.invoke(cli, ["inspect", str(story_csv), "--story-column", "event"])
    assert result.exit_code == 0 and "  story:     storm" in result.stdout


@pytest.mark.parametrize("command", ["report", "score", "inspect"])
def test_missing_story_column_is_one_clear_line(runner, story_csv, tmp_path, command):
    extra = ["-o", str(tmp_path / "r.md")] if command == "report" else []
    result = runner.invoke(cli, [command, str(story_csv), "--story-column", "topic", *extra])
    assert result.exit_code == 1 and not (tmp_path / "r.md").exists()
    assert result.stderr.strip().splitlines() == [
        f"mediacompare: error: {story_csv}: no story column 'topic' (--story-column); columns "
        "are: 'id', 'source', 'event', 'content'; name one of them, or leave the option out"
    ]


def test_story_column_needs_every_article_labelled(runner, story_csv, tmp_path):
    other = tmp_path / "extra.txt"
    other.write_text("Title: Flood warning\n\nRivers rose across the region on Friday.", encoding="utf-8")
    result = runner.invoke(cli, ["report", str(story_csv), str(other), "--story-column", "event",
                                 "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 1
    assert "story labels for only 4 of 5 articles" in result.stderr
    assert "extra “Flood warning”" in result.stderr
    result = runner.invoke(cli, ["report", str(story_csv), "--story-column", "event", "--one-story",
                                 "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 1 and "not both" in result.stderr


def test_compare_uses_story_labels_from_python_columns(story_csv):
    import mediacompare as mc

    corpus = mc.load(story_csv, columns=mc.Columns(story="event"))
    assert mc.compare(corpus).coverage.story_of == {"1": "vote", "2": "vote", "3": "storm", "4": "storm"}
    assert set(mc.compare(corpus, stories="one").coverage.story_of.values()) == {"s01"}
