"""Candidate mentions inside one article: their record, type evidence and in-article merging."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Sentence
from .catalog import ActorCatalog, CatalogEntry
from .labels import GENDER_OF_TITLE, base_word, romanised_given_name
from .lexicon import Lexicon
from .model import ActorLabel

_KIND_RANK = {"person": 0, "organisation": 1, "group": 2, "place": 3, "other": 4, "name": 5}


@dataclass
class _Cand:
    sent: Sentence
    run_lo: int
    lo: int
    hi: int
    possessive: bool
    entry: CatalogEntry | None = None
    kind: str | None = None
    title: str | None = None
    labels: tuple[ActorLabel, ...] = ()
    key: str = ""
    words: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.sent.tokens[self.lo].start

    @property
    def end(self) -> int:
        end = self.sent.tokens[self.hi - 1]
        return end.end - 2 if self.possessive and base_word(end.text) != end.text else end.end

    @property
    def text(self) -> str:
        return self.sent.text[self.start - self.sent.start : self.end - self.sent.start]


@dataclass
class _Context:
    lex: Lexicon
    catalog: ActorCatalog
    cap_mid: set[str]
    lower_seen: set[str]
    alone: set[str]  # words the article writes as a one-word name (runs._article_stats)
    words: list[str] = field(default_factory=list)  # token texts of the current sentence


def display_preference(text: str) -> tuple[int, bool, int]:
    """Sort key (larger is better) for choosing the displayed form of a name.

    More words first, then a form that is not all capitals (datelines such as "SUTHERLAND
    SPRINGS, Texas —" shout the place name), then the longer text.

    Examples
    --------
    >>> max(["SUTHERLAND SPRINGS", "Sutherland Springs", "Springs"], key=display_preference)
    'Sutherland Springs'
    """
    letters = [c for c in text if c.isalpha()]
    shouted = len(letters) > 3 and all(c.isupper() for c in letters)
    return (len(text.split()), not shouted, len(text))


def _evidence(toks, i: int, ctx: _Context) -> bool:
    word = base_word(toks[i].text).lower()
    if ctx.catalog.match(ctx.words, i) is not None:
        return True
    if word in ctx.lex.given_names or ctx.lex.is_title(word):
        return True
    return word in ctx.cap_mid and word not in ctx.lex.common_words


def _common(toks, i: int, ctx: _Context) -> bool:
    """Whether a sentence-initial capitalised word is an ordinary word, not a name."""
    word = base_word(toks[i].text).lower()
    lex = ctx.lex
    if lex.is_title(word) or word in lex.given_names or ctx.catalog.match(ctx.words, i) is not None:
        return False
    if word in lex.common_words or word in ctx.lower_seen or word in lex.label_adjectives:
        return True
    return len(word) > 4 and word.endswith(("ing", "ed", "ly"))  # "Buying MCI", "Concurrently"


def _guess_kind(cand: _Cand, has_title: bool, ctx: _Context) -> str | None:
    lex, toks = ctx.lex, cand.sent.tokens
    low = [base_word(toks[k].text).lower().rstrip(".") for k in range(cand.lo, cand.hi)]
    if has_title:
        return "person"
    if any(w in lex.thing_heads for w in low):
        return "other"
    if low[-1] in lex.organisation_heads:
        return "organisation"
    if low[-1] in lex.place_heads:
        return "place"
    nxt = toks[cand.hi].text.lower() if cand.hi < len(toks) and not cand.possessive else ""
    if nxt in lex.thing_heads:
        return "other"
    if len(low) > 1 and any(lex.is_organisation_head(w) for w in low):
        return "organisation"
    if low[0] in lex.given_names and len(low) >= 2:
        return "person"
    names = [toks[k].text for k in range(cand.lo, cand.hi)]
    if all(w.replace(".", "").isupper() for w in names):
        return None
    plain = not any(w in lex.common_words or w in lex.not_actors for w in low)
    if 2 <= len(low) <= 4 and plain and not any(any(c.isdigit() for c in w) for w in names):
        return "name"  # looks like a personal name: a person if anything else says so
    before = toks[cand.run_lo - 1].text.lower() if cand.run_lo > 0 else ""
    if len(low) == 1 and before in lex.place_prepositions:
        return "place"
    return None


def _junk(words: list[str], ctx: _Context, has_title: bool) -> bool:
    lex, cat = ctx.lex, ctx.catalog
    if has_title:
        return False
    if " ".join(words) in lex.not_actors:
        return True
    if len(words) == 1 and len(words[0].rstrip(".")) == 1:
        return True  # a lone letter: an initial or a label ("a D+9 sample", "Plan B")
    return all(
        w in lex.not_actors or w in lex.common_words or cat.is_demonym(w) or lex.is_title(w)
        for w in words
    )


def _trim_possessions(cands: list[_Cand]) -> None:
    """Cut "Ukraine’s [Main Intelligence Directorate] Kyrylo Budanov" at the next name's end."""
    for cand, nxt in itertools.pairwise(cands):
        if not cand.possessive or nxt.sent is not cand.sent:
            continue
        labels = list(cand.labels)
        for i, lab in enumerate(labels):
            if lab.kind == "possession" and lab.start <= nxt.start < nxt.end < lab.end:
                text = cand.sent.text[lab.start - cand.sent.start : nxt.end - cand.sent.start]
                labels[i] = dataclasses.replace(lab, text=text, end=nxt.end)
        cand.labels = tuple(labels)


def surname_first(words: Sequence[str]) -> bool:
    """Whether a name looks East Asian, family name first: a romanised hyphenated given name
    ("Kim Jong-un", "Moon Jae-in") or two short syllables after the first word ("Kim Jong Un").

    Examples
    --------
    >>> surname_first(["Kim", "Jong-un"]), surname_first(["Kim", "Jong", "Un"])
    (True, True)
    >>> surname_first(["Vladimir", "Putin"]), surname_first(["Sam", "Kim"])
    (False, False)
    """
    if len(words) == 2 and words[1].count("-") == 1:
        head, tail = words[1].split("-")
        return romanised_given_name(head.capitalize(), tail.lower())
    return len(words) == 3 and all(len(w) <= 4 and w.isalpha() for w in words[1:])


#: Kinship nouns that make the relative a woman or a man.
_KINSHIP_GENDER = {
    **dict.fromkeys("wife mother daughter sister widow niece granddaughter grandmother stepdaughter "
                    "stepmother aunt".split(), "f"),
    **dict.fromkeys("husband son father brother widower nephew grandson grandfather stepson "
                    "stepfather uncle".split(), "m"),
}
#: Kinship nouns that introduce a relative of someone the article names by the same surname
#: ("his wife, Heidi Cruz", "son Hunter Biden").
KINSHIP_NOUNS = frozenset(_KINSHIP_GENDER) | {"cousin"}
#: Lower-case words that may stand between a kinship noun and the name ("his wife, first lady
#: Hillary Rodham Clinton").
_ROLE_BETWEEN = frozenset({"first", "lady", "former", "late", "then"})


def _kinship_noun(cand: _Cand) -> str | None:
    """The kinship noun right before the name's run (after an optional comma and lower-case
    role words such as "first lady"), lower-cased, or ``None``."""
    toks, k = cand.sent.tokens, cand.run_lo - 1
    while k >= 0 and k >= cand.run_lo - 3 and toks[k].text in _ROLE_BETWEEN:
        k -= 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    word = toks[k].text.lower() if k >= 0 else ""
    return word if word in KINSHIP_NOUNS else None


def _introduced_as_relative(cand: _Cand) -> bool:
    """Whether a kinship noun comes right before the name's run ("his wife, Heidi Cruz")."""
    return _kinship_noun(cand) is not None


def _gender(cand: _Cand) -> str | None:
    """A full name's gender when its title ("Mrs.", "first lady") or the kinship noun that
    introduces it ("his wife") says it."""
    title = (cand.title or "").lower().split()
    found = {GENDER_OF_TITLE[w] for w in title if w in GENDER_OF_TITLE}
    kinship = _KINSHIP_GENDER.get(_kinship_noun(cand) or "")  # "cousin": no gender
    if kinship is not None:
        found.add(kinship)
    if "lady" in title or "first lady" in (cand.title or "").lower():
        found.add("f")
    return found.pop() if len(found) == 1 else None


def _shares_surname(relative: _Cand, cands: list[_Cand]) -> bool:
    """Whether the relative's surname also names the person it is introduced through: another
    full name with that surname that is no relative, or the surname earlier in the same sentence
    ("Trump dubbed Cruz … his wife, Heidi Cruz"). A relative with a surname of her own ("his
    wife, Tashfeen Malik") keeps it."""
    last = relative.words[-1]
    return any(
        c is not relative and c.words and c.words[-1] == last
        and ((len(c.words) >= 2 and not _introduced_as_relative(c))
             or (c.sent is relative.sent and c.start < relative.start))
        for c in cands
    )


def _attach_surnames(cands: list[_Cand], catalog: ActorCatalog) -> None:
    """Point short person names at the full form they abbreviate (in place).

    A full name the article introduces as someone's relative ("his wife, Heidi Cruz") does not
    take a bare surname when the surname also names the person it is introduced through
    (:func:`_shares_surname`), unless a title ("Mrs. Cruz") says which family member is meant.
    """
    full = [
        c for c in cands if c.entry is None and c.kind in ("person", "name") and len(c.words) >= 2
    ]
    relatives = {id(c) for c in full if _introduced_as_relative(c) and _shares_surname(c, cands)}
    for cand in cands:
        if (
            cand.entry is not None
            or cand.kind not in (None, "person", "name")
            or len(cand.words) > 2
        ):
            continue
        last = cand.words[-1]
        options = [
            f
            for f in full
            if f is not cand
            and len(f.words) > len(cand.words)
            and f.words[-1] == last
            and (len(cand.words) == 1 or f.words[0] == cand.words[0])
        ]
        gender = GENDER_OF_TITLE.get((cand.title or "").lower().rstrip("."))
        if len(cand.words) == 1 and gender is None:
            options = [f for f in options if id(f) not in relatives]
        if gender is not None:  # "Mrs. Cruz" is "his wife, Heidi Cruz"; "Mr. Clinton" is not
            options = ([f for f in options if _gender(f) == gender]
                       or [f for f in options if _gender(f) is None] or options)
        if not options and len(cand.words) == 1:  # "Kim" for "Kim Jong-un", "Kim Jong Un"
            options = [f for f in full if f.words[0] == last and surname_first(f.words)]
        target = _most_prominent(options, cand.start)
        if target is not None:
            cand.key, cand.kind = target.key, "name"
        elif len(cand.words) == 1:
            entry = catalog.surname(last)
            if entry is not None:
                cand.entry, cand.key = entry, "cat:" + entry.name


def _most_prominent(options: list[_Cand], offset: int) -> _Cand | None:
    """The full name a bare surname at ``offset`` means among ``options`` (full names ending in
    it): of those named before it (else after), the one named most often so far, then one
    holding a title of office (not a mere "Mr." or "first lady"), then the most recent (else
    the first after). "President Donald Trump … As Melania Trump rose … Trump said" is Donald
    Trump; "Boris Johnson met Lyndon Johnson. Johnson said" is Lyndon, the more recent."""
    before = [f for f in options if f.start < offset]
    pool = before or options
    if not pool:
        return None
    named = Counter(f.key for f in pool)
    office = {f.key for f in pool if _office_title(f.title)}
    return max(pool, key=lambda f: (named[f.key], f.key in office, f.start if before else -f.start))


def _office_title(title: str | None) -> bool:
    words = (title or "").lower().replace(".", " ").split()
    return bool(words) and "lady" not in words and not all(w in GENDER_OF_TITLE for w in words)


def _group_kind(members: list[_Cand], entry: CatalogEntry | None, lex: Lexicon) -> str:
    """Type of an article-level actor from its mentions' evidence.

    A name-shaped actor ("Jake Sullivan") is a person only with more evidence: a given name or
    title (decided earlier), its surname used alone, a descriptor label ("the secretary of
    ...", "Russian president") or an attribution verb ("Danilov assures"); else "other", so
    that "Storm Shadow" or "Hide Caption" do not become people. A lone word that speaks is an
    organisation, or a person when "he"/"she" follows it in its sentence.
    """
    if entry is not None and entry.kind:
        return entry.kind
    labels = [lab for c in members for lab in c.labels]
    speaks = any(
        lab.kind == "verb" and lex.verbs.match(lab.text.lower().split(), len(lab.text.split()) - 1)
        for lab in labels
    ) or any(
        lab.kind == "verb" and lex.verbs.lookup(" ".join(lab.text.split()[-2:])) for lab in labels
    )
    kinds = [c.kind for c in members if c.kind and c.kind != "name"]
    if kinds:
        guessed = min(kinds, key=_KIND_RANK.__getitem__)
        if guessed != "person" and speaks and any(_pronoun_follows(c) for c in members):
            return "person"  # "Comey's memo" guessed a place; "Comey said that he …" decides
        return guessed
    described = any(lab.kind in ("title", "apposition") for lab in labels)
    named = any(c.kind == "name" for c in members)
    shortened = named and any(len(c.words) == 1 for c in members)
    if named and (speaks or described or shortened):
        return "person"
    if speaks:  # a lone word that speaks without a first name anywhere: a body ("Yukos said"),
        # unless a personal pronoun follows it in its sentence ("Comey said that he …")
        return "person" if any(_pronoun_follows(c) for c in members) else "organisation"
    return "other"


_PERSONAL = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})


def _pronoun_follows(cand: _Cand, window: int = 12) -> bool:
    """Whether "he"/"she"/"his"/"her"… is among the next ``window`` tokens of the mention's
    sentence."""
    return any(t.text.lower() in _PERSONAL for t in cand.sent.tokens[cand.hi : cand.hi + window])
