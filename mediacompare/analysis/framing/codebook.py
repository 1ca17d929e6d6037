"""User-defined frames from a TOML codebook (``--frames FILE``).

Two equivalent layouts are accepted::

    [[frame]]                         [frames.energy_security]
    name = "energy_security"          description = "..."
    description = "..."               terms = ["gas", "pipeline*"]
    terms = ["gas", "pipeline*"]

Keys of a frame: ``description`` (text), ``terms`` (single words; ``*`` at the end makes a
prefix), ``phrases`` (several words), ``regexes`` (Python regular expressions, matched
case-insensitively on each sentence), ``weights`` (table: cue → number, default 1.0),
``min_sentences`` (sentences with a cue needed for the frame to count as present, default 1)
and ``label`` (display name). At least one of terms / phrases / regexes is required.

Every problem raises :class:`~mediacompare.errors.ConfigError` naming the file, the line when
known, and the key path (``frames.energy_security.terms[2]``).

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "frames.toml"
>>> _ = path.write_text('[frames.energy]\\ndescription = "Energy"\\nterms = ["gas", "oil"]\\n')
>>> cb = load_codebook(path)
>>> [f.name for f in cb.frames], cb.frames[0].terms
(['energy'], ('gas', 'oil'))
>>> _ = path.write_text('[frames.energy]\\nterms = "gas"\\n')
>>> load_codebook(path)
Traceback (most recent call last):
...
mediacompare.errors.ConfigError: ...frames.toml:2: frames.energy.terms: expected a list of ...
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from os import PathLike
from pathlib import Path

from ...errors import ConfigError
from .safe_regex import check_pattern
from .lexicon import CueGroup, Matcher

__all__ = ["Codebook", "CustomFrame", "load_codebook", "parse_codebook"]

_FRAME_KEYS = frozenset(
    {"name", "label", "description", "terms", "phrases", "regexes", "weights", "min_sentences"}
)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\- ]*$")


@dataclass(frozen=True)
class CustomFrame:
    """One user-defined frame."""

    name: str
    description: str = ""
    label: str = ""
    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)
    min_sentences: int = 1

    def group(self) -> CueGroup:
        """The frame's cues as a :class:`~mediacompare.analysis.framing.lexicon.CueGroup`."""
        return CueGroup(self.name, self.terms, self.phrases, self.regexes, self.weights)


@dataclass(frozen=True)
class Codebook:
    """A set of user-defined frames (what :func:`load_codebook` returns)."""

    frames: tuple[CustomFrame, ...]
    source: str = "<memory>"

    @cached_property
    def matcher(self) -> Matcher:
        """All frames compiled into one matcher (built once per codebook)."""
        return Matcher(tuple(f.group() for f in self.frames))

    def __getstate__(self) -> dict:  # keep the compiled matcher out of copies and pickles
        return {"frames": self.frames, "source": self.source}

    def __setstate__(self, state: dict) -> None:
        object.__setattr__(self, "frames", state["frames"])
        object.__setattr__(self, "source", state["source"])

    __hash__ = None  # type: ignore[assignment]  # frames hold dicts


class _Locator:
    """Best-effort line numbers for key paths of a TOML text (tomllib keeps none)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def header(self, table: str, occurrence: int = 0) -> int | None:
        pattern = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*(#.*)?$")
        seen = -1
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                seen += 1
                if seen == occurrence:
                    return number
        return None

    def key(self, start: int | None, key: str) -> int | None:
        if start is None:
            return None
        pattern = re.compile(r"^\s*\"?" + re.escape(key) + r"\"?\s*=")
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if line.lstrip().startswith("["):
                break
            if pattern.match(line):
                return number
        return start


def _fail(source: str, line: int | None, path: str, message: str) -> ConfigError:
    where = f"{source}:{line}" if line else source
    return ConfigError(f"{where}: {path}: {message}")


def _type_name(value: object) -> str:
    return {
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def parse_codebook(text: str, source: str = "<string>") -> Codebook:
    """Parse and validate a TOML codebook given as text (see the module docstring).

    Examples
    --------
    >>> cb = parse_codebook('[[frame]]\\nname = "x"\\nphrases = ["energy security"]')
    >>> cb.frames[0].phrases
    ('energy security',)
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = found.group(1) if found else None
        if line is None and "end of document" in str(exc):
            line = str(max(1, len(text.splitlines())))
        where = f"{source}:{line}" if line else source
        raise ConfigError(f"{where}: invalid TOML: {exc}") from None
    locate = _Locator(text)
    unknown = sorted(set(data) - {"frame", "frames"})
    if unknown:
        raise _fail(
            source,
            locate.header(unknown[0]) or locate.key(0, unknown[0]),
            unknown[0],
            "unknown top-level key; define frames as [[frame]] or [frames.NAME]",
        )
    entries: list[tuple[str, object, Mapping, int | None]] = []  # (path, name, table, line)
    if "frame" in data:
        if not isinstance(data["frame"], list):
            raise _fail(source, locate.key(0, "frame"), "frame", "use [[frame]] tables")
        for i, table in enumerate(data["frame"]):
            line = locate.header("frame", i)
            path = f"frame[{i}]"
            if not isinstance(table, Mapping):
                raise _fail(source, locate.key(0, "frame"), path, "use [[frame]] tables, not values")
            name = table.get("name")
            if not isinstance(name, str) or not name.strip():
                raise _fail(
                    source,
                    locate.key(line, "name") if name is not None else line,
                    f"{path}.name",
                    'each [[frame]] needs a name = "..." string',
                )
            entries.append((path, name, table, line))
    if "frames" in data:
        if not isinstance(data["frames"], dict):
            raise _fail(source, locate.key(0, "frames"), "frames", "use [frames.NAME] tables")
        for name, table in data["frames"].items():
            line = locate.header(f"frames.{name}") or locate.header(f'frames."{name}"')
            path = f"frames.{name}"
            if not isinstance(table, dict):
                raise _fail(
                    source,
                    locate.key(locate.header("frames"), name),
                    path,
                    "expected a table of frame settings",
                )
            entries.append((path, table.get("name", name), table, line))
    if not entries:
        raise ConfigError(f"{source}: no frames defined; add [[frame]] or [frames.NAME] tables")
    frames = []
    seen: dict[str, str] = {}
    for path, name, table, line in entries:
        frame = _parse_frame(path, name, table, line, locate, source)
        if frame.name in seen:
            raise _fail(
                source,
                line,
                path,
                f"duplicate frame name {frame.name!r} (also defined at {seen[frame.name]})",
            )
        seen[frame.name] = path
        frames.append(frame)
    return Codebook(tuple(frames), source)


def _parse_frame(path, name, table, line, locate, source) -> CustomFrame:
    def fail(key: str, message: str) -> ConfigError:
        return _fail(
            source,
            locate.key(line, key.split("[")[0]) if key else line,
            f"{path}.{key}" if key else path,
            message,
        )

    if not _NAME.match(str(name)):
        raise fail(
            "",
            f"frame name {name!r} must start with a letter and use letters, "
            "digits, spaces, '-' or '_'",
        )
    unknown = sorted(set(table) - _FRAME_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key; allowed keys: {', '.join(sorted(_FRAME_KEYS))}")
    lists = {}
    for key in ("terms", "phrases", "regexes"):
        value = table.get(key, [])
        if not isinstance(value, list):
            raise fail(key, f"expected a list of strings, got {_type_name(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise fail(f"{key}[{i}]", f"expected a non-empty string, got {item!r}")
        lists[key] = tuple(value)
    for i, pattern in enumerate(lists["regexes"]):
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise fail(f"regexes[{i}]", f"invalid regular expression {pattern!r}: {exc}") from None
        if compiled.match(""):
            raise fail(f"regexes[{i}]", f"regular expression {pattern!r} matches empty text")
        try:
            check_pattern(pattern)
        except ValueError as exc:
            raise fail(f"regexes[{i}]", f"regular expression {pattern!r} refused: {exc}") from None
    for i, term in enumerate(lists["terms"]):
        if len(term.split()) > 1:
            raise fail(f"terms[{i}]", f"{term!r} has several words; put it under phrases")
    if not any(lists.values()):
        raise fail("", "a frame needs at least one of terms, phrases or regexes")
    weights = table.get("weights", {})
    if not isinstance(weights, dict):
        raise fail("weights", f"expected a table cue = number, got {_type_name(weights)}")
    cues = set(lists["terms"]) | set(lists["phrases"]) | set(lists["regexes"])
    for cue, weight in weights.items():
        if cue not in cues:
            raise fail(
                "weights",
                f"weight given for {cue!r}, which is not one of the "
                "frame's terms, phrases or regexes",
            )
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            raise fail("weights", f"weight of {cue!r} must be a positive number, got {weight!r}")
    min_sentences = table.get("min_sentences", 1)
    if isinstance(min_sentences, bool) or not isinstance(min_sentences, int) or min_sentences < 1:
        raise fail("min_sentences", f"expected a whole number >= 1, got {min_sentences!r}")
    for key in ("description", "label"):
        if not isinstance(table.get(key, ""), str):
            raise fail(key, f"expected a string, got {_type_name(table[key])}")
    return CustomFrame(
        name=str(name),
        description=table.get("description", ""),
        label=table.get("label", "") or str(name),
        terms=lists["terms"],
        phrases=lists["phrases"],
        regexes=lists["regexes"],
        weights={k: float(v) for k, v in weights.items()},
        min_sentences=min_sentences,
    )


def load_codebook(path: str | PathLike[str]) -> Codebook:
    """Read and validate a TOML codebook of custom frames.

    Parameters
    ----------
    path : str or path-like
        The TOML file.

    Raises
    ------
    ConfigError
        The file is missing, not UTF-8, not valid TOML, or a frame is malformed; the message
        names the file, the line (when known) and the key path.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: frames file not found; check the --frames path") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: frames file is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read frames file ({exc.strerror})") from None
    return parse_codebook(text, str(path))
