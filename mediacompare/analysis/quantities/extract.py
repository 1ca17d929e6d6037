"""Find numbers with units in an article's sentences (one pass over each sentence's tokens).

Examples
--------
>>> from mediacompare.text import sentences
>>> text = "A target at a distance of 700 kilometers (or more than 400 miles) was hit in August."
>>> for q in extract_quantities(sentences(text)):
...     print(q.kind, round(q.value, 1), q.unit, repr(q.text), q.subject, q.qualifier)
distance 700.0 km '700 kilometers' distance None
distance 643.7 km '400 miles' None more than
date 800.0 date 'August' None None
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Sentence
from .records import Quantity
from .vocabulary import (
    _CODES,
    _CURRENCY_WORDS,
    _DATE_PREPS,
    _DAYS,
    _DIGITS,
    _DIGITS_SUFFIX,
    _DISTANCES,
    _DOLLAR_ADJECTIVES,
    _DOLLAR_PREFIX,
    _FUNCTION,
    _GENERIC_ADJ,
    _LABELS,
    _MAX_QUALIFIER,
    _MONEY_SUFFIX,
    _MONTHS,
    _NOT_SUBJECT,
    _PHONE_WORDS,
    _PLURALS,
    _QUALIFIER_WORDS,
    _SCALES,
    _SKIP_BACK,
    _SMALL,
    _SYMBOLS,
    _THOUSANDS,
    _TIME_SUFFIX,
    _WORD_SCALES,
)

__all__ = ["extract_quantities"]

_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that"])
#: Abbreviated units of rates (no kind of their own here): "90 mph" is not a count of "mph".
_RATE_UNITS = frozenset(["mph", "kph", "kmh", "mpg", "rpm", "bpm"])
#: Fraction words after a number ("two-thirds", "one quarter"): a share, not a count.
_FRACTIONS = frozenset(
    ["half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
     "tenths"]
)
_DECIMAL = re.compile(r"\d")
#: Words that start a spelled-out number ("a" only before "hundred", "dozen", ...).
_NUMBER_WORDS = frozenset([*_SMALL, "hundred", "dozen", *_WORD_SCALES])
#: Keys of the units at which a number or a date may start.
_STARTS = frozenset([*_NUMBER_WORDS, *_MONTHS, "a", "an"])
_NOT_BEFORE_ONE = frozenset(
    ["no", "any", "every", "each", "the", "this", "that", "which", "only", "someone", "anyone"]
)


@dataclass(slots=True)
class _U:
    text: str
    key: str
    start: int
    end: int
    joined: bool  # part of the same token as the previous unit
    num: float | None


def _digit_value(text: str) -> float | None:
    if not _DIGITS.match(text):
        return None
    if "," in text:
        if not _THOUSANDS.match(text):
            return None  # "2,5" or "1,23": not an English number
        text = text.replace(",", "")
    if text.count(".") > 1:
        return None
    return float(text)


def _may_hold_quantity(lowered: str) -> bool:
    """Whether a sentence may hold a number or a date, from its lower-cased token texts
    joined by newlines: a cheap test that lets most sentences skip unit building."""
    if _DECIMAL.search(lowered):
        return True
    words = lowered.replace("-", "\n").split("\n")  # tokens and the parts of hyphenated ones
    return not (_NUMBER_WORDS.isdisjoint(words) and _MONTHS.keys().isdisjoint(words))


def _units(sentence: Sentence, texts: list[str], keys: list[str]) -> list[_U]:
    """The units of a sentence: its tokens, with hyphenated words split into their parts
    and digits split from a letter suffix ("10km")."""
    out: list[_U] = []
    for tok, text, key in zip(sentence.tokens, texts, keys):
        if text and "-" not in text and not text[:1].isdecimal():  # most tokens: as they are
            out.append(_U(text, key, tok.start, tok.start + len(text), False, None))
            continue
        parts = text.split("-") if tok.is_word and "-" in text else [text]
        pos = tok.start
        for n, part in enumerate(parts):
            if part:
                m = _DIGITS_SUFFIX.match(part)
                if m:
                    num, suffix = m.group(1), m.group(2)
                    out.append(_U(num, num, pos, pos + len(num), n > 0, _digit_value(num)))
                    out.append(_U(suffix, suffix.lower(), pos + len(num), pos + len(part), True, None))
                else:
                    out.append(_U(part, part.lower().replace("’", "'"), pos, pos + len(part), n > 0,
                                  _digit_value(part)))
            pos += len(part) + 1
    return out


def _is_word(u: _U) -> bool:
    return u.key.isalpha()


def _number(us: list[_U], i: int) -> tuple[float, int, bool] | None:
    """(value, index after the number, spelled-out?) for a number starting at ``i``."""
    u = us[i]
    if u.num is not None:
        j = i + 1
        value = u.num
        if j < len(us) and us[j].key == "hundred":
            value, j = value * 100, j + 1
        if j < len(us) and us[j].key in _SCALES:
            value, j = value * _SCALES[us[j].key], j + 1
        return value, j, False
    key = u.key
    total = current = 0.0
    j = i
    if key in ("a", "an"):
        if i + 1 < len(us) and us[i + 1].key in ("hundred", "thousand", "million", "billion", "dozen"):
            current, j = 1.0, i + 1
        else:
            return None
    seen = False
    while j < len(us):
        k = us[j].key
        if k in _SMALL:
            current += _SMALL[k]
        elif k == "hundred":
            current = (current or 1.0) * 100
        elif k == "dozen":
            current = (current or 1.0) * 12
        elif k in _WORD_SCALES:
            total += (current or 1.0) * _WORD_SCALES[k]
            current = 0.0
        elif (k == "and" and seen and j + 1 < len(us) and us[j + 1].key in _SMALL
              and (us[j - 1].key == "hundred" or us[j - 1].key in _WORD_SCALES)):
            # "one hundred and five", not "between two and four"
            pass
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j, True


def _qualifier(us: list[_U], start: int) -> tuple[str | None, int]:
    for size in range(_MAX_QUALIFIER, 0, -1):
        if start - size < 0:
            continue
        words = tuple(us[k].key for k in range(start - size, start))
        if words in _QUALIFIER_WORDS:
            return _QUALIFIER_WORDS[words], start - size
    return None, start


def _plural(word: str) -> bool:
    return word in _PLURALS or (len(word) > 3 and word.endswith("s")
                                and not word.endswith(("ss", "us", "is", "ous")))


def _count_head(us: list[_U], j: int) -> str | None:
    """Head noun of the phrase after a number ("1,600 strike and air defence missiles")."""
    words: list[str] = []
    k = j
    while k < len(us) and len(words) < 6:
        u = us[k]
        if u.key in ("and", "or") and words:
            rest = []
            m = k + 1
            while m < len(us) and _is_word(us[m]) and us[m].key not in _FUNCTION:
                rest.append(us[m].key)
                m += 1
            if len(rest) >= 2 and _plural(rest[-1]):
                return rest[-1]
            break
        if not _is_word(u) or u.key in _FUNCTION or u.num is not None:
            break
        words.append(u.key)
        if _plural(u.key):
            return u.key
        k += 1
    if (words and not words[0].endswith(("ed", "ing", "ly")) and words[0] not in _MONTHS
            and words[0] not in _RATE_UNITS):
        return words[0]
    return None


def _np_after(us: list[_U], j: int) -> str | None:
    words: list[str] = []
    k = j
    while k < len(us) and us[k].key in _DETERMINERS:
        k += 1
    while k < len(us) and len(words) < 2:
        u = us[k]
        if not _is_word(u) or u.key in _FUNCTION or u.key in _MONTHS:
            break
        if u.key not in _GENERIC_ADJ or words:
            words.append(u.key)
        k += 1
    return " ".join(words) or None


def _np_before(us: list[_U], i: int) -> str | None:
    k = i - 1
    skipped = 0
    while k >= 0 and us[k].key in _SKIP_BACK and skipped < 3:
        k, skipped = k - 1, skipped + 1
    words: list[str] = []
    while k >= 0 and len(words) < 2:
        u = us[k]
        if (not _is_word(u) or u.joined and k > 0 and us[k - 1].num is not None
                or u.key in _FUNCTION or u.key in _MONTHS or u.key in _SKIP_BACK or u.key.endswith("ly")):
            break
        if u.key not in _GENERIC_ADJ:
            words.insert(0, u.key)
        k -= 1
    return " ".join(words) or None


def _compound_noun(us: list[_U], j: int) -> bool:
    """Whether ``us[j]`` is the noun a hyphenated measure modifies ("186-mile-range", "six-month delay")."""
    if j >= len(us) or not _is_word(us[j]) or us[j].key in _NOT_SUBJECT or us[j].key in _FUNCTION:
        return False
    return us[j].joined or us[j - 1].joined


def _currency_before(us: list[_U], i: int) -> tuple[str | None, int]:
    if i >= 1 and us[i - 1].key in _SYMBOLS:
        code, k = _SYMBOLS[us[i - 1].key], i - 1
        if us[k].key == "$" and k >= 1 and us[k - 1].end == us[k].start and us[k - 1].key in _DOLLAR_PREFIX:
            code, k = _DOLLAR_PREFIX[us[k - 1].key], k - 1
        return code, k
    if i >= 1 and us[i - 1].key in _CODES and us[i - 1].text.isupper():
        return us[i - 1].key.upper(), i - 1
    return None, i


def _date_at(us: list[_U], i: int) -> tuple[float, int, int] | None:
    """(yyyymmdd, first unit, unit after) for a month name at ``i``."""
    u = us[i]
    month = _MONTHS.get(u.key)
    if month is None or not u.text[:1].isupper():
        return None
    first, j, day, year = i, i + 1, 0, 0
    k = i - 1
    if k >= 0 and us[k].key == "of":
        k -= 1
    if k >= 0 and us[k].key in ("th", "st", "nd", "rd") and us[k].joined:
        k -= 1
    before = us[k].num if k >= 0 else None
    after = us[j].num if j < len(us) else None
    if before is not None and 1 <= before <= 31 and before.is_integer():
        day, first = int(before), k
    elif after is not None and 1 <= after <= 31 and after.is_integer():
        day, j = int(after), j + 1
        if j < len(us) and us[j].key in ("th", "st", "nd", "rd") and us[j].joined:
            j += 1
    if j + 1 < len(us) and us[j].key == "," and day and _year(us[j + 1]):
        j += 1
    if j < len(us) and _year(us[j]):
        year, j = int(us[j].num or 0), j + 1  # _year: num is a year, never None
    if u.key in ("may", "march") and not (day or year or (i > 0 and us[i - 1].key in _DATE_PREPS)):
        return None
    return float(year * 10000 + month * 100 + day), first, j


def _year(u: _U) -> bool:
    return u.num is not None and u.text.isdigit() and len(u.text) == 4 and 1800 <= u.num <= 2100


def _slashed(us: list[_U], i: int, j: int) -> bool:
    """Whether the number ``us[i:j]`` touches a slash ("40/29 News", "24/7", "9/11", "3/4"):
    a name, date or fraction, not a figure."""
    before = i > 0 and us[i - 1].key == "/" and us[i - 1].end == us[i].start
    after = j < len(us) and us[j].key == "/" and us[j].start == us[j - 1].end
    return before or after


@dataclass(frozen=True)
class _Number:
    """A number found at units ``i:j`` with what stands before it (currency, qualifier)."""

    value: float
    i: int
    j: int
    spelled: bool
    first: int  # the first unit of the figure (its currency sign, if any)
    currency: str | None
    qualifier: str | None


#: (kind, value, unit, currency, first unit, last unit, subject, qualifier), next unit index
_Found = tuple[tuple[str, float, str, str | None, int, int, str | None, str | None], int]


def _not_a_figure(us: list[_U], i: int, j: int, value: float, spelled: bool) -> bool:
    """Numbers that are parts of names, times, ordinals, phone numbers, fractions or "one"."""
    n = len(us)
    u = us[i]
    prev = us[i - 1] if i else None
    nxt = us[j] if j < n else None
    if (
        (u.joined and prev is not None and prev.key != "mid"
         and (prev.key.isalpha() or prev.num is not None))
        or (nxt is not None and nxt.joined and nxt.num is not None)
        or (prev is not None and prev.key in _LABELS)
        or (nxt is not None and nxt.key in _TIME_SUFFIX and nxt.joined)
        or (nxt is not None and nxt.key in ("am", "pm", "gmt", "bst", "utc"))
        or (nxt is not None and nxt.key in _MONTHS and nxt.text[:1].isupper())
        or (nxt is not None and nxt.key in ("th", "st", "nd", "rd"))
        or (nxt is not None and nxt.key in _PHONE_WORDS)
        or _slashed(us, i, j)
        or (nxt is not None and nxt.key in _FRACTIONS)
    ):
        return True
    return spelled and value == 1 and u.key == "one" and (
        (prev is not None and prev.key in _NOT_BEFORE_ONE)
        or (nxt is not None and nxt.key in ("of", "another", "day", "side", "point"))
    )


def _money(us: list[_U], f: _Number) -> _Found | None:
    n, j, value, currency = len(us), f.j, f.value, f.currency
    prev = us[f.i - 1] if f.i else None
    nxt = us[j] if j < n else None
    nkey = nxt.key if nxt is not None else ""
    if currency is None and nxt is not None and nkey in _CODES and nxt.text.isupper():
        currency, j = nkey.upper(), j + 1
    elif currency is None and nkey in _CURRENCY_WORDS:
        if not (nkey.startswith("pound") and j + 1 < n and us[j + 1].key == "of"):
            currency = _CURRENCY_WORDS[nkey]
            if currency == "USD" and prev is not None and prev.key in _DOLLAR_ADJECTIVES:
                currency = _DOLLAR_ADJECTIVES[prev.key]
            j += 1
    elif currency is not None and nxt is not None:
        if nkey in _MONEY_SUFFIX and (nxt.joined or nxt.text == nkey):
            value, j = value * _MONEY_SUFFIX[nkey], j + 1
        if j < n and _CURRENCY_WORDS.get(us[j].key) == currency:
            j += 1
    if currency is None:
        return None
    subject = _np_after(us, j + 1) if j < n and us[j].key in ("in", "of", "for", "on") else None
    subject = subject or _np_before(us, _qualifier(us, f.first)[1])
    return ("money", value, currency, currency, f.first, j - 1, subject, f.qualifier), j


def _percent(us: list[_U], f: _Number) -> _Found | None:
    n, j = len(us), f.j
    nkey = us[j].key if j < n else ""
    if nkey in ("%", "percent", "pc"):
        unit, j = "percent", j + 1
    elif nkey == "per" and j + 1 < n and us[j + 1].key == "cent":
        unit, j = "percent", j + 2
    elif nkey == "percentage" and j + 1 < n and us[j + 1].key in ("point", "points"):
        unit, j = "percentage point", j + 2
    else:
        return None
    q_start = _qualifier(us, f.first)[1]
    before = _np_before(us, q_start) if q_start > 0 and us[q_start - 1].key in _SKIP_BACK else None
    after = _np_after(us, j + 1) if j < n and us[j].key == "of" else None
    subject = before or after or _np_after(us, j)
    return ("percent", f.value, unit, None, f.first, j - 1, subject, f.qualifier), j


def _distance(us: list[_U], f: _Number) -> _Found | None:
    n, j = len(us), f.j
    nkey = us[j].key if j < n else ""
    if nkey == "nautical" and j + 1 < n and us[j + 1].key in ("mile", "miles"):
        km, j = 1.852, j + 2
    elif nkey in _DISTANCES and not f.spelled or nkey in _DISTANCES and nkey != "m":
        km, j = _DISTANCES[nkey], j + 1
    else:
        return None
    subject = None
    if _compound_noun(us, j):
        subject = us[j].key
    else:
        q_start = _qualifier(us, f.first)[1]
        if q_start > 0 and us[q_start - 1].key == "of":
            subject = _np_before(us, q_start - 1)
    return ("distance", f.value * km, "km", None, f.first, j - 1, subject, f.qualifier), j


def _duration(us: list[_U], f: _Number) -> _Found | None:
    n, j = len(us), f.j
    nkey = us[j].key if j < n else ""
    if nkey not in _DAYS:
        return None
    j += 1
    subject = None
    if j < n and us[j].key == "old":
        subject = "age"
        j += 1
    elif _compound_noun(us, j):
        subject = us[j].key
    elif j < n and us[j].key == "of":
        subject = _np_after(us, j + 1)
    return ("duration", f.value * _DAYS[nkey], "day", None, f.first, j - 1, subject, f.qualifier), j


def _year_or_count(us: list[_U], f: _Number) -> _Found | None:
    u, j = us[f.i], f.j
    prev = us[f.i - 1] if f.i else None
    head = _count_head(us, j)
    if not f.spelled and _year(u) and j == f.i + 1:
        counted = head is not None and _plural(head) and (
            prev is None or (_is_word(prev) and prev.key not in _DATE_PREPS and prev.key not in _FUNCTION)
        )
        if not counted:
            return ("date", f.value * 10000, "date", None, f.i, f.i, None, None), j
    # an unqualified "one" is nearly always a determiner or pronoun ("one veteran strategist
    # said", "one good shot"); "at least one strike" is a figure
    if f.spelled and f.value == 1 and u.key == "one" and f.qualifier is None:
        head = None
    if head is not None and head not in ("times", "per", "cent"):
        return ("count", f.value, "count", None, f.first, j - 1, head, f.qualifier), j
    return None


#: Tried in order on every number: the first that recognises a unit wins.
_KINDS = (_money, _percent, _distance, _duration, _year_or_count)


def _sentence_quantities(s: Sentence) -> list[Quantity]:
    texts = [tok.text for tok in s.tokens]
    lowered = "\n".join(texts).lower().replace("’", "'")
    if not _may_hold_quantity(lowered):
        return []
    keys = lowered.split("\n")
    if len(keys) != len(texts):  # a token with a newline: lower-case token by token
        keys = [text.lower().replace("’", "'") for text in texts]
    us = _units(s, texts, keys)
    found: list[Quantity] = []

    def add(kind, value, unit, currency, first, last, subject=None, qualifier=None):
        a, b = us[first].start, us[last].end
        found.append(Quantity(kind, float(value), unit, currency, s.text[a - s.start : b - s.start],
                              a, b, s.index, subject, qualifier))

    after = 0  # the unit after the last number or date read
    for i in [i for i, u in enumerate(us) if u.num is not None or u.key in _STARTS]:
        if i < after:
            continue
        date = _date_at(us, i)
        if date is not None:
            value, first, after = date
            add("date", value, "date", None, first, after - 1)
            continue
        parsed = _number(us, i)
        if parsed is None:
            continue
        value, after, spelled = parsed
        if _not_a_figure(us, i, after, value, spelled):
            continue
        currency, first = _currency_before(us, i)
        number = _Number(value, i, after, spelled, first, currency, _qualifier(us, first)[0])
        for kind in _KINDS:
            hit = kind(us, number)
            if hit is not None:
                add(*hit[0])
                after = hit[1]
                break
    return found


def extract_quantities(sentences: Sequence[Sentence]) -> tuple[Quantity, ...]:
    """Numbers with units in an article: distances, money, counts, percentages, durations, dates.

    Parameters
    ----------
    sentences : sequence of Sentence
        From :func:`mediacompare.text.sentences` (tokens are read, never re-tokenised).

    Returns
    -------
    tuple of Quantity
        In text order. Bare numbers without a unit or a counted noun, ordinals, times of day,
        labels ("Article 5"), model names ("F-16"), ranges ("10-15"), fractions ("two-thirds"),
        slashed numbers ("24/7", "40/29 News") and an unqualified spelled "one" ("one official
        said"; "at least one" is kept) are not extracted as counts.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> qs = extract_quantities(sentences(
    ...     "Sunak announced £500 million pounds in new aid, including 1,600 strike and air"
    ...     " defence missiles, and some £3 billion in 2024."))
    >>> [(q.kind, q.value, q.unit, q.subject, q.qualifier) for q in qs]
    [('money', 500000000.0, 'GBP', 'aid', None), ('count', 1600.0, 'count', 'missiles', None), ('money', 3000000000.0, 'GBP', None, 'some'), ('date', 20240000.0, 'date', None, None)]
    """
    return tuple(q for s in sentences for q in _sentence_quantities(s))
