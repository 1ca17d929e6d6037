"""Streamed reading: the same articles and problems as ``load``, never every article at once."""

from __future__ import annotations

import json

import pytest

from mediacompare.errors import InputError, NothingUsableError
from mediacompare.ingest import dispatch, load, stream
from mediacompare.model import Article


def _jsonl(path, rows, bad_lines=()):
    lines = [json.dumps(r) for r in rows]
    for index, text in bad_lines:
        lines.insert(index, text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"text": f"Officials said talks went on in round {i}. Aid came.", "outlet": f"O{i % 3}"}
    for i in range(7)
]


def _flat(chunks):
    articles, problems = [], []
    for chunk in chunks:
        articles += chunk.articles
        problems += chunk.problems
    return articles, problems


@pytest.fixture
def every_tabular_file_streamed(monkeypatch):
    monkeypatch.setattr(dispatch, "STREAMED_ABOVE", 0)


@pytest.mark.parametrize("streamed", [False, True])
def test_jsonl_streams_the_articles_and_line_problems_of_load(tmp_path, monkeypatch, streamed):
    if streamed:
        monkeypatch.setattr(dispatch, "STREAMED_ABOVE", 0)
    path = _jsonl(tmp_path / "a.jsonl", ROWS, bad_lines=[(2, "not json"), (5, "[1, 2]")])
    whole = load([str(path)])
    articles, problems = _flat(stream([str(path)], chunk_size=3))
    assert articles == list(whole.articles)
    assert problems == list(whole.problems)
    assert [p.line for p in problems] == [3, 6]
    assert [a.id for a in articles][:2] == ["a:1", "a:2"]


def test_csv_streamed_row_by_row_keeps_embedded_newlines_and_line_numbers(
    tmp_path, every_tabular_file_streamed
):
    path = tmp_path / "b.csv"
    path.write_text(
        'text,outlet\n"First line.\nSecond line of it.",X\n"Broken, row",X,extra\nThird one here.,Y\n',
        encoding="utf-8",
    )
    whole = load([str(path)])
    articles, problems = _flat(stream([str(path)], chunk_size=1))
    assert articles == list(whole.articles)
    assert [(p.line, "fields" in p.message) for p in problems] == [(4, True)]
    assert [a.outlet for a in articles] == ["X", "Y"]


def test_chunks_are_bounded_and_carry_new_problems_only(tmp_path, every_tabular_file_streamed):
    path = _jsonl(tmp_path / "a.jsonl", ROWS, bad_lines=[(0, "{oops")])
    chunks = list(stream([str(path)], chunk_size=2))
    assert [len(c) for c in chunks] == [2, 2, 2, 1]
    assert [len(c.problems) for c in chunks] == [1, 0, 0, 0]


def test_streamed_file_may_exceed_the_whole_file_limit(tmp_path, monkeypatch):
    path = _jsonl(tmp_path / "big.jsonl", ROWS)
    monkeypatch.setattr(dispatch, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(dispatch, "STREAMED_ABOVE", 100)
    with pytest.raises(NothingUsableError, match="larger than"):
        load([str(path)])
    assert len(_flat(stream([str(path)]))[0]) == len(ROWS)


def test_mixed_inputs_keep_input_order_and_ids(tmp_path, every_tabular_file_streamed):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks went on. Aid came.", encoding="utf-8")
    _jsonl(folder / "b.jsonl", ROWS[:2])
    (folder / "c.txt").write_text("Markets fell. Prices rose.", encoding="utf-8")
    given = [Article(id="mine", text="Hi there. Yes.", outlet="Z"), str(folder)]
    articles, _ = _flat(stream(given, chunk_size=2))
    assert [a.id for a in articles] == [a.id for a in load(given)]
    assert [a.id for a in articles] == ["mine", "in/a", "in/b:1", "in/b:2", "in/c"]


def test_undecodable_bytes_keep_the_rows_before_them(tmp_path, every_tabular_file_streamed):
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps(ROWS[0]).encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    articles, problems = _flat(stream([str(path)]))
    assert len(articles) == 1
    assert "not UTF-8" in problems[0].message and problems[0].source == str(path)


def test_jsonl_fields_may_differ_between_lines(tmp_path, every_tabular_file_streamed):
    path = _jsonl(tmp_path / "a.jsonl", [{"body": "Body only. Yes.", "outlet": "J"},
                                         {"text": "Text here. Yes.", "outlet": "K"}])
    articles, problems = _flat(stream([str(path)]))
    assert [a.text for a in articles] == ["Body only. Yes.", "Text here. Yes."] and not problems


def test_nothing_usable_raises_after_reading_everything(tmp_path, every_tabular_file_streamed):
    path = tmp_path / "a.jsonl"
    path.write_text("nope\n[1]\n", encoding="utf-8")
    with pytest.raises(NothingUsableError, match="a.jsonl:1"):
        list(stream([str(path)]))


def test_strict_stops_at_the_first_bad_line(tmp_path, every_tabular_file_streamed):
    path = _jsonl(tmp_path / "a.jsonl", ROWS, bad_lines=[(3, "nope")])
    with pytest.raises(InputError, match="a.jsonl:4"):
        list(stream([str(path)], strict=True))


def test_chunk_size_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        next(stream([Article(id="a", text="Hi.", outlet="X")], chunk_size=0))


def test_a_binary_file_is_one_problem_not_one_per_line(tmp_path, every_tabular_file_streamed):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x00\x01\n" * 50)
    with pytest.raises(NothingUsableError, match="binary file"):
        list(stream([str(path)]))
