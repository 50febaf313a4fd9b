"""Output formats. Each formatter receives a finished Report and a text stream; none sees argv or config.

Plugins add formats through the ``ecslint_register_formatters`` hook.
"""
from __future__ import annotations

from typing import IO, Protocol

from ecslint.model import Report

__all__ = ["Formatter", "FORMATTERS", "get_formatter"]


class Formatter(Protocol):
    #: Name used with --output-format.
    name: str

    def write(self, report: Report, stream: IO[str]) -> None: ...


def _builtin() -> dict[str, type]:
    from ecslint.output.concise import ConciseFormatter
    from ecslint.output.full import FullFormatter
    from ecslint.output.github import GithubFormatter
    from ecslint.output.json import JsonFormatter, JsonLinesFormatter
    from ecslint.output.sarif import SarifFormatter

    return {
        f.name: f
        for f in (FullFormatter, ConciseFormatter, JsonFormatter, JsonLinesFormatter, GithubFormatter, SarifFormatter)
    }


#: Names of the built-in formats (kept in sync with _builtin by a test).
FORMATTERS = ("full", "concise", "json", "json-lines", "github", "sarif")


def get_formatter(name: str, extra: dict[str, type] | None = None, *, color: bool = False) -> Formatter:
    table = _builtin()
    if extra:
        table.update(extra)
    cls = table[name]
    try:
        return cls(color=color)  # type: ignore[no-any-return]
    except TypeError:
        return cls()  # type: ignore[no-any-return]
