"""Comparison: what needs the whole corpus.

Built from per-article analyses (mergeable partials: counts, sums, sentence scores):
outlet profiles and tested differences (``metrics``, ``stats/``), distinctive words
(``words``, ``self_references``), similarity (``similarity``), stories and near-duplicates
(``stories``), sentence alignment and coverage (``alignment``, ``coverage``), actors across
outlets (``actors/``), quotes (``quotes``) and figures (``quantities``). ``pipeline`` runs it
all and returns plain records (``records``). This package never imports ``report``.
"""
