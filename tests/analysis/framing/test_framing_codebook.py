"""Custom frames from TOML: valid files in both layouts, and a clear error for each mistake."""

from __future__ import annotations

from importlib import resources

import pytest

from mediacompare.errors import ConfigError
from mediacompare.analysis.framing import load_codebook, parse_codebook, score_frames
from mediacompare.text import sentences

VALID_TABLES = """
[frames.energy]
description = "Energy supply"
terms = ["gas", "pipeline*"]
phrases = ["power grid"]
regexes = ['\\b\\d+ ?mw\\b']
weights = { "power grid" = 2.5 }
min_sentences = 2
"""

VALID_ARRAY = """
[[frame]]
name = "energy"
terms = ["gas"]

[[frame]]
name = "water"
label = "Water"
phrases = ["drinking water"]
"""


def write(tmp_path, text, name="frames.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tables_layout(tmp_path):
    cb = load_codebook(write(tmp_path, VALID_TABLES))
    (frame,) = cb.frames
    assert frame.name == "energy" and frame.label == "energy"
    assert frame.terms == ("gas", "pipeline*")
    assert frame.phrases == ("power grid",)
    assert frame.weights == {"power grid": 2.5}
    assert frame.min_sentences == 2


def test_array_layout(tmp_path):
    cb = load_codebook(write(tmp_path, VALID_ARRAY))
    assert [(f.name, f.label) for f in cb.frames] == [("energy", "energy"), ("water", "Water")]


def test_custom_scores_with_evidence(tmp_path):
    cb = load_codebook(write(tmp_path, VALID_TABLES))
    text = "Gas pipelines leak. The sky is blue. The power grid failed, losing 500 MW."
    score = score_frames(sentences(text), codebook=cb).custom["energy"]
    assert score.n_sentences == 2 and score.present
    assert score.share == pytest.approx(2 / 3)
    assert score.weight == pytest.approx(2 + 2.5 + 1)
    cues = [c.text for ev in score.evidence for c in ev.cues]
    assert cues == ["Gas", "pipelines", "power grid", "500 MW"]
    for ev in score.evidence:
        for c in ev.cues:
            assert text[c.start : c.end] == c.text


def test_shipped_example_is_valid():
    path = resources.files("mediacompare").joinpath("resources", "frames", "example_custom.toml")
    cb = parse_codebook(path.read_text(encoding="utf-8"), "example_custom.toml")
    assert {f.name for f in cb.frames} == {"escalation", "western_support", "secrecy"}
    assert all(f.description for f in cb.frames)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TOML syntax error: line from tomllib
        ('[frames.a]\nterms = ["x"\n', r"frames\.toml:2: invalid TOML"),
        ('[frames.a]\nterms = [gas]\nphrases = ["x"]\n', r"frames\.toml:2: invalid TOML: .*line 2"),
        # schema errors: key path and line
        (
            '[frames.a]\nterms = "gas"\n',
            r"frames\.toml:2: frames\.a\.terms: expected a list of strings",
        ),
        (
            '[frames.a]\nterms = ["gas", 3]\n',
            r"frames\.toml:2: frames\.a\.terms\[1\]: expected a non-empty string",
        ),
        (
            '[frames.a]\nterm = ["gas"]\n',
            r"frames\.toml:2: frames\.a\.term: unknown key; allowed keys",
        ),
        (
            '[frames.a]\ndescription = "nothing to match"\n',
            r"frames\.toml:1: frames\.a: a frame needs at least one of",
        ),
        (
            '[frames.a]\nregexes = ["(unclosed"]\n',
            r"frames\.toml:2: frames\.a\.regexes\[0\]: invalid regular expression",
        ),
        ('[frames.a]\nregexes = ["x*"]\n', r"frames\.a\.regexes\[0\]: .*matches empty text"),
        (
            '[frames.a]\nterms = ["gas"]\nweights = { oil = 2 }\n',
            r"frames\.toml:3: frames\.a\.weights: weight given for 'oil'",
        ),
        (
            '[frames.a]\nterms = ["gas"]\nweights = { gas = "high" }\n',
            r"frames\.a\.weights: weight of 'gas' must be a positive number",
        ),
        (
            '[frames.a]\nterms = ["gas"]\nmin_sentences = 0\n',
            r"frames\.toml:3: frames\.a\.min_sentences: expected a whole number >= 1",
        ),
        (
            '[frames.a]\nterms = ["natural gas"]\n',
            r"frames\.a\.terms\[0\]: 'natural gas' has several words; put it under phrases",
        ),
        (
            '[[frame]]\nterms = ["gas"]\n',
            r"frames\.toml:1: frame\[0\]\.name: each \[\[frame\]\] needs a name",
        ),
        (
            '[[frame]]\nname = "a"\nterms = ["x"]\n[[frame]]\nname = "a"\nterms = ["y"]\n',
            r"frames\.toml:4: frame\[1\]: duplicate frame name 'a'",
        ),
        ('title = "x"\n', r"frames\.toml:1: title: unknown top-level key"),
        ("# nothing\n", r"no frames defined"),
        (
            '[frames.a]\nterms = ["x"]\ndescription = 3\n',
            r"frames\.toml:3: frames\.a\.description: expected a string",
        ),
    ],
)
def test_invalid_files_name_key_and_line(tmp_path, text, expected):
    with pytest.raises(ConfigError, match=expected):
        load_codebook(write(tmp_path, text))


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(ConfigError, match="frames file not found"):
        load_codebook(tmp_path / "nope.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[frames.a]\nterms = ["caf\xe9"]\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_codebook(bad)


def test_codebook_is_picklable_and_copyable(tmp_path):
    import copy
    import pickle

    cb = load_codebook(write(tmp_path, VALID_TABLES))
    _ = cb.matcher  # compiled and cached
    for clone in (copy.deepcopy(cb), pickle.loads(pickle.dumps(cb))):
        assert clone == cb
        assert clone.matcher is not cb.matcher
