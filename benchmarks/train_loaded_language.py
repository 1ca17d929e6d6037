"""Build the shipped loaded-language resources: word vectors and the pretrained model.

    python benchmarks/train_loaded_language.py          # writes mediacompare/resources/loaded_language/
    python benchmarks/train_loaded_language.py --out DIR

Only permissively licensed data goes into what ships (see resources/loaded_language/PROVENANCE.md):

* word vectors: truncated SVD (64 dims) of the positive PMI matrix of word co-occurrences
  (window 4, context smoothing 0.75) over the AllSides articles of Baly et al. (2020,
  Apache-2.0) in ``article-bias-prediction/same_topic_day_groups.jsonl``; words seen >= 5 times,
  most frequent 30,000.
* model: distant supervision on sentences of the same articles — a sentence of a commentary
  piece (opinion outlet, columnist, "OPINION:" title) is the positive class, one of a wire
  service or straight-news desk the negative (:func:`genre`; balanced sample of SAMPLE
  sentences). The word model learns to expand the curated lexicon (no word
  annotations are used). BABE (AGPL-3.0) is used only to evaluate: benchmarks/eval_loaded_language.py.

Deterministic: same data, code and library versions give byte-identical files.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.utils.extmath import randomized_svd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.loaded.embeddings import encode  # noqa: E402
from mediacompare.analysis.npz import npz_bytes  # noqa: E402
from mediacompare.text import sentences  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "mediacompare" / "resources" / "loaded_language"
ALLSIDES = Path("article-bias-prediction") / "same_topic_day_groups.jsonl"
SAMPLE = 60000
_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*[^\W\d_])?")


def read_articles(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def build_vectors(texts: list[str], vocabulary_size: int = 30000, dim: int = 64,
                  window: int = 4) -> tuple[list[str], np.ndarray]:
    """PPMI + truncated SVD word vectors (unit length) of the words in ``texts``."""
    tokens = [[w.lower() for w in _WORD.findall(t)] for t in texts]
    counts = collections.Counter(w for doc in tokens for w in doc)
    vocab = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= 5]
    vocab = vocab[:vocabulary_size]
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for doc in tokens:
        ids = np.array([index.get(w, -1) for w in doc])
        for k in range(1, window + 1):
            a, b = ids[:-k], ids[k:]
            keep = (a >= 0) & (b >= 0)
            rows += [a[keep], b[keep]]
            cols += [b[keep], a[keep]]
    r, c = np.concatenate(rows), np.concatenate(cols)
    size = len(vocab)
    co = sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(size, size)).tocsr().tocoo()
    total = co.sum()
    row_p = np.asarray(co.sum(axis=1)).ravel() / total
    col_p = np.asarray(co.sum(axis=0)).ravel() ** 0.75
    col_p /= col_p.sum()
    pmi = np.log(co.data / total / row_p[co.row] / col_p[co.col])
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (co.row[keep], co.col[keep])), shape=(size, size))
    u, s, _ = randomized_svd(ppmi, dim, random_state=0)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    # fix each component's sign (SVD signs are arbitrary): largest-magnitude entry positive
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(dim)])
    return vocab, vectors * signs


#: Commentary outlets and columnists (opinion is their genre), by AllSides source name.
COMMENTARY = {
    "Townhall", "National Review", "Salon", "Reason", "Breitbart News", "The Daily Caller",
    "Daily Beast", "TheBlaze.com", "Daily Kos", "Slate", "The Atlantic", "CNN - Editorial",
    "Democracy Now", "The Intercept", "HotAir", "Mother Jones", "The Nation", "Vox",
    "New York Times - Opinion", "The Week - Opinion", "Media Matters", "Media Research Center",
    "Washington Free Beacon", "The Daily Signal", "Newsmax", "Victor Hanson", "John Stossel",
    "Rich Lowry", "Julian Zelizer", "Newt Gingrich", "Ezra Klein", "Charles Krauthammer",
    "Ben Shapiro",
}
#: Wire services and straight-news desks.
STRAIGHT_NEWS = {
    "Reuters", "Associated Press", "NPR Online News", "Christian Science Monitor", "USA TODAY",
    "The Hill", "Politico", "Bloomberg", "CNBC", "MarketWatch", "Wall Street Journal - News",
    "New York Times - News", "NBC News (Online)", "CBS News", "Yahoo! News", "Axios",
    "Pew Research Center", "The Week - News", "BBC News", "Chicago Tribune",
}


def genre(article: dict) -> int | None:
    """1 for commentary (an opinion outlet, a columnist or an "OPINION:" title), 0 for straight news."""
    source = article["source"]
    if article["title"].lower().startswith("opinion") or source in COMMENTARY or source.startswith("Guest Writer"):
        return 1
    return 0 if source in STRAIGHT_NEWS else None


def distant_sentences(articles: list[dict], n: int, seed: int = 0) -> tuple[list[str], list[int], list[str]]:
    """A balanced sample of sentences: 1 from commentary, 0 from straight news (see :func:`genre`)."""
    pools: dict[int, list[tuple[str, str]]] = {0: [], 1: []}
    for article in articles:
        label = genre(article)
        if label is None:
            continue
        for s in sentences(article["content_original"]):
            if 8 <= len(s.text.split()) <= 60:
                pools[label].append((s.text, article["ID"]))
    rng = np.random.default_rng(seed)
    texts, labels, groups = [], [], []
    for label, pool in pools.items():
        for i in sorted(rng.choice(len(pool), size=min(n // 2, len(pool)), replace=False)):
            texts.append(pool[i][0])
            labels.append(label)
            groups.append(pool[i][1])
    return texts, labels, groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--vectors-only", action="store_true", help="rebuild only embeddings.npz")
    args = parser.parse_args()
    path = args.data / ALLSIDES
    if not path.is_file():
        sys.exit(f"{path} not found; pass --data pointing at the shared data folder")
    articles = read_articles(path)
    started = time.perf_counter()
    vocab, vectors = build_vectors([a["content_original"] for a in articles])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "embeddings.npz").write_bytes(npz_bytes(encode(vocab, vectors)))
    print(f"word vectors: {len(vocab)} words x {vectors.shape[1]} ({time.perf_counter() - started:.0f} s)")
    if args.vectors_only:
        return
    from mediacompare.analysis.loaded import LoadedLanguageClassifier
    from mediacompare.analysis.loaded import embeddings

    embeddings.word_vectors.cache_clear()
    texts, labels, groups = distant_sentences(articles, SAMPLE)
    started = time.perf_counter()
    # C and min_df: stronger regularisation and a smaller n-gram vocabulary carry the noisy
    # distant labels better (BABE dev ROC-AUC 0.72 at C=0.3 vs 0.715 at C=1 on a 24k sample)
    # word_threshold 0.9: explanations precise enough to read (BABE dev word P 0.26 vs 0.20 at 0.7)
    model = LoadedLanguageClassifier(C=0.3, min_df=5, word_threshold=0.9).fit(texts, labels, groups=groups)
    metadata = {
        "data": "AllSides articles, Baly et al. 2020 (github.com/ramybaly/Article-Bias-Prediction @ ced8111), "
                "same_topic_day_groups.jsonl",
        "data_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "data_licence": "Apache-2.0",
        "labels": "distant: sentence of a commentary piece = 1, of straight news = 0 (see genre())",
        "sentences": len(texts),
        "positives": int(sum(labels)),
        "word_labels": "curated lexicon (lexicon expansion); no annotated words",
    }
    model.save(args.out, metadata=metadata)
    print(f"model: {len(texts)} sentences, fitted in {time.perf_counter() - started:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
