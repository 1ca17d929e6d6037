"""Generic-frame item detectors: each item answers yes and no, with evidence at the right place."""

from __future__ import annotations

import pytest

from mediacompare.analysis.framing import GENERIC_FRAMES, generic_codebook
from mediacompare.analysis.framing.generic import quoted_spans, score_generic
from mediacompare.text import sentences

# item id: (text that should answer yes, text that should answer no)
CASES = {
    "re1": (
        "The government announced a plan to cut emissions. Lawmakers approved the new law.",
        "The weather was mild. People went to the beach.",
    ),
    "re2": (
        "The administration failed to act. Critics blamed the government for the floods.",
        "The government met on Monday. The storm caused damage.",
    ),
    "re3": ("Switching to renewable energy is the solution.", "It rained all week."),
    "re4": (
        "Oil companies are responsible for the pollution. The industry caused the spill.",
        "Oil companies reported results. The industry grew.",
    ),
    "re5": ("Scientists say urgent action is needed.", "Scientists published a study."),
    "hi1": (
        "Maria Lopez, 45, lost her farm. Her neighbors said the river rose overnight.",
        "The ministry published figures. Officials said the figures were final.",
    ),
    "hi2": (
        "It was a devastating, heartbreaking scene. Isn't that absurd?",
        "The report was published. Figures rose.",
    ),
    "hi3": (
        "Thousands of residents were displaced by the flood. Farmers lost their crops.",
        "Residents attended a meeting. Farmers planted wheat.",
    ),
    "hi4": ("The senator flew to the summit with his wife.", "The senator spoke at the summit."),
    "co1": (
        "Republicans and Democrats clashed over the bill. Opponents rejected it.",
        "The bill was published. It has ten pages.",
    ),
    "co2": ("The mayor accused the company of lying.", "The mayor thanked the company."),
    "co3": (
        "Critics argue the plan is too costly. Supporters say it will create jobs.",
        "The plan was announced. It starts in May.",
    ),
    "co4": (
        "Coal miners are the losers of the deal. Solar firms are the winners.",
        "The deal was signed.",
    ),
    "mo1": ("Polluting is immoral. It is our moral duty to act.", "Pollution rose."),
    "mo2": (
        "The pope spoke. The church agreed. Pray for the planet, the bishop said.",
        "The committee spoke.",
    ),
    "mo3": (
        "We should eat less meat. You must fly less.",
        "We should meet again. The plan must pass.",
    ),
    "ec1": ("The company lost $2 billion. Profits fell.", "The company hired staff."),
    "ec2": ("The project will cost more.", "The project will start soon."),
    "ec3": (
        "The tax will hurt the economy. It could cost jobs.",
        "The economy was discussed. Jobs were listed.",
    ),
}


def answer(text: str, item_id: str):
    frames = score_generic(sentences(text))
    for frame in frames.values():
        for item in frame.items:
            if item.id == item_id:
                return item
    raise KeyError(item_id)


def test_every_item_has_a_case():
    assert {item.id for item in generic_codebook().items} == set(CASES)


@pytest.mark.parametrize("item_id", sorted(CASES))
def test_item_yes_with_evidence(item_id):
    text = CASES[item_id][0]
    item = answer(text, item_id)
    assert item.answer is True
    assert item.evidence, "a yes answer must point at sentences"
    for ev in item.evidence:
        assert ev.cues
        for cue in ev.cues:
            assert text[cue.start : cue.end] == cue.text
            assert ev.start <= cue.start < cue.end <= ev.end


@pytest.mark.parametrize("item_id", sorted(CASES))
def test_item_no(item_id):
    item = answer(CASES[item_id][1], item_id)
    assert item.answer is False
    assert item.evidence == ()


def test_evidence_points_at_the_triggering_sentence():
    text = "The weather was calm. The mayor accused the company of lying. Then it rained."
    item = answer(text, "co2")
    (ev,) = item.evidence
    assert text[ev.start : ev.end] == "The mayor accused the company of lying."
    assert ev.sentence_index == 1
    assert [c.text for c in ev.cues] == ["accused", "lying"]


def test_military_attack_is_conflict_not_reproach():
    text = "Troops attacked the town at dawn. Missiles struck the airfield."
    assert answer(text, "co2").answer is False
    assert answer(text, "co1").answer is True


def test_frame_score_is_mean_of_items_and_threshold_decides_presence():
    text = (
        "Republicans and Democrats clashed over the bill. Opponents rejected it. "
        "The mayor accused the senator of lying."
    )
    conflict = score_generic(sentences(text))["conflict"]
    assert conflict.score == pytest.approx(
        sum(i.answer for i in conflict.items) / len(conflict.items)
    )
    assert conflict.score == pytest.approx(0.5)
    assert conflict.present is (conflict.score >= conflict.threshold - 1e-3)
    assert conflict.present
    # the frame evidence is the union of its items' evidence, by sentence
    assert [ev.sentence_index for ev in conflict.evidence] == [0, 1, 2]


def test_all_frames_returned_even_for_empty_text():
    frames = score_generic(())
    assert tuple(frames) == GENERIC_FRAMES
    assert all(f.score == 0.0 and not f.present and f.evidence == () for f in frames.values())


def test_left_out_visual_item_is_declared():
    left = generic_codebook().left_out
    assert [(i.id, i.frame) for i in left] == [("hi5", "human_interest")]
    assert "visual" in left[0].question
    assert "hi5" not in {i.id for i in generic_codebook().items}


def test_title_evidence_has_index_minus_one():
    title = sentences("Critics slam the mayor")
    frames = score_generic(sentences("The council met."), title=title)
    (ev,) = [ev for item in frames["conflict"].items for ev in item.evidence]
    assert ev.sentence_index == -1 and ev.in_title
    assert "Critics slam the mayor"[ev.start : ev.end] == "Critics slam the mayor"


def test_quoted_spans_handle_quotes_open_across_sentences():
    ss = sentences('“I lost my home. My kids cried,” she said. He said "fine" and "ok".')
    spans = [[s.text[a - s.start : b - s.start] for a, b in quoted_spans(s)] for s in ss]
    assert spans == [["“I lost my home."], ["My kids cried,”"], ['"fine"', '"ok"']]


def test_first_person_quote_counts_only_inside_quotes():
    quoted = '"My kids are scared," he wrote. "My house is gone," he wrote.'
    unquoted = "My kids are scared, he wrote. My house is gone, he wrote."
    assert answer(quoted, "hi1").answer is True
    assert answer(unquoted, "hi1").answer is False


def test_frames_documented():
    for spec in generic_codebook().frames.values():
        assert spec.label and spec.description and spec.blind_spots
        assert 0 < spec.threshold <= 1
