"""Parse JSON and YAML text into plain Python data, and find source positions for pointers later.

Data is parsed fast (stdlib ``json``; PyYAML's libyaml composer for YAML) and positions are
computed lazily, only for files that have findings: :class:`JsonLocator` reads the containers on the
way to each pointer in the raw text, :class:`YamlLocator` walks the composed node tree.

Limits hold on every path, JSON held in strings included (:func:`loads`): nesting deeper than
``MAX_DEPTH``, YAML aliases that expand to more than ``MAX_EXPANDED_NODES`` nodes, NaN and Infinity,
numbers Python will not convert and lone surrogate escapes are refused.

CloudFormation short-form tags (``!Ref``, ``!GetAtt a.b``, ``!Sub`` ...) become their long form
(``{"Ref": ...}``, ``{"Fn::GetAtt": [...]}``). Timestamps stay strings.  Every failure is a
:class:`ParseError` with a 1-based line and column, never another exception.
"""
from __future__ import annotations

import json
import re
import sys
from array import array
from collections.abc import Iterator
from typing import Any

from ecslint.model import Span
from ecslint.source import LineIndex

__all__ = ["ParseError", "Parsed", "parse_json", "parse_yaml", "loads", "JsonLocator", "YamlLocator", "MAX_DEPTH"]

Pointer = tuple[Any, ...]

#: Documents nesting deeper than this are refused (no ECS document comes close).
MAX_DEPTH = 256
#: A YAML document whose aliases expand to more nodes than this is refused (alias bomb).
MAX_EXPANDED_NODES = 2_000_000


class ParseError(Exception):
    """The text cannot be parsed; ``line`` and ``col`` are 1-based."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


class Parsed:
    """Parsed data plus the duplicate keys found on the way (pointer of each repeated key), and for
    YAML the composed node tree, which the locator reuses instead of composing the text again."""

    __slots__ = ("data", "duplicates", "node")

    def __init__(self, data: Any, duplicates: list[Pointer], node: Any = None) -> None:
        self.data = data
        self.duplicates = duplicates
        self.node = node


# --------------------------------------------------------------------------------------------- JSON


class _DupKeys(dict):  # type: ignore[type-arg]
    """Marker type: an object that had duplicate keys (last one wins, as in the AWS CLI)."""

    __slots__ = ("dups",)


def _with_dups(d: dict[str, Any], pairs: list[tuple[str, Any]]) -> _DupKeys:
    out = _DupKeys(d)
    seen: set[str] = set()
    out.dups = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
    return out


def _bad_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


#: Tokens that ``json`` reads but JSON does not allow (or Python refuses to convert), outside strings.
_JSON_STRING = r'"(?:[^"\\]|\\.)*"'
_BAD_CONSTANT = re.compile(_JSON_STRING + r"|(-?Infinity|NaN)", re.S)
#: A \uD800-\uDFFF escape: JSON lets it stand alone, but a lone surrogate is not a character.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _token_position(text: str, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Position of the first match of ``pattern``'s group 1 outside JSON strings."""
    for m in pattern.finditer(text):
        if m.group(1):
            return LineIndex(text).position(m.start(1))
    return 1, 1


def _lone_surrogate(data: Any) -> tuple[Pointer, str] | None:
    """Pointer and target ("key" or "value") of the first string holding a lone surrogate."""
    stack: list[tuple[Pointer, Any]] = [((), data)]
    while stack:
        p, v = stack.pop()
        if isinstance(v, str):
            if _LONE_SURROGATE.search(v):
                return p, "value"
        elif isinstance(v, dict):
            for k, x in v.items():
                if _LONE_SURROGATE.search(k):
                    return p + (k,), "key"
                stack.append((p + (k,), x))
        elif isinstance(v, list):
            stack.extend((p + (i,), x) for i, x in enumerate(v))
    return None


def parse_json(text: str) -> Parsed:
    had_dups: list[bool] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        d = dict(pairs)
        if len(d) != len(pairs):
            had_dups.append(True)
            return _with_dups(d, pairs)
        return d

    try:
        data = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=_bad_constant)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        line, col = _deep_position(text)
        raise ParseError(f"nesting is too deep (more than {MAX_DEPTH} levels)", line, col) from None
    except ValueError as exc:  # NaN / Infinity, numbers with more digits than Python converts
        if "is not valid JSON" in str(exc):
            raise ParseError(f"invalid JSON: {exc}", *_token_position(text, _BAD_CONSTANT)) from None
        limit = getattr(sys, "get_int_max_str_digits", lambda: 0)() or 4300
        where = _token_position(text, re.compile(_JSON_STRING + r"|(-?\d{%d,})" % (limit + 1), re.S))
        raise ParseError(f"invalid JSON: a number has more than {limit} digits", *where) from None
    depth = _depth(data)
    if depth > MAX_DEPTH:
        line, col = _deep_position(text)
        raise ParseError(f"nesting is too deep ({depth} levels; at most {MAX_DEPTH})", line, col)
    if _SURROGATE_ESCAPE.search(text):
        bad = _lone_surrogate(data)
        if bad is not None:
            span = JsonLocator(text).span(*bad)
            raise ParseError("invalid JSON: a \\u escape makes a lone surrogate (half of a UTF-16 pair), not a character", span.line, span.col)
    dups: list[Pointer] = []
    if had_dups:
        _collect_dups(data, (), dups)
    return Parsed(data, dups)


def loads(text: str) -> Any:
    """JSON held in a string of a document (Terraform's ``container_definitions``, an IAM policy
    document): ``json.loads`` with the limits of a file (depth, lone surrogates); every failure is a
    ``ValueError``."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError(f"nesting is too deep (more than {MAX_DEPTH} levels)") from None
    if isinstance(data, (dict, list)) and _depth(data) > MAX_DEPTH:
        raise ValueError(f"nesting is too deep (more than {MAX_DEPTH} levels)")
    if _SURROGATE_ESCAPE.search(text) and _lone_surrogate(data) is not None:
        raise ValueError("a \\u escape makes a lone surrogate, not a character")
    return data


def _collect_dups(data: Any, ptr: Pointer, out: list[Pointer]) -> None:
    stack: list[tuple[Any, Pointer]] = [(data, ptr)]
    while stack:
        v, p = stack.pop()
        if isinstance(v, dict):
            if isinstance(v, _DupKeys):
                out.extend(p + (k,) for k in v.dups)
            stack.extend((x, p + (k,)) for k, x in v.items())
        elif isinstance(v, list):
            stack.extend((x, p + (i,)) for i, x in enumerate(v))


def _depth(data: Any) -> int:
    """Nesting depth of parsed data, level by level; MAX_DEPTH + 1 as soon as it is exceeded."""
    level = [data] if isinstance(data, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return depth
        level = [x for v in level for x in (v.values() if isinstance(v, dict) else v) if isinstance(x, (dict, list))]
    return depth


def _deep_position(text: str) -> tuple[int, int]:
    """Position where bracket nesting first exceeds MAX_DEPTH (strings are skipped)."""
    depth = 0
    for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}]', text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return LineIndex(text).position(m.start())
        elif ch in "]}":
            depth -= 1
    return 1, 1


_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_SCALAR = re.compile(r"[^\s,\]\}]+")
#: Everything up to the next bracket outside strings; group 1 is the bracket.
_TO_BRACKET = re.compile(r'[^"\[\]{}]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^"\[\]{}]*)*([\[\]{}])', re.S)
#: A container with no container inside: ``{"name": "A", "value": "b"}``.
_FLAT = re.compile(r'[\[{][^"\[\]{}]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^"\[\]{}]*)*[\]}]', re.S)


class JsonLocator:
    """Pointer -> span over raw JSON text (text that parsed).

    Nothing is indexed up front: the members of a container (their key and value offsets) are read the
    first time a pointer passes through it, skipping over each member's value without building it, so a
    few findings in a 50 MB file cost a few scans of the containers on their way, not an index of every
    node.  The last of duplicate keys wins, as in the data.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        #: container offset -> {key: (key_start, value_start, value_end)}, or (value starts, value ends)
        #: of the items of an array
        self._members: dict[int, Any] = {}
        #: container offset -> offset just past it, for large containers already scanned
        self._ends: dict[int, int] = {}

    def _end(self, pos: int) -> int:
        """Offset just past the JSON value that starts at ``pos``."""
        text = self.text
        ch = text[pos : pos + 1]
        if ch == '"':
            m = _STRING.match(text, pos)
            return m.end() if m else len(text)
        if ch not in ("[", "{"):
            m = _SCALAR.match(text, pos)
            return m.end() if m else pos + 1
        flat = _FLAT.match(text, pos)
        if flat is not None:
            return flat.end()
        known = self._ends.get(pos)
        if known is not None:
            return known
        # Large containers met on the way remember their end: the next scan jumps over them.
        ends, match, opened = self._ends, _TO_BRACKET.match, []
        p = pos
        while True:
            m = match(text, p)
            if m is None:
                return len(text)
            bracket, p = m.start(1), m.end()
            if text[bracket] in "[{":
                jump = ends.get(bracket)
                if jump is not None and bracket != pos:
                    p = jump
                    continue
                opened.append(bracket)
            else:
                start = opened.pop()
                if p - start > 4096:
                    ends[start] = p
                if not opened:
                    return p

    def _table(self, start: int) -> Any:
        table = self._members.get(start)
        if table is not None:
            return table
        text, ws, n = self.text, _WS.match, len(self.text)
        is_object = text[start] == "{"
        close = "}" if is_object else "]"
        members: Any = {} if is_object else (array("q"), array("q"))
        pos = ws(text, start + 1).end()
        while pos < n and text[pos] != close:
            key_start = -1
            if is_object:
                m = _STRING.match(text, pos)
                if not m:
                    break
                raw = m.group()
                key = raw[1:-1] if "\\" not in raw else json.loads(raw)
                key_start = pos
                pos = ws(text, m.end()).end() + 1  # skip ':'
                pos = ws(text, pos).end()
            end = self._end(pos)
            if is_object:
                members[key] = (key_start, pos, end)
            else:
                members[0].append(pos)
                members[1].append(end)
            pos = ws(text, end).end()
            if pos < n and text[pos] == ",":
                pos = ws(text, pos + 1).end()
            elif pos >= n or text[pos] != close:
                break
        self._members[start] = members
        return members

    def _entry(self, pointer: Pointer) -> tuple[tuple[int, int, int] | None, bool]:
        """(key_start, value_start, value_end) of the pointer, or of its nearest ancestor (approximate)."""
        start = _WS.match(self.text, 0).end()
        if start >= len(self.text):
            return None, True
        entry: tuple[int, int, int] | None = None
        for part in pointer:
            here = entry[1] if entry is not None else start
            if self.text[here : here + 1] not in ("{", "["):
                break
            table = self._table(here)
            if isinstance(table, dict):
                nxt = table.get(part) if isinstance(part, str) else None
            elif isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(table[0]):
                nxt = (-1, table[0][part], table[1][part])
            else:
                nxt = None
            if nxt is None:
                break
            entry = nxt
        else:
            if entry is None:
                entry = (-1, start, self._end(start))
            return entry, False
        if entry is None:
            entry = (-1, start, self._end(start))
        return entry, True

    def span(self, pointer: Pointer, target: str = "value") -> Span:
        found, approximate = self._entry(tuple(pointer))
        if found is None:
            return Span(1, 1, 1, 1, True)
        key_start, start, end = found
        if target == "key" and key_start >= 0 and not approximate:
            key_end = _STRING.match(self.text, key_start)
            return self.lines.span(key_start, key_end.end() if key_end else key_start + 1)
        if approximate and key_start >= 0:
            # Point at the key of the nearest ancestor: a short, readable region.
            m = _STRING.match(self.text, key_start)
            return self.lines.span(key_start, m.end() if m else key_start + 1, True)
        if end - start > 200 or "\n" in self.text[start:end]:
            end = start + 1  # a container: show its opening bracket only
        return self.lines.span(start, end, approximate)


# --------------------------------------------------------------------------------------------- YAML

_yaml: Any = None


def _load_yaml_module() -> Any:
    global _yaml
    if _yaml is None:
        import yaml

        _yaml = yaml
    return _yaml


def _loader() -> Any:
    yaml = _load_yaml_module()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_CFN_TAGS_LONG = {"!Ref": "Ref", "!Condition": "Condition"}
_STD = "tag:yaml.org,2002:"


#: The indentation and block indicators (``- - ? : ``) that start a line; YAML breaks lines at NEL,
#: LS and PS too.
_LINE_PREFIX = re.compile(r"(?:^|(?<=[\r\n\x85\u2028\u2029]))[ \t?:-]*")


def _depth_bound(text: str) -> int:
    """An upper bound on the nesting depth of a YAML text, cheap to compute.

    A flow collection opens at a ``[`` or ``{``.  A block collection starts at the first entry's
    column, which lies in the indentation and indicators that start a line (``- - - x`` nests three
    sequences on one line); nested block collections start further right, except a sequence under a
    mapping key, which may share the key's column: at most two levels per column.
    """
    prefix = max(map(len, _LINE_PREFIX.findall(text)), default=0)
    return text.count("[") + text.count("{") + 2 * prefix + 3


def _compose(text: str) -> Any:
    yaml = _load_yaml_module()
    # libyaml's composer recurses in C: refuse very deep documents before composing them.
    if _depth_bound(text) > 5000:
        depth = 0
        try:
            for ev in yaml.parse(text, Loader=_loader()):
                name = type(ev).__name__
                if name in ("MappingStartEvent", "SequenceStartEvent"):
                    depth += 1
                    if depth > MAX_DEPTH:
                        mark = ev.start_mark
                        raise ParseError(
                            f"nesting is too deep (more than {MAX_DEPTH} levels)", mark.line + 1, mark.column + 1
                        )
                elif name in ("MappingEndEvent", "SequenceEndEvent"):
                    depth -= 1
        except yaml.YAMLError as exc:
            raise _yaml_error(exc) from None
    try:
        return yaml.compose(text, Loader=_loader())
    except yaml.YAMLError as exc:
        raise _yaml_error(exc) from None
    except RecursionError:
        raise ParseError(f"nesting is too deep (more than {MAX_DEPTH} levels)") from None


def _yaml_error(exc: Any) -> ParseError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    msg = f"invalid YAML: {problem}" + (f" ({context})" if context and context not in problem else "")
    if mark is not None:
        return ParseError(msg, mark.line + 1, mark.column + 1)
    return ParseError(msg)


_INT_TAG, _FLOAT_TAG, _BOOL_TAG, _NULL_TAG, _STR_TAG, _MERGE_TAG = (
    _STD + "int", _STD + "float", _STD + "bool", _STD + "null", _STD + "str", _STD + "merge",
)  # fmt: skip
_TRUE = frozenset({"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "y", "Y"})


class _Converter:
    """Node tree -> plain data in one recursive pass: CloudFormation short tags, merge keys, a depth
    limit, and an expansion budget (a node reached again through an alias counts its whole size once
    more, so an alias bomb is refused although the data itself shares the repeated parts; a large
    document without aliases is not).

    Depth is counted in levels of the data: a tagged node (``!Foo [...]``) becomes ``{"Fn::Foo": [...]}``,
    one level more, and a node reached through an alias brings its whole height along.
    """

    def __init__(self) -> None:
        yaml = _load_yaml_module()
        self._ctor = yaml.constructor.SafeConstructor()
        #: id(node) -> (value, expanded size, height in data levels)
        self._memo: dict[int, tuple[Any, int, int]] = {}
        #: Nodes added by aliases (the size of every node reached a second time).
        self.extra = 0
        self.duplicates: list[tuple[int, str]] = []
        self._mapping = yaml.MappingNode
        self._sequence = yaml.SequenceNode

    def _scalar(self, node: Any) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR_TAG:
            return value
        if tag == _INT_TAG:
            try:
                return int(value)
            except ValueError:
                pass
        elif tag == _BOOL_TAG:
            return value in _TRUE
        elif tag == _NULL_TAG:
            return None
        elif tag == _FLOAT_TAG:
            try:
                return float(value)
            except ValueError:
                pass
        elif not tag.startswith(_STD) or tag != _INT_TAG and tag != _FLOAT_TAG:
            return value  # timestamps, binary, custom tags ... stay strings
        try:  # 0x1F, 0o17, 1_000, 1:30, .inf ...
            return self._ctor.construct_object(node)
        except Exception:  # noqa: BLE001 - odd scalar forms stay strings
            return value

    def convert(self, root: Any) -> Any:
        if root is None:
            return None
        return self._node(root, 1)[0]

    def _node(self, node: Any, depth: int) -> tuple[Any, int, int]:
        memo = self._memo.get(id(node))
        if memo is not None:
            m = node.start_mark
            if depth + memo[2] - 1 > MAX_DEPTH:
                raise ParseError(f"nesting is too deep through aliases (more than {MAX_DEPTH} levels)", m.line + 1, m.column + 1)
            self.extra += memo[1]
            if self.extra > MAX_EXPANDED_NODES:
                raise ParseError(f"aliases expand to more than {MAX_EXPANDED_NODES:,} nodes (a YAML alias bomb?)", m.line + 1, m.column + 1)
            return memo
        if depth > MAX_DEPTH:
            m = node.start_mark
            raise ParseError(f"nesting is too deep (more than {MAX_DEPTH} levels)", m.line + 1, m.column + 1)
        self._memo[id(node)] = (None, 1, 1)  # a recursive alias sees a null, not an endless loop
        size = height = 1
        tagged = node.tag[:1] == "!"
        below = depth + 2 if tagged else depth + 1  # ``!Sub [...]`` is {"Fn::Sub": [...]}
        if isinstance(node, self._mapping):
            out: dict[Any, Any] = {}
            merges: list[Any] = []
            for k, v in node.value:
                if k.tag == _MERGE_TAG:
                    mv, ms, mh = self._node(v, below)
                    merges.append(mv)
                    size += ms
                    height = max(height, mh)  # merged members sit at the merge source's levels
                    continue
                key, ks, _kh = self._node(k, below)
                val, vs, vh = self._node(v, below)
                size += ks + vs
                height = max(height, vh + 1)
                if not isinstance(key, str):
                    if isinstance(key, (dict, list)):
                        key = json.dumps(key, sort_keys=True, default=str)
                    else:
                        key = "null" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
                if key in out:
                    self.duplicates.append((id(node), key))
                out[key] = val
            for m in merges:
                for src in m if isinstance(m, list) else [m]:
                    if isinstance(src, dict):
                        for k2, v2 in src.items():
                            out.setdefault(k2, v2)
            value: Any = out
        elif isinstance(node, self._sequence):
            items = []
            for v in node.value:
                iv, vs, ih = self._node(v, below)
                items.append(iv)
                size += vs
                height = max(height, ih + 1)
            value = items
        else:
            value = self._scalar(node)
        if tagged:
            value = _short_form(node.tag, value)
            height += 1
        result = (value, size, height)
        self._memo[id(node)] = result
        return result


def _short_form(tag: str, value: Any) -> Any:
    if tag in _CFN_TAGS_LONG:
        return {_CFN_TAGS_LONG[tag]: value}
    name = tag[1:]
    if name == "GetAtt" and isinstance(value, str):
        head, _, tail = value.partition(".")
        value = [head, tail] if tail else [head]
    return {f"Fn::{name}": value}


def parse_yaml(text: str) -> Parsed:
    root = _compose(text)
    conv = _Converter()
    data = conv.convert(root)
    dups: list[Pointer] = []
    if conv.duplicates:
        dup_nodes = {nid for nid, _ in conv.duplicates}
        paths = _node_paths(root, dup_nodes)
        dups = [paths[nid] + (key,) for nid, key in conv.duplicates if nid in paths]
    return Parsed(data, dups, root)


def _node_paths(root: Any, wanted: set[int]) -> dict[int, Pointer]:
    yaml = _load_yaml_module()
    found: dict[int, Pointer] = {}
    stack: list[tuple[Any, Pointer]] = [(root, ())]
    seen: set[int] = set()
    while stack and len(found) < len(wanted):
        node, p = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if id(node) in wanted:
            found[id(node)] = p
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.append((v, p + (str(k.value) if isinstance(k, yaml.ScalarNode) else "?",)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, p + (i,)) for i, v in enumerate(node.value))
    return found


class YamlLocator:
    """Pointer -> span by walking a freshly composed node tree (only for files with findings)."""

    def __init__(self, text: str, root: Any = None) -> None:
        self.text = text
        self._root: Any = root
        self._composed = root is not None

    def _node_for(self, pointer: Pointer) -> tuple[Any, Any, bool]:
        yaml = _load_yaml_module()
        if not self._composed:
            self._composed = True
            try:
                self._root = _compose(self.text)
            except ParseError:
                self._root = None
        node, key_node = self._root, None
        approximate = False
        for part in pointer:
            if node is None:
                break
            nxt = None
            if isinstance(node, yaml.MappingNode):
                for k, v in reversed(node.value):  # the last duplicate wins, as in the data
                    if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                        nxt, key_node = v, k
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                nxt, key_node = node.value[part], None
            if nxt is None:
                # Long-form keys of short tags ("Ref", "Fn::Sub") live on the tagged node itself.
                if isinstance(part, str) and node.tag.startswith("!") and (
                    part in ("Ref", "Condition") or part == "Fn::" + node.tag[1:]
                ):
                    continue
                approximate = True
                break
            node = nxt
        return node, key_node, approximate

    def span(self, pointer: Pointer, target: str = "value") -> Span:
        node, key_node, approximate = self._node_for(tuple(pointer))
        if node is None:
            return Span(1, 1, 1, 1, True)
        chosen = key_node if (target == "key" or approximate) and key_node is not None else node
        s, e = chosen.start_mark, chosen.end_mark
        if e.line != s.line:  # a block collection: show its first line only
            line_end = self.text.find("\n", s.index)
            end_col = (line_end if line_end >= 0 else len(self.text)) - (s.index - s.column) + 1
            return Span(s.line + 1, s.column + 1, s.line + 1, max(end_col, s.column + 2), approximate)
        return Span(s.line + 1, s.column + 1, e.line + 1, max(e.column + 1, s.column + 2), approximate)
