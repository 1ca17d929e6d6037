"""Notebook display: compact inline summary, full report in an iframe, prefixed ids."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest

import mediacompare as mc
from mediacompare.model import Article
from mediacompare.report.notebook import prefix_ids, report_prefix

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "quickstart.ipynb"
LIMIT = 60_000  # bytes of inline output for the bundled example (issue 14)


@pytest.fixture(scope="module")
def example():
    return mc.compare(mc.load_example())


def test_inline_repr_is_compact_and_full_report_is_not(example):
    inline = example._repr_html_().encode()
    full = example.to_html().encode()
    assert len(inline) < LIMIT < len(full)
    text = inline.decode()
    assert "What differs" in text and "Are the tone differences real?" in text
    assert 'id="articles"' not in text  # no article texts inline


def test_every_id_and_anchor_is_prefixed(example):
    text = example._repr_html_()
    prefix = report_prefix(example)
    ids = re.findall(r'\bid="([^"]+)"', text)
    anchors = re.findall(r'href="#([^"]+)"', text)
    assert ids and all(i.startswith(prefix + "-") for i in ids)
    assert all(a.startswith(prefix + "-") for a in anchors)
    assert set(anchors) <= set(ids)  # no dangling in-page link in the compact view


def test_two_reports_in_one_notebook_do_not_collide(example):
    other = mc.compare([Article(id="a", outlet="X", text="Peace talks resumed on Monday."),
                        Article(id="b", outlet="Y", text="Talks on peace began again Monday.")])
    ids_a = set(re.findall(r'\bid="([^"]+)"', example._repr_html_()))
    ids_b = set(re.findall(r'\bid="([^"]+)"', other._repr_html_()))
    assert ids_a and ids_b and not ids_a & ids_b


def test_prefix_leaves_external_links_alone():
    out = prefix_ids('<a href="https://x.org/#a">x</a><span id="s1"></span>', "p")
    assert 'href="https://x.org/#a"' in out and 'id="p-s1"' in out


def test_show_puts_the_full_report_in_an_iframe(example):
    shown = example.show(height=500)._repr_html_()
    assert shown.startswith("<iframe") and "height:500px" in shown
    srcdoc = re.search(r'srcdoc="([^"]*)"', shown).group(1)
    assert htmllib.unescape(srcdoc) == example.to_html()


def test_scoped_reset_outranks_notebook_table_css(example):
    text = example._repr_html_()
    assert 'class="mediacompare mc-scoped"' in text
    assert ".mediacompare.mc-scoped th" in text  # two classes beat .jp-RenderedHTMLCommon th


def test_quickstart_notebook_inline_output_is_compact(tmp_path, monkeypatch):
    if not NOTEBOOK.exists():
        pytest.skip("examples/ is not part of this installation")
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert all(c.get("id") for c in nb["cells"]) and nb["nbformat_minor"] >= 5
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    first_code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    exec(compile("".join(first_code["source"]), str(NOTEBOOK), "exec"), namespace)  # noqa: S102
    # the cell ends with `cmp`: Jupyter displays its _repr_html_
    assert "".join(first_code["source"]).rstrip().splitlines()[-1].startswith("cmp")
    assert len(namespace["cmp"]._repr_html_().encode()) < LIMIT
