"""LoadedLanguageClassifier, its lexicon, word features and the per-article record."""

from __future__ import annotations

import ast
import json
import math

import numpy as np
import pytest
from sklearn.base import clone

import mediacompare as mc
from mediacompare.analysis.loaded import LoadedLanguageClassifier, loaded_lexicon
from mediacompare.analysis.loaded.classifier import SHIPPED_DENSE
from mediacompare.analysis.loaded.score import score_loaded
from mediacompare.analysis.loaded.words import sentence_words
from mediacompare.errors import ConfigError
from mediacompare.text import sentences

LOADED = [
    "Critics slammed the shameful, disastrous scheme.",
    "The radical mob unleashed chaos on the city.",
    "This outrageous witch hunt is a sham.",
    "The corrupt regime's brutal crackdown horrified everyone.",
    "Extremists peddled a bogus conspiracy theory again.",
    "The reckless plan was a catastrophe for workers.",
]
PLAIN = [
    "The council met on Monday to discuss the budget.",
    "The report was published in May by the ministry.",
    "Officials said the bridge will reopen next week.",
    "The company employs 300 people in the region.",
    "Voters will elect a new mayor in November.",
    "The museum opens at nine and closes at five.",
]
X = LOADED + PLAIN
Y = [1] * len(LOADED) + [0] * len(PLAIN)


@pytest.fixture(scope="module")
def fitted() -> LoadedLanguageClassifier:
    gold = [["slammed", "shameful", "disastrous"], ["radical", "mob", "chaos"], ["outrageous", "witch", "hunt", "sham"],
            ["corrupt", "brutal", "crackdown", "horrified"], ["extremists", "peddled", "bogus"],
            ["reckless", "catastrophe"]] + [[] for _ in PLAIN]
    return LoadedLanguageClassifier(inner_folds=2).fit(X * 2, Y * 2, biased_words=gold * 2)


def test_lexicon_matches_words_prefixes_and_phrases():
    lex = loaded_lexicon()
    assert lex.category("slammed") == "attribution"
    assert lex.category("radicals") == "labels"  # prefix entry radical*
    assert lex.category("said") is None and lex.category("barbara") is None
    assert [(m.start, m.end) for m in lex.matches("this witch hunt is a sham".split())] == [(1, 3), (5, 6)]
    assert set(lex.categories) == {"labels", "sensational", "intensifiers", "attribution"}


def test_sentence_words_skip_stop_words_and_mark_quotes():
    words = sentence_words('He called it a "disgrace" and left.')
    assert [(w.text, w.quoted) for w in words] == [("called", False), ("disgrace", True), ("left", False)]
    assert words[1].previous == "a" and words[1].next == "and"
    assert sentence_words("") == [] and sentence_words("123 !!") == []


def test_fit_predict_and_the_estimator_contract(fitted):
    p = fitted.predict_proba(X)
    assert p.shape == (len(X), 2) and np.allclose(p.sum(axis=1), 1)
    assert (fitted.predict(X) == np.array(Y)).mean() >= 0.9
    assert fitted.supervised_words_ and list(fitted.classes_) == [0, 1]
    assert clone(fitted).get_params() == fitted.get_params()
    assert fitted.predict_proba([]).shape == (0, 2)


def test_explain_returns_offsets_of_the_words_that_drove_it(fitted):
    s = "Critics slammed the shameful, disastrous scheme."
    found = fitted.explain(s)
    assert found and all(s[w["start"]:w["end"]] == w["text"] for w in found)
    assert {"start", "end", "text", "weight"} <= set(found[0])
    assert all(w["weight"] >= fitted.word_threshold for w in found)
    assert "shameful" in {w["text"] for w in found}
    assert fitted.explain("The council met on Monday.") == []


def test_without_word_annotations_the_word_model_expands_the_lexicon():
    clf = LoadedLanguageClassifier(inner_folds=2).fit(X * 2, Y * 2)
    assert not clf.supervised_words_
    flagged = {w["text"] for w in clf.explain("Critics slammed the shameful, disastrous scheme.")}
    assert {"slammed", "shameful", "disastrous"} <= flagged  # lexicon words always count


def test_a_model_fit_on_annotated_words_stacks_on_the_shipped_one(fitted, tmp_path):
    expanding = LoadedLanguageClassifier(inner_folds=2).fit(X * 2, Y * 2)
    # the same TF-IDF vocabulary and dense block, plus the shipped model's three scores
    assert fitted.coef_.shape[0] == expanding.coef_.shape[0] + len(SHIPPED_DENSE)
    shipped = LoadedLanguageClassifier.pretrained().decision_function(X)
    stacked = fitted._dense_rows(X, [sentence_words(t) for t in X], [np.zeros(0)] * len(X))
    assert np.allclose(stacked[:, -len(SHIPPED_DENSE)], shipped)
    fitted.save(tmp_path / "m")
    spec_file = tmp_path / "m" / "model.json"
    spec = json.loads(spec_file.read_text())
    spec["fingerprints"]["shipped_model"] = "0" * 64  # as if saved beside another release's model
    spec_file.write_text(json.dumps(spec))
    with pytest.raises(ConfigError, match="different shipped loaded-language model"):
        LoadedLanguageClassifier.load(tmp_path / "m")


def test_labels_may_be_strings_and_bad_input_is_refused():
    clf = LoadedLanguageClassifier(inner_folds=2)
    clf.fit(X * 2, ["Biased" if y else "Non-biased" for y in Y] * 2)
    assert list(clf.classes_) == [0, 1]
    with pytest.raises(ValueError, match="both classes"):
        LoadedLanguageClassifier().fit(PLAIN, [0] * len(PLAIN))
    with pytest.raises(ValueError, match="string object"):
        clf.predict_proba("one sentence")
    with pytest.raises(ValueError, match="labels"):
        LoadedLanguageClassifier().fit(X, Y[:-1])


def test_save_and_load_round_trip_without_pickle(fitted, tmp_path):
    fitted.save(tmp_path / "m")
    again = LoadedLanguageClassifier.load(tmp_path / "m")
    assert np.allclose(again.predict_proba(X), fitted.predict_proba(X), atol=1e-5)
    assert [w["text"] for w in again.explain(LOADED[0])] == [w["text"] for w in fitted.explain(LOADED[0])]
    with pytest.raises(ConfigError, match="no model.json"):
        LoadedLanguageClassifier.load(tmp_path)
    (tmp_path / "m" / "arrays.npz").write_bytes(b"broken")
    with pytest.raises(ConfigError, match="checksum"):
        LoadedLanguageClassifier.load(tmp_path / "m")


def test_the_shipped_model_ranks_loaded_sentences_above_plain_ones():
    clf = mc.LoadedLanguageClassifier.pretrained()
    p = clf.predict_proba(X)[:, 1]
    assert p[: len(LOADED)].mean() > p[len(LOADED):].mean() + 0.2
    # the example: no flag before, a flag now, explained by its label words
    s = "A Biden victory would be a victory for radical anti-Americanism."
    assert clf.predict([s]).tolist() == [1]
    assert {w["text"] for w in clf.explain(s)} >= {"radical"}
    assert clf.pretrained() is not clf


def test_score_loaded_gives_article_offsets_and_a_share():
    text = "The council met on Monday. Its shameful, disastrous scheme collapsed."
    result = score_loaded(sentences(text))
    assert result.flagged == (False, True) and result.share == 0.5
    assert all(text[w.start:w.end] == w.text for w in result.words)
    assert all(w.sentence_index == 1 for w in result.words)
    assert math.isnan(score_loaded(()).share)


def test_the_style_profile_and_outlet_comparison_carry_loaded_language(two_outlets):
    cmp = mc.compare(two_outlets)
    for a in cmp.analyses:
        assert 0.0 <= a.style.loaded_language <= 1.0
        assert len(a.style.loaded_flags) == len(a.sentences)
        assert a.style.sentence_values("loaded_language") == tuple(float(f) for f in a.style.loaded_flags)
    assert cmp.style_stats.estimate("loaded_language", two_outlets[0].outlet) is not None
    html = cmp.to_html()
    assert "Loaded language (share of sentences flagged)" in html


def test_a_users_own_model_replaces_the_shipped_one(fitted, tmp_path, two_outlets):
    fitted.save(tmp_path / "mine")
    options = mc.AnalysisOptions(loaded_model=str(tmp_path / "mine"))
    mine = mc.analyze(two_outlets[0], options)
    shipped = mc.analyze(two_outlets[0])
    assert mine.style.loaded_flags and len(mine.style.loaded_flags) == len(shipped.style.loaded_flags)


def test_on_babe_the_shipped_model_beats_chance(shared_data):
    import pandas as pd
    from sklearn.metrics import roc_auc_score

    frame = pd.read_csv(shared_data / "babe-dev" / "final_labels_SG1.csv", sep=";")
    frame = frame[frame.label_bias != "No agreement"].head(400)
    p = LoadedLanguageClassifier.pretrained().predict_proba(frame.text)[:, 1]
    assert roc_auc_score(frame.label_bias == "Biased", p) > 0.65
    words = [ast.literal_eval(b) for b in frame.biased_words]
    assert sum(map(len, words)) > 0


def test_the_cli_takes_a_loaded_model_and_names_a_missing_one(fitted, tmp_path):
    from click.testing import CliRunner

    from mediacompare.cli import cli

    fitted.save(tmp_path / "mine")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["report", "--example", "--loaded-model", str(tmp_path / "mine"),
                                      "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "loaded_language" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--example", "--loaded-model", str(tmp_path / "nope")])
    assert result.exit_code != 0 and "--loaded-model" in result.output and "Traceback" not in result.output


def _dense_one_by_one(text, lowers, probs):
    """The dense block of one sentence, computed the straightforward way (reference)."""
    from mediacompare.analysis.loaded.embeddings import word_vectors
    from mediacompare.analysis.vader import load_lexicon

    lexicon, vectors, valence = loaded_lexicon(), word_vectors(), load_lexicon()
    rows = [vectors.index[w] for w in lowers if w in vectors.index]
    mean = vectors.matrix[rows].mean(axis=0) if rows else np.zeros(vectors.dim)
    counts = dict.fromkeys(lexicon.categories, 0)
    for match in lexicon.matches(lowers):
        counts[match.category] += 1
    scores = probs.tolist()
    top = sorted(scores, reverse=True)[:3] + [0.0, 0.0, 0.0]
    strength = [abs(valence.get(w, 0.0)) for w in lowers] or [0.0]
    marks = text.count('"') + text.count("“") + text.count("”")
    tail = [top[0], (top[0] + top[1] + top[2]) / 3, sum(p > 0.5 for p in scores) / 3,
            max(strength) / 4, float(np.mean(strength)), marks / 4]
    return np.concatenate([mean, list(counts.values()), tail])


def test_batch_sentence_features_equal_the_one_by_one_floats():
    from mediacompare.analysis.loaded.embeddings import word_vectors
    from mediacompare.analysis.loaded.sentence_features import dense_rows
    from mediacompare.analysis.vader import load_lexicon

    long = ("The reckless, shameful and disastrous plan of the corrupt regime was a total sham, "
            "critics said, as the radical mob slammed the bogus witch hunt and the brutal "
            "crackdown again and again.")
    quoted = 'He called it a "disgrace" — a “witch hunt” — and left.'
    texts = [*X, long, "", "1999.", quoted, long + " " + long]
    words = [[w.lower for w in sentence_words(t)] for t in texts]
    rng = np.random.default_rng(0)
    scores = [rng.random(len(ws)) for ws in words]
    batch = dense_rows(texts, words, scores, loaded_lexicon(), word_vectors(), load_lexicon())
    one_by_one = np.vstack([_dense_one_by_one(t, w, p) for t, w, p in zip(texts, words, scores)])
    assert batch.dtype == one_by_one.dtype and np.array_equal(batch, one_by_one)
