"""Per-article analysis and its execution: serial, worker processes, or Dask.

:func:`analyze` looks at one article only — no corpus state — which is what lets
:func:`analyze_all` run it in parallel (``jobs`` processes, or a Dask cluster) with results
identical to a serial run.

:func:`analyze_batch` is the unit every backend runs: each article is analysed on its own, and
only the two classifiers that pay per call (loaded language, actor sentiment) score the whole
batch's sentences and mentions in one call, row by row, so the results are those of
:func:`analyze`.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from .._collector import collector_paused
from ..errors import ConfigError
from ..model import Article, Sentence
from ..text import ngram_counts, sentences
from .actors.model import ActorMention
from .records import (
    AnyAnalysis, ArticleAnalysis, ArticleSentiment, SentimentScores, SkippedArticle, TargetSentiment,
)

if TYPE_CHECKING:
    from .actors.references import ActorReference
    from .framing.records import ArticleFrames
    from .loaded.score import LoadedLanguage
    from .quotes.model import Quote

__all__ = ["AnalysisOptions", "analyze", "analyze_all", "analyze_batch", "analyze_chunks", "analyze_safely"]

BACKENDS = ("auto", "serial", "processes", "dask")
_T = TypeVar("_T")
#: Articles whose classifier calls are batched together in a serial run (see
#: :func:`analyze_batch`); worker tasks are batches of their own.
BATCH = 32


@dataclass(frozen=True)
class AnalysisOptions:
    """Options that change what per-article analysis computes (picklable for worker processes).

    Parameters
    ----------
    frames_file : str, optional
        A TOML file of custom frames (see ``docs/frames.md``), scored besides the built-in ones.
    frame_model : str, optional
        A model written by ``mediacompare train-frames``; its per-article probabilities are
        reported beside the lexicon frames.
    actors_file : str, optional
        A TOML file of actors with aliases and groups (see ``docs/actors.md``).
    loaded_model : str, optional
        A folder written by ``LoadedLanguageClassifier.save()``, used instead of the shipped
        loaded-language model.
    """

    frames_file: str | None = None
    frame_model: str | None = None
    actors_file: str | None = None
    loaded_model: str | None = None


@lru_cache(maxsize=8)
def _codebook(path: str | None):
    if path is None:
        return None
    from .framing import load_codebook

    return load_codebook(path)


@lru_cache(maxsize=8)
def _frame_model(path: str | None):
    if path is None:
        return None
    from .framing import FrameClassifier

    return FrameClassifier.load(path)


@lru_cache(maxsize=8)
def _loaded_model(path: str | None):
    if path is None:
        return None
    from .loaded import LoadedLanguageClassifier

    return LoadedLanguageClassifier.load(path)


@lru_cache(maxsize=8)
def _actor_catalog(path: str | None):
    if path is None:
        return None
    from .actors import load_actor_catalog

    return load_actor_catalog(path)


def _frame_model_scores(model, sents, frames) -> dict[str, float]:
    """Probabilities of the user's trained frame classifier (reusing sentences and frames)."""
    if model is None:
        return {}
    from .framing.classifier import analyse_document

    row = model.predict_proba_analysed([analyse_document(sents, frames)])[0]
    return {str(k): float(v) for k, v in zip(model.labels_, row)}


def _headline_quotes(title: str | None, options: AnalysisOptions):
    """Attributions in the headline ("Ukraine admits …"), kept apart from the body's quotes."""
    if not title:
        return ()
    from .actors import detect_actors
    from .quotes import extract_quotes

    sents = sentences(title)
    return extract_quotes(title, sents, detect_actors(sents, catalog=_actor_catalog(options.actors_file)))


@dataclass(frozen=True)
class _Draft:
    """An article's analysis before the batch-scored parts (loaded language, actor sentiment)."""

    article: Article
    sentences: tuple[Sentence, ...]
    sentiment: tuple[SentimentScores, ...]
    summary: ArticleSentiment
    mentions: tuple[ActorMention, ...]
    references: tuple[ActorReference, ...]
    quotes: tuple[Quote, ...]
    frames: ArticleFrames


def _draft(article: Article, options: AnalysisOptions) -> _Draft | SkippedArticle:
    """Everything of one article that needs no batch-wide classifier call."""
    from . import sentiment
    from .actors import detect_actors
    from .actors.references import link_references, with_reference_labels
    from .framing import score_frames
    from .quotes import extract_quotes

    sents = sentences(article.text)
    if not article.is_english:
        return SkippedArticle(
            article=article,
            skipped_reason=(
                f"language looks like '{article.language}', not English: "
                "not scored with the English lexicons"
            ),
            sentences=sents,
            word_count=sum(1 for s in sents for t in s.tokens if t.is_word),
        )
    scores = sentiment.score_sentences(sents)
    mentions = detect_actors(sents, catalog=_actor_catalog(options.actors_file))
    quotes = extract_quotes(article.text, sents, mentions)
    references = link_references(sents, mentions, quotes)  # a quote's "he" is not its speaker
    return _Draft(
        article=article,
        sentences=sents,
        sentiment=scores,
        summary=sentiment.summarize(sents, scores, headline=article.title),
        mentions=with_reference_labels(mentions, references),
        references=references,
        quotes=quotes,
        frames=score_frames(sents, title=article.title, codebook=_codebook(options.frames_file)),
    )


def _score_drafts(
    drafts: Sequence[_Draft], options: AnalysisOptions
) -> tuple[list[LoadedLanguage], list[tuple[TargetSentiment, ...]]]:
    """Loaded language and actor sentiment of many drafts, one classifier call each."""
    from .loaded.score import score_loaded_many
    from .targets.mentions import score_mentions_many

    loaded = score_loaded_many([d.sentences for d in drafts], _loaded_model(options.loaded_model))
    actor_sentiment = score_mentions_many(
        [(d.sentences, [(m.start, m.end) for m in d.mentions]) for d in drafts])
    return loaded, actor_sentiment


def _finish(
    draft: _Draft, loaded: LoadedLanguage, actor_sentiment: tuple[TargetSentiment, ...],
    options: AnalysisOptions,
) -> ArticleAnalysis:
    """The complete analysis of a draft, given its batch-scored parts."""
    from .quantities import extract_quantities
    from .style import score_style

    article, sents, summary, quotes = draft.article, draft.sentences, draft.summary, draft.quotes
    return ArticleAnalysis(
        article=article,
        sentences=sents,
        sentence_sentiment=draft.sentiment,
        sentiment=summary,
        term_counts=ngram_counts(sents),
        word_count=summary.tone.word_count,
        frames=draft.frames,
        frame_model_scores=_frame_model_scores(
            _frame_model(options.frame_model), sents, draft.frames),
        actors=tuple(replace(m, sentiment=s)
                     for m, s in zip(draft.mentions, actor_sentiment, strict=True)),
        references=draft.references,
        quotes=quotes,
        headline_quotes=_headline_quotes(article.title, options),
        style=score_style(
            sents,
            title=article.title,
            title_compound=summary.headline_compound,
            body_compound_mean=summary.compound_mean,
            quoted_chars=sum(q.end - q.start for q in quotes if q.kind != "indirect"),
            loaded=loaded,
        ),
        quantities=extract_quantities(sents),
    )


def analyze(article: Article, options: AnalysisOptions | None = None) -> AnyAnalysis:
    """Analyse one article: sentences (one tokenisation pass), VADER sentiment, term counts.

    Articles that are not in English are split into sentences but not scored with the
    English lexicons: they come back as a :class:`SkippedArticle` saying why.

    Examples
    --------
    >>> a = analyze(Article(id="a", outlet="X", text="Troops advanced. Civilians were killed."))
    >>> [round(s.compound, 4) for s in a.sentence_sentiment]
    [0.25, -0.6705]
    >>> a.sentiment.negative_share
    0.5
    """
    options = options or AnalysisOptions()
    draft = _draft(article, options)
    if isinstance(draft, SkippedArticle):
        return draft
    (loaded,), (actor_sentiment,) = _score_drafts([draft], options)
    return _finish(draft, loaded, actor_sentiment, options)


def _kept(article: Article, step: Callable[..., _T], *args: Any) -> _T | SkippedArticle:
    """``step(*args)``, or when it fails, ``article`` kept unscored with the error as its reason
    (a :class:`ConfigError` — a bad frames/actors/model file — concerns every article: raised)."""
    try:
        return step(*args)
    except ConfigError:
        raise
    except Exception as error:  # noqa: BLE001 - reported per article, the rest completes
        return SkippedArticle(
            article=article,
            skipped_reason=(
                f"analysis failed ({type(error).__name__}: {error}); not scored — please "
                "report this article"
            ),
        )


def analyze_safely(article: Article, options: AnalysisOptions | None = None) -> AnyAnalysis:
    """:func:`analyze`, but an article whose analysis fails is kept, unscored, with the error
    as its ``skipped_reason``, so one bad article never stops a batch (or a worker)."""
    return _kept(article, analyze, article, options)


def analyze_batch(articles: Sequence[Article], options: AnalysisOptions | None = None) -> list[AnyAnalysis]:
    """:func:`analyze_safely` of each article, with the loaded-language and actor-sentiment
    classifiers called once for the whole batch instead of once per article.

    The results are identical to article-at-a-time analysis (every sentence and mention is
    scored on its own row); what the batch saves is the per-call overhead of featurising and
    classifying, a third of the analysis time for short articles.

    Examples
    --------
    >>> texts = ["Troops advanced.", "Critics condemned the plan."]
    >>> articles = [Article(id=t, outlet="X", title=t, text=t) for t in texts]
    >>> analyze_batch(articles) == [analyze(a) for a in articles]
    True
    """
    with collector_paused():
        return _analyze_batch(articles, options or AnalysisOptions())


def _analyze_batch(articles: Sequence[Article], options: AnalysisOptions) -> list[AnyAnalysis]:
    drafts = [_kept(article, _draft, article, options) for article in articles]
    ready = [d for d in drafts if isinstance(d, _Draft)]
    try:
        loaded, actor_sentiment = _score_drafts(ready, options)
    except ConfigError:
        raise
    except Exception:  # noqa: BLE001 - one article broke the batch call: find it the slow way
        return [analyze_safely(a, options) for a in articles]
    scored = iter(zip(loaded, actor_sentiment, strict=True))
    return [
        _kept(d.article, _finish, d, *next(scored), options) if isinstance(d, _Draft) else d
        for d in drafts
    ]


def _analyze_batch_pickled(articles: Sequence[Article], options: AnalysisOptions | None) -> bytes:
    """:func:`analyze_batch` in a worker process, its results pickled with the collector paused.

    The pool would pickle the results itself, with the collector running: its passes over the
    batch's fresh objects made pickling cost a fifth of the analysis. The parent unpickles the
    bytes (:func:`_unpickled`), also with the collector paused.
    """
    results = analyze_batch(articles, options)
    with collector_paused():
        return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(done: bytes) -> list[AnyAnalysis]:
    with collector_paused():
        results: list[AnyAnalysis] = pickle.loads(done)
    return results


def _chunks(items: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def analyze_all(
    articles: Iterable[Article],
    *,
    options: AnalysisOptions | None = None,
    jobs: int = 1,
    backend: str = "auto",
    progress: Callable[[int], None] | None = None,
) -> tuple[AnyAnalysis, ...]:
    """Analyse many articles, in input order, optionally in parallel.

    Parameters
    ----------
    articles : iterable of Article
    options : AnalysisOptions, optional
    jobs : int
        Worker processes for ``backend="processes"``; ``-1`` means one per CPU.
    backend : {"auto", "serial", "processes", "dask"}
        ``"auto"`` is serial for ``jobs == 1`` and processes otherwise. ``"dask"`` uses the
        current ``dask.distributed`` client if one exists, else the scheduler named by Dask's
        ``scheduler-address`` setting (``DASK_SCHEDULER_ADDRESS``), else Dask's process
        scheduler (install the ``dask`` extra).
    progress : callable, optional
        Called with the number of articles just finished.

    Returns
    -------
    tuple of ArticleAnalysis or SkippedArticle
        Same order as the input; identical whatever the backend.
    """
    items = list(articles)
    if backend not in BACKENDS:
        raise ConfigError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if jobs == -1 or jobs == 0:
        jobs = os.cpu_count() or 1
    if backend == "auto":
        backend = "serial" if jobs <= 1 or len(items) < 4 else "processes"
    if backend == "serial":
        results = []
        for chunk in _chunks(items, BATCH):
            results.extend(analyze_batch(chunk, options))
            if progress:
                progress(len(chunk))
        return tuple(results)
    chunks = _chunks(items, _chunk_size(len(items), jobs))
    if backend == "dask":
        return tuple(_run_dask(chunks, options, progress))
    from concurrent.futures import ProcessPoolExecutor

    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk, done in zip(chunks, pool.map(_analyze_batch_pickled, chunks, [options] * len(chunks))):
            results.extend(_unpickled(done))
            if progress:
                progress(len(chunk))
    return tuple(results)


def analyze_chunks(
    batches: Iterable[Iterable[Article]], *, options: AnalysisOptions | None = None, jobs: int = 1
) -> Iterator[tuple[AnyAnalysis, ...]]:
    """Analyse a stream of article batches, yielding each batch's results in input order.

    One pool of ``jobs`` worker processes (``-1``: one per CPU) serves every batch, started
    once, so a corpus read a chunk at a time (:func:`mediacompare.ingest.stream`) is analysed
    with memory bounded by the batch, at the speed of :func:`analyze_all` and with identical
    results.

    Examples
    --------
    >>> batches = [[Article(id="a", text="Good.", outlet="X")], [Article(id="b", text="Bad.", outlet="X")]]
    >>> [[r.article.id for r in done] for done in analyze_chunks(batches)]
    [['a'], ['b']]
    """
    if jobs == -1 or jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        for batch in batches:
            yield tuple(a for chunk in _chunks(list(batch), BATCH) for a in analyze_batch(chunk, options))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for batch in batches:
            items = list(batch)
            chunks = _chunks(items, _chunk_size(len(items), jobs))
            parts = pool.map(_analyze_batch_pickled, chunks, [options] * len(chunks))
            yield tuple(a for part in parts for a in _unpickled(part))


def _chunk_size(n: int, jobs: int) -> int:
    """Articles per task: about four tasks per worker, at most 64 articles each."""
    return max(1, min(2 * BATCH, n // (jobs * 4) or 1))


#: Seconds to wait for a Dask scheduler named by ``DASK_SCHEDULER_ADDRESS``.
DASK_CONNECT_TIMEOUT = 10


def _dask_client():
    """The current ``dask.distributed`` client, or ``None``."""
    try:
        from distributed import get_client

        return get_client()
    except (ImportError, ValueError):
        return None


def _run_dask(chunks, options, progress) -> list[AnyAnalysis]:
    """Analyse ``chunks`` on the current ``distributed`` client, else on the scheduler that
    Dask's ``scheduler-address`` setting names (``DASK_SCHEDULER_ADDRESS``), else in local
    processes. Workers receive the articles and the options; they load the lexicons and
    models from their own installed ``mediacompare``."""
    try:
        import dask
        from dask import delayed
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ConfigError(
            "the dask backend needs Dask: pip install 'mediacompare[dask]'"
        ) from error
    tasks = [delayed(analyze_batch)(chunk, options) for chunk in chunks]
    client = _dask_client()
    if client is not None:
        computed = client.compute(tasks, sync=True)
    elif address := dask.config.get("scheduler-address", None):  # DASK_SCHEDULER_ADDRESS
        from distributed import Client

        try:
            connected = Client(address, timeout=DASK_CONNECT_TIMEOUT)
        except OSError as error:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {address} ({error}); check "
                "DASK_SCHEDULER_ADDRESS or unset it to use local processes"
            ) from None
        with connected:
            computed = connected.compute(tasks, sync=True)
    else:
        computed = dask.compute(*tasks, scheduler="processes")
    results = []
    for done in computed:
        results.extend(done)
        if progress:
            progress(len(done))
    return results
