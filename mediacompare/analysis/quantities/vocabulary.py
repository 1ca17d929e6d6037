"""Word lists and patterns for :mod:`mediacompare.analysis.quantities.extract` (units, currencies, numbers)."""

# ruff: noqa: SIM905
from __future__ import annotations

import re

from ...text import BIGRAM_BREAKERS
from .records import KM_PER_MILE, QUALIFIERS

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:[.,]\d+)*)([A-Za-z]+)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")

_SMALL = {
    w: i
    for i, w in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve"
            " thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
        ).split()
    )
}
_SMALL.update(
    {
        w: 10 * (i + 2)
        for i, w in enumerate(
            ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        )
    }
)
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "tn": 1e12,
    "trn": 1e12,
    "mln": 1e6,
}
_WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONEY_SUFFIX = {"m": 1e6, "k": 1e3, "b": 1e9}
_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₹": "INR"}
_DOLLAR_PREFIX = {
    "us": "USD",
    "a": "AUD",
    "au": "AUD",
    "c": "CAD",
    "ca": "CAD",
    "hk": "HKD",
    "nz": "NZD",
    "s": "SGD",
}
_CODES = {"usd", "gbp", "eur", "rub", "uah", "jpy", "cny", "inr", "chf", "aud", "cad"}
_CURRENCY_WORDS = {
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "hryvnas": "UAH",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "franc": "CHF",
    "francs": "CHF",
}
_DOLLAR_ADJECTIVES = {"australian": "AUD", "canadian": "CAD", "us": "USD", "american": "USD"}
_DISTANCES = {
    "km": 1.0,
    "kms": 1.0,
    "kilometre": 1.0,
    "kilometres": 1.0,
    "kilometer": 1.0,
    "kilometers": 1.0,
    "mile": KM_PER_MILE,
    "miles": KM_PER_MILE,
    "mi": KM_PER_MILE,
    "metre": 1e-3,
    "metres": 1e-3,
    "meter": 1e-3,
    "meters": 1e-3,
    "m": 1e-3,
}
_DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 365.2425 / 12,
    "year": 365.2425,
    "decade": 3652.425,
    "century": 36524.25,
}
_DAYS.update({k + "s": v for k, v in list(_DAYS.items())})
_DAYS["centuries"] = _DAYS["century"]
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split()
    )
}
_MONTHS.update({"sept": 9})
_DATE_PREPS = frozenset(
    (
        "in since by until till from of on during early late mid last next before after between"
    ).split()
)
_LABELS = frozenset(
    (
        "no number article section chapter page flight resolution route channel room"
        " platform phase version paragraph clause item bill unit level tier grade"
        " category stage gate pier terminal road highway"
    ).split()
)
_TIME_SUFFIX = frozenset(
    {"am", "pm", "gmt", "bst", "utc", "cet", "msk", "th", "st", "nd", "rd", "s"}
)
_FUNCTION = BIGRAM_BREAKERS | frozenset(
    (
        "into onto over under about around after before during since per across"
        " against among between through while if up down out off also only just even"
        " more most less least each every all both some any such other another same"
        " own very now then here too again ago yet still already later earlier today"
        " yesterday tomorrow"
    ).split()
)
#: Words after which a number is a phone or emergency number, not a count ("911 call").
_PHONE_WORDS = frozenset("call calls caller dispatcher operator line hotline number".split())
_GENERIC_ADJ = frozenset(
    (
        "new more additional extra further fresh total current annual overall some"
        " other latest first last"
    ).split()
)
_PLURALS = frozenset(
    (
        "people children men women police personnel staff troops aircraft cattle"
        " sheep fish feet teeth mice data media criteria crew infantry livestock"
        " militia"
    ).split()
)
_SKIP_BACK = frozenset(
    (
        "to by at of from around with worth is was were are be been being has have"
        " had will would reached totalled totaled totalling stood stands rose fell"
        " risen fallen increase increased increases decrease decreased cut cuts raise"
        " raised boost boosted reach reaches hit hits grew grown set put valued"
        " estimated priced cost costs costing paid spent earned made lost won sold"
        " bought received given gave got offered announced pledged promised allocated"
        " approved owes owed fined saved"
    ).split()
) | {","}
_NOT_SUBJECT = frozenset(
    ("away long wide high deep tall old ago later earlier before after yesterday today").split()
)
_QUALIFIER_WORDS = {tuple(k.split()): k for k in QUALIFIERS}
_MAX_QUALIFIER = max(len(k) for k in _QUALIFIER_WORDS)
