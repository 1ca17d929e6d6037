"""HTML pages through trafilatura: main text, site name, title, date, canonical URL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mediacompare.errors import InputError
from mediacompare.ingest import load
from mediacompare.ingest.html import read_html

PARAGRAPHS = (
    "<p>The mayor of Metropolis announced on Tuesday that the city would rebuild the bridge "
    "destroyed in last week's storm, at a cost of 40 million dollars.</p>"
    "<p>\u201cWe will not leave anyone stranded,\u201d she told reporters outside city hall, adding "
    "that work would begin next month.</p>"
    "<p>Critics said the plan came too late for commuters who had been cut off for days.</p>"
)


def page(head: str = "", body: str = PARAGRAPHS) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Bridge to be rebuilt</h1>{body}<p>Share this article</p></article>"
        "<footer>Copyright Daily Planet</footer></body></html>"
    )


FULL_HEAD = (
    "<title>Bridge to be rebuilt | The Daily Planet</title>"
    "<meta property='og:site_name' content='The Daily Planet'>"
    "<meta property='og:title' content='Bridge to be rebuilt'>"
    "<link rel='canonical' href='https://www.dailyplanet.com/news/bridge'>"
    "<meta property='article:published_time' content='2023-11-14T10:00:00Z'>"
    "<meta name='author' content='Lois Lane'>"
)


def test_metadata_and_main_text(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(page(FULL_HEAD), encoding="utf-8")
    (article,) = load(path)
    assert article.outlet == "The Daily Planet"
    assert article.outlet_rule == "metadata"
    assert article.title == "Bridge to be rebuilt"
    assert article.url == "https://www.dailyplanet.com/news/bridge"
    assert article.date == "2023-11-14"
    assert article.author == "Lois Lane"
    assert article.text.startswith("The mayor of Metropolis announced on Tuesday")
    assert "Share this article" not in article.text
    assert "Bridge to be rebuilt" not in article.text  # the <h1> repeats the title
    assert "Home" not in article.text
    assert "\u201cWe will not leave anyone stranded,\u201d" in article.text


def test_without_site_name_the_url_domain_decides(tmp_path):
    path = tmp_path / "b.htm"
    path.write_text(page("<link rel='canonical' href='https://www.dailyplanet.com/news/b'>"))
    (article,) = load(path)
    assert (article.outlet, article.outlet_rule) == ("dailyplanet.com", "url domain")


def test_declared_charset_is_honoured(tmp_path):
    path = tmp_path / "ru.html"
    body = "<p>" + "Министр заявил, что план выполняется успешно и в срок. " * 5 + "</p>"
    html = f"<html><head><meta charset='windows-1251'></head><body><article>{body}</article></body></html>"
    path.write_bytes(html.encode("cp1251"))
    (article,) = load(path)
    assert "Министр заявил" in article.text
    assert article.language == "ru"
    assert any("not English" in w for w in article.warnings)


def test_page_without_main_text_is_a_problem(tmp_path):
    (tmp_path / "index.html").write_text(
        "<html><head><title>Index</title></head><body></body></html>"
    )
    (tmp_path / "ok.html").write_text(page(FULL_HEAD))
    corpus = load([tmp_path / "index.html", tmp_path / "ok.html"])
    assert [a.id for a in corpus] == ["ok"]
    (problem,) = corpus.problems
    assert problem.source.endswith("index.html")
    assert problem.message.startswith("no article text found in this HTML page")
    assert ".txt" in problem.message  # says what to do


def test_read_html_raises_input_error_naming_the_file():
    with pytest.raises(InputError, match=r"^empty\.html: no article text"):
        read_html(b"<html><body></body></html>", "empty.html")


def test_binary_html_is_a_problem(tmp_path):
    (tmp_path / "x.html").write_bytes(b"<html>\x00\x01\x02</html>")
    (tmp_path / "ok.txt").write_text("Troops crossed the river at dawn, officials said.")
    corpus = load([tmp_path / "x.html", tmp_path / "ok.txt"])
    assert "binary file" in corpus.problems[0].message


def test_trafilatura_is_imported_only_for_html(tmp_path):
    (tmp_path / "a.txt").write_text("Troops crossed the river at dawn, officials said.")
    code = (
        "import sys; from mediacompare.ingest import load; "
        f"load({str(tmp_path / 'a.txt')!r}); print('trafilatura' in sys.modules)"
    )
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    )
    assert out.stdout.strip() == "False"
