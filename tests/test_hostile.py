"""Hostile content in every field: escaped in HTML and Markdown, valid in JSON, inert on the
terminal; only http(s) links are clickable."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

import mediacompare as mc
from mediacompare.model import Article

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "</style><style>body{display:none}</style>",
    "x' onmouseover='alert(1)",
    "[click](javascript:alert(1)) | col | ![i](x) <b>md</b>",
    "line\rbreak\n- injected item",
    "\x1b[31mred\x1b[0m [bold]rich[/bold] [link=http://evil]x[/link]",
    "{{ 7*7 }} {% if 1 %}jinja{% endif %}",
]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _articles(payload: str) -> list[Article]:
    return [
        Article(id="a", outlet=f"Left {payload}", title=f"Title {payload}", url=payload,
                author=payload, text=f"Protesters marched. {payload} Police watched. Shops were closed."),
        Article(id="b", outlet="Right", title="Calm", url="https://example.org/story?a=1&b=2",
                text="Rioters clashed with police. Shops were looted."),
    ]


@pytest.fixture(scope="module", params=range(len(PAYLOADS)), ids=[p[:20] for p in PAYLOADS])
def report(request):
    payload = PAYLOADS[request.param]
    cmp = mc.compare(_articles(payload))
    return payload, cmp.to_html(), cmp.to_markdown(), cmp.to_json()


def test_html_has_no_injected_tags_attributes_or_links(report):
    payload, html, _, _ = report
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "img", "iframe", "object", "embed"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value is not None and (value.startswith("#") or value.startswith("https://")
                                              or value.startswith("http://")), value
    assert "<svg onload" not in html and "alert(1)</script>" not in html


def test_only_http_links_are_clickable(report):
    _, html, _, _ = report
    assert 'href="https://example.org/story?a=1&amp;b=2"' in html
    assert 'href="javascript' not in html and 'href="data:' not in html


def test_markdown_escapes_and_keeps_table_rows_intact(report):
    payload, _, md, _ = report
    assert not re.search(r"(?<!\\)<(script|svg|img|b)\b", md), "unescaped HTML in Markdown"
    assert not re.search(r"(?<!\\)\]\(javascript:", md)
    for line in md.splitlines():
        if "Left" in line and line.startswith("|"):
            assert line.rstrip().endswith("|"), line
    assert "\r" not in md and "\x1b" not in md


def test_json_is_valid_and_keeps_the_text(report):
    payload, _, _, js = report
    data = json.loads(js)
    titles = [a["title"] for a in data["articles"]]
    assert any(payload in t for t in titles)


def test_templates_are_not_evaluated_from_content():
    cmp = mc.compare(_articles("{{ 7*7 }}"))
    assert "{{ 7*7 }}" in cmp.to_html()
