"""Nominal references and pronouns linked to the named person, by rule, with evidence."""

from __future__ import annotations

from mediacompare.analysis.actors import detect_actors
from mediacompare.analysis.actors.references import link_references, with_reference_labels
from mediacompare.analysis.pipeline import analyze
from mediacompare.model import Article
from mediacompare.text import sentences


def _links(text, kind=None):
    sents = sentences(text)
    refs = link_references(sents, detect_actors(sents))
    return [(r.text, r.canonical) for r in refs if kind is None or r.kind == kind]


def test_the_president_goes_to_the_person_titled_president():
    text = "President Donald Trump spoke on Monday. Later the president said the talks would go on."
    assert _links(text, "nominal") == [("the president", "Donald Trump")]


def test_a_title_before_a_name_is_not_a_reference():
    assert _links("The C.I.A. director Mike Pompeo flew to Pyongyang. Officials confirmed it.", "nominal") == []


def test_words_of_an_apposition_are_not_a_reference():
    text = "Oleksiy Danilov, the secretary of the security council, spoke. Officials agreed."
    assert _links(text, "nominal") == []


def test_vice_president_is_not_the_president():
    text = ("Vice President Mike Pence met President Donald Trump. Pence spoke first. "
            "Then the president said the plan was final.")
    assert _links(text, "nominal") == [("the president", "Donald Trump")]


def test_the_more_prominent_role_holder_wins_over_the_more_recent():
    text = ("President Donald Trump praised the deal. Mr. Trump said it was historic. Trump smiled. "
            "He thanked President Moon Jae-in. The president then left.")
    assert ("The president", "Donald Trump") in _links(text, "nominal")


def test_a_modifier_in_the_title_decides_between_two_presidents():
    text = ("South Korean President Moon Jae-in met U.S. President Donald Trump. Mr. Trump spoke. "
            "Trump left. The South Korean president stayed.")
    assert ("The South Korean president", "Moon Jae-in") in _links(text, "nominal")


def test_the_leader_reaches_a_person_titled_dictator():
    text = "North Korean dictator Kim Jong Un tested a missile. Analysts said the North Korean leader was defiant."
    assert _links(text, "nominal") == [("the North Korean leader", "Kim Jong Un")]


def test_no_role_holder_means_no_link():
    assert _links("Donald Trump spoke on Monday. The president said the talks would go on.", "nominal") == []


def test_pronoun_skips_a_person_of_the_other_gender():
    text = "Mrs. Anna Lindt met Mr. Paul Brandt. She said the deal was good."
    assert _links(text, "pronoun") == [("She", "Anna Lindt")]


def test_a_linked_nominal_is_the_antecedent_of_a_later_pronoun():
    # NewsWCL50: "he" went to Abe, the only person named in the sentence
    text = ("President Donald Trump spoke on Tuesday. The president, sitting next to Japanese Prime "
            "Minister Shinzo Abe, said he believed there was a lot of goodwill.")
    links = _links(text)
    assert links == [("The president", "Donald Trump"), ("he", "Donald Trump")]
    sents = sentences(text)
    he = [r for r in link_references(sents, detect_actors(sents)) if r.text == "he"][0]
    assert text[he.evidence_start : he.evidence_end] == "Donald Trump"  # the nominal's titled name


def test_him_right_after_a_verb_is_not_that_verbs_subject():
    # AllSides: "him" went to Trump, the subject of "told"
    text = ("George Stephanopoulos interviewed Donald Trump on Sunday. The ABC host reminded Trump of "
            "his applause lines, but Trump told him that those are still key goals.")
    assert ("him", "George Stephanopoulos") in _links(text, "pronoun")


def test_a_pronoun_inside_a_quote_is_not_its_speaker():
    # NewsWCL50: Abe's "his" went to Abe
    from mediacompare.analysis.quotes import extract_quotes

    text = ("President Donald Trump agreed to meet Kim Jong Un. Japanese Prime Minister Shinzo Abe "
            "praised Trump on Tuesday. \"I'd like to commend Donald's courage in his decision,\" "
            "Abe said.")
    sents = sentences(text)
    mentions = detect_actors(sents)
    his = text.index("his decision")
    quotes = extract_quotes(text, sents, mentions)
    assert [q.speaker_actor for q in quotes if q.start <= his < q.end] == ["Shinzo Abe"]
    linked = {r.start: r.canonical for r in link_references(sents, mentions, quotes)}
    assert linked[his] == "Donald Trump"
    assert {r.start: r.canonical for r in link_references(sents, mentions)}[his] == "Shinzo Abe"


def test_references_become_labels_and_analysis_records():
    text = "North Korean dictator Kim Jong Un tested a missile. Analysts said the dictator was defiant."
    sents = sentences(text)
    mentions = detect_actors(sents)
    labelled = with_reference_labels(mentions, link_references(sents, mentions))
    kim = next(m for m in labelled if m.canonical == "Kim Jong Un")
    assert ("reference", "the dictator") in [(lab.kind, lab.text) for lab in kim.labels]
    result = analyze(Article(id="a", outlet="X", text=text))
    ref = next(r for r in result.references if r.kind == "nominal")
    assert text[ref.start : ref.end] == "the dictator"
    assert text[ref.evidence_start : ref.evidence_end] == "Kim Jong Un"


def test_json_lists_each_actors_references_with_evidence():
    from mediacompare import compare

    texts = {"A": "North Korean dictator Kim Jong Un tested a missile. Analysts said the dictator was defiant.",
             "B": "Kim Jong Un met envoys on Monday. He said talks would go on."}
    data = compare([Article(id=k, outlet=k, text=v) for k, v in texts.items()]).to_dict()
    refs = {a["id"]: {actor["name"]: actor["references"] for actor in a["actors"]} for a in data["articles"]}
    (kim_a,) = [v for k, v in refs["A"].items() if "Kim" in k]
    assert [(r["text"], r["kind"]) for r in kim_a] == [("the dictator", "nominal")]
    assert kim_a[0]["evidence"] == {"start": 22, "end": 33}
    (kim_b,) = [v for k, v in refs["B"].items() if "Kim" in k]
    assert [(r["text"], r["kind"]) for r in kim_b] == [("He", "pronoun")]


def test_pronoun_with_two_people_of_the_other_gender_ends():
    # two men named before "she": the search moves back past both and stops (it used to loop)
    text = "Mr. Paul Brandt met Mr. Tom Weller. She said the deal was good."
    assert _links(text, "pronoun") == []


def test_a_plural_pronoun_after_coordinated_names_links_to_each():
    text = ("Having met six times, Mr. Trump and Mr. Abe were likely to talk about the issues "
            "dogging them at home, officials said.")
    assert _links(text, "pronoun") == [("them", "Trump"), ("them", "Abe")]


def test_a_coordination_of_bodies_after_a_preposition_is_the_antecedent():
    text = ("The Democratic Party sued the Russian government, the Trump campaign and WikiLeaks on "
            "Friday, charging that they carried out a conspiracy.")
    assert [c for t, c in _links(text, "pronoun") if t == "they"] == ["Trump campaign", "WikiLeaks"]


def test_a_plural_noun_in_the_pronouns_own_sentence_blocks_the_earlier_coordination():
    text = ("Mr. Trump and Mr. Abe were likely to talk about trade, officials said. "
            "But American officials said they did not believe that would dominate.")
    assert [t for t, _ in _links(text, "pronoun")] == []
    text = ("Two donors filed a lawsuit against Mr. Trump's campaign and Mr. Stone. It also accused "
            "them of conspiring in the release of hacked emails and files that exposed their "
            "personal information.")
    # "them" (nothing plural before it in its sentence) links; "their" after "emails and files" does not
    assert _links(text, "pronoun") == [("them", "Trump campaign"), ("them", "Stone")]


def test_they_without_a_coordination_of_names_stays_unlinked():
    text = "Officials met Kim Jong Un on Monday. They said the talks went well."
    assert _links(text, "pronoun") == []
    text = "Mr. Trump met Mr. Abe. They said the talks went well."  # no coordination: not guessed
    assert _links(text, "pronoun") == []
