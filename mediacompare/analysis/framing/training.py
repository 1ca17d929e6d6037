"""Train a :class:`FrameClassifier` from a labelled CSV and report cross-validated scores.

The CSV (or TSV) has a text column and either one 0/1 column per frame, or one label column
holding frame names separated by ``;``, ``,`` or ``|``. Scores are per-frame precision, recall
and F1 of out-of-fold predictions (k-fold, shuffled with a fixed seed) and their macro mean;
the returned model is then fitted on all rows.

Examples
--------
>>> import tempfile, pathlib
>>> rows = ["text,conflict,economic"] + [
...     "Critics attacked the plan.,1,0", "The plan costs $2 billion.,0,1",
...     "Rivals clashed again.,1,0", "Taxes and prices rose.,0,1"] * 3
>>> path = pathlib.Path(tempfile.mkdtemp()) / "labelled.csv"
>>> _ = path.write_text("\\n".join(rows) + "\\n")
>>> result = train_frame_classifier(path, cv=3, min_df=1)
>>> result.labels, result.n_documents
(('conflict', 'economic'), 12)
>>> print(result.table().splitlines()[0])
frame        precision  recall  F1     support
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import numpy as np

from ...errors import ConfigError, InputError
from .classifier import FrameClassifier, analyse_documents

__all__ = ["LabelScore", "TrainingResult", "read_labelled", "train_frame_classifier"]

_TEXT_NAMES = ("text", "body", "content", "article", "full_text", "sentence")
_META_NAMES = {"id", "outlet", "source", "url", "title", "date", "author", "language"}
_TRUE = {"1", "true", "yes", "y", "t", "1.0"}
_FALSE = {"0", "false", "no", "n", "f", "0.0", ""}


@dataclass(frozen=True)
class LabelScore:
    """Cross-validated scores of one frame."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class TrainingResult:
    """What :func:`train_frame_classifier` returns."""

    model: FrameClassifier
    labels: tuple[str, ...]
    scores: tuple[LabelScore, ...]
    macro_f1: float
    n_documents: int
    cv: int
    text_column: str
    oof_predictions: np.ndarray

    def table(self) -> str:
        """Plain-text table of the cross-validated scores (for the terminal)."""
        width = max([len("frame"), len("macro-F1"), *(len(s.label) for s in self.scores)]) + 2
        lines = [f"{'frame':<{width}} precision  recall  F1     support"]
        for s in self.scores:
            lines.append(
                f"{s.label:<{width}} {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}"
                f"  {s.support:7d}"
            )
        lines.append(
            f"{'macro-F1':<{width}} {'':9}  {'':6}  {self.macro_f1:5.3f}  {self.n_documents:7d}"
        )
        return "\n".join(lines)


def _read_table(path: Path):
    import pandas as pd

    if not path.exists():
        raise InputError(str(path), "file not found")
    sep = "\t" if path.suffix.lower() in {".tsv", ".tab"} else ","
    try:
        frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text; save the file as UTF-8") from None
    except pd.errors.EmptyDataError:
        raise InputError(
            str(path), "the file is empty; it needs a header row and labelled rows"
        ) from None
    except pd.errors.ParserError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise InputError(
            str(path),
            f"cannot parse as {'TSV' if sep == chr(9) else 'CSV'}: {exc}",
            line=int(line.group(1)) if line else None,
        ) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise InputError(str(path), "no data rows below the header")
    return frame


def _binary(value: str) -> int | None:
    v = value.strip().lower()
    return 1 if v in _TRUE else 0 if v in _FALSE else None


def read_labelled(
    path: str | PathLike[str],
    *,
    text_column: str | None = None,
    label_columns: Sequence[str] | None = None,
    label_column: str | None = None,
) -> tuple[list[str], np.ndarray, tuple[str, ...], str]:
    """Read texts and a 0/1 label matrix from a CSV/TSV (see the module docstring).

    Returns ``(texts, Y, labels, text_column)``. Raises :class:`InputError` naming the file,
    line (header = line 1) and column for every problem.
    """
    path = Path(path)
    frame = _read_table(path)
    source = str(path)
    columns = list(frame.columns)
    if text_column is None:
        found = [c for c in columns if c.lower() in _TEXT_NAMES]
        if not found:
            raise InputError(
                source,
                f"no text column (looked for {', '.join(_TEXT_NAMES)}); "
                f"name it with --text-column (columns: {', '.join(columns)})",
                line=1,
            )
        text_column = found[0]
    elif text_column not in columns:
        raise InputError(
            source, f"text column {text_column!r} not found (columns: {', '.join(columns)})", line=1
        )
    texts = frame[text_column].tolist()
    for i, text in enumerate(texts):
        if not text.strip():
            raise InputError(
                source, f"empty {text_column!r}; fill in or remove the row", line=i + 2
            )
    if label_columns is not None and label_column is not None:
        raise ConfigError(
            "give either label columns (one 0/1 column per frame) or one label column, not both"
        )
    if label_column is not None:
        if label_column not in columns:
            raise InputError(
                source,
                f"label column {label_column!r} not found (columns: {', '.join(columns)})",
                line=1,
            )
        sets = [
            {part.strip() for part in re.split(r"[;,|]", value) if part.strip()}
            for value in frame[label_column]
        ]
        labels = tuple(sorted(set().union(*sets)))
        if not labels:
            raise InputError(source, f"label column {label_column!r} holds no frame names")
        Y = np.array([[int(label in s) for label in labels] for s in sets], dtype=int)
    else:
        if label_columns is None:
            candidates = [c for c in columns if c != text_column and c.lower() not in _META_NAMES]
            label_columns = [c for c in candidates if all(_binary(v) is not None for v in frame[c])]
            if not label_columns:
                raise InputError(
                    source,
                    "no 0/1 label columns found; name them with --label-columns "
                    "or give one --label-column with frame names",
                    line=1,
                )
        missing = [c for c in label_columns if c not in columns]
        if missing:
            raise InputError(
                source,
                f"label column {missing[0]!r} not found (columns: {', '.join(columns)})",
                line=1,
            )
        labels = tuple(label_columns)
        Y = np.zeros((len(frame), len(labels)), dtype=int)
        for j, column in enumerate(labels):
            for i, value in enumerate(frame[column]):
                b = _binary(value)
                if b is None:
                    raise InputError(
                        source,
                        f"column {column!r} must hold 0/1 (or true/false, yes/no), got {value!r}",
                        line=i + 2,
                    )
                Y[i, j] = b
    for j, label in enumerate(labels):
        positives = int(Y[:, j].sum())
        if positives == 0 or positives == len(Y):
            kind = "positive" if positives == 0 else "negative"
            raise InputError(
                source,
                f"frame {label!r} has no {kind} rows; every frame needs examples "
                "with and without it",
            )
    return texts, Y, labels, text_column


def train_frame_classifier(
    csv_path: str | PathLike[str],
    *,
    text_column: str | None = None,
    label_columns: Sequence[str] | None = None,
    label_column: str | None = None,
    cv: int = 5,
    random_state: int = 0,
    **params: object,
) -> TrainingResult:
    """Train a multi-label frame classifier and cross-validate it.

    Parameters
    ----------
    csv_path : str or path-like
        Labelled CSV/TSV (UTF-8, header row).
    text_column, label_columns, label_column : optional
        Which columns hold the text and the labels (see :func:`read_labelled`); guessed when
        omitted.
    cv : int, default 5
        Number of folds (shuffled, seeded by ``random_state``).
    **params
        Passed to :class:`FrameClassifier` (``C``, ``min_df``, ``frame_weight`` ...).

    Raises
    ------
    InputError
        The CSV cannot be used (file, line and column named).
    ConfigError
        Invalid ``cv`` or classifier parameters.
    """
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import KFold

    if not isinstance(cv, int) or isinstance(cv, bool) or cv < 2:
        raise ConfigError(f"cv must be a whole number >= 2, got {cv!r}")
    texts, Y, labels, text_column = read_labelled(
        csv_path, text_column=text_column, label_columns=label_columns, label_column=label_column
    )
    if len(texts) < cv:
        raise ConfigError(f"cv={cv} needs at least {cv} labelled rows; the file has {len(texts)}")
    try:
        template = FrameClassifier(labels=labels, **params)  # type: ignore[arg-type]
    except TypeError as exc:
        raise ConfigError(f"invalid classifier option: {exc}") from None
    docs = analyse_documents(texts)
    oof = np.zeros_like(Y)
    folds = KFold(n_splits=cv, shuffle=True, random_state=random_state)
    for train, test in folds.split(docs):
        model = FrameClassifier(**template.get_params())
        model.fit_analysed([docs[i] for i in train], Y[train], labels)
        proba = model.predict_proba_analysed([docs[i] for i in test])
        oof[test] = (proba >= model.threshold).astype(int)
    p, r, f, s = precision_recall_fscore_support(Y, oof, average=None, zero_division=0)
    scores = tuple(
        LabelScore(label, float(p[j]), float(r[j]), float(f[j]), int(s[j]))
        for j, label in enumerate(labels)
    )
    final = FrameClassifier(**template.get_params()).fit_analysed(docs, Y, labels)
    return TrainingResult(
        model=final,
        labels=tuple(labels),
        scores=scores,
        macro_f1=float(np.mean(f)),
        n_documents=len(texts),
        cv=cv,
        text_column=text_column,
        oof_predictions=oof,
    )
