"""train_frame_classifier on small inline CSVs, and its error messages."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from mediacompare.errors import ConfigError, InputError
from mediacompare.analysis.framing import FrameClassifier, train_frame_classifier

CONFLICT = [
    "Critics attacked the plan.",
    "Rivals clashed over the vote.",
    "Opponents accused the mayor of lying.",
    "The senators fought bitterly.",
    "Protesters denounced the decision.",
]
ECONOMY = [
    "The plan costs $2 billion.",
    "Taxes and prices rose sharply.",
    "Jobs were lost as the economy shrank.",
    "Profits fell by a third.",
    "The budget deficit grew.",
]


def write_csv(path, header, rows, delimiter=","):
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def labelled(tmp_path):
    rows = [[t, 1, 0, "a"] for t in CONFLICT] + [[t, 0, 1, "b"] for t in ECONOMY]
    return write_csv(tmp_path / "labelled.csv", ["text", "conflict", "economic", "outlet"], rows)


def test_binary_columns_guessed(labelled, tmp_path):
    result = train_frame_classifier(labelled, cv=5, min_df=1)
    assert result.labels == ("conflict", "economic")
    assert result.n_documents == 10 and result.cv == 5 and result.text_column == "text"
    assert [s.label for s in result.scores] == ["conflict", "economic"]
    for s in result.scores:
        assert 0.0 <= s.precision <= 1.0 and 0.0 <= s.recall <= 1.0 and s.support == 5
    assert result.macro_f1 == pytest.approx(np.mean([s.f1 for s in result.scores]))
    assert result.oof_predictions.shape == (10, 2)
    assert "macro-F1" in result.table()
    assert isinstance(result.model, FrameClassifier)
    folder = result.model.save(tmp_path / "model")
    assert FrameClassifier.load(folder).predict(["Critics clashed."]).shape == (1, 2)


def test_deterministic(labelled):
    a = train_frame_classifier(labelled, cv=5, random_state=3, min_df=1)
    b = train_frame_classifier(labelled, cv=5, random_state=3, min_df=1)
    assert a.scores == b.scores
    np.testing.assert_array_equal(a.oof_predictions, b.oof_predictions)


def test_label_column_with_names(tmp_path):
    rows = (
        [[t, "conflict"] for t in CONFLICT]
        + [[t, "economic"] for t in ECONOMY]
        + [["Critics say the tax costs jobs.", "conflict; economic"], ["Nice day.", ""]]
    )
    path = write_csv(tmp_path / "named.tsv", ["body", "frames"], rows, delimiter="\t")
    result = train_frame_classifier(path, label_column="frames", cv=3, min_df=1)
    assert result.labels == ("conflict", "economic")
    assert result.text_column == "body"
    assert result.n_documents == 12


def test_explicit_columns(tmp_path):
    rows = [[t, 1, 0, 1] for t in CONFLICT] + [[t, 0, 1, 0] for t in ECONOMY]
    path = write_csv(tmp_path / "x.csv", ["story", "co", "ec", "other"], rows)
    result = train_frame_classifier(path, text_column="story", label_columns=["ec"], cv=2, min_df=1)
    assert result.labels == ("ec",)


@pytest.mark.parametrize(
    ("header", "rows", "kwargs", "error", "match"),
    [
        (["words", "co"], [["a", 1], ["b", 0]], {}, InputError, r":1: no text column"),
        (
            ["text", "co"],
            [["a", 1], ["b", 0]],
            {"text_column": "body"},
            InputError,
            r"text column 'body' not found",
        ),
        (
            ["text", "co"],
            [["a", 1], ["b", "maybe"]],
            {"label_columns": ["co"]},
            InputError,
            r":3: column 'co' must hold 0/1",
        ),
        (["text", "co"], [["a", 0], ["b", 0]], {}, InputError, r"frame 'co' has no positive rows"),
        (["text", "co"], [["a", 1], ["b", 1]], {}, InputError, r"frame 'co' has no negative rows"),
        (["text", "co"], [["a", 1], ["", 0]], {}, InputError, r":3: empty 'text'"),
        (["text", "note"], [["a", "x"], ["b", "y"]], {}, InputError, r"no 0/1 label columns found"),
        (
            ["text", "co"],
            [["a", 1], ["b", 0]],
            {"label_columns": ["ec"]},
            InputError,
            r"label column 'ec' not found",
        ),
        (
            ["text", "co"],
            [["a", 1], ["b", 0]],
            {"label_column": "fr"},
            InputError,
            r"label column 'fr' not found",
        ),
        (
            ["text", "co"],
            [["a", 1], ["b", 0]],
            {"cv": 1},
            ConfigError,
            r"cv must be a whole number >= 2",
        ),
        (
            ["text", "co"],
            [["a", 1], ["b", 0]],
            {"cv": 5},
            ConfigError,
            r"cv=5 needs at least 5 labelled rows",
        ),
        (
            ["text", "co"],
            [["a", 1], ["b", 0]],
            {"label_columns": ["co"], "label_column": "co"},
            ConfigError,
            r"either label columns",
        ),
        (
            ["text", "co"],
            [["a", 1], ["b", 0]],
            {"cv": 2, "bogus": 1},
            ConfigError,
            r"invalid classifier option",
        ),
    ],
)
def test_errors(tmp_path, header, rows, kwargs, error, match):
    path = write_csv(tmp_path / "bad.csv", header, rows)
    with pytest.raises(error, match=match):
        train_frame_classifier(path, **kwargs)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        train_frame_classifier(tmp_path / "nope.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(InputError, match="empty"):
        train_frame_classifier(empty)
    header_only = tmp_path / "header.csv"
    header_only.write_text("text,co\n")
    with pytest.raises(InputError, match="no data rows"):
        train_frame_classifier(header_only)
