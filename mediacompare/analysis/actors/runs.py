"""Token-level scanning for actor detection: capitalised runs, sentence starts, headlines.

These functions look at one sentence's tokens (or, for :func:`article_stats`, at all of one
article's tokens) and never at other articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from ...model import Sentence
from .labels import base_word, is_cap
from .lexicon import Lexicon

#: Possessives that belong inside organisation names ("Children's Hospital"), besides titles
#: ("Sheriff's Office", "Attorney's Office").
_POSSESSIVE_IN_NAMES = frozenset({"children", "people", "women", "men", "veterans", "workers"})
_OPENERS = frozenset({"“", '"', "‘", "(", "[", ":", "—", "–", "-"})
_END_PUNCT = frozenset({".", "!", "?", "”", '"', "’", "…"})


def _possessive_at(toks, j: int) -> bool:
    text = toks[j].text.replace("’", "'")
    if len(text) > 2 and text.endswith("'s") and is_cap(text):
        return True
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return bool(nxt and nxt.text in ("’", "'") and nxt.start == toks[j].end and text.endswith("s"))


#: Day names: never part of a name ("Fox News on Tuesday", "Michael Steele Sunday").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _initial_positions(sent: Sentence) -> set[int]:
    """Token indexes where a capital letter says nothing (sentence start, after a quote/colon)."""
    out: set[int] = set()
    expect = True
    for i, tok in enumerate(sent.tokens):
        if tok.text in _OPENERS:
            expect = True
        elif tok.text[0].isalnum():
            if expect:
                out.add(i)
            expect = False
    return out


def _is_title_case(sent: Sentence, lex: Lexicon) -> bool:
    if sent.tokens and sent.tokens[-1].text in _END_PUNCT:
        return False
    content = [
        t.text
        for t in sent.tokens
        if t.text[:1].isalpha() and t.text.lower() not in lex.common_words
    ]
    return len(content) >= 4 and sum(w[0].isupper() for w in content) >= 0.75 * len(content)


#: Last words of whole names that are not organisation heads ("White House", "United States").
_WHOLE_ENDS = frozenset({"house", "states"})
#: Words that open the complement of an organisation head ("Bank of England").
_COMPLEMENT_WORDS = frozenset({"of", "for", "on"})
#: Organisation heads that also name a field inside a longer name ("House Energy and Commerce
#: Committee", "Securities and Exchange Commission", "Oil and Gas Corp"): they do not end a name
#: before "and".
FIELD_HEADS = frozenset(
    """
    energy securities exchange oil gas insurance technology technologies communications media
    mining steel capital market markets investments industries electronics entertainment
    software foods motors pharmaceuticals petroleum telecom records pictures studios labs united
    """.split()
)


def _complete_before_and(toks, i: int, j: int, lex: Lexicon, alone: AbstractSet[str]) -> bool:
    """Whether the run ``toks[i..j]`` before an "and" is a whole name on its own, so the "and"
    coordinates two names ("FBI and Justice Department", "Intel Corp and Alphabet Inc", "Lucas
    Tomlinson and The Associated Press") rather than joining one ("Ways and Means Committee"):
    an acronym or an organisation head ends it, a known given name or a title starts it, it is
    one word the article also writes as a name on its own (``alone``), or "The" follows.
    """
    last = toks[j].text
    letters = last.replace(".", "")
    word = base_word(last).lower().rstrip(".")
    return (
        (len(letters) >= 2 and letters.isalpha() and letters.isupper())
        or (i == j and base_word(last).lower() in alone)
        or (word in lex.organisation_heads and word not in FIELD_HEADS)
        or word in _WHOLE_ENDS
        or toks[i].text.lower() in lex.given_names
        or any(lex.is_title(t.text) for t in toks[i : j + 1])
        or (j + 2 < len(toks) and toks[j + 2].text == "The")
    )


def _head_word(text: str) -> str:
    return base_word(text).lower().rstrip(".")


def _in_complement(toks, i: int, j: int, lex: Lexicon) -> bool:
    """Whether the run ``toks[i..j]`` has reached the complement of an organisation head
    ("Department of Health", "Center for Strategic"), where "and" joins the complement's words."""
    return any(
        toks[p + 1].text.lower() in _COMPLEMENT_WORDS and lex.is_organisation_head(_head_word(toks[p].text))
        for p in range(i, j)
    )


def _continues_complement(toks, a: int, b: int, lex: Lexicon, alone: AbstractSet[str]) -> bool:
    """Whether the capitalised words ``toks[a:b]`` after an "and" inside a complement continue it
    ("… Control and Prevention", "… Allergy and Infectious Diseases"): one to three words that
    do not name something by themselves — no title, acronym or organisation head ("… Homeland
    Security and FEMA", "… Defense and White House"), no given name first, not one word the
    article names by itself ("Department of Justice and Trump"), and no complement of their own
    after them ("… Health and District of Columbia")."""
    words = [base_word(t.text) for t in toks[a:b]]
    return (
        1 <= len(words) <= 3
        and not any(lex.is_title(w) or lex.is_organisation_head(_head_word(w)) or w.lower() in _WHOLE_ENDS
                    or (len(w.replace(".", "")) >= 2 and w.replace(".", "").isupper()) for w in words)
        and words[0].lower() not in lex.given_names
        and not (len(words) == 1 and words[0].lower() in alone)
        and not (b < len(toks) and toks[b].text.lower() in _COMPLEMENT_WORDS)
    )


def _runs(toks, lex: Lexicon, alone: AbstractSet[str] = frozenset()) -> list[tuple[int, int]]:
    runs, i, n = [], 0, len(toks)
    while i < n:
        if not is_cap(toks[i].text, lex.particles):
            i += 1
            continue
        j = i
        while True:
            if _possessive_at(toks, j):
                # "Sheriff's Office", "Children's Hospital": an organisation named with a possessive
                k = j + 1 if toks[j].text.replace("’", "'").endswith("'s") else j + 2
                if (
                    base_word(toks[j].text).lower() in _POSSESSIVE_IN_NAMES
                    or base_word(toks[j].text).lower() in lex.titles
                ) and k < n and is_cap(toks[k].text, lex.particles) and base_word(
                    toks[k].text
                ).lower() in lex.organisation_heads:
                    j = k
                    continue
                break
            nxt = j + 1
            if nxt >= n:
                break
            low = toks[j].text.lower().rstrip(".")
            if (
                toks[nxt].text == "."
                and toks[nxt].start == toks[j].end
                and nxt + 1 < n
                and (low in lex.titles or low == "st" or (len(low) == 1 and toks[j].text.isupper()))
                and is_cap(toks[nxt + 1].text, lex.particles)
            ):
                j = nxt + 1
                continue
            if toks[nxt].text.lower() in WEEKDAYS:
                break  # "Michael Steele Sunday said": a day never continues a name
            if is_cap(toks[nxt].text, lex.particles):
                j = nxt
                continue
            word = toks[nxt].text.lower()
            k = nxt
            while k < n and k - nxt < 3 and toks[k].text.lower() in lex.particles:
                k += 1  # "bin", "von der", "de la"
            if k > nxt and k < n and is_cap(toks[k].text, lex.particles):
                j = k
                continue
            head = lex.is_organisation_head(_head_word(toks[j].text))
            if word in _COMPLEMENT_WORDS and (head or low in lex.titles):
                k = nxt + 1
                if k + 1 < n and toks[k].text.lower() == "the":
                    k += 1
                if k < n and is_cap(toks[k].text, lex.particles) and toks[k].text.lower() not in WEEKDAYS:
                    j = k  # "Bank of England", never "Fox News on Tuesday"
                    continue
            if word == "and" and not _complete_before_and(toks, i, j, lex, alone):
                k = nxt + 1
                while k < n and is_cap(toks[k].text, lex.particles) and not _possessive_at(toks, k):
                    k += 1
                if k > nxt + 2 and toks[k - 1].text.lower() in lex.organisation_heads:
                    j = k - 1
                    continue
                if _in_complement(toks, i, j, lex) and _continues_complement(toks, nxt + 1, k, lex, alone):
                    j = k - 1  # "Centers for Disease Control and Prevention"
                    continue
            break
        runs.append((i, j + 1))
        i = j + 1
    return runs


def _abbreviates(acronym: str, name: str) -> bool:
    letters = [c.lower() for c in name if c.isalpha()]
    if not letters or letters[0] != acronym[0].lower():
        return False
    it = iter(letters)
    return all(c in it for c in acronym.lower() if c.isalpha())


def _article_stats(sents: Sequence[Sentence], lex: Lexicon) -> tuple[set[str], set[str], set[str]]:
    """Lower-cased words the article capitalises mid-sentence, writes in lower case, and
    writes as a one-word name (capitalised mid-sentence, no capitalised word beside it, not
    joined to one by "and", "of" or "for")."""
    cap_mid: set[str] = set()
    lower_seen: set[str] = set()
    alone: set[str] = set()
    for sent in sents:
        initial = _initial_positions(sent)
        title_case = _is_title_case(sent, lex)
        toks = sent.tokens
        for i, tok in enumerate(toks):
            if not tok.text[:1].isalpha():
                continue
            word = base_word(tok.text)
            if word[0].islower():
                lower_seen.add(word.lower())
            elif i not in initial and not title_case:
                cap_mid.add(word.lower())
                if not _capitalised_beside(toks, i, lex):
                    alone.add(word.lower())
    return cap_mid, lower_seen, alone


def _capitalised_beside(toks, i: int, lex: Lexicon) -> bool:
    def cap(k: int) -> bool:
        return 0 <= k < len(toks) and is_cap(toks[k].text, lex.particles)

    after_and = i + 2 < len(toks) and toks[i + 1].text == "and" and (
        cap(i + 2) or (toks[i + 2].text == "the" and cap(i + 3)))  # "Education and the Workforce"
    after_of = i >= 2 and toks[i - 1].text in ("of", "for", "and") and cap(i - 2)  # "Dept. of Labor"
    return cap(i - 1) or cap(i + 1) or after_and or after_of
