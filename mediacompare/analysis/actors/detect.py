"""Per-article actor detection from the article's tokens (no models, no NLTK data).

Rules, in order (see ``docs/actors.md`` for the full story):

1. **Capitalised runs**: consecutive capitalised tokens, joined across name particles ("bin",
   "von der"), initials ("John F. Kennedy"), and "of/for/on/and" inside organisation names
   ("Ministry of Defence", "National Security and Defense Council"). A possessive ends a run.
2. **Sentence starts and headlines**: a capitalised common word opening a sentence ("But",
   "According", "Previously") is dropped; a lone sentence-initial word is kept only if the
   article also capitalises it mid-sentence or the catalogue knows it. In title-case headlines
   every word needs such evidence.
3. **Catalogue first**: built-in countries/capitals/organisations and the user's actors file.
4. **Titles** split a run: "US National Security Advisor Jake Sullivan" → title "US National
   Security Advisor", name "Jake Sullivan"; an organisation name followed by a person's name is
   split too ("Main Intelligence Directorate Kyrylo Budanov").
5. **Type**: catalogue type; else head words (Council → organisation, Airport → place,
   Missile → other), a title or a given name (person), two or three plain capitalised words
   (person), a lone word after "in"/"near" (place); else other.
6. **Merging within the article**: "Putin"/"Mr Putin" join the most recent "Vladimir Putin";
   "(ATACMS)" joins the name it abbreviates. The canonical name is the longest form.

Examples
--------
>>> from mediacompare.text import sentences
>>> ms = detect_actors(sentences("Russian President Vladimir Putin spoke. Mr Putin’s aides left."))
>>> [(m.text, m.canonical, m.kind, m.title) for m in ms]
[('Vladimir Putin', 'Vladimir Putin', 'person', 'Russian President'), ('Putin', 'Vladimir Putin', 'person', 'Mr')]
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Sentence
from .candidates import (
    _attach_surnames,
    _Cand,
    _common,
    _Context,
    _evidence,
    _group_kind,
    _guess_kind,
    _junk,
    _trim_possessions,
    display_preference,
)
from .catalog import ActorCatalog, builtin_catalog, name_key
from .groups import group_mentions
from .nicknames import nickname_mentions
from .nominals import nominal_mentions
from .labels import base_word, is_cap, mention_labels
from .lexicon import lexicon
from .model import ActorMention
from .runs import (
    _abbreviates,
    _article_stats,
    _initial_positions,
    _is_title_case,
    _possessive_at,
    _runs,
)

__all__ = ["detect_actors"]


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _two_names_at(low: list[str], lo: int, ctx: _Context) -> int | None:
    """Where a run that starts with a given name holds a second name, or None.

    Two names written side by side ("Counselor to President Donald Trump Kellyanne Conway",
    "Vladimir Putin Ukraine talks"): a two-word personal name followed by a catalogue name,
    or four plain words (no particles or suffixes) split two and two.
    """
    lex = ctx.lex
    if len(low) < 3 or low[0] not in lex.given_names:
        return None
    if any(len(w) <= 1 for w in low):  # a middle initial ("Donald J. Trump"): one name
        return None
    if any(w in lex.particles or w in _NAME_SUFFIXES or w in lex.common_words for w in low):
        return None
    found = ctx.catalog.match(ctx.words, lo + 2)
    if found is not None and 2 + found[1] == len(low):
        return lo + 2
    return lo + 2 if len(low) == 4 else None


def _name_cands(sent, run_lo, lo, hi, possessive, has_title, ctx) -> list[_Cand]:
    """Candidates for the name part ``tokens[lo:hi]`` of a run."""
    toks, lex, cat = sent.tokens, ctx.lex, ctx.catalog
    words = ctx.words
    whole = cat.match(words, lo)
    if whole and lo + whole[1] == hi:
        return [_Cand(sent, run_lo, lo, hi, possessive, entry=whole[0])]
    # fully covered by several catalogue names ("Russia Ukraine")
    parts, k = [], lo
    while k < hi:
        found = cat.match(words, k)
        if not found or k + found[1] > hi:
            break
        parts.append(
            _Cand(sent, k, k, k + found[1], possessive and k + found[1] == hi, entry=found[0])
        )
        k += found[1]
    if k == hi and parts:
        return parts
    low = [base_word(w).lower().rstrip(".") for w in words[lo:hi]]
    split = _two_names_at(low, lo, ctx)
    if split is not None:  # "Donald Trump Kellyanne Conway", "Vladimir Putin Ukraine"
        return _name_cands(sent, run_lo, lo, split, False, has_title, ctx) + _name_cands(
            sent, split, split, hi, possessive, False, ctx
        )
    heads = [p for p in range(len(low) - 1) if low[p] in lex.organisation_heads]
    if heads:
        p = heads[-1]
        tail = low[p + 1 :]
        blocked = lex.organisation_heads | lex.place_heads | lex.thing_heads
        capitalised = all(is_cap(t.text, lex.particles) for t in toks[lo + p + 1 : hi])
        if (
            capitalised
            and len(tail) <= 3
            and not any(w in blocked for w in tail)
            and (tail[0] in lex.given_names or len(tail) >= 2)
        ):
            org = _name_cands(sent, lo, lo, lo + p + 1, False, False, ctx)
            person = _Cand(sent, run_lo, lo + p + 1, hi, possessive, kind="person")
            return org + [person]
    if _junk(low, ctx, has_title):
        return []
    cand = _Cand(sent, run_lo, lo, hi, possessive)
    if len(low) >= 2 and not has_title:
        entry = cat.get(low[-1])
        if entry is not None and entry.kind == "person":
            first = entry.name.split()[0].lower()
            if len(entry.name.split()) == 1 or first == low[0]:
                cand.entry = entry
                return [cand]
    cand.kind = _guess_kind(cand, has_title, ctx)
    return [cand]


def _catalog_cands(sent: Sentence, lo: int, hi: int, ctx: _Context, possessives: bool = True) -> list[_Cand]:
    """Catalogue names inside ``tokens[lo:hi]``, left to right, longest alias first."""
    out: list[_Cand] = []
    k = lo
    while k < hi:
        found = ctx.catalog.match(ctx.words, k)
        if found and k + found[1] <= hi:
            end = k + found[1]
            possessive = possessives and _possessive_at(sent.tokens, end - 1)
            out.append(_Cand(sent, k, k, end, possessive, entry=found[0]))
            k = end
        else:
            k += 1
    return out


def _speaks_next(toks, k: int, lex) -> bool:
    """Whether an attribution verb follows token ``k`` (after auxiliaries): "Obama has said"."""
    while k < len(toks) and toks[k].text.lower() in lex.auxiliaries:
        k += 1
    return lex.verbs.match([t.text.lower() for t in toks[k : k + 2]], 0) is not None


def _run_cands(sent: Sentence, lo: int, hi: int, initial: set[int], ctx: _Context) -> list[_Cand]:
    toks, lex = sent.tokens, ctx.lex
    while (
        lo < hi
        and (lo in initial or toks[lo].text.lower() in ("the", "a", "an"))
        and _common(toks, lo, ctx)
        and not (  # "Prime Minister", "Foreign Secretary"
            lo + 1 < hi
            and toks[lo].text.lower() in lex.label_adjectives
            and lex.is_title(toks[lo + 1].text)
        )
    ):
        lo += 1
        if lo < hi and toks[lo].text == ".":
            lo += 1
    if lo >= hi:
        return []
    lone_start = hi - lo == 1 and lo in initial and not _evidence(toks, lo, ctx)
    if lone_start and (_common(toks, lo, ctx) or not _speaks_next(toks, hi, lex)):
        return []  # "Previously", "Skip"; but "Obama said" stays
    words = ctx.words
    whole = ctx.catalog.match(words, lo)
    possessive = _possessive_at(toks, hi - 1)
    if whole and lo + whole[1] == hi:
        return [_Cand(sent, lo, lo, hi, possessive, entry=whole[0])]
    # title split: the last title word followed by a name
    name_lo, k = lo, hi - 1
    while k >= lo:
        nxt = k + 2 if k + 1 < hi and toks[k + 1].text == "." else k + 1
        if lex.is_title(toks[k].text) and nxt < hi and toks[k].text[:1].isupper():
            rest = [base_word(t.text).lower() for t in toks[nxt:hi]]
            blocked = lex.organisation_heads | lex.place_heads | lex.thing_heads | lex.not_actors
            if rest != ["general"] and not all(  # "Inspector General": one title of two words
                w in blocked or w in lex.common_words or w in _NAME_SUFFIXES for w in rest
            ):
                name_lo = nxt
            break
        k -= 1
    if name_lo > lo:
        name_words = sum(1 for t in toks[name_lo:hi] if t.text != ".")  # "Merrick B. Garland": 3
        complement = toks[name_lo].text.lower() in _COMPLEMENT_STARTS
        if complement or name_words > 3:
            given = [g for g in range(name_lo, hi) if toks[g].text.lower() in lex.given_names]
            if not given and complement:
                return _title_with_complement(sent, lo, k, name_lo, hi, possessive, ctx)
            name_lo = given[0] if given else max(name_lo, hi - 2)
        return _titled(sent, lo, name_lo, hi, possessive, ctx)
    if lex.is_title(toks[hi - 1].text):  # "the US President": title only, no name
        if any(lex.is_organisation_head(base_word(toks[p].text).lower())
               and toks[p + 1].text.lower() in ("of", "for") for p in range(lo, hi - 1)):
            return _name_cands(sent, lo, lo, hi, possessive, False, ctx)  # "Office of Inspector General"
        return _catalog_cands(sent, lo, hi, ctx, possessives=False)
    return _name_cands(sent, lo, lo, hi, possessive, False, ctx)


#: Words that open the complement of a title ("CEO of HP", "Speaker of the House").
_COMPLEMENT_STARTS = frozenset({"of", "for", "on", "the"})


def _title_with_complement(sent: Sentence, lo: int, k: int, of: int, hi: int, possessive: bool,
                           ctx: _Context) -> list[_Cand]:
    """Candidates of a run whose last title word ``tokens[k]`` is followed by a complement
    ``tokens[of:hi]`` with no known given name.

    The complement is a name of its own ("the former CEO of Hewlett-Packard", "Speaker of the
    House", "Director of National Intelligence"), never a person, unless it ends in one or two
    words that can only be a personal name after at least one other complement word: "Secretary
    of State Clinton" and "Chairman of the House Judiciary Committee Bob Goodlatte" are persons
    titled with the whole phrase before them. An earlier title with a name between also makes a
    person: "Rep. Steve King of Iowa" is "Steve King" (whose "King" looked like a title) and
    the place "Iowa"."""
    toks, lex = sent.tokens, ctx.lex
    first = of + 1 if toks[of].text.lower() != "the" else of
    while first < hi and toks[first].text.lower() == "the":
        first += 1
    name_lo = max(first, hi - 2)
    while name_lo < hi - 1 and _plain_word(toks[name_lo].text, ctx):
        name_lo += 1  # "of State Clinton", "of Defense Mattis"
    whole = ctx.catalog.match(ctx.words, first)
    if (first < name_lo and all(_personal_name_word(t.text, ctx) for t in toks[name_lo:hi])
            and not ctx.catalog.match(ctx.words, name_lo) and not (whole and first + whole[1] > name_lo)):
        return _titled(sent, lo, name_lo, hi, possessive, ctx)
    rest = _name_cands(sent, first, first, hi, possessive, False, ctx) if first < hi else []
    earlier = [p for p in range(lo, k) if lex.is_title(toks[p].text)]
    if earlier:
        name_lo = earlier[-1] + (2 if toks[earlier[-1] + 1].text == "." else 1)
        if name_lo < k and not any(lex.is_title(t.text) for t in toks[name_lo:k]):
            return _titled(sent, lo, name_lo, k + 1, False, ctx) + rest
    return _catalog_cands(sent, lo, of, ctx) + rest


def _plain_word(text: str, ctx: _Context) -> bool:
    """Whether a capitalised word is an ordinary word: common, or written in lower case in the
    article ("State", "Defense")."""
    word = base_word(text).lower().rstrip(".")
    return word in ctx.lex.common_words or word in ctx.lower_seen


def _personal_name_word(text: str, ctx: _Context) -> bool:
    """Whether a capitalised word can be part of a personal name: not a common word or one the
    article writes in lower case, not a title, organisation, place or thing head ("Clinton",
    "Goodlatte"; not "State", "Association")."""
    lex, word = ctx.lex, base_word(text).lower().rstrip(".")
    return not (_plain_word(text, ctx) or lex.is_title(word) or lex.is_organisation_head(word)
                or word in lex.place_heads or word in lex.thing_heads)


def _titled(sent: Sentence, lo: int, name_lo: int, hi: int, possessive: bool, ctx: _Context) -> list[_Cand]:
    """The catalogue names inside the title ``tokens[lo:name_lo]`` ("US" in "US President"),
    then the name ``tokens[name_lo:hi]`` carrying that title."""
    toks = sent.tokens
    title = sent.text[toks[lo].start - sent.start : toks[name_lo - 1].end - sent.start]
    names = _name_cands(sent, lo, name_lo, hi, possessive, True, ctx)
    for cand in names:
        cand.title = title
    return _catalog_cands(sent, lo, name_lo, ctx) + names


def _sentence_cands(sent: Sentence, ctx: _Context, acronyms: dict[str, str]) -> list[_Cand]:
    toks, lex = sent.tokens, ctx.lex
    ctx.words = [t.text for t in toks]
    initial = _initial_positions(sent)
    title_case = _is_title_case(sent, lex)
    runs = _runs(toks, lex, ctx.alone)
    if title_case:  # headlines: keep only words with evidence
        split = []
        for lo, hi in runs:
            k = lo
            while k < hi:
                if _evidence(toks, k, ctx):
                    m = k + 1
                    while m < hi and _evidence(toks, m, ctx):
                        m += 1
                    split.append((k, m))
                    k = m
                else:
                    k += 1
        runs = split
    cands: list[_Cand] = []
    in_run: set[int] = set()
    for lo, hi in runs:
        in_run.update(range(lo, hi))
        if (
            lo >= 1
            and hi < len(toks)
            and toks[lo - 1].text == "("
            and toks[hi].text == ")"
            and cands
        ):
            acronym = toks[lo].text
            prev = cands[-1]
            if (
                hi - lo == 1
                and acronym.isupper()
                and prev.hi == lo - 1
                and _abbreviates(acronym, prev.text)
            ):
                acronyms[name_key(acronym)] = prev.text  # "(ATACMS)" is a mention of prev
                cands.extend(_run_cands(sent, lo, hi, set(), ctx))
                continue
        cands.extend(_run_cands(sent, lo, hi, initial if not title_case else set(), ctx))
    words = ctx.words
    lowercase_starts = ctx.catalog.lowercase_starts
    k = 0
    while k < len(toks):  # lower-case aliases from an actors file ("state department")
        if k not in in_run and toks[k].text.lower() in lowercase_starts:
            found = ctx.catalog.match(words, k)
            if found and not in_run.intersection(range(k, k + found[1])):
                cands.append(
                    _Cand(
                        sent,
                        k,
                        k,
                        k + found[1],
                        _possessive_at(toks, k + found[1] - 1),
                        entry=found[0],
                    )
                )
                k += found[1]
                continue
        k += 1
    cands.sort(key=lambda c: c.lo)
    return cands


def detect_actors(
    sentences: Sequence[Sentence], *, catalog: ActorCatalog | None = None
) -> tuple[ActorMention, ...]:
    """Find actor mentions in one article's sentences.

    Parameters
    ----------
    sentences : sequence of Sentence
        The article's sentences from :func:`mediacompare.text.sentences` (tokens are reused).
    catalog : ActorCatalog, optional
        Known actors; defaults to the built-in gazetteer. Use
        :func:`~mediacompare.analysis.actors.load_actor_catalog` for a user's actors file.

    Returns
    -------
    tuple of ActorMention
        In text order; empty when the article names nobody.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> text = "The Kremlin scoffed. Spokesman Dmitry Peskov added that Kyiv would fail."
    >>> [(m.canonical, m.kind, m.group) for m in detect_actors(sentences(text))]
    [('Kremlin', 'organisation', 'Russia'), ('Dmitry Peskov', 'person', None), ('Kyiv', 'place', 'Ukraine')]
    >>> detect_actors(sentences("nothing to see here."))
    ()
    """
    lex = lexicon()
    catalog = catalog if catalog is not None else builtin_catalog()
    ctx = _Context(lex, catalog, *_article_stats(sentences, lex))
    acronyms: dict[str, str] = {}
    cands = [c for s in sentences for c in _sentence_cands(s, ctx, acronyms)]
    for cand in cands:
        cand.words = [base_word(t.text).lower() for t in cand.sent.tokens[cand.lo : cand.hi]]
        cand.key = "cat:" + cand.entry.name if cand.entry else name_key(cand.text)
        if cand.key in acronyms:
            cand.key = name_key(acronyms[cand.key])
        cand.labels = mention_labels(cand.sent, cand.run_lo, cand.lo, cand.hi, cand.possessive, lex)
    _trim_possessions(cands)
    _attach_surnames(cands, catalog)
    by_key: dict[str, list[_Cand]] = {}
    for cand in cands:
        by_key.setdefault(cand.key, []).append(cand)
    mentions = []
    for members in by_key.values():
        entry = next((c.entry for c in members if c.entry), None)
        if entry is not None:
            canonical = entry.name
        else:
            canonical = max(members, key=lambda c: (*display_preference(c.text), -c.start)).text
        kind = _group_kind(members, entry, lex)
        texts = [canonical, *(c.text for c in members)]
        if kind == "person":
            texts.append(canonical.split()[-1])
        group = entry.group if entry and entry.group else catalog.group_of(texts)
        for c in members:
            mentions.append(
                ActorMention(
                    c.text,
                    c.start,
                    c.end,
                    c.sent.index,
                    kind,
                    canonical,
                    c.title,
                    c.possessive,
                    group,
                    "catalog" if c.entry else "name",
                    c.labels,
                )
            )
    found = group_mentions(sentences, sorted(mentions, key=lambda m: (m.start, m.end)), catalog, lex)
    return nickname_mentions(sentences, nominal_mentions(sentences, found, lex), lex)
