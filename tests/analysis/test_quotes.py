"""Quote extraction: quotation marks, reported speech, speakers, verbs, summaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediacompare.analysis.actors import detect_actors
from mediacompare.analysis.quotes import Quote, extract_quotes
from mediacompare.comparison.quotes import QuoteStats, quote_stats
from mediacompare.text import normalize, sentences

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def quotes(text):
    ss = sentences(text)
    found = extract_quotes(text, ss, detect_actors(ss))
    for q in found:  # offsets are exact
        assert " ".join(text[a:b] for a, b in q.segments) == q.text
        if len(q.segments) == 1:
            assert text[q.start : q.end] == q.text
        assert q.start == q.segments[0][0] and q.end == q.segments[-1][1]
    return found


def rows(text):
    return [(q.kind, q.text, q.speaker, q.verb, q.verb_class) for q in quotes(text)]


# --------------------------------------------------------------------------- quotation marks


def test_curly_and_straight_quotes_with_speaker_after():
    text = '“It works,” said Jake Sullivan. "It fails," Dmitry Peskov told reporters.'
    assert rows(text) == [
        ("direct", "It works", "Jake Sullivan", "say", "neutral"),
        ("direct", "It fails", "Dmitry Peskov", "tell", "neutral"),
    ]


def test_interrupted_quote_is_one_quote_with_two_segments():
    text = (
        "Oleksiy Danilov spoke to ABC.\n"
        "“This is a secret program,” he said, “and no one will be able to tell you about it.”"
    )
    (q,) = [q for q in quotes(text) if q.kind == "direct"]
    assert q.text == "This is a secret program and no one will be able to tell you about it."
    assert [text[a:b] for a, b in q.segments] == [
        "This is a secret program",
        "and no one will be able to tell you about it.",
    ]
    assert (q.speaker, q.speaker_actor, q.speaker_via, q.verb) == (
        "Oleksiy Danilov",
        "Oleksiy Danilov",
        "pronoun",
        "say",
    )


def test_colon_introduction_and_quote_spanning_sentences():
    text = (
        "But the BBC reports US National Security Advisor Jake Sullivan said Washington was "
        "planning to send more. He added: “They will make a difference. But as I’ve said before "
        "at this podium, there is no silver bullet.”"
    )
    direct = [q for q in quotes(text) if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("They will make a difference. But as I’ve said before")
    assert q.text.endswith("no silver bullet.")
    assert (q.speaker, q.verb, q.verb_text) == ("Jake Sullivan", "add", "added")
    assert q.sentence == 1


def test_fragments_are_kept():
    text = (
        "Ukraine’s general staff said today that the situation at the front remained “difficult.”"
    )
    got = rows(text)
    assert ("fragment", "difficult.", "Ukraine’s general staff", "say", "neutral") in got
    assert (
        "indirect",
        "the situation at the front remained “difficult.”",
        "Ukraine’s general staff",
        "say",
        "neutral",
    ) in got
    scare = rows("The so-called “peace plan” was shelved.")
    assert scare == [("fragment", "peace plan", None, None, None)]


def test_full_short_sentence_quote_is_direct():
    assert rows('Spokesman Dmitry Peskov added: "We will succeed."') == [
        ("direct", "We will succeed.", "Dmitry Peskov", "add", "neutral")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'He said "this never ends and the paragraph stops here',
        "A stray closing mark” appears here. And “another opening “nested” one.",
        "“",
        "”",
        "",
        'The 12" gun fired. It was 5\' 9" tall.',
    ],
)
def test_unbalanced_quotes_do_not_crash(text):
    found = quotes(text)
    assert all(q.end <= len(text) for q in found)


def test_unclosed_quote_runs_to_paragraph_end():
    text = 'Peskov said: "We will never stop\nNext paragraph.'
    (q,) = [q for q in quotes(text) if q.kind != "indirect"]
    assert q.text == "We will never stop" and q.speaker == "Peskov"


def test_continuation_paragraph_keeps_the_speaker():
    text = "“We will win,” said Dmitry Peskov.\n“And we will not stop.”"
    got = quotes(text)
    assert [(q.speaker, q.speaker_via) for q in got] == [
        ("Dmitry Peskov", "name"),
        ("Dmitry Peskov", "continuation"),
    ]


# --------------------------------------------------------------------------- reported speech


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyrylo Budanov said that Pskov had been attacked by drones.",
            ("Pskov had been attacked by drones", "Kyrylo Budanov", "say", "said", "neutral"),
        ),
        (
            "According to the BBC, US President Joe Biden secretly gave the green light.",
            (
                "US President Joe Biden secretly gave the green light",
                "BBC",
                "according to",
                "According to",
                "neutral",
            ),
        ),
        (
            "Kyiv will not strike Russia itself, according to the Kremlin.",
            (
                "Kyiv will not strike Russia itself",
                "Kremlin",
                "according to",
                "according to",
                "neutral",
            ),
        ),
        (
            "Jeremy Hunt told President Zelensky during the visit that the UK would help.",
            ("the UK would help", "Jeremy Hunt", "tell", "told", "neutral"),
        ),
        (
            "Oleksiy Danilov nevertheless believes that defence requires attack.",
            ("defence requires attack", "Oleksiy Danilov", "believe", "believes", "neutral"),
        ),
        (
            "The Kremlin warned that the weapons would change nothing.",
            ("the weapons would change nothing", "Kremlin", "warn", "warned", "loaded"),
        ),
        (
            "Peskov claimed the strikes were staged by Kyiv.",
            ("the strikes were staged by Kyiv", "Peskov", "claim", "claimed", "loaded"),
        ),
        (
            "Ukraine has used missiles against Russia for the first time, US defence officials revealed.",
            (
                "Ukraine has used missiles against Russia for the first time",
                "US defence officials",
                "reveal",
                "revealed",
                "loaded",
            ),
        ),
    ],
)
def test_indirect_speech(text, expected):
    got = [
        (q.text, q.speaker, q.verb, q.verb_text, q.verb_class)
        for q in quotes(text)
        if q.kind == "indirect"
    ]
    assert got == [expected]


def test_not_attribution():
    for text in [
        "A state department spokesman was not available.",  # "state" is no verb here
        "His remarks were widely shared across the country.",
        "Prime Minister Rishi Sunak announced £500 million in new aid for Ukraine.",  # no "that"
        "But now it’s been reported Ukraine has fired back with new missiles.",  # no speaker
        "Major fire and damaged warplanes reported at Russian airfield in Pskov.",
        'How many more times do we say "enough is enough"?',  # a question, not a speaker
    ]:
        assert [q for q in quotes(text) if q.kind == "indirect" or q.speaker] == [], text


def test_speakers_pronoun_description_descriptor_and_participle():
    text = (
        "Oleksiy Danilov, the secretary of the council, has told ABC that Ukraine moved production. "
        "According to the official, Kyiv has no intention of attacking Russia. "
        "“Our goal is defence,” he said, adding that Ukraine will only target military sites. "
        "A state department spokesman said the US “did not announce this at the onset”."
    )
    got = [(q.kind, q.speaker, q.speaker_actor, q.speaker_via, q.verb) for q in quotes(text)]
    assert got == [
        ("indirect", "Oleksiy Danilov", "Oleksiy Danilov", "name", "tell"),
        ("indirect", "Oleksiy Danilov", "Oleksiy Danilov", "description", "according to"),
        ("direct", "Oleksiy Danilov", "Oleksiy Danilov", "pronoun", "say"),
        ("indirect", "Oleksiy Danilov", "Oleksiy Danilov", "enclosing", "add"),
        ("direct", "A state department spokesman", None, "descriptor", "say"),
    ]


def test_speaker_after_the_verb_and_content_before_it():
    text = (
        "Kelley, 26, was also shot by an armed citizen, said Freeman Martin of the Texas "
        "Department of Public Safety, citing autopsy results. "
        "The plan failed, said Mr Jindal on Tuesday."
    )
    got = [(q.kind, q.text, q.speaker, q.speaker_via) for q in quotes(text)]
    assert got == [
        ("indirect", "Kelley, 26, was also shot by an armed citizen", "Freeman Martin", "name"),
        ("indirect", "The plan failed", "Jindal", "name"),
    ]


def test_speaker_with_a_phrase_after_it():
    text = (
        "A law enforcement official briefed on the investigation said weapons were found in the car. "
        "Officials familiar with the matter said the talks had stalled for weeks."
    )
    assert [q.speaker for q in quotes(text)] == ["A law enforcement official", "Officials"]


def test_he_resolves_to_the_subject_not_the_last_name():
    text = (
        "Chancellor Jeremy Hunt urged NATO countries to pile the pressure on Russian president "
        "Vladimir Putin. He told President Zelensky that the UK would help for “as long as it takes.”"
    )
    direct = [q for q in quotes(text) if q.kind == "direct"]
    assert [(q.text, q.speaker, q.verb) for q in direct] == [
        ("as long as it takes.", "Jeremy Hunt", "tell")
    ]


def test_no_quotes():
    assert quotes("Nothing was said. Nobody spoke.") == ()
    stats = quote_stats((), 30)
    assert (stats.quoted_share, stats.sources, dict(stats.kinds)) == (0.0, 0, {})


# --------------------------------------------------------------------------- summaries


def test_quote_stats_merge_per_outlet():
    text = "“We will win,” said Peskov. Zelensky said that Ukraine would hold. “Yes.”"
    found = quotes(text)
    stats = quote_stats(found, len(text))
    assert stats.quoted_chars == len("We will win") + len("Yes.")
    assert stats.reported_chars == len("Ukraine would hold")
    assert dict(stats.speakers) == {"Peskov": 2, "Zelensky": 1}
    assert stats.sources == 2
    both = stats + quote_stats([Quote("x y z w", 0, 7, "direct")], 100)
    assert both.chars == len(text) + 100
    assert both.speakers["(unattributed)"] == 1 and both.sources == 2
    assert both.verb_classes == {"neutral": 2}  # the continuation "Yes." has no verb of its own
    assert isinstance(both, QuoteStats)
    mapped = quote_stats(
        found, len(text), speaker_id=lambda q: "Dmitry Peskov" if q.speaker == "Peskov" else None
    )
    assert dict(mapped.speakers) == {"Dmitry Peskov": 2, "Zelensky": 1}


# --------------------------------------------------------------------------- seeds

MEDUZA = (
    "Oleksiy Danilov, the secretary of Ukraine’s National Security and Defense Council, has told "
    "the Spanish outlet ABC that Ukraine has moved some of its missile production facilities abroad, "
    "after a Russian strike on an assembly plant.\n\n"
    "“This is a secret program,” he said, “and no one will be able to tell you about its current "
    "status.” “What I can tell you, though,” he added, “is that, unfortunately, Russia has hit the "
    "place of assembly of those missiles. We have now moved part of the production abroad.”\n\n"
    "According to the official, Kyiv has no intention of using the U.S.-made long-range ATACMS "
    "tactical ballistic missiles to attack Russia. These weapons, Danilov assures, “will only be "
    "used for defending our territory.” He nevertheless believes that effective defense requires "
    "bringing the war to Russia’s home territory."
)

TABLOID = (
    "A state department spokesman said the US “did not announce this (the delivery of the missiles) "
    "at the onset in order to maintain operational security for Ukraine at their request”.\n"
    "But the BBC reports US National Security Advisor Jake Sullivan said Washington was planning to "
    "send more of the missiles. He added: “They will make a difference. But as I’ve said before at "
    "this podium, there is no silver bullet.”\n"
    "In response to the delivery of the ATACMS the Kremlin scoffed that the weapons “will not "
    "fundamentally change the outcome of the special military operation”.\n"
    "Spokesman Dmitry Peskov added: “We will succeed. But it will cause more problems for Ukraine itself.”\n"
    "President Volodymyr Zelensky has said “the key now is speed” in getting the supplies into place."
)


def test_meduza_seed_inline():
    got = [(q.kind, q.speaker, q.verb, q.verb_class) for q in quotes(MEDUZA)]
    assert got == [
        ("indirect", "Oleksiy Danilov", "tell", "neutral"),
        ("direct", "Oleksiy Danilov", "say", "neutral"),
        ("direct", "Oleksiy Danilov", "add", "neutral"),
        ("indirect", "Oleksiy Danilov", "according to", "neutral"),
        ("direct", "Oleksiy Danilov", "assure", "loaded"),
        ("indirect", "Oleksiy Danilov", "believe", "neutral"),
    ]
    second = quotes(MEDUZA)[2]
    assert second.text.endswith("We have now moved part of the production abroad.")


def test_tabloid_seed_inline():
    got = [(q.kind, q.speaker, q.verb, q.verb_class) for q in quotes(TABLOID)]
    assert got == [
        ("direct", "A state department spokesman", "say", "neutral"),
        ("indirect", "BBC", "report", "neutral"),
        ("indirect", "Jake Sullivan", "say", "neutral"),
        ("direct", "Jake Sullivan", "add", "neutral"),
        ("direct", "Kremlin", "scoff", "loaded"),
        ("direct", "Dmitry Peskov", "add", "neutral"),
        ("direct", "Volodymyr Zelensky", "say", "neutral"),
    ]


def test_seed_headline_admits():
    title = "Ukraine admits moving long-range missile production abroad – and taking missile warfare to Russia’s home territory"
    (q,) = quotes(title)
    assert (q.kind, q.speaker, q.verb, q.verb_class) == ("indirect", "Ukraine", "admit", "loaded")


def test_seed_files():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository (development data only)")
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = normalize(path.read_text("utf-8"))
        found[path.stem] = quotes(text)
    tabloid = {
        (q.speaker, q.verb) for q in found["uk-tabloid-atacms-first-use"] if q.kind != "indirect"
    }
    assert tabloid == {
        ("A state department spokesman", "say"),
        ("Jake Sullivan", "add"),
        ("Kremlin", "scoff"),
        ("Dmitry Peskov", "add"),
        ("Volodymyr Zelensky", "say"),
        ("Ukraine’s general staff", "say"),
        ("Jeremy Hunt", "urge"),
        ("Jeremy Hunt", "tell"),
    }
    meduza = found["meduza-missile-production-abroad"]
    assert {q.speaker for q in meduza if q.kind == "direct"} == {"Oleksiy Danilov"}
    assert ("Ukraine", "admit") in {(q.speaker, q.verb) for q in meduza}  # the headline


def test_quotes_and_stats_pickle():
    import pickle

    text = "“We will win,” said Peskov."
    found = quotes(text)
    stats = quote_stats(found, len(text))
    assert pickle.loads(pickle.dumps(found)) == found
    assert pickle.loads(pickle.dumps(stats)) == stats


def test_spaced_straight_quotes_are_still_quotes():
    # pasted and OCR'd text often has spaces inside straight quote marks: `" text "`
    from mediacompare.analysis.actors import detect_actors
    from mediacompare.analysis.quotes import extract_quotes
    from mediacompare.text import sentences

    for text in ('Jeremy Hunt said: " We will win . "', '" This is a disaster , " Jeremy Hunt said on Monday.'):
        ss = sentences(text)
        quotes = extract_quotes(text, ss, detect_actors(ss))
        assert [(q.speaker, q.kind) for q in quotes] == [("Jeremy Hunt", "direct")]
    text = 'The pipe is 5 " wide.'  # a lone inch mark opens nothing
    ss = sentences(text)
    assert extract_quotes(text, ss, detect_actors(ss)) == ()
