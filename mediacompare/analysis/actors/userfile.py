"""The user's actors file (TOML, ``--actors FILE``): parsing, validation, merging.

Errors name the file, the line and the key, and say what to change.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from typing import NoReturn

from ...errors import ConfigError
from .catalog import ActorCatalog, CatalogEntry, builtin_catalog, name_key
from .lexicon import KINDS

__all__ = ["load_actor_catalog", "parse_actor_catalog"]

_KIND_NAMES = {
    "person": "person",
    "people": "person",
    "individual": "person",
    "organisation": "organisation",
    "organization": "organisation",
    "org": "organisation",
    "place": "place",
    "country": "place",
    "location": "place",
    "city": "place",
    "other": "other",
    "thing": "other",
}


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _unquote(part: str) -> str:
    part = part.strip()
    return part[1:-1] if len(part) >= 2 and part[0] == part[-1] and part[0] in "\"'" else part


def _split_dotted(header: str) -> tuple[str, ...]:
    return tuple(_unquote(p) for p in re.findall(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[^.]+', header))


def _line_of(source: str, table: tuple[str, ...], key: str | None = None) -> int | None:
    """1-based line of ``key`` inside ``[table]`` (or of the table header) in TOML source."""
    current: tuple[str, ...] = ()
    header_line = None
    for number, line in enumerate(source.splitlines(), start=1):
        head = _HEADER.match(line)
        if head:
            current = _split_dotted(head.group(1))
            if header_line is None and table and current[: len(table)] == table:
                header_line = number
            continue
        found = _KEY.match(line)
        if found and key is not None and current == table and _unquote(found.group(1)) == key:
            return number
        if (
            found
            and key is None
            and current == table[:-1]
            and _unquote(found.group(1)) == table[-1]
        ):
            return number
    return header_line


def _fail(path: str, source: str, table: tuple[str, ...], key: str | None, message: str) -> NoReturn:
    line = _line_of(source, table, key)
    where = f"{path}:{line}" if line else path
    dotted = ".".join(f'"{p}"' if not re.fullmatch(r"[A-Za-z0-9_-]+", p) else p for p in table)
    raise ConfigError(f"{where}: {dotted}{'.' + key if key else ''}: {message}")


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _parse_entry(path: str, source: str, name: str, spec: object) -> CatalogEntry:
    table = ("actors", name)
    if not name.strip():
        _fail(path, source, ("actors",), None, "an actor name must not be empty")
    if isinstance(spec, list):
        if not _strings(spec):
            _fail(path, source, table, None, "aliases must be a list of non-empty strings")
        return CatalogEntry(name.strip(), aliases=tuple(s.strip() for s in spec), origin=path)
    if not isinstance(spec, dict):
        _fail(
            path,
            source,
            table,
            None,
            "expected a table (aliases, type, group) or a list of aliases",
        )
    unknown = sorted(set(spec) - {"aliases", "type", "group"})
    if unknown:
        _fail(path, source, table, unknown[0], "unknown key; use aliases, type or group")
    aliases = spec.get("aliases", [])
    if not _strings(aliases):
        _fail(path, source, table, "aliases", "must be a list of non-empty strings")
    kind = spec.get("type")
    if kind is not None:
        if not isinstance(kind, str) or kind.strip().lower() not in _KIND_NAMES:
            _fail(path, source, table, "type", f"must be one of {', '.join(KINDS)} (got {kind!r})")
        kind = _KIND_NAMES[kind.strip().lower()]
    group = spec.get("group")
    if group is not None and (not isinstance(group, str) or not group.strip()):
        _fail(path, source, table, "group", "must be a non-empty string")
    return CatalogEntry(
        name.strip(),
        kind,
        group.strip() if group else None,
        tuple(a.strip() for a in aliases),
        origin=path,
    )


def parse_actor_catalog(source: str, path: str = "<actors>") -> ActorCatalog:
    """Parse the text of an actors file (see :func:`load_actor_catalog`) without the built-ins.

    Examples
    --------
    >>> cat = parse_actor_catalog('[actors]\\nPutin = ["Vladimir Putin"]\\n[groups]\\nRussia = ["Putin"]')
    >>> cat.get("Vladimir Putin").name, cat.get("putin").group
    ('Putin', 'Russia')
    >>> parse_actor_catalog('[actors.Putin]\\ntype = "persn"\\n', "a.toml")
    Traceback (most recent call last):
    ...
    mediacompare.errors.ConfigError: a.toml:2: actors.Putin.type: must be one of person, organisation, group, place, other (got 'persn')
    """
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}; fix the syntax there") from None
    for key in sorted(set(data) - {"actors", "groups"}):
        _fail(
            path, source, (key,), None, "unknown section; an actors file has [actors] and [groups]"
        )
    actors = data.get("actors", {})
    groups = data.get("groups", {})
    if not isinstance(actors, dict):
        _fail(path, source, (), "actors", "must be a table of actors")
    if not isinstance(groups, dict):
        _fail(path, source, (), "groups", "must be a table: group name = [members]")
    entries = [_parse_entry(path, source, name, spec) for name, spec in actors.items()]
    members: dict[str, str] = {}
    for group, names in groups.items():
        if not _strings(names):
            _fail(path, source, ("groups",), group, "must be a list of actor names or aliases")
        for member in names:
            members[name_key(member)] = group.strip()
    grouped = []
    for entry in entries:
        group = next((members[k] for k in map(name_key, entry.names) if k in members), None)
        grouped.append(
            dataclasses.replace(entry, group=group) if group and not entry.group else entry
        )
    return ActorCatalog(tuple(grouped), members, {})


def load_actor_catalog(path: str | Path, *, include_builtin: bool = True) -> ActorCatalog:
    """Read a user actors file (TOML) and merge it over the built-in gazetteer.

    Parameters
    ----------
    path : str or Path
        The file given with ``--actors``. Format: ``[actors."Name"]`` tables with ``aliases``
        (list), optional ``type`` (person/organisation/place/other) and ``group``; or the short
        form ``Name = ["alias", ...]`` under ``[actors]``; plus an optional ``[groups]`` table
        ``Group = ["member", ...]`` whose members are actor names or aliases.
    include_builtin : bool
        Keep the built-in countries and organisations (the user's entries win on conflicts).

    Raises
    ------
    ConfigError
        When the file is missing, not TOML, or has an invalid key or value; the message names
        the file, line and key.

    Examples
    --------
    >>> from mediacompare._resources import packaged
    >>> example = packaged("resources", "actors", "example_actors.toml")
    >>> cat = load_actor_catalog(str(example))
    >>> cat.get("Peskov").name, cat.get("Peskov").group, cat.get("Kyiv").group
    ('Dmitry Peskov', 'Russia', 'Ukraine')
    """
    path = Path(path)
    try:
        source = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: actors file not found; check the --actors path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"{path}: cannot read actors file ({exc}); save it as UTF-8 text"
        ) from None
    user = parse_actor_catalog(source, str(path))
    if not include_builtin:
        return user
    base = builtin_catalog()
    # Group members that name built-in entries put those entries in the group.
    regrouped = tuple(
        dataclasses.replace(e, group=user.groups[k])
        for e in base.entries
        for k in [next((k for k in map(name_key, e.names) if k in user.groups), None)]
        if k is not None
    )
    return base.merged(ActorCatalog(regrouped)).merged(user)
