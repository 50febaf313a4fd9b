"""``concise``: one line per diagnostic, ``path:line:col: CODE message``, then a summary line.

Also home of the pieces the text formats share: the summary line, ANSI painting and the
sanitising of text that reaches a terminal.
"""
from __future__ import annotations

from typing import IO

from ecslint.model import Diagnostic, Report, Severity

__all__ = ["ConciseFormatter", "summary_line", "tally", "headline", "paint", "visible", "RESET"]

RESET = "\x1b[0m"
#: SGR parameters per severity: bold red, yellow, cyan.
_SEVERITY_SGR = {Severity.ERROR: "1;31", Severity.WARNING: "33", Severity.NOTE: "36"}


def paint(text: str, severity: Severity, color: bool) -> str:
    """``text`` wrapped in the colour of ``severity`` when ``color`` is on, else unchanged."""
    if not color or not text:
        return text
    return f"\x1b[{_SEVERITY_SGR[severity]}m{text}{RESET}"


def _visible_char(ch: str) -> str:
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o)  # the Unicode "control picture" of a C0 character, e.g. ESC -> U+241B
    if o == 0x7F:
        return "\u2421"
    if 0x80 <= o < 0xA0:
        return "\ufffd"
    return ch


def visible(text: str) -> str:
    """``text`` with control characters replaced one for one by visible stand-ins.

    Messages and source lines carry user data (container names, image tags); an escape sequence in them
    must not reach the terminal, and a newline must not break the one-line-per-diagnostic layout. The
    replacement keeps one code point per code point, so columns computed on the original still hold.
    """
    if text.isprintable():
        return text
    return "".join(_visible_char(ch) for ch in text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def tally(report: Report) -> tuple[dict[Severity, int], int]:
    """Diagnostics per severity, and the number of files with at least one diagnostic."""
    counts = {sev: 0 for sev in Severity}
    for d in report.diagnostics:
        counts[d.severity] += 1
    return counts, len({d.location.path for d in report.diagnostics})


def summary_line(report: Report) -> str:
    """``Found 3 errors, 1 warning and 2 notes in 2 files.`` or ``All checks passed!``.

    Severities that did not occur are left out; the file count is the number of files with at least one
    diagnostic.
    """
    if not report.diagnostics:
        return "All checks passed!"
    counts, files = tally(report)
    parts = [
        _plural(counts[sev], word)
        for sev, word in ((Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.NOTE, "note"))
        if counts[sev]
    ]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Found {listed} in {_plural(files, 'file')}."


def headline(diag: Diagnostic, color: bool) -> str:
    """``path:line:col: CODE message`` (the first line of both text formats)."""
    loc = diag.location
    code = paint(diag.code, diag.severity, color)
    return f"{visible(loc.path)}:{loc.span.line}:{loc.span.col}: {code} {visible(diag.message)}"


class ConciseFormatter:
    """One line per diagnostic, then the summary line."""

    name = "concise"

    def __init__(self, color: bool = False) -> None:
        #: Emit ANSI colours; the CLI decides (tty, NO_COLOR, FORCE_COLOR), never this class.
        self.color = color

    def write(self, report: Report, stream: IO[str]) -> None:
        for diag in report.diagnostics:
            stream.write(headline(diag, self.color) + "\n")
        stream.write(summary_line(report) + "\n")
