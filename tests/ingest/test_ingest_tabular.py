"""JSON, JSONL, CSV/TSV and DataFrame inputs: column detection, ids, bad rows."""

from __future__ import annotations

import hashlib
import json

import pytest

from mediacompare.errors import InputError, NothingUsableError
from mediacompare.ingest import Columns, load

T1 = "Troops crossed the river at dawn, officials said."
T2 = "The bridge was destroyed by the storm, the mayor said."


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- JSON


def test_json_single_object_is_one_article_with_path_id(tmp_path):
    path = write(
        tmp_path / "story.json",
        json.dumps(
            {
                "headline": "River crossed",
                "body": T1,
                "publication": "Daily Planet",
                "link": "https://dailyplanet.com/a",
                "published": "2023-11-14T08:00:00+02:00",
            }
        ),
    )
    (a,) = load(path)
    assert (a.id, a.title, a.outlet, a.outlet_rule) == (
        "story",
        "River crossed",
        "Daily Planet",
        "metadata",
    )
    assert (a.url, a.date, a.text) == ("https://dailyplanet.com/a", "2023-11-14", T1)
    assert a.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert a.source == str(path)


def test_json_list_with_own_ids_and_item_ids(tmp_path):
    rows = [
        {"id": 17, "text": T1, "source": "A"},
        {"text": T2, "source": "B"},
        {"text": "  ", "source": "C"},
    ]
    path = write(tmp_path / "batch.json", json.dumps(rows))
    corpus = load(path)
    assert [a.id for a in corpus] == ["17", "batch#2"]
    assert corpus[1].source == f"{path}#2"
    assert corpus[0].sha256 == hashlib.sha256(T1.encode()).hexdigest()
    (problem,) = corpus.problems
    assert problem.source == f"{path}#3"
    assert "empty 'text'; row skipped" in problem.message


def test_json_nested_article_list_and_newsapi_source(tmp_path):
    data = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": "bbc-news", "name": "BBC News"},
                "title": "T",
                "content": T1,
                "url": "https://www.bbc.co.uk/news/1",
                "publishedAt": "2023-11-14T10:00:00Z",
            }
        ],
    }
    (a,) = load(write(tmp_path / "api.json", json.dumps(data)))
    assert (a.outlet, a.outlet_rule, a.url) == (
        "BBC News",
        "metadata",
        "https://www.bbc.co.uk/news/1",
    )


def test_json_invalid_names_line_and_column(tmp_path):
    path = write(tmp_path / "bad.json", '{"text": "a",\n  oops}')
    with pytest.raises(NothingUsableError) as err:
        load(path)
    assert f"{path}: invalid JSON at line 2 column 3" in str(err.value)


def test_json_without_text_column_lists_columns(tmp_path):
    path = write(tmp_path / "x.json", json.dumps([{"headline": "a", "words": T1}]))
    with pytest.raises(InputError) as err:
        load(path, strict=True)
    message = str(err.value)
    assert message.startswith(f"{path}: no text column (columns are: 'headline', 'words')")
    assert "--text-column" in message


# --------------------------------------------------------------------------- JSONL


def test_jsonl_malformed_line_is_listed_and_other_lines_kept(tmp_path):
    path = write(
        tmp_path / "feed.jsonl",
        "\n".join(
            [
                json.dumps({"text": T1, "outlet": "A"}),
                "",
                '{"text": "broken',
                json.dumps(["not", "an", "object"]),
                json.dumps({"text": T2, "outlet": "B", "url": "https://b.example/x"}),
                json.dumps({"outlet": "C"}),
            ]
        ),
    )
    corpus = load(path)
    assert [(a.id, a.outlet) for a in corpus] == [("feed:1", "A"), ("feed:5", "B")]
    assert [(p.line, p.message.split(";")[0]) for p in corpus.problems] == [
        (3, "malformed JSON (Unterminated string starting at)"),
        (4, "expected a JSON object, got list"),
        (6, "empty 'text'"),
    ]
    assert str(corpus.problems[0]).startswith(f"{path}:3: malformed JSON")
    assert corpus.problems[0].message.endswith("fix or remove the line")


def test_jsonl_strict_raises_on_the_malformed_line(tmp_path):
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": T1}) + "\n{oops\n")
    with pytest.raises(InputError) as err:
        load(path, strict=True)
    assert err.value.line == 2 and err.value.source == str(path)


# --------------------------------------------------------------------------- CSV / TSV


def test_csv_common_columns_ids_and_row_numbers(tmp_path):
    path = write(
        tmp_path / "news.csv",
        (
            "ID,Headline,Content,Source,Date\n"
            f'a1,River crossed,"{T1}",Daily Planet,14 November 2023\n'
            f'a2,Empty,"",Daily Planet,2023-11-15\n'
            f'a3,Bridge,"{T2}\n\nSecond paragraph.",Morning Star,2023-11-16\n'
            f',No id,"{T1} Again.",Morning Star,\n'
        ),
    )
    corpus = load(path)
    # rows are numbered by the physical line they start on (a3 spans lines 4-6)
    assert [a.id for a in corpus] == ["a1", "a3", "news:7"]
    assert [a.outlet for a in corpus] == ["Daily Planet", "Morning Star", "Morning Star"]
    assert corpus[0].date == "2023-11-14"
    assert corpus[1].text == T2 + "\n\nSecond paragraph."
    (problem,) = corpus.problems
    assert (problem.source, problem.line) == (str(path), 3)
    assert problem.message == "empty 'Content'; row skipped (add the text or remove the row)"


def test_csv_named_columns(tmp_path):
    path = write(
        tmp_path / "c.csv", f'content_original,paper,when\n"{T1}",Daily Planet,2023-11-14\n'
    )
    (a,) = load(path, columns=Columns(text="content_original", outlet="paper", date="when"))
    assert (a.outlet, a.outlet_rule, a.date) == ("Daily Planet", "metadata", "2023-11-14")


def test_csv_named_column_missing(tmp_path):
    path = write(tmp_path / "c.csv", f'text\n"{T1}"\n')
    with pytest.raises(
        InputError, match=r"column 'paper' \(--outlet-column\) not found; columns are: 'text'"
    ):
        load(path, columns=Columns(outlet="paper"), strict=True)


def test_csv_without_text_column(tmp_path):
    path = write(tmp_path / "meta.csv", "id,title,n_words\n1,A,300\n")
    with pytest.raises(NothingUsableError) as err:
        load(path)
    assert (
        f"{path}: no text column (columns are: 'id', 'title', 'n_words'); name it with --text-column"
        in str(err.value)
    )


def test_csv_outlet_from_url_and_stem(tmp_path):
    path = write(
        tmp_path / "mixed.csv", f'text,url\n"{T1}",https://www.bbc.co.uk/news/1\n"{T2}",\n'
    )
    a, b = load(path)
    assert (a.outlet, a.outlet_rule) == ("bbc.co.uk", "url domain")
    assert (b.outlet, b.outlet_rule) == ("mixed", "file stem")


def test_semicolon_csv_tsv_and_bom(tmp_path):
    semi = tmp_path / "semi.csv"
    semi.write_bytes(f"\ufefftext;outlet\n{T1};A\n".encode())
    tsv = write(tmp_path / "t.tsv", f"text\toutlet\n{T2}\tB\n")
    a, b = load([semi, tsv])
    assert (a.text, a.outlet, b.text, b.outlet) == (T1, "A", T2, "B")


def test_csv_row_with_too_many_fields(tmp_path):
    path = write(tmp_path / "q.csv", f'text,outlet\n"{T2}",A\nTroops, crossed, the river,B\n')
    corpus = load(path)
    assert len(corpus) == 1
    (problem,) = corpus.problems
    assert problem.line == 3
    assert "row has 4 fields but the header has 2" in problem.message


def test_csv_very_long_field(tmp_path):
    long_text = (T1 + " ") * 4000  # > 128 KiB, csv's default field limit
    (a,) = load(write(tmp_path / "long.csv", f'text\n"{long_text}"\n'))
    assert len(a.text) > 131072


# --------------------------------------------------------------------------- DataFrame


def test_dataframe_auto_columns_and_bad_rows():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "Text": [T1, None, T2],
            "Outlet": ["A", "B", None],
            "url": [None, None, "https://m.example.org/x"],
        },
        index=[10, 11, 12],
    )
    corpus = load(frame)
    assert [(a.id, a.outlet, a.outlet_rule) for a in corpus] == [
        ("dataframe#10", "A", "metadata"),
        ("dataframe#12", "example.org", "url domain"),
    ]
    (problem,) = corpus.problems
    assert problem.source == "<dataframe>#11" and "empty 'Text'" in problem.message


def test_dataframe_with_id_column_and_named_text_column():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": [1.0, 2.0], "story_text": [T1, T2], "source": ["A", "B"]})
    corpus = load(frame, columns=Columns(text="story_text"))
    assert [a.id for a in corpus] == ["1", "2"]


def test_dataframe_without_text_column():
    pd = pytest.importorskip("pandas")
    with pytest.raises(InputError, match=r"<dataframe>: no text column \(columns are: 'words'\)"):
        load(pd.DataFrame({"words": [T1]}), strict=True)


def test_jsonl_byline_block_becomes_the_author(tmp_path):
    row = {"source": "USA TODAY", "content": "Gregory Korte\nUSA TODAY\nThe president spoke on Monday."}
    path = write(tmp_path / "a.jsonl", json.dumps(row) + "\n")
    (a,) = load(path)
    assert a.text == "The president spoke on Monday."
    assert a.author == "Gregory Korte"
    assert "moved the byline (Gregory Korte) out of the text" in a.warnings


# --------------------------------------------------------------------------- story column


def test_story_column_from_csv_jsonl_and_dataframe(tmp_path):
    import pandas as pd

    csv_path = write(tmp_path / "s.csv", f'text,outlet,event\n"{T1}",A,river\n"{T2}",B,storm\n')
    assert [a.story for a in load(csv_path, columns=Columns(story="event"))] == ["river", "storm"]
    rows = [{"text": T1, "outlet": "A", "Event": 7}, {"text": T2, "outlet": "B", "Event": 8}]
    jsonl = write(tmp_path / "s.jsonl", "\n".join(json.dumps(r) for r in rows))
    assert [a.story for a in load(jsonl, columns=Columns(story="event"))] == ["7", "8"]
    frame = pd.DataFrame(rows)
    assert [a.story for a in load(frame, columns=Columns(story="Event"))] == ["7", "8"]
    assert [a.story for a in load(csv_path)] == [None, None]  # never guessed


def test_story_column_missing_stops_with_one_line(tmp_path):
    from mediacompare.errors import ConfigError

    path = write(tmp_path / "s.csv", f'text,outlet\n"{T1}",A\n')
    with pytest.raises(ConfigError) as err:
        load(path, columns=Columns(story="event"))
    assert str(err.value) == (f"{path}: no story column 'event' (--story-column); columns are: "
                              "'text', 'outlet'; name one of them, or leave the option out")
    assert "\n" not in str(err.value)


def test_empty_story_cell_skips_the_row_with_its_line(tmp_path):
    path = write(tmp_path / "s.csv", f'text,event\n"{T1}",river\n"{T2}",\n')
    corpus = load(path, columns=Columns(story="event"))
    assert [a.story for a in corpus] == ["river"]
    (problem,) = corpus.problems
    assert problem.line == 3 and "empty 'event' (--story-column)" in problem.message


def test_a_named_story_column_is_not_taken_as_the_text(tmp_path):
    # "story" is one of the common names of a text column; named as the story, it is not the text.
    path = write(tmp_path / "s.csv", f'article_body,story\n"{T1}",river\n')
    with pytest.raises(NothingUsableError, match="no text column"):
        load(path, columns=Columns(story="story"))
    (a,) = load(path, columns=Columns(story="story", text="article_body"))
    assert (a.text, a.story) == (T1, "river")
