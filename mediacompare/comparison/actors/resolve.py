"""Corpus-level merging of per-article actors, and per-outlet actor coverage.

Detection runs per article (in parallel); :func:`resolve_actors` is the reduce step. It takes
each article's mentions and merges their article-level canonical names into corpus actors:

* the same catalogue entry, or the same name (case-insensitive), is one actor;
* a surname-only actor ("Putin" in an article that never gives the full name) joins the one
  full name in the corpus that ends with it ("Vladimir Putin"); when different full names
  share that surname ("Boris Johnson", "Lyndon Johnson") it joins one only if that one has at
  least :data:`DOMINANCE` times the mentions of the others, else it stays apart; the full
  names themselves are never merged;
* "Vladimir Putin" and "Vladimir Vladimirovich Putin" (same first and last word) merge;
* abbreviations an article defined ("Army Tactical Missile Systems (ATACMS)") merge with the
  bare abbreviation in other articles.

The actor's id is its canonical name: the catalogue name, else the longest full form seen.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ...analysis.actors.candidates import _KIND_RANK, display_preference, surname_first
from ...analysis.actors.catalog import ActorCatalog, builtin_catalog, name_key
from ...analysis.actors.model import ActorMention
from ...analysis.actors.references import ActorReference

__all__ = ["DOMINANCE", "Actor", "ActorCoverage", "ActorIndex", "actor_coverage", "resolve_actors"]

#: A surname-only actor joins the most mentioned full name ending in that surname when it has
#: at least this many times the mentions of all the other full names together.
DOMINANCE = 3


@dataclass(frozen=True)
class Actor:
    """One actor across the corpus.

    Attributes
    ----------
    id : str
        Canonical name (unique within the index).
    kind : str
        person, organisation, group, place or other.
    group : str or None
        Side or camp from the catalogue / actors file.
    names : tuple of str
        Every form the corpus used for it, sorted ("Mr Putin" counts as "Putin").
    mentions : int
        Total mentions.
    articles : int
        Number of articles mentioning it.
    """

    id: str
    kind: str
    group: str | None
    names: tuple[str, ...]
    mentions: int
    articles: int


@dataclass(frozen=True)
class ActorIndex:
    """Actors of a corpus and the map from each article's names to them.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> from mediacompare.analysis.actors import detect_actors
    >>> a = detect_actors(sentences("Vladimir Putin spoke in Moscow."))
    >>> b = detect_actors(sentences("Mr Putin left."))
    >>> index = resolve_actors({"a": a, "b": b})
    >>> [(x.id, x.mentions, x.articles) for x in index]
    [('Vladimir Putin', 2, 2), ('Moscow', 1, 1)]
    >>> index.actor_id("b", b[0])
    'Vladimir Putin'
    """

    actors: tuple[Actor, ...] = ()
    links: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def actor_id(self, article_id: str, mention: ActorMention | str) -> str | None:
        """Corpus actor id of a mention (or of an article-level canonical name)."""
        name = mention if isinstance(mention, str) else mention.canonical
        return self.links.get(article_id, {}).get(name)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Local:
    article: str
    canonical: str
    key: str
    kinds: Counter
    surfaces: Counter
    groups: set
    catalog_name: str | None


def resolve_actors(
    mentions_by_article: Mapping[str, Sequence[ActorMention]],
    *,
    catalog: ActorCatalog | None = None,
) -> ActorIndex:
    """Merge per-article actors into corpus actors (deterministic, order-independent).

    Parameters
    ----------
    mentions_by_article : mapping of article id to mentions
        The output of :func:`~mediacompare.analysis.actors.detect_actors` per article.
    catalog : ActorCatalog, optional
        The catalogue used for detection (built-in gazetteer by default).

    Returns
    -------
    ActorIndex
        Actors sorted by mentions (descending), then id.
    """
    catalog = catalog if catalog is not None else builtin_catalog()
    locals_ = _article_actors(mentions_by_article, catalog)
    uf = _UnionFind()
    _join_abbreviations(uf, locals_)
    persons = [  # persons, and lone words whose type is a guess ("Putin said" → organisation?)
        loc
        for loc in locals_
        if loc.catalog_name is None
        and (
            "person" in loc.kinds
            or " " not in loc.key
            and "place" not in loc.kinds
            and not loc.canonical.isupper()
        )
    ]
    _join_spellings(uf, persons)
    full_by_last, family_first = _join_full_names(uf, persons)
    _join_surnames(uf, locals_, persons, full_by_last, family_first, catalog)
    return _index(uf, locals_, catalog)


def _article_actors(
    mentions_by_article: Mapping[str, Sequence[ActorMention]], catalog: ActorCatalog
) -> list[_Local]:
    """One record per article-level actor (article, canonical name), in a stable order."""
    locals_: list[_Local] = []
    for article in sorted(mentions_by_article):
        grouped: dict[str, list[ActorMention]] = defaultdict(list)
        for m in mentions_by_article[article]:
            grouped[m.canonical].append(m)
        for canonical in sorted(grouped):
            ms = grouped[canonical]
            entry = catalog.get(canonical) if any(m.source == "catalog" for m in ms) else None
            key = "cat:" + entry.name if entry else name_key(canonical)
            locals_.append(
                _Local(
                    article,
                    canonical,
                    key,
                    Counter(m.kind for m in ms),
                    Counter(m.text for m in ms),
                    {m.group for m in ms if m.group},
                    entry.name if entry else None,
                )
            )
    return locals_


def _join_abbreviations(uf: _UnionFind, locals_: list[_Local]) -> None:
    """An abbreviation defined in one article ("ATACMS") joins the name it abbreviates."""
    for loc in locals_:
        uf.find(loc.key)
        if loc.catalog_name is None and loc.kinds.most_common(1)[0][0] != "person":
            for surface in loc.surfaces:
                if surface.replace(".", "").isupper():
                    uf.union(loc.key, name_key(surface))


def _join_spellings(uf: _UnionFind, persons: list[_Local]) -> None:
    """Spellings that differ only by hyphens are one person ("Kim Jong-un" ~ "Kim Jong Un")."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for loc in persons:
        spellings[loc.key.replace("-", " ")].add(loc.key)
    for keys in spellings.values():
        first, *rest = sorted(keys)
        for key in rest:
            uf.union(first, key)


def _join_full_names(
    uf: _UnionFind, persons: list[_Local]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Join a full name to its only longer form with the same first name ("Vladimir Putin" ~
    "Vladimir Vladimirovich Putin"); return the full names by surname and, for surname-first
    names, by family name ("Kim" for "Kim Jong Un")."""
    full_by_last: dict[str, set[str]] = defaultdict(set)
    family_first: dict[str, set[str]] = defaultdict(set)
    for loc in persons:
        words = loc.key.split()
        if len(words) >= 2:
            full_by_last[words[-1]].add(loc.key)
            if surname_first(words):
                family_first[words[0]].add(loc.key)
    for keys in full_by_last.values():
        ordered = sorted(keys, key=lambda k: (len(k.split()), k))
        for short in ordered:
            ws = short.split()
            longer = [k for k in ordered if len(k.split()) > len(ws) and k.split()[0] == ws[0]]
            if len(longer) == 1:  # "George Bush" stays apart from "George W." and "George H. W."
                uf.union(short, longer[0])
    return full_by_last, family_first


def _join_surnames(
    uf: _UnionFind,
    locals_: list[_Local],
    persons: list[_Local],
    full_by_last: dict[str, set[str]],
    family_first: dict[str, set[str]],
    catalog: ActorCatalog,
) -> None:
    """A bare surname joins the one full name it can mean, or one with at least
    :data:`DOMINANCE` times the mentions of the others; else a catalogue person; else it stays
    apart (ambiguous, never guessed between family members)."""
    weight: Counter[str] = Counter()
    for loc in locals_:
        weight[uf.find(loc.key)] += sum(loc.surfaces.values())
    for loc in persons:
        words = loc.key.split()
        if len(words) != 1:
            continue
        full = full_by_last.get(words[0], set()) | family_first.get(words[0], set())
        roots = sorted({uf.find(k) for k in full}, key=lambda r: (-weight[r], r))
        if (
            len(roots) == 1
            or roots
            and weight[roots[0]] >= DOMINANCE * sum(weight[r] for r in roots[1:])
        ):
            uf.union(loc.key, roots[0])
        elif not roots and (entry := catalog.surname(words[0])) is not None:
            uf.union(loc.key, "cat:" + entry.name)


def _index(uf: _UnionFind, locals_: list[_Local], catalog: ActorCatalog) -> ActorIndex:
    """The corpus actors of the joined clusters and each article's links to them."""
    clusters: dict[str, list[_Local]] = defaultdict(list)
    for loc in locals_:
        clusters[uf.find(loc.key)].append(loc)
    actors: list[Actor] = []
    links: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for root, members in clusters.items():
        actor = _make_actor(root, members, catalog)
        actors.append(actor)
        for loc in members:
            links[loc.article][loc.canonical] = actor.id
    actors.sort(key=lambda a: (-a.mentions, a.id))
    # plain sorted dicts (picklable for process/Dask backends); treat them as read-only
    return ActorIndex(tuple(actors), {k: dict(sorted(v.items())) for k, v in sorted(links.items())})


def _make_actor(root: str, members: list[_Local], catalog: ActorCatalog) -> Actor:
    catalog_name = root[4:] if root.startswith("cat:") else None
    entry = catalog.get(catalog_name) if catalog_name else None
    surfaces: Counter = Counter()
    kinds: Counter = Counter()
    for loc in members:
        surfaces.update(loc.surfaces)
        kinds.update(loc.kinds)
    forms = Counter({loc.canonical: sum(loc.surfaces.values()) for loc in members})
    for loc in members:
        forms[loc.canonical] = forms.get(loc.canonical, 0)
    if entry is not None:
        name = entry.name
    else:
        name = min(forms, key=lambda f: (tuple(-x for x in display_preference(f)), -forms[f], f))
    if entry is not None and entry.kind:
        kind = entry.kind
    else:
        kind = min(kinds, key=lambda k: (-kinds[k], _KIND_RANK[k]))
        if "person" in kinds and kind == "other":
            kind = "person"
    names = set(surfaces) | {loc.canonical for loc in members}
    lookup = [name, *sorted(names)]
    if kind == "person":
        lookup.append(name.split()[-1])
    group = (entry.group if entry else None) or catalog.group_of(lookup)
    if group is None:
        groups = sorted(g for loc in members for g in loc.groups)
        group = groups[0] if groups else None
    return Actor(
        name,
        kind,
        group,
        tuple(sorted(names)),
        sum(surfaces.values()),
        len({loc.article for loc in members}),
    )


# --------------------------------------------------------------------------- coverage


@dataclass(frozen=True)
class ActorCoverage:
    """How one outlet covers one actor: counts, the names used and the labels around them.

    Sentiment towards the actor, with its interval, lives in
    :attr:`mediacompare.comparison.actors.outlets.ActorComparison.sentiment` (one statistics mechanism
    for every outlet-level figure). ``references`` counts the pronouns and nominal phrases ("he",
    "the president") linked to the actor in the outlet's articles; they are not in ``mentions``
    or ``share``.
    """

    actor: str
    outlet: str
    mentions: int
    articles: int
    share: float
    names: Mapping[str, int]
    labels: Mapping[str, int]
    references: int = 0


def actor_coverage(
    index: ActorIndex,
    mentions_by_article: Mapping[str, Sequence[ActorMention]],
    outlet_of: Mapping[str, str],
    references_by_article: Mapping[str, Sequence[ActorReference]] | None = None,
) -> tuple[ActorCoverage, ...]:
    """Per actor × outlet coverage table.

    Parameters
    ----------
    index : ActorIndex
        From :func:`resolve_actors` on the same mentions.
    mentions_by_article : mapping
        Article id → that article's mentions.
    outlet_of : mapping
        Article id → outlet name.
    references_by_article : mapping, optional
        Article id → its :func:`~mediacompare.analysis.actors.references.link_references`
        links, counted per actor through the mention that licensed each one.

    Returns
    -------
    tuple of ActorCoverage
        Sorted by outlet, then mentions (descending), then actor. ``share`` is the actor's
        share of all actor mentions in that outlet.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> from mediacompare.analysis.actors import detect_actors
    >>> ms = {"a": detect_actors(sentences("The Kremlin scoffed. Russia’s forces moved."))}
    >>> rows = actor_coverage(resolve_actors(ms), ms, {"a": "X"})
    >>> [(r.actor, r.mentions, r.share, dict(r.labels)) for r in rows]
    [('Kremlin', 1, 0.5, {'verb: scoffed': 1}), ('Russia', 1, 0.5, {'possession: forces': 1})]
    """
    cells: dict[tuple[str, str], dict] = {}
    totals: Counter = Counter()
    for article in sorted(mentions_by_article):
        outlet = outlet_of[article]
        for m in mentions_by_article[article]:
            actor = index.actor_id(article, m)
            if actor is None:
                continue
            cell = cells.setdefault(
                (outlet, actor),
                {
                    "n": 0,
                    "arts": set(),
                    "names": Counter(),
                    "labels": Counter(),
                },
            )
            cell["n"] += 1
            cell["arts"].add(article)
            cell["names"][f"{m.title} {m.text}" if m.title else m.text] += 1
            cell["labels"].update(f"{lab.kind}: {lab.text}" for lab in m.labels)
            totals[outlet] += 1
    linked: Counter = Counter()
    for article, refs in (references_by_article or {}).items():
        by_start = {m.start: m for m in mentions_by_article.get(article, ())}
        for r in refs:
            licensing = by_start.get(r.evidence_start)
            actor = index.actor_id(article, licensing) if licensing is not None else None
            if actor is not None:
                linked[outlet_of[article], actor] += 1
    rows = [
        ActorCoverage(
            actor,
            outlet,
            c["n"],
            len(c["arts"]),
            c["n"] / totals[outlet],
            dict(sorted(c["names"].items())),
            dict(sorted(c["labels"].items())),
            linked[outlet, actor],
        )
        for (outlet, actor), c in cells.items()
    ]
    return tuple(sorted(rows, key=lambda r: (r.outlet, -r.mentions, r.actor)))
