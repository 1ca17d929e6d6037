"""Which speaker phrases can name someone: closed word classes and text nouns.

A speaker is a person, an organisation or a group. A phrase read from the attribution
structure is no speaker when

* its head belongs to a **closed word class** — a personal, reflexive or possessive pronoun
  ("they", "I", "themselves", also contracted: "He'd"), a demonstrative ("this", "those"), an
  indefinite pronoun or quantifier ("each", "someone", "most", "others"), an interrogative or
  relative pronoun, an article, a number word, a preposition or a bare title abbreviation
  ("Mr", "Sen": the name after it is missing) — so "Each of them", "we all" and "Nobody" are
  not speakers;
* it opens with a subject pronoun, existential "there" or a preposition ("they both", "there
  was no comparison with Mr", "of Iowa"; possessives as in "his lawyer" are fine);
* its head is a noun that names a **text** rather than someone who speaks ("the report",
  "This story", "a statement from his spokesman", "court documents"): the text is where the
  words are, not who said them.

The head is the last word before a post-modifying preposition ("statement" in "a statement
from his spokesman"), or the last word when there is none; in a partitive ("one of the
officials", "most of them") it is the word after "of". Possessive endings are ignored.

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

from ..actors.labels import PREPOSITIONS

__all__ = ["CLOSED_CLASS", "PERSONAL_PRONOUNS", "TEXT_NOUNS", "can_name_speaker", "is_closed_class"]

#: Personal, reflexive and possessive pronouns (every case and person).
PERSONAL_PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his"
    " himself she her hers herself it its itself they them their theirs themselves oneself"
    " y'all".split()
)

_SUBJECT_PRONOUNS = frozenset("i we you they he she it there".split())

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

#: Title abbreviations written before a name: alone they name nobody.
_HONORIFICS = frozenset(
    "mr mrs ms mx dr prof rev fr sen rep gov gen lt col capt cmdr adm sgt maj supt det pres hon"
    " st".split()
)

#: Every closed-class word a speaker's head cannot be.
CLOSED_CLASS = (
    PERSONAL_PRONOUNS | _SUBJECT_PRONOUNS | _DEMONSTRATIVES | _INDEFINITES | _WH_WORDS
    | _ARTICLES_AND_NUMBERS | _HONORIFICS | PREPOSITIONS
)

#: Nouns naming a text or publication (singular; plurals by a final "s").
TEXT_NOUNS = frozenset(
    "story article report statement document paper letter memo memorandum filing release"
    " communique communiqué transcript text book column editorial op-ed piece study survey poll"
    " analysis assessment review summary draft bill law order ruling verdict indictment"
    " complaint lawsuit motion brief affidavit record records message email e-mail tweet"
    " blog headline caption footnote notice note passage chapter page website site"
    " video footage recording broadcast dispatch cable speech address remark".split()
)

_CONTRACTIONS = ("'s", "'d", "'ll", "'re", "'ve", "'m", "'")


def _clean(word: str) -> str:
    low = word.lower().replace("’", "'").strip(".,;:!?\"()")
    for ending in _CONTRACTIONS:  # possessives and contractions: "Obama's", "He'd", "they're"
        if low.endswith(ending) and len(low) > len(ending):
            return low[: -len(ending)].strip("'")
    return low.strip("'")


def _is_text_noun(word: str) -> bool:
    return word in TEXT_NOUNS or (word.endswith("s") and word[:-1] in TEXT_NOUNS)


def _head(words: Sequence[str]) -> str:
    """The head word: before a post-modifying phrase ("statement" in "a statement posted on
    its website"), after a partitive "of" ("officials" in "one of the officials")."""
    for i, word in enumerate(words):
        if i and word in PREPOSITIONS:
            if word == "of" and all(w in CLOSED_CLASS for w in words[:i]):
                continue  # partitive: "one of the officials", "most of them"
            j = i - 1
            while j > 0 and (words[j].endswith("ed") or words[j] in ("familiar", "close")):
                j -= 1  # a participle or adjective opening the post-modifier
            return words[j]
    return words[-1]


def can_name_speaker(words: Sequence[str]) -> bool:
    """Whether the phrase ``words`` can name a speaker (see the module rules).

    Parameters
    ----------
    words : sequence of str
        The phrase's words as written (any case; possessive endings and punctuation ignored).

    Returns
    -------
    bool
        False for a phrase headed by a closed-class word or a text noun, opened by a subject
        pronoun, "there" or a preposition, or made only of closed-class words.

    Examples
    --------
    >>> can_name_speaker(["they"]), can_name_speaker(["the", "report"]), can_name_speaker(["Peskov"])
    (False, False, True)
    >>> can_name_speaker("a statement from his spokesman".split()), can_name_speaker(["He'd"])
    (False, False)
    >>> can_name_speaker("an official familiar with the report".split())
    True
    """
    cleaned = [w for w in (_clean(w) for w in words) if w]
    if not cleaned or cleaned[0] in _SUBJECT_PRONOUNS or cleaned[0] in PREPOSITIONS:
        return False
    if all(w in CLOSED_CLASS for w in cleaned):
        return False
    head = _head(cleaned)
    return head not in CLOSED_CLASS and not _is_text_noun(head)


def is_closed_class(word: str) -> bool:
    """Whether ``word`` (possessive or contraction ignored) is a closed-class word: what a
    one-word actor name must not be ("He'd", "Nobody").

    >>> is_closed_class("He'd"), is_closed_class("Putin")
    (True, False)
    """
    return _clean(word) in CLOSED_CLASS
