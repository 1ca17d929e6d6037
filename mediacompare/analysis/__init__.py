"""Analysis: one article at a time.

Everything here reads one :class:`~mediacompare.model.Article` and produces its
:class:`~mediacompare.analysis.records.ArticleAnalysis`: sentence sentiment (``sentiment``),
frames (``framing/``), actors (``actors/``), quotes (``quotes/``), style (``style/``), facts
with numbers (``quantities/``) and sentiment towards actors (``targets/``). Nothing here looks
at other articles, so analysis runs in parallel (``--jobs``, Dask). This package imports
``model`` and ``text`` only, never ``comparison`` or ``report``.
"""
