"""Unique article ids (``ingest.metadata.IdAllocator``): the same ids as a set of the strings
would give, before and after its digests are merged into the sorted array."""

from __future__ import annotations

import random

import pytest

from mediacompare.ingest.metadata import IdAllocator


def _reference(wanted: list[str]) -> list[str]:
    """The allocator as it was: every id kept as a string in a set."""
    taken: set[str] = set()
    following: dict[str, int] = {}
    out = []
    for w in wanted:
        chosen, n = w, following.get(w, 2)
        while chosen in taken:
            chosen, n = f"{w}-{n}", n + 1
        if chosen != w:
            following[w] = n
        taken.add(chosen)
        out.append(chosen)
    return out


@pytest.mark.parametrize("merge_every", [1, 3, 64, IdAllocator.MERGE_EVERY])
def test_same_ids_as_a_set_of_strings(monkeypatch, merge_every):
    monkeypatch.setattr(IdAllocator, "MERGE_EVERY", merge_every)
    rng = random.Random(7)
    # many repeats, ids that look like the suffixes ("a-2"), and non-ASCII / surrogate text
    pool = ["a", "a-2", "a-2-2", "b", "ü", "\ud800", "story", "story-3", ""] + [f"id{i}" for i in range(40)]
    wanted = [rng.choice(pool) for _ in range(500)]
    ids = IdAllocator()
    got = [ids.take(w) for w in wanted]
    assert got == _reference(wanted)
    assert len(set(got)) == len(got)


def test_merged_digests_are_found_again(monkeypatch):
    monkeypatch.setattr(IdAllocator, "MERGE_EVERY", 4)
    ids = IdAllocator()
    for i in range(10):
        ids.take(f"x{i}")
    assert ids._merged is not None and len(ids._merged) == 8  # two merges, two ids pending
    assert [ids.take(f"x{i}") for i in (0, 5, 9)] == ["x0-2", "x5-2", "x9-2"]
