"""A guard for user-supplied regular expressions (custom frame files).

Python's ``re`` backtracks: a nested repetition such as ``(a+)+$`` takes exponential time on
a near-miss, and a frame file is run against every sentence of every article. Rather than
run such a pattern with a timeout (not possible for ``re`` in-process), :func:`check_pattern`
rejects, before any text is read, the constructions that cause catastrophic backtracking:

* a repetition (``*``, ``+``, ``{m,n}`` with n > 1) inside an unbounded repetition (``*``,
  ``+``, ``{m,}``, or ``{m,n}`` with n > :data:`MAX_BOUNDED_REPEAT`);
* alternatives (``a|b``) inside an unbounded repetition, such as ``(a|aa)+``;
* two unbounded repetitions of the same thing in a row (``a*a*``);
* backreferences (``\\1``, ``(?P=name)``), which no linear-time engine supports;
* patterns longer than :data:`MAX_PATTERN_LENGTH` characters.

Alternations of words (``\\b(?:tax|taxes)\\b``), character classes, bounded optional parts
and lookarounds are fine. The rule is conservative: a safe nested repeat such as
``(?: [A-Z][a-z]+)*`` is refused too; write a bounded one (``(?: [A-Z][a-z]+){0,3}``) instead.

Examples
--------
>>> check_pattern(r"\\bgun (?:control|laws?)\\b")
>>> check_pattern(r"(a+)+$")
Traceback (most recent call last):
ValueError: a repetition inside a repetition (such as (a+)+) can take exponential time; rewrite it without the nested repeat
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants
    import sre_parse

__all__ = ["MAX_PATTERN_LENGTH", "check_pattern"]

#: An outer repeat bounded by at most this many may contain another repeat.
MAX_BOUNDED_REPEAT = 5
#: Longer user patterns are refused (a frame cue is a phrase, not a program).
MAX_PATTERN_LENGTH = 500

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
_BACKREFS = {sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS}


def _unbounded_body(op, arg) -> str | None:
    if op in _REPEATS and arg[1] is sre_constants.MAXREPEAT:
        return repr(arg[2])
    return None


def _walk(items, inside_repeat: bool) -> None:
    bodies = [_unbounded_body(op, arg) for op, arg in items]
    for before, after in zip(bodies, bodies[1:]):
        if before is not None and before == after:  # a*a*, \s+\s*: n ways to split each run
            raise ValueError(
                "two unbounded repeats of the same thing in a row (such as a*a*) can take "
                "polynomial time; write one repeat"
            )
    for op, arg in items:
        if op in _BACKREFS:
            raise ValueError("backreferences (\\1, (?P=name)) are not allowed in frame patterns")
        if op in _REPEATS:
            low, high, sub = arg
            repeats = high is sre_constants.MAXREPEAT or high > 1
            if repeats and inside_repeat:
                raise ValueError(
                    "a repetition inside a repetition (such as (a+)+) can take exponential "
                    "time; rewrite it without the nested repeat"
                )
            # a small bounded outer repeat ({0,3}) costs at most a small power: allowed
            unbounded = high is sre_constants.MAXREPEAT or high > MAX_BOUNDED_REPEAT
            _walk(sub, inside_repeat or unbounded)
        elif op is sre_constants.SUBPATTERN:
            _walk(arg[-1], inside_repeat)
        elif op is sre_constants.BRANCH:
            if inside_repeat:  # (a|aa)+, (a|a)*: the alternatives can split a text many ways
                raise ValueError(
                    "alternatives inside a repetition (such as (a|aa)+) can take exponential "
                    "time; list the alternatives as separate patterns"
                )
            for branch in arg[1]:
                _walk(branch, inside_repeat)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _walk(arg[1], inside_repeat)
        elif op is getattr(sre_constants, "ATOMIC_GROUP", None):
            _walk(arg, inside_repeat)


def check_pattern(pattern: str) -> None:
    """Raise ``ValueError`` (with what to do) when ``pattern`` may backtrack catastrophically,
    ``re.error`` when it is not a regular expression."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"longer than {MAX_PATTERN_LENGTH} characters; split it into several patterns")
    re.compile(pattern)
    _walk(sre_parse.parse(pattern), inside_repeat=False)
