"""The two bundled seed articles (package data): outlets, titles, rules and cleaned text."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

import pytest

from mediacompare.ingest import load, load_example

EXAMPLES = files("mediacompare") / "examples"
MEDUZA = "meduza-missile-production-abroad.txt"
TABLOID = "uk-tabloid-atacms-first-use.txt"
HEADLINE = (
    "Ukraine admits moving long-range missile production abroad \u2013 "
    "and taking missile warfare to Russia\u2019s home territory"
)
TEASER = "The Pskov airport strike"


@pytest.fixture(scope="module")
def example():
    return {a.id: a for a in load_example()}


def test_package_data_is_complete():
    mapping = json.loads((EXAMPLES / "outlets.json").read_text(encoding="utf-8"))
    assert mapping == {TABLOID: "UK tabloid"}  # Meduza names itself in its text
    assert "provenance" in (EXAMPLES / "README.md").read_text(encoding="utf-8").lower()


def test_example_outlets_titles_and_ids(example):
    assert list(example) == ["meduza-missile-production-abroad", "uk-tabloid-atacms-first-use"]
    meduza, tabloid = example.values()
    assert (meduza.outlet, meduza.outlet_rule, meduza.title) == ("Meduza", "metadata", HEADLINE)
    # saved without its headline: titles.json gives a descriptive title, not the file name
    titles = json.loads((EXAMPLES / "titles.json").read_text(encoding="utf-8"))
    assert (tabloid.outlet, tabloid.outlet_rule, tabloid.title) == ("UK tabloid", "explicit", titles[TABLOID])
    assert tabloid.title and "atacms-first-use" not in tabloid.title
    assert meduza.source == f"mediacompare/examples/{MEDUZA}"
    assert meduza.sha256 == hashlib.sha256((EXAMPLES / MEDUZA).read_bytes()).hexdigest()
    assert {meduza.language, tabloid.language} == {"en"}


def test_meduza_cleaned_text(example):
    meduza = example["meduza-missile-production-abroad"]
    text = meduza.text
    assert text.startswith("Oleksiy Danilov, the secretary of Ukraine\u2019s National Security")
    assert "Skip to main content" not in text
    assert HEADLINE not in text
    assert "Source:" not in text and "Meduza" not in text
    assert text.count(TEASER) == 1
    assert text.count("More than 400 miles away Major fire") == 1
    assert text.endswith("far from Ukrainian border")
    assert meduza.warnings == (
        "removed 1 page-furniture line",
        "removed 1 repeated block (2 lines)",
    )


def test_tabloid_cleaned_text_is_the_file(example):
    tabloid = example["uk-tabloid-atacms-first-use"]
    raw = (EXAMPLES / TABLOID).read_text(encoding="utf-8")
    assert tabloid.text == raw.strip()
    assert tabloid.warnings == ()


def test_meduza_names_itself_without_a_mapping(tmp_path):
    meduza = tmp_path / MEDUZA
    meduza.write_bytes((EXAMPLES / MEDUZA).read_bytes())
    tabloid = tmp_path / "seeds" / TABLOID
    tabloid.parent.mkdir()
    tabloid.write_bytes((EXAMPLES / TABLOID).read_bytes())
    a, b = load([meduza, tabloid])
    assert (a.outlet, a.outlet_rule, a.title) == ("Meduza", "metadata", HEADLINE)
    assert (b.outlet, b.outlet_rule) == ("uk-tabloid-atacms-first-use", "file stem")
    (b_in_dir,) = load(tabloid.parent)
    assert (b_in_dir.id, b_in_dir.outlet, b_in_dir.outlet_rule) == (
        "seeds/uk-tabloid-atacms-first-use",
        "seeds",
        "directory",
    )
