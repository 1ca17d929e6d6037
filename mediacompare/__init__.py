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

__version__ = "0.1.0"

# The pipeline functions are imported eagerly: they share their names with their modules
# (`mediacompare.compare` the function must win over the submodule), and their modules defer
# heavy imports (pandas, scikit-learn, NLTK) to first use, so this stays fast.
from .analyze import AnalysisOptions, analyze, analyze_all  # noqa: E402
from .compare import Comparison, compare  # noqa: E402
from .errors import InputError, MediaCompareError  # noqa: E402
from .ingest import Columns, load, load_example  # noqa: E402
from .model import Article, ArticleAnalysis, Corpus, InputProblem  # noqa: E402

# Estimators and other heavier names, imported on first use.
_EXPORTS = {
    "ActorSentimentVectorizer": "mediacompare.actors.features",
    "FrameClassifier": "mediacompare.framing.classifier",
    "FrameVectorizer": "mediacompare.framing.features",
    "SentimentVectorizer": "mediacompare.sentiment",
    "StyleVectorizer": "mediacompare.style.vectorizer",
    "TargetSentimentClassifier": "mediacompare.targets.classifier",
    "TermCountTfidf": "mediacompare.vectorize",
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
    "MediaCompareError",
    "SentimentVectorizer",
    "StyleVectorizer",
    "TargetSentimentClassifier",
    "TermCountTfidf",
    "__version__",
    "analyze",
    "analyze_all",
    "compare",
    "load",
    "load_example",
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
    from .actors.features import ActorSentimentVectorizer
    from .framing.classifier import FrameClassifier
    from .framing.features import FrameVectorizer
    from .sentiment import SentimentVectorizer
    from .style.vectorizer import StyleVectorizer
    from .targets.classifier import TargetSentimentClassifier
    from .vectorize import TermCountTfidf
