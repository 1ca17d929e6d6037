"""Calibrate the story-verdict thresholds of :func:`mediacompare.comparison.similarity.story_verdict`.

Data: Baly et al. (EMNLP 2020) AllSides articles, ``same_topic_day_groups.jsonl`` (4,523 articles
in 1,078 groups of 3-6 outlets sharing an AllSides topic and a publication day; Apache-2.0). The
groups are a heuristic, not story ids: a same-topic-same-day pair is often *not* the same event
("elections" on one day spans many stories). So besides the group proxy this script carries 200
hand labels: one random pair of articles from different outlets in each of 200 random groups
(drawn with ``--draw-sample``, seed 20240501), labelled 1 when both articles are mainly about the
same specific event or development (same news peg: a ruling, a vote, a shooting, a speech) and 0
when they only share the broad subject. Labelled from titles and first paragraphs by the
developer who wrote this script; 92 of 200 are 1.

What it measures, for pairs of articles from *different* outlets (same-outlet pairs share
boilerplate):

* the run-time statistic, :func:`~mediacompare.comparison.similarity.story_similarity` (cosine of sublinear
  term frequencies over the content unigrams and bigrams of ``text.ngram_counts``, no IDF), and
  for comparison the TF-IDF cosine of :class:`~mediacompare.comparison.similarity.TermCountTfidf` with the IDF
  fitted on the whole set;
* their distributions for three pair classes: same group (same topic and day), same topic on a
  different day, different topics;
* on the hand labels: ROC AUC, Youden's J threshold and the lowest threshold with precision
  >= 0.90 ("same story" is said only when it is right nine times in ten on this sample: calling
  two different events "the same story" invites reading event differences as framing, the
  costlier mistake), with a bootstrap interval;
* the "different stories" threshold: Youden's J between same-topic/different-day pairs and
  different-topic pairs;
* how the chosen thresholds sort every class, and the verdict on the two seed articles.

Run from the repository root (about 3.5 minutes; peak memory about 4.2 GB)::

    python benchmarks/same_story_threshold.py [--data PATH] [--seeds DIR]

Exits cleanly (status 0) with a note when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.text import ngram_counts, normalize, sentences
from mediacompare.comparison.similarity import (
    DIFFERENT_STORIES_THRESHOLD,
    SAME_STORY_THRESHOLD,
    TermCountTfidf,
    article_similarity,
    story_similarity,
    story_verdict,
)

DEFAULT_DATA = (
    REPO.parent / "shared" / "data" / "article-bias-prediction" / "same_topic_day_groups.jsonl"
)
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
SAMPLE_SEED = 20240501
PRECISION_TARGET = 0.90

# "id_a id_b label" triples: 1 = same event/development, 0 = same broad subject only.
LABELS = """
oAnRVis4L70KrOy2 Hx4jQmIWNXU8lEgi 0    7MIwxPf0ZlKDwu3Q g4T2jHQ36YfaAkhI 1
Iqdenz6a7X2pbUvW djd15GaWwqjUgUv9 0    nrLxbfBgIGevMrMF 2Tyq6b4Ndj2OumrT 1
8oXbOVwxRvqU4r9h y0DIT3NEjASZ1D3A 1    t91myyGPJuFcQka5 orKGMrpLGRg41V1a 0
Fxyo4LsqL4OjYsHY BOIILkzuaW6UyJsc 0    TIoBCGNQRQUkVh4O qRMCFBTpOqFmVLul 0
kcoNPZDS3A9DPoP4 D0Nisj0XvTCeSrjl 1    cT318KPiCY9AkjyF ogPoODnZPSdaem51 0
1Tj3exfFLcifZBl0 USSRbpcw6IZRMS6o 1    zjrh9rNLHGbY8J3o WKvGDEjRPXyebBqS 0
9lWKIp78jOeXuLAm uy1xsfhc1zcpo89P 1    OKlQjb3KSjZcCbzn 2GxnOkdFEFBMoTC1 1
St9IsHkZJUcGuwcU vu7UXrQIiLyOIQkr 1    Qx5OqSSWh7D3nCWI kV8emW6zLHvttUTL 1
eS972uk3nWLdzWM0 ovnlKtsFTN209pqq 1    6c3080Hz8zD8hI5b VFdYUUkV0GLnSpAC 0
ejbqAmHBswkNByEl fZp23mQEV1AWf9L6 1    0qSwVYC9qnlEzkxJ vBUMmLaiPsV5kUqC 1
uWrZ1heiy3mX8Bo4 XVbMIdX5zJtSGmgU 0    BvFwUmrBAl8anWvb sGMdDggFeeFMXiV8 1
aIbpSZyikpu2Etlu sGSctaVyyzkUmgQw 1    TIRSUMVxDDbajLqP u95c1CvTG0hK29c9 0
rGPEDzNaPeWCLrr1 q4QbEnwnTD0BNV1I 0    zGJdzM1VsHEQdUaB oOuhqL60j1dwAjez 0
Gf5CQdcKRiFJBbh0 uJkmQZhkxrrRkqDq 1    ixAr4pJn5eRWvOKw itCCjtZOuAGPqXPx 1
dZIShfABmxIKbeT3 eYgd7lZj7G9bkJuS 1    vC7iDff8SkKD8XZY sx8zS3qI7ZJk5Q2E 1
BHCxZN3eC2NJDhJs hXBOBtNuvy0RtVlx 1    Xgu6mK531W3SgsNA NtJ22N7uwYNEEoim 1
o9fD4SWWyNNA1QfR zfwQdcn694t65oOD 1    5uibtxtgy0ys6Iu0 nHZEfZkNkIU6svSs 0
iu6flcfSQQitrNAt uFGM1x3E0mHJ26Pd 1    adxpjpVumBAGqVXq VlPI7YiFc2LdtFpJ 0
AXScvdMPSR4KGS8n rLPeoy8Ap6TqEO4u 0    gH5hDF8bQEmtUaJq 6zHx0txfJdmP0UtW 1
uUUrwSXnOhCtoteb FD1ewuPukMLU6BlM 0    vytsqJIFO1gPUI48 4iEK4kVxDowN7332 0
K6I8gQuESqKnwRq7 zZsuylSr9MKKzbz1 0    P1LG3zx3Hv9XyWfO 5GL1gBP2Dj4zqvi6 1
QDq28jkfK3VZgepT fln5vtTmgNtQ09H5 0    oOLXt1H8cRyQIEvG YgZiMP14lD1Dw4nX 1
Z6JHOAF5cjkxqlsy aRegjO7hhpCJ5Kgu 0    e2ydpzj1vY2FuNcL Mpg3KgPC601tjjI0 1
iQaW8TGXKJGJISLG un0C28f3fhmbbgJq 1    vx2MwvatfdBOY2aa yEKJ70OjeowXXTwP 0
jCizhoMOLZlGVQ6F WzFl4KWR9mV4NGw5 0    964cVUteACrcU0xV jE6P18MOsjzjzqNd 1
pQJECtTV6TLtFFI6 CkYV5WSulEIStKhe 0    qYxy4wsyDS9J4qNh FkyOfuawGmq9MSJg 1
mR4m2a1gaaPOlqWY jcKTwm50Bn1XJimp 0    dmGVcatvOeM9dy0t pHxOQn982dsiyFXt 0
I2ayDegntA12SNrO axGqKv4sXa3RS9fM 0    ZGeFCArnNdJ2B9TX sBBdtF9uJJErflwW 0
ZrUVQ4hSQZOLEgwL abHQbxcrONEshbUN 1    U3HiPUsL4PYNGSiu DPzZLPQtSRs6XpRI 1
EOPNu2D3X5EfVzBE xa0FBo2uqXTTUJ4q 1    2T2X1H1jwIJJmvjm XNgXD7jU90MptwzF 0
HVJkmdNsoimggsBG OWomzrCA7gK0RWXF 1    sQdt3DV8hrITJQ2N AU49C3ejI3DSRX3d 0
cGKWn28NcIdtkzbJ Xb0qSwEe5NFyZXkL 0    RT2xFjqf7ptB0DiI DKpBKGPAK0B6iZG7 1
P0LRmeZbLKum5Dbh XGNYWxsihN5VCPWi 1    QxxAHITnijpYtYR9 JJEUjHUKEgQvIGHd 1
JKWZGQtIJz4NxRSX MKSHLLNfSnr10koy 1    E7VesAqABUttfvaB X4bRYdQzm719kfPT 0
Uy2Fcwx1RFQin9RK aHtXC6oCU9v871ta 0    5jFhp0sbDBMxzdP7 kjXJUnVhGo1Og3qD 0
Dw6RhfKmtp1VfQWx aGhJIWcO3nWItO32 0    AFzOiwogNns8XROb AmdZfcGrqrCIe6fZ 1
OKF6G2EzX0YFSclZ quYEMFLRqPi1dMl7 0    tPOIajSPSvftvmHY jtYnq4X6yjVN3jPB 0
CqgOwuawCHu6gMCx hLvx8STMLaioVWMP 0    1LBAzQ1TB2pSdWLk vDSh6xp9t0GLYPhm 0
UNG9r3HoJRQ2U2lc G9QMQ8yeHLU0yNFj 0    Se0OqUcTPWQgfSG2 cxVnb2595bHQrVh7 0
OmlkQoCM7rUxxTik Z9eTVY8IfhbKLLIP 0    e5OMoAj5pnHE8aH1 qmNoxHUrG4PFbEI5 0
3huGFHe4toOYzy0o KdO9K1ScgCVnE4FR 1    NiBYyv9Ak1vqA32v fgCll0pydCalSass 0
9cZ03jnLIvAdj3G3 8MS7DMIZOB1YPOKl 0    O8pE3Y2Ynp6Mm586 yBiDq0Qki4eyWdvW 0
4goLV2QBAF2JIgLn Qt3m0EQEbFCGq9FT 0    Uze9OKULDm0eKEid yWMW5I7xP1zXfCNM 0
bar18imyQdPIZVNJ MYJEVplVKSGhMiga 1    VJeF92tEtOOybv3T wHt1Tan0lO8TSbF6 0
B1TH1L2K83ee9ULe TY4PRKnPITGZdSmx 0    kwRFTz94M0PMypOV q1aJYfvVaPFeLMmW 1
D7hnlJJfhducv29m wznVtVOSiSvYiGRf 0    CKeRecaxHBqyf9ax J7DW2NpZYl5264f1 0
fqVcBXXtjMBZh1HO Ih1Ks8boW9ijIIlN 0    WXNaeDAirC1LOCWh ofj7qT0hsRdRU2zQ 1
pLgsWxoQBV0ejvj9 8uZe3KHltlTfS1xm 0    2M5mdSIsZCiGb2x9 oCUnMy55lwdUJQR1 0
WPRxLmTmpB9UM3cw mue6EHUUvWWXny5W 0    YjB29bPD1sPstT6M ivGzBqNUXAzGLaoM 0
duaehapXFq7c9zKR Bps92QZQYEYwSHy4 1    FqhJwi0dLNigow2u yiE8a5Wfdu0OQsQM 0
sEDYFb69uHM6NrcS Ms1JoxGzPSfsnrTL 1    dR03l9MFQIrQJiHR K3cCkc8jWEgH1fyX 0
c6dYErLbd6T1P8si hQRgZIergIvZY1ak 1    c2kV57AqrvTlUgrk KnPp3gcSjDnXeods 0
ExxYsZueBsVRehWr NwAGLLIDBqim6CMk 0    FVwEBhyeUgrOLLVr 6ckZmvdPr19OqRiH 1
BfrhCbuaMYXemVC8 D2dA8l4yxNLZP0GN 1    3N97tHAds9AKCW5G 3VwdhA9crC97e9LX 1
2htHfONIcdr0pTIB pysbqEBS6wgCQxB2 0    qWfueF98apYy3Gp9 kVYMs9PemaoaUWqB 1
XI6F8nFlD4jPj6Oq 6pV69Z14no8PTcAL 1    377R6FVF8gIBW92l dME1zJRzZfgfKrNu 1
ZxGdaOgqMGn0wR1g pj9tCN8USv1uNQyp 1    GovYDu6Ul5JAt7Dj fioSBQJJnDQzVoR1 0
6C6gavxasUdcUCgm POIPY2P2LQD3RAH6 1    29CsoVnRLclwzi6t UVu2eEBs46EcbeV6 1
Y09IYnnmqpzbssOL HgG8PBPSNqQlSW96 0    iSEQ2dxhRTFRyvpe lfrpoU6SncBGO82E 0
3uvVYYQUMCA28Pw3 nCAz0izMqVs21POj 0    A3dwBTX2WEYEtFVm tamJPlgT7S7tJcuO 1
QlPoW1YdTEDLXdZR GiDUOzWEA2xDPE1Y 0    YAUi2dKn92NQmGKz HmLcCmuZ2ASGREzW 0
CItKUZ5fd8YZBwMF PSC1LWuXKyuE0jlO 1    5CB0ceWK6eaPFWo5 kJOspOYaPmFyCm2r 1
NSGHjQaAkhQU0cQk LozQHeTEwK1dZuwg 0    71B8l9vOWrKoMIVV 1U89hIfigMTpiDPC 1
EqIv7IIk9dLjv6Py gzbtSIxuH6C3Ubp1 1    N9AoAuN1kAqdm877 1swBbsxzsEqlZACd 1
UzacrBpAOq1YQolO yYoNUmlUWbGDf7yc 1    q66VbpZqt3EP6sla pLw6LZi7sU8utIQs 1
rMmqSTBegcpBULld v7adp7Wk0HSE90mw 0    r9hdqII16Sp5IJtv Y5zZvjtTKq8KG363 0
CohYzS0GgnX1lWvc d3PABRn7fv2IuPLp 0    LxdIKXDFcu48cYry s1ricIi0TTGazQaI 0
krDtNqXwYtIycEFC 5Hka59Psq0GTY4LT 1    uJENX5jrgJiTqWRk 1NX8ZeNVTP3rlKe9 0
icrttKOqy8QhNQ06 0KCLNWu6l2VUriCj 0    1xjqVmxbaB2Zg7KW kFz7k1m2kRNJePxg 1
TClgM81LI5aPNozw eVGkMOx80ObpSd5c 0    npbSQgGNunsWnJXd kEOkQ6JQnCsGWgEC 1
c7FRW4PMSpm63ToR 3rApEI2qEuqvZRLQ 1    w5fiE3KoSIQ3lCUr hzERRDfOkL73zeNu 1
EEF5EIphbZaNh4vJ ZyMbq0g01NJk9Ung 1    eY7meSdKxpX0O70H HGhAJmLL8D5WGlCi 1
nnBnMrh2Xwn4C0QP 0bRf1O5k2r34PC1g 0    yTIkwqterJTfIiBc IJ0XKwqE8b0yiP9g 0
bhzp4wVeeGp1Ex3u 3wA2OpISg38OUwzK 0    P8SwD2JHEbM5ZwyX gYyfY5ndJ3Sp20t1 0
e3ZU5kdmKQJjZY00 VpWvzKpuBbJmZ4Ny 1    aqOYWfPiN7wrhmyn WHiiZS2gB3cM4i6k 0
641HsrEBG9vsQjQT jkcDNkAqrS9aDkQr 0    D7IDpK754A0mARNM jA8zq56n9h6KwDGp 1
MoBGpgrCJ9Ce3VeL nO2uOhLIdb984oaC 0    VRsLJdNBmBwpirkg FeGO4DMO1y2zHZJU 1
qIJ7A4aVkiYcUskE apQZVQxTr3DbR5EN 1    Z20hAoLqlQ0HDhhH foH6GN0ny2l7rKxJ 0
q4WLQkcQSJ7CZ4Ni yLtT8ZA808DrGune 1    A5jBbYaY2oDCRxZC p6X1ALlMnY8bdKup 0
iomzrttEjDqGkLF3 5JFm9guJr5wiYAPr 0    TlIMtg5iqJ2UB3Uh ILsLQN9J0eAajnSE 0
75laqF2u4hzBt3i8 Nc83YEhNAwk5VyHS 0    xDaW0hyDqeKIoPbt WnayOCCe87PfYNmh 1
rurX0aYvSnjzq7NI HqAY1lnWIftMRKlz 0    pLJ2ro4XTmUSqKEV 6sZ4zm2blFPlmM8D 1
1MZmXEQsxXg9JMmT RyWfiV4s3Z8Vv4jB 1    P08rLBLK0SrYIE96 1iOWlYN7PlAjXzJK 1
pfLNqil4WPuUorc2 db7w75rSfaGNxHog 1    JX5wcUSp51HAUdsc ESECG9chCMwPU44C 0
KybfbVcXaUV182ld NH92iVgftL4BWAdQ 0    4JiYMo5h5aX3uen7 OTWAm0swLWg5NcYB 0
kpAE9RElzsfjJsbn rX0byJOKe4KavjPC 1    53qqntZtGtj82MTj sm7VsWstwOYD4Gao 1
4vPK11srPlEx2Jap 8G4VykBaOO7EWACE 1    HTEkZpFhcgV46i0x swQqvYCP44OX6z1M 1
LpIBJHNLIRF0B1Ef XRAefbVfw6qnNw0V 0    apM1gAci1W60d4Ei r2Uz2teYQP43B9zx 1
hXThThvnzoQYlv2z Cjq2IRqkJeUr25gt 0    uQLRX2R8Tk7yg3Fw lQgCVqQbD04tOplA 0
Fg5DjY6Fg1xIdefP KjrRi41r810ZjuCM 1    5PYgoROMSjeYVIZ8 Kkee1PGacYMGbwc7 1
AeATuOvhNC5I6mT6 xw8dGjgFxNWbhUHm 1    iahNj81Hhfp0Qt6o ak6SNs31XggcL03j 0
8ScvWgMbFcapWZMA lqv1JcT0SW8P0jk2 0    5s8ErgkgTETD2mLE Sbwl0fb9kfPamS4p 0
2g3hXIMFwqjocvo8 p8ikC9TS95IpH1Jg 0    z9712QBKuCBi8DRU rtMiIr7chkcLOX3y 0
aXQisx6GlgAPjXvQ gTkzpPe4XcrWBoYs 0    mMIoxkCnNdr72hc6 vUsqIqFiTBbtYfFJ 0
7Cs9Sf9EGzaOjvoT pU8d2xb1Ek3NtpzC 0    5TbZcBwWe8ANeuHQ tL3Lphuy19KcgYow 0
3uycHVnyLk1lontq 0YYQZsWdTd6XIdQa 1    9XVIhUaF9Spyw3g2 yjgUQbudkicolJUu 0
L3TOrVceDwKC6xxY 9dMrN9a4FngYwlkb 1    iv8vTdDBawKeZKsY zzwPV6NCYsMiDb0a 0
Kr77XCusnIw0DoBu AA6VYkdY0JUJlmos 1    i3DXMqxnS6fx6KUs CQdfMGfl80ulvh8M 0
AImJF1pLap960y64 zStZnyjOr6hR3vWQ 0    SjlA8JS216xvGbyY bSLKBWE8H17ek3Dr 1
ThWQ9P7NmtLk2bUM NuQkifNQdllu0Kac 1    nuPAaq9m5oWtPwKk 3JzQBXnIxcEhXGsu 0
"""


def hand_labels() -> list[tuple[str, str, int]]:
    """The embedded hand labels as ``(id_a, id_b, label)``."""
    tokens = LABELS.split()
    return [(tokens[i], tokens[i + 1], int(tokens[i + 2])) for i in range(0, len(tokens), 3)]


def draw_sample(rows: list[dict], n: int = 200) -> list[tuple[int, int]]:
    """One random cross-outlet pair from each of ``n`` random groups (the labelled sample)."""
    by_group: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_group.setdefault(r["group_id"], []).append(i)
    rng = np.random.default_rng(SAMPLE_SEED)
    groups = sorted(by_group)
    out = []
    for k in sorted(rng.choice(len(groups), n, replace=False)):
        idx = by_group[groups[k]]
        pairs = [
            (a, b)
            for x, a in enumerate(idx)
            for b in idx[x + 1 :]
            if rows[a]["source"] != rows[b]["source"]
        ]
        out.append(pairs[rng.integers(len(pairs))])
    return out


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(np.r_[np.ones(len(pos)), np.zeros(len(neg))], np.r_[pos, neg]))


def youden(pos: np.ndarray, neg: np.ndarray) -> tuple[float, float, float]:
    """Threshold maximising TPR - FPR (score >= threshold is positive), with TPR and TNR."""
    from sklearn.metrics import roc_curve

    fpr, tpr, thr = roc_curve(np.r_[np.ones(len(pos)), np.zeros(len(neg))], np.r_[pos, neg])
    k = int(np.argmax(tpr - fpr))
    return float(thr[k]), float(tpr[k]), float(1 - fpr[k])


def precision_threshold(scores: np.ndarray, labels: np.ndarray, target: float) -> float:
    """Lowest observed score t such that precision of {s >= t'} >= target for every t' >= t."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    precision = np.cumsum(y) / np.arange(1, len(y) + 1)
    # Precision when predicting positive for everything at or above s[k] (ties included).
    last_of_tie = np.r_[s[1:] != s[:-1], True]
    ok = precision >= target
    best = np.inf
    for k in range(len(s)):
        if not last_of_tie[k]:
            continue
        if not ok[k]:
            break
        best = s[k]
    return float(best)


def quantiles(x: np.ndarray) -> str:
    q = np.quantile(x, [0.05, 0.25, 0.5, 0.75, 0.95])
    return " ".join(f"{v:.3f}" for v in q)


def verdict_shares(x: np.ndarray, different: float, same: float) -> str:
    d = float(np.mean(x < different))
    s = float(np.mean(x >= same))
    return f"different {d:6.1%}  related {1 - d - s:6.1%}  same {s:6.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="same_topic_day_groups.jsonl"
    )
    parser.add_argument(
        "--seeds", type=Path, default=DEFAULT_SEEDS, help="folder with the two seed articles"
    )
    parser.add_argument(
        "--draw-sample", action="store_true", help="print the pairs to label and stop"
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"data not found: {args.data}\n(development data only; nothing to calibrate)")
        return 0

    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    if args.draw_sample:
        for n, (a, b) in enumerate(draw_sample(rows)):
            ra, rb = rows[a], rows[b]
            print(f"#{n} [{ra['topic']} {ra['date_norm']}] {ra['ID']} {rb['ID']}")
            for r in (ra, rb):
                print(f"   {r['title']} :: {' '.join(r['content_original'].split())[:260]}")
        return 0

    counts = [ngram_counts(sentences(normalize(r["content_original"]))) for r in rows]
    n = len(rows)
    group = np.array([r["group_id"] for r in rows])
    topic = np.array([r["topic"] for r in rows])
    source = np.array([r["source"] for r in rows])
    i, j = np.triu_indices(n, 1)
    cross = source[i] != source[j]
    classes = {
        "same topic+day (group)": cross & (group[i] == group[j]),
        "same topic, other day": cross & (group[i] != group[j]) & (topic[i] == topic[j]),
        "different topic": cross & (topic[i] != topic[j]),
    }
    print(
        f"{n} articles, {len(set(group))} groups, {len(set(topic))} topics; cross-outlet pairs: "
        + ", ".join(f"{k} {int(v.sum()):,}" for k, v in classes.items())
    )

    story = story_similarity(counts)[i, j]  # the run-time statistic
    X = TermCountTfidf().fit_transform(counts)
    tfidf = article_similarity(X)[i, j]
    for name, stat in (
        ("TF-IDF cosine (IDF fitted on all 4,523)", tfidf),
        ("story similarity = sublinear TF cosine, no IDF (run-time statistic)", story),
    ):
        print(f"\n{name}\n  quantiles 5/25/50/75/95%")
        for k, m in classes.items():
            print(f"  {k:<24} {quantiles(stat[m])}")
        a, b, c = (classes[k] for k in classes)
        print(
            f"  AUC group vs different topic {auc(stat[a], stat[c]):.3f}; "
            f"group vs same topic other day {auc(stat[a], stat[b]):.3f}; "
            f"same topic other day vs different topic {auc(stat[b], stat[c]):.3f}"
        )

    # Hand labels (story similarity of the labelled pairs; TF-IDF for comparison).
    index = {r["ID"]: k for k, r in enumerate(rows)}
    labelled = hand_labels()
    la = np.array([index[a] for a, _, _ in labelled])
    lb = np.array([index[b] for _, b, _ in labelled])
    y = np.array([lab for _, _, lab in labelled])
    S = story_similarity([counts[k] for k in np.r_[la, lb]])
    m = len(labelled)
    s_lab = S[np.arange(m), m + np.arange(m)]
    t_lab = np.asarray(X[la].multiply(X[lb]).sum(axis=1)).ravel()
    drawn = [(rows[x]["ID"], rows[z]["ID"]) for x, z in draw_sample(rows)]
    assert drawn == [(x, z) for x, z, _ in labelled], "labels do not match the --draw-sample pairs"
    print(
        f"\nHand labels (the --draw-sample pairs): {m} pairs, {int(y.sum())} same event, "
        f"{int(m - y.sum())} same subject only"
    )
    for name, stat in (("TF-IDF cosine", t_lab), ("story similarity", s_lab)):
        print(
            f"  {name:<17} AUC {auc(stat[y == 1], stat[y == 0]):.3f}; "
            f"same event {quantiles(stat[y == 1])}; "
            f"subject only {quantiles(stat[y == 0])}"
        )
    thr_j, tpr_j, tnr_j = youden(s_lab[y == 1], s_lab[y == 0])
    thr_p = precision_threshold(s_lab, y, PRECISION_TARGET)
    rng = np.random.default_rng(0)
    boot = []
    for _ in range(1000):
        k = rng.integers(0, m, m)
        boot.append(precision_threshold(s_lab[k], y[k], PRECISION_TARGET))
    lo, hi = np.quantile([b for b in boot if np.isfinite(b)], [0.05, 0.95])
    above = s_lab >= thr_p
    print(f"  Youden's J threshold {thr_j:.3f} (TPR {tpr_j:.2f}, TNR {tnr_j:.2f})")
    print(
        f"  precision >= {PRECISION_TARGET:.2f} threshold {thr_p:.3f} "
        f"(bootstrap 90% interval {lo:.3f}-{hi:.3f}): precision {y[above].mean():.2f}, "
        f"recall {above[y == 1].mean():.2f}, TNR {(~above[y == 0]).mean():.2f}"
    )

    b_, c_ = classes["same topic, other day"], classes["different topic"]
    thr_d, tpr_d, tnr_d = youden(story[b_], story[c_])
    print(
        "  different-stories threshold (Youden, same topic other day vs different topic) "
        f"{thr_d:.3f} "
        f"(TPR {tpr_d:.2f}, TNR {tnr_d:.2f})"
    )

    same, different = SAME_STORY_THRESHOLD, DIFFERENT_STORIES_THRESHOLD
    print(
        f"\nShipped thresholds: different stories < {different:.3f} <= related coverage "
        f"< {same:.3f} <= same story"
    )
    print(f"  {'hand label: same event':<30} {verdict_shares(s_lab[y == 1], different, same)}")
    print(f"  {'hand label: subject only':<30} {verdict_shares(s_lab[y == 0], different, same)}")
    for k, msk in classes.items():
        print(f"  {k:<30} {verdict_shares(story[msk], different, same)}")

    seeds = sorted(args.seeds.glob("*.txt")) if args.seeds.is_dir() else []
    seeds = [p for p in seeds if p.name.lower() != "readme.txt"]
    if len(seeds) == 2:
        versions = {"raw text": [normalize(p.read_text(encoding="utf-8")) for p in seeds]}
        try:  # the cleaned text the CLI analyses, when ingest is available
            from mediacompare.ingest import load

            cleaned = [a.text for a in load([str(p) for p in seeds])]
            if len(cleaned) == 2:
                versions["ingest-cleaned text"] = cleaned
        except Exception as exc:  # noqa: BLE001 - any ingest failure: report the raw files only
            print(f"(ingest failed on the seeds: {exc}; raw text only)")
        for how, texts in versions.items():
            sim = story_similarity([ngram_counts(sentences(t)) for t in texts])
            v = story_verdict(sim, ["a", "b"])
            print(f"\nSeed pair ({how}): score {v.score:.3f} -> {v.level}\n  {v.explanation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
