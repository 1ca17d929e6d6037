"""Which speaker phrases can name someone: closed word classes and text nouns.

A speaker is a person, an organisation or a group. A phrase read from the attribution
structure is no speaker when

* its head (last word, possessive ending removed) belongs to a **closed word class** — a
  personal, reflexive or possessive pronoun ("they", "I", "themselves"), a demonstrative
  ("this", "those"), an indefinite pronoun or quantifier ("each", "someone", "most", "others"),
  an interrogative or relative pronoun, an article or a number word — so "Each of them", "we
  all" and "Nobody" are not speakers;
* it opens with a subject pronoun ("they both", "we ourselves"; possessives as in "his
  lawyer" are fine);
* its head is a noun that names a **text** rather than someone who speaks ("the report",
  "This story", "the statement", "court documents"): the text is where the words are, not who
  said them.

Closed classes are finite by definition, so the lists below are complete word classes of
English, not a list of observed mistakes; the text nouns are the common nouns for documents and
publications. Groups named by a real noun ("officials", "residents", "the ministry") stay
speakers.

Examples
--------
>>> [can_name_speaker(p.split()) for p in ("This story", "each", "Some of the officials", "a spokesman")]
[False, False, True, True]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CLOSED_CLASS", "PERSONAL_PRONOUNS", "TEXT_NOUNS", "can_name_speaker"]

#: Personal, reflexive and possessive pronouns (every case and person).
PERSONAL_PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his"
    " himself she her hers herself it its itself they them their theirs themselves oneself"
    " y'all".split()
)

_SUBJECT_PRONOUNS = frozenset("i we you they he she it".split())

_DEMONSTRATIVES = frozenset("this that these those".split())

#: Indefinite pronouns and quantifiers.
_INDEFINITES = frozenset(
    "someone somebody something anyone anybody anything everyone everybody everything no-one"
    " noone nobody nothing none one ones each every either neither both all some any many much"
    " few fewer several most more less least other others another such own half whoever"
    " whatever whichever".split()
)

_WH_WORDS = frozenset("who whom whose which what where when why how whether".split())

_ARTICLES_AND_NUMBERS = frozenset(
    "the a an no two three four five six seven eight nine ten dozen dozens hundreds thousands"
    " millions".split()
)

#: Every closed-class word a speaker's head cannot be.
CLOSED_CLASS = PERSONAL_PRONOUNS | _DEMONSTRATIVES | _INDEFINITES | _WH_WORDS | _ARTICLES_AND_NUMBERS

#: Nouns naming a text or publication (singular; plurals by a final "s").
TEXT_NOUNS = frozenset(
    "story article report statement document paper letter memo memorandum filing release"
    " communique communiqué transcript text book column editorial op-ed piece study survey poll"
    " analysis assessment review summary draft bill law order ruling verdict indictment"
    " complaint lawsuit motion brief affidavit record records message email e-mail tweet"
    " post blog headline caption footnote notice note passage chapter page website site"
    " video footage recording broadcast dispatch cable".split()
)


def _clean(word: str) -> str:
    low = word.lower().replace("’", "'").strip(".,;:!?\"'()")
    return low.removesuffix("'s").removesuffix("'")


def _is_text_noun(word: str) -> bool:
    return word in TEXT_NOUNS or (word.endswith("s") and word[:-1] in TEXT_NOUNS)


def can_name_speaker(words: Sequence[str]) -> bool:
    """Whether the phrase ``words`` can name a speaker (see the module rules).

    Parameters
    ----------
    words : sequence of str
        The phrase's words as written (any case; possessive endings and punctuation ignored).

    Returns
    -------
    bool
        False for a phrase headed by a closed-class word, opened by a subject pronoun, made
        only of closed-class words, or headed by a text noun.

    Examples
    --------
    >>> can_name_speaker(["they"]), can_name_speaker(["the", "report"]), can_name_speaker(["Peskov"])
    (False, False, True)
    """
    cleaned = [w for w in (_clean(w) for w in words) if w]
    if not cleaned:
        return False
    head = cleaned[-1]
    if head in CLOSED_CLASS or cleaned[0] in _SUBJECT_PRONOUNS:
        return False
    return not _is_text_noun(head)
