"""Errors raised by mediacompare.

Every message says what went wrong *and* what to change; the CLI prints ``str(error)`` as one
line without a traceback.
"""

from __future__ import annotations


class MediaCompareError(Exception):
    """Base class of every error mediacompare raises on purpose."""


class InputError(MediaCompareError):
    """One input (a file, a line of a JSONL/CSV file, a DataFrame row) cannot be used.

    Parameters
    ----------
    source : str
        The file path (or ``"<dataframe>"``) the problem is in.
    message : str
        What is wrong and what to do about it.
    line : int, optional
        1-based physical line (JSONL; CSV: the line a row starts on, the header is line 1).

    Examples
    --------
    >>> str(InputError("a.jsonl", "invalid JSON; fix or remove the line", line=3))
    'a.jsonl:3: invalid JSON; fix or remove the line'
    """

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


class NothingUsableError(MediaCompareError):
    """Raised when no usable article remains after ingest."""


class ConfigError(MediaCompareError):
    """A user-supplied option or configuration file is invalid."""
