"""scikit-learn transformer: texts → per-actor mention counts and mean target sentiment."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from sklearn.base import BaseEstimator, TransformerMixin

from ...analysis.actors.catalog import ActorCatalog, builtin_catalog, name_key
from ...analysis.actors.detect import detect_actors
from ...analysis.actors.model import ActorMention
from .resolve import resolve_actors
from ...analysis.actors.userfile import load_actor_catalog

__all__ = ["ActorSentimentVectorizer"]

#: ``sentiment(items) -> labels``: items are (sentence text, start, end) with offsets into the
#: sentence; labels are -1, 0 or 1.
SentimentFn = Callable[[Sequence[tuple[str, int, int]]], Iterable[int]]


@lru_cache(maxsize=1)
def _default_sentiment() -> SentimentFn:
    from mediacompare.analysis.targets import TargetSentimentClassifier  # lazy: heavy, other module

    return TargetSentimentClassifier.pretrained().predict


def _text_of(doc: object) -> str:
    text = getattr(doc, "text", doc)
    if not isinstance(text, str):
        raise TypeError(
            f"expected article texts (str) or Article objects, got {type(doc).__name__}"
        )
    return text


class ActorSentimentVectorizer(TransformerMixin, BaseEstimator):
    """Turn articles into per-actor features: mention counts and mean target sentiment.

    Parameters
    ----------
    actors : sequence of str, optional
        Fixed actor list (canonical names or aliases). When None, ``fit`` learns the
        ``max_actors`` actors that appear in the most training articles.
    max_actors : int, default 20
        Vocabulary size when learning actors.
    min_articles : int, default 1
        Minimum number of training articles an actor must appear in to be learned.
    catalog : ActorCatalog or str or Path, optional
        Known actors (an actors-file path is loaded in ``fit``); built-in gazetteer by default.
    sentiment : callable, optional
        ``sentiment([(sentence, start, end), ...]) -> [-1|0|1, ...]``; by default the
        pretrained :class:`mediacompare.analysis.targets.TargetSentimentClassifier`.
    use_sentiment : bool, default True
        Add the ``<actor>__sentiment`` columns (mean label of the mentions, 0 when absent).

    Attributes
    ----------
    actors_ : tuple of str
        The actor ids, in column order.
    aliases_ : dict
        Name key → actor id used to map mentions to columns.

    Examples
    --------
    >>> docs = ["Vladimir Putin spoke. Putin left.", "The Kremlin denied it. Mr Putin smiled."]
    >>> vec = ActorSentimentVectorizer(max_actors=2, sentiment=lambda items: [1] * len(items))
    >>> vec.fit_transform(docs)
    array([[2., 1., 0., 0.],
           [1., 1., 1., 1.]])
    >>> list(vec.get_feature_names_out())
    ['Vladimir Putin__mentions', 'Vladimir Putin__sentiment', 'Kremlin__mentions', 'Kremlin__sentiment']
    """

    def __init__(
        self,
        actors: Sequence[str] | None = None,
        max_actors: int = 20,
        min_articles: int = 1,
        catalog: ActorCatalog | str | None = None,
        sentiment: SentimentFn | None = None,
        use_sentiment: bool = True,
    ) -> None:
        self.actors = actors
        self.max_actors = max_actors
        self.min_articles = min_articles
        self.catalog = catalog
        self.sentiment = sentiment
        self.use_sentiment = use_sentiment

    def _detect(self, docs: Iterable[object]) -> list[tuple[tuple, tuple[ActorMention, ...]]]:
        from ...text import sentences

        out = []
        for doc in docs:
            sents = sentences(_text_of(doc))
            out.append((sents, detect_actors(sents, catalog=self.catalog_)))
        return out

    def fit(self, X: Iterable[object], y: object = None) -> ActorSentimentVectorizer:
        """Learn (or fix) the actor columns from texts ``X``."""
        if isinstance(self.catalog, ActorCatalog):
            self.catalog_ = self.catalog
        elif self.catalog is not None:
            self.catalog_ = load_actor_catalog(self.catalog)
        else:
            self.catalog_ = builtin_catalog()
        aliases: dict[str, str] = {}
        if self.actors is not None:
            chosen = []
            for name in self.actors:
                entry = self.catalog_.get(name)
                actor = entry.name if entry else name
                chosen.append(actor)
                for alias in (*(entry.names if entry else ()), name, actor):
                    aliases[name_key(alias)] = actor
            self.actors_ = tuple(dict.fromkeys(chosen))
        else:
            if self.max_actors < 1 or self.min_articles < 1:
                raise ValueError("max_actors and min_articles must be at least 1")
            found = self._detect(X)
            index = resolve_actors(
                {str(i): ms for i, (_, ms) in enumerate(found)}, catalog=self.catalog_
            )
            ranked = sorted(
                (a for a in index if a.articles >= self.min_articles),
                key=lambda a: (-a.articles, -a.mentions, a.id),
            )[: self.max_actors]
            self.actors_ = tuple(a.id for a in ranked)
            for found_actor in ranked:
                for alias in (found_actor.id, *found_actor.names):
                    aliases.setdefault(name_key(alias), found_actor.id)
        surnames: dict[str, set[str]] = {}
        for actor in self.actors_:
            if len(actor.split()) >= 2:
                surnames.setdefault(name_key(actor.split()[-1]), set()).add(actor)
        for key, owners in surnames.items():
            if len(owners) == 1:
                aliases.setdefault(key, owners.pop())
        self.aliases_ = aliases
        return self

    def _column(self, mention: ActorMention) -> str | None:
        surname = mention.canonical.split()[-1] if mention.kind == "person" else mention.text
        for name in (mention.canonical, mention.text, surname):
            actor = self.aliases_.get(name_key(name))
            if actor is not None:
                return actor
        return None

    def transform(self, X: Iterable[object]):
        """Feature matrix: per actor, mentions and (optionally) mean sentiment."""
        import numpy as np
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "actors_")
        found = self._detect(X)
        col = {a: i for i, a in enumerate(self.actors_)}
        counts = np.zeros((len(found), len(self.actors_)))
        items, where = [], []
        for row, (sents, mentions) in enumerate(found):
            for m in mentions:
                actor = self._column(m)
                if actor is None:
                    continue
                counts[row, col[actor]] += 1
                s = sents[m.sentence]
                items.append((s.text, m.start - s.start, m.end - s.start))
                where.append((row, col[actor]))
        if not self.use_sentiment:
            return counts
        sums = np.zeros_like(counts)
        if items:
            labels = (self.sentiment or _default_sentiment())(items)
            for (row, c), label in zip(where, labels):
                sums[row, c] += float(label)
        means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
        out = np.empty((len(found), 2 * len(self.actors_)))
        out[:, 0::2], out[:, 1::2] = counts, means
        return out

    def get_feature_names_out(self, input_features: object = None):
        """Column names: ``<actor>__mentions`` (and ``<actor>__sentiment``)."""
        import numpy as np
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "actors_")
        names = []
        for actor in self.actors_:
            names.append(f"{actor}__mentions")
            if self.use_sentiment:
                names.append(f"{actor}__sentiment")
        return np.asarray(names, dtype=object)
