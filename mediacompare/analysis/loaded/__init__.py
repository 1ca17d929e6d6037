"""Loaded language: which sentences use biased wording, and which words make them so.

>>> from mediacompare.analysis.loaded import LoadedLanguageClassifier
>>> clf = LoadedLanguageClassifier.pretrained()
>>> clf.predict(["Critics slammed the shameful, disastrous scheme."]).tolist()
[1]
"""

from __future__ import annotations

from .classifier import LoadedLanguageClassifier
from .lexicon import LoadedLexicon, loaded_lexicon

__all__ = ["LoadedLanguageClassifier", "LoadedLexicon", "loaded_lexicon"]
