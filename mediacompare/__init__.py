"""mediacompare: how do different outlets tell the same story?

Put news articles about the same events side by side and compare tone, framing, word choice,
sources and omissions, with evidence and honest statistics.

Examples
--------
>>> import mediacompare as mc
>>> cmp = mc.compare(mc.load_example())
>>> cmp.outlet_names
('Meduza', 'UK tabloid')
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ._version import __version__

# The pipeline functions are imported eagerly; their modules defer heavy imports (pandas,
# scikit-learn, NLTK) to first use, so this stays fast.
from .analysis.pipeline import AnalysisOptions, analyze, analyze_all  # noqa: E402
from .analysis.records import ArticleAnalysis, SkippedArticle  # noqa: E402
from .api import Comparison, compare  # noqa: E402
from .errors import InputError, MediaCompareError  # noqa: E402
from .ingest import Columns, load, load_example, stream  # noqa: E402
from .model import Article, Corpus, InputProblem  # noqa: E402

# Estimators and other heavier names, imported on first use.
_EXPORTS = {
    "ActorSentimentVectorizer": "mediacompare.comparison.actors.features",
    "FrameClassifier": "mediacompare.analysis.framing.classifier",
    "FrameVectorizer": "mediacompare.analysis.framing.features",
    "LoadedLanguageClassifier": "mediacompare.analysis.loaded.classifier",
    "SentimentVectorizer": "mediacompare.analysis.sentiment",
    "StyleVectorizer": "mediacompare.analysis.style.vectorizer",
    "TargetSentimentClassifier": "mediacompare.analysis.targets.classifier",
    "TermCountTfidf": "mediacompare.comparison.similarity",
    "VaderAnalyzer": "mediacompare.analysis.vader",
}

__all__ = [
    "ActorSentimentVectorizer",
    "AnalysisOptions",
    "Article",
    "ArticleAnalysis",
    "Columns",
    "Comparison",
    "Corpus",
    "FrameClassifier",
    "FrameVectorizer",
    "InputError",
    "InputProblem",
    "LoadedLanguageClassifier",
    "MediaCompareError",
    "SentimentVectorizer",
    "SkippedArticle",
    "StyleVectorizer",
    "TargetSentimentClassifier",
    "TermCountTfidf",
    "VaderAnalyzer",
    "__version__",
    "analyze",
    "analyze_all",
    "compare",
    "load",
    "load_example",
    "stream",
]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'mediacompare' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover
    from .analysis.framing.classifier import FrameClassifier
    from .analysis.framing.features import FrameVectorizer
    from .analysis.loaded.classifier import LoadedLanguageClassifier
    from .analysis.sentiment import SentimentVectorizer
    from .analysis.style.vectorizer import StyleVectorizer
    from .analysis.targets.classifier import TargetSentimentClassifier
    from .comparison.actors.features import ActorSentimentVectorizer
    from .comparison.similarity import TermCountTfidf
    from .analysis.vader import VaderAnalyzer
