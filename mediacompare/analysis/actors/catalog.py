"""Known actors: the built-in gazetteer plus the user's actors file (TOML).

The built-in catalogue (countries with their aliases, demonyms and capitals, a few regions and
common organisations) ships in ``mediacompare/resources/actors/``. A user file adds or replaces
entries and puts actors in groups::

    [actors."Vladimir Putin"]
    aliases = ["Putin"]
    type = "person"
    group = "Russia"

    [groups]
    Russia = ["Kremlin", "Dmitry Peskov", "Moscow"]

Examples
--------
>>> cat = builtin_catalog()
>>> cat.get("U.S.").name, cat.get("Kremlin").group
('United States', 'Russia')
>>> from mediacompare.text import tokenize
>>> entry, size = cat.match([t.text for t in tokenize("the White House said")], 1)
>>> entry.name, entry.kind, size
('White House', 'organisation', 2)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .lexicon import read_resource

__all__ = ["ActorCatalog", "CatalogEntry", "builtin_catalog", "name_key"]


def name_key(name: str) -> str:
    """Case- and apostrophe-insensitive key of an actor name (a leading "the" dropped).

    Examples
    --------
    >>> name_key("The  Kremlin’s")
    "kremlin's"
    """
    key = " ".join(name.replace("’", "'").split()).casefold()
    return key.removeprefix("the ")


def _strip_possessive(word: str) -> str:
    word = word.replace("’", "'")
    return word[:-2] if len(word) > 2 and word.endswith("'s") else word


@dataclass(frozen=True)
class CatalogEntry:
    """One known actor.

    Attributes
    ----------
    name : str
        Canonical name, used as the actor's id in reports.
    kind : str or None
        ``"person"``, ``"organisation"``, ``"place"``, ``"other"`` or None (guess).
    group : str or None
        Side or camp used to add coverage up (``"Russia"``).
    aliases : tuple of str
        Other names for the same actor.
    origin : str
        ``"builtin"`` or the path of the actors file it came from.
    """

    name: str
    kind: str | None = None
    group: str | None = None
    aliases: tuple[str, ...] = ()
    origin: str = "builtin"

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


def _pattern(alias: str) -> tuple[tuple[str, str, str], ...]:
    """Tokens of an alias as (lower, original, case mode)."""
    from ...text import tokenize

    out = []
    for tok in tokenize(alias.replace("’", "'")):
        text = tok.text
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            mode = "exact"
        elif text[:1].isupper():
            mode = "cap"
        else:
            mode = "any"
        out.append((text.lower(), text, mode))
    return tuple(out)


@dataclass(frozen=True)
class ActorCatalog:
    """Known actors with alias matching over token sequences.

    Later entries override earlier ones with the same name or alias, so a user's file wins over
    the built-in gazetteer (see :meth:`merged`).
    """

    entries: tuple[CatalogEntry, ...] = ()
    groups: Mapping[str, str] = field(default_factory=dict)
    demonyms: Mapping[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self._by_key)

    @cached_property
    def _by_key(self) -> dict[str, CatalogEntry]:
        index: dict[str, CatalogEntry] = {}
        for entry in self.entries:
            for name in entry.names:
                index[name_key(name)] = entry
        return index

    @cached_property
    def _patterns(self) -> dict[str, list[tuple[tuple[tuple[str, str, str], ...], CatalogEntry]]]:
        chosen: dict[tuple, CatalogEntry] = {}
        for entry in self.entries:
            for name in entry.names:
                pattern = _pattern(name[4:] if name.lower().startswith("the ") else name)
                if pattern:
                    chosen[pattern] = entry
        by_first: dict[str, list] = {}
        for pattern, entry in chosen.items():
            by_first.setdefault(pattern[0][0], []).append((pattern, entry))
        for options in by_first.values():
            options.sort(key=lambda item: -len(item[0]))
        return by_first

    @cached_property
    def lowercase_starts(self) -> frozenset[str]:
        """First words of aliases that can match a lower-case word ("state department")."""
        return frozenset(
            first
            for first, options in self._patterns.items()
            for pattern, _ in options
            if pattern[0][2] == "any"
        )

    def get(self, name: str) -> CatalogEntry | None:
        """The entry whose name or alias is ``name`` (case-insensitive), or None."""
        return self._by_key.get(name_key(name))

    def match(self, words: Sequence[str], i: int) -> tuple[CatalogEntry, int] | None:
        """Longest alias starting at ``words[i]`` (token texts): (entry, number of tokens).

        Case rules per alias word: all-capital aliases ("US") match only exactly, capitalised
        ones match capitalised words, lower-case ones match any case. The last word may carry a
        possessive ("Kremlin’s").
        """
        first = _strip_possessive(words[i]).lower() if i < len(words) else ""
        options = self._patterns.get(first) or self._patterns.get(
            words[i].replace("’", "'").lower(), []
        )
        for pattern, entry in options:
            size = len(pattern)
            if i + size > len(words):
                continue
            for k, (low, orig, mode) in enumerate(pattern):
                word = words[i + k].replace("’", "'")
                if k == size - 1 and word.lower() != low:
                    word = _strip_possessive(word)
                if word.lower() != low:
                    break
                if mode == "exact" and word != orig or mode == "cap" and not word[:1].isupper():
                    break
            else:
                return entry, size
        return None

    @cached_property
    def _surnames(self) -> dict[str, CatalogEntry | None]:
        index: dict[str, CatalogEntry | None] = {}
        for entry in self.entries:
            if entry.kind == "person" and len(entry.name.split()) >= 2:
                last = name_key(entry.name.split()[-1])
                index[last] = entry if index.get(last, entry) is entry else None
        return index

    def surname(self, word: str) -> CatalogEntry | None:
        """The one person entry whose name ends in ``word`` ("Putin" → "Vladimir Putin")."""
        return self._surnames.get(name_key(word))

    def group_of(self, names: Iterable[str]) -> str | None:
        """Group of the first of ``names`` listed in the catalogue's groups (or an entry's)."""
        keys = [name_key(n) for n in names]
        for key in keys:
            if key in self.groups:
                return self.groups[key]
        for key in keys:
            entry = self._by_key.get(key)
            if entry is not None and entry.group:
                return entry.group
        return None

    def is_demonym(self, word: str) -> bool:
        """Whether ``word`` is a nationality word such as "Russian" or "Britons"."""
        return _strip_possessive(word).lower() in self.demonyms

    def merged(self, other: ActorCatalog) -> ActorCatalog:
        """This catalogue with ``other``'s entries, groups and demonyms taking precedence."""
        names = {name_key(e.name) for e in other.entries}
        kept = tuple(e for e in self.entries if name_key(e.name) not in names)
        return ActorCatalog(
            kept + other.entries,
            {**self.groups, **other.groups},
            {**self.demonyms, **other.demonyms},
        )


def _tsv_rows(name: str) -> Iterable[list[str]]:
    for line in read_resource(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(";") if p.strip())


@lru_cache(maxsize=1)
def builtin_catalog() -> ActorCatalog:
    """The gazetteer shipped with the package: countries, capitals, places, organisations."""
    entries: list[CatalogEntry] = []
    demonyms: dict[str, str] = {}
    for row in _tsv_rows("countries.tsv"):
        name, aliases, dems, capitals = (row + ["", "", "", ""])[:4]
        entries.append(CatalogEntry(name, "place", name, _split(aliases)))
        for dem in _split(dems):
            demonyms[dem.lower()] = name
        caps = _split(capitals)
        if caps:
            entries.append(CatalogEntry(caps[0], "place", name, caps[1:]))
    for row in _tsv_rows("places.tsv"):
        name, aliases, group = (row + ["", "", ""])[:3]
        entries.append(CatalogEntry(name, "place", group or None, _split(aliases)))
    for row in _tsv_rows("organisations.tsv"):
        name, kind, group, aliases = (row + ["", "", "", ""])[:4]
        entries.append(CatalogEntry(name, kind or "organisation", group or None, _split(aliases)))
    return ActorCatalog(tuple(entries), {}, demonyms)
