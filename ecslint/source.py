"""Source text: bytes decoded once, and offsets turned into 1-based lines and code-point columns."""
from __future__ import annotations

from bisect import bisect_right

from ecslint.model import Span

__all__ = ["decode", "LineIndex", "DecodeError"]


class DecodeError(ValueError):
    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.col = col


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(data: bytes) -> str:
    """UTF-8 (an optional BOM dropped); UTF-16/32 with a BOM are accepted too. NUL characters are refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        # UTF-32's little-endian BOM starts like UTF-16's: look for the longer one first.
        codec = "utf-32" if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "utf-16"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            prefix = data[: exc.start].decode(codec, "replace")
            raise DecodeError(f"invalid {codec.upper()}: {exc.reason}", *_where(prefix, len(prefix))) from None
        return _no_nul(text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start]
        line = prefix.count(b"\n") + 1
        col = len(prefix[prefix.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise DecodeError(f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded", line, col) from None
    return _no_nul(text)


def _no_nul(text: str) -> str:
    nul = text.find("\x00")
    if nul >= 0:
        raise DecodeError("binary file: it contains a NUL byte", *_where(text, nul))
    return text


class LineIndex:
    """Maps offsets of a text to (line, column), both 1-based."""

    __slots__ = ("_starts", "_len")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts
        self._len = len(text)

    @property
    def lines(self) -> int:
        """How many lines: one more than there are "\n" (the part after the last one counts, empty or not)."""
        return len(self._starts)

    def line_text(self, text: str, line: int) -> str:
        """Line ``line`` (1-based) of ``text``, the text this index was built from, without its "\n"."""
        start = self._starts[line - 1]
        return text[start : self._starts[line] - 1] if line < len(self._starts) else text[start:]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._len))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int, approximate: bool = False) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(max(start, end))
        return Span(line, col, end_line, end_col, approximate)

    def offset(self, line: int, col: int) -> int:
        """Offset of a 1-based (line, col)."""
        line = max(1, min(line, len(self._starts)))
        return min(self._starts[line - 1] + col - 1, self._len)
