"""``github``: GitHub Actions workflow commands, which the runner turns into annotations on the diff.

One line per diagnostic::

    ::error file=task.json,line=3,col=17,endLine=3,endColumn=21,title=ecslint (ECS104)::container 'web' is privileged

Severities map to ``error``, ``warning`` and ``notice``. Annotations carry columns only within one line, so
for a span over several lines ``col`` and ``endColumn`` are left out (line and endLine stay). Messages and
properties are escaped as the runner expects (``%``, CR, LF; in properties also ``:`` and ``,``); other control
characters are replaced by visible stand-ins so that no terminal escape reaches the job log.
"""
from __future__ import annotations

import os
from typing import IO

from ecslint.model import Diagnostic, Report, Severity
from ecslint.output.concise import visible

__all__ = ["GithubFormatter", "escape_data", "escape_property", "command"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF; other control characters become visible stand-ins."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escaped if escaped.isprintable() else "".join(ch if ch == "\t" else visible(ch) for ch in escaped)


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,`` (they delimit properties)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diag: Diagnostic) -> str:
    loc = diag.location
    span = loc.span
    path = loc.path.replace(os.sep, "/") if os.sep != "/" else loc.path
    props: list[tuple[str, str]] = [("file", path), ("line", str(span.line))]
    if span.end_line == span.line:
        props += [("col", str(span.col)), ("endLine", str(span.end_line)), ("endColumn", str(span.end_col))]
    else:
        props += [("endLine", str(span.end_line))]
    props.append(("title", f"ecslint ({diag.code})"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{_COMMAND[diag.severity]} {joined}::{escape_data(diag.message)}"


class GithubFormatter:
    """One workflow command per diagnostic; nothing else."""

    name = "github"

    def __init__(self, color: bool = False) -> None:
        del color  # the runner parses these lines; colour codes would break them

    def write(self, report: Report, stream: IO[str]) -> None:
        for diag in report.diagnostics:
            stream.write(command(diag) + "\n")
