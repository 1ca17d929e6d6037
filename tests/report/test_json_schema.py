"""The JSON report matches its packaged JSON Schema at both detail levels."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema", reason="install the test extra")

from mediacompare import Article, compare, load_example  # noqa: E402
from mediacompare.report.json import report_schema  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "reports" / "example.json"


@pytest.fixture(scope="module")
def validator():
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def seeds():
    return compare(load_example())


@pytest.mark.parametrize("detail", ["summary", "sentences"])
def test_reports_validate(validator, seeds, detail):
    validator.validate(json.loads(seeds.to_json(detail=detail)))
    three = compare([Article(id=str(i), outlet=f"O{i % 3}", text=f"Talks {i} failed. Aid came.")
                     for i in range(6)])
    validator.validate(json.loads(three.to_json(detail=detail)))


def test_the_committed_example_validates(validator):
    validator.validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))


def test_the_schema_tells_the_levels_apart(validator, seeds):
    summary = json.loads(seeds.to_json())
    wrong = copy.deepcopy(summary)
    wrong["detail"] = "sentences"  # a summary body claiming every sentence
    assert not validator.is_valid(wrong)
    broken = copy.deepcopy(summary)
    del broken["articles"][0]["evidence_sentences"]
    assert not validator.is_valid(broken)
