"""``full``: ``path:line:col: CODE message``, a three-line code frame with a caret line, related places.

Layout of one diagnostic (the gutter widens with the largest line number shown)::

    task.json:3:17: ECS104 container 'web' is privileged
      |
    2 |   "name": "web",
    3 |   "privileged": true
      |                 ^^^^
    4 | }
      |
      = related: roles.json:1:1: task role TaskRole

Span columns are code-point columns. To put the carets under the right characters in a terminal, both the
source line and the caret line are laid out in display cells: a tab advances to the next multiple of
``TAB_WIDTH``, East Asian wide and fullwidth characters take two cells, combining marks none.
"""
from __future__ import annotations

import unicodedata
from typing import IO

from ecslint.model import Diagnostic, Location, Report
from ecslint.output.concise import headline, paint, summary_line, visible
from ecslint.source import LineIndex

__all__ = ["FullFormatter", "TAB_WIDTH", "code_frame"]

#: Tab stops in the code frame.
TAB_WIDTH = 4
#: Longer lines (minified JSON is one line) are shown as a window of about this many code points
#: around the span, cut with "…".
MAX_LINE = 400


def _width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def _layout(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Expand ``line`` for display; return it with the display cells of code points [start, end) (0-based).

    ``start``/``end`` beyond the end of the line count as one cell each past it, so a span that points at
    the end of a line (a missing value) still gets a caret there.
    """
    out: list[str] = []
    cell = 0
    first, last = -1, -1
    for i, ch in enumerate(line):
        if i == start:
            first = cell
        if i == end:
            last = cell
        if ch == "\t":
            pad = TAB_WIDTH - cell % TAB_WIDTH
            out.append(" " * pad)
            cell += pad
        else:
            out.append(visible(ch))
            cell += _width(ch)
    n = len(line)
    if first < 0:
        first = cell + max(0, start - n)
    if last < 0:
        last = cell + max(0, end - n)
    return "".join(out), first, last


def _window(raw: str, start: int, end: int) -> tuple[str, int, int]:
    """``raw`` cut to about MAX_LINE code points around [start, end), with the span moved along."""
    if len(raw) <= MAX_LINE:
        return raw, start, end
    lo = max(0, min(start, len(raw)) - MAX_LINE // 4)
    hi = min(len(raw), lo + MAX_LINE)
    head, tail = ("…" if lo else ""), ("…" if hi < len(raw) else "")
    shift = lo - len(head)
    return head + raw[lo:hi] + tail, start - shift, min(end, hi) - shift


def code_frame(text: str, diag: Diagnostic, color: bool = False, index: LineIndex | None = None) -> list[str]:
    """The frame lines (without a trailing newline) for ``diag`` in ``text``; [] when the line is absent.
    ``index`` (a LineIndex of ``text``) saves splitting the text again for each diagnostic."""
    span = diag.location.span
    index = index or LineIndex(text)
    count = index.lines - (1 if text.endswith("\n") else 0)
    if not 1 <= span.line <= count:
        return []
    shown = range(max(1, span.line - 1), min(count, span.line + 1) + 1)
    gw = len(str(shown[-1]))
    bar = " " * gw + " |"
    out = [bar]
    for number in shown:
        raw = index.line_text(text, number).rstrip("\r")
        if number != span.line:
            rendered, _, _ = _layout(_window(raw, 0, 0)[0], 0, 0)
            out.append(f"{number:>{gw}} | {rendered}".rstrip())
            continue
        start = max(0, span.col - 1)
        end = span.end_col - 1 if span.end_line == span.line else len(raw)
        raw, start, end = _window(raw, start, max(start, end))
        rendered, first, last = _layout(raw, start, max(start, end))
        out.append(f"{number:>{gw}} | {rendered}".rstrip())
        carets = "^" * max(1, last - first)
        out.append(f"{bar} {' ' * first}{paint(carets, diag.severity, color)}")
    out.append(bar)
    return out


def _related(loc: Location) -> str:
    where = f"{visible(loc.path)}:{loc.span.line}:{loc.span.col}"
    return f"  = related: {where}: {visible(loc.message)}" if loc.message else f"  = related: {where}"


class FullFormatter:
    """Each diagnostic with its source context; a blank line after each; then the summary line."""

    name = "full"

    def __init__(self, color: bool = False) -> None:
        #: Emit ANSI colours; the CLI decides (tty, NO_COLOR, FORCE_COLOR), never this class.
        self.color = color

    def write(self, report: Report, stream: IO[str]) -> None:
        texts = {f.path: f.text for f in report.files}
        indexes: dict[str, LineIndex] = {}
        for diag in report.diagnostics:
            lines = [headline(diag, self.color)]
            text = texts.get(diag.location.path)
            if text is not None:
                index = indexes.get(diag.location.path)
                if index is None:
                    index = indexes[diag.location.path] = LineIndex(text)
                lines.extend(code_frame(text, diag, self.color, index))
            lines.extend(_related(loc) for loc in diag.related)
            stream.write("\n".join(lines) + "\n\n")
        stream.write(summary_line(report) + "\n")
