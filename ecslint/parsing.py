"""Parse JSON and YAML text into plain Python data, and find source positions for pointers later.

Data is parsed fast (stdlib ``json``; PyYAML's libyaml composer for YAML) and positions are
computed lazily, only for files that have findings: :class:`JsonLocator` scans the raw text once,
:class:`YamlLocator` composes the node tree again and walks it.

CloudFormation short-form tags (``!Ref``, ``!GetAtt a.b``, ``!Sub`` ...) become their long form
(``{"Ref": ...}``, ``{"Fn::GetAtt": [...]}``). Timestamps stay strings.  Every failure is a
:class:`ParseError` with a 1-based line and column, never another exception.
"""
from __future__ import annotations

import json
import re
import sys
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


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        out = _DupKeys(d)
        seen: set[str] = set()
        out.dups = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        return out
    return d


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
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook, parse_constant=_bad_constant)
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
    if _has_dups(data):
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


def _has_dups(data: Any) -> bool:
    stack = [data]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if isinstance(v, _DupKeys):
                return True
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return False


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
    best = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            best = max(best, d)
            if d <= MAX_DEPTH:
                stack.extend((x, d + 1) for x in v.values() if isinstance(x, (dict, list)))
        elif isinstance(v, list):
            best = max(best, d)
            if d <= MAX_DEPTH:
                stack.extend((x, d + 1) for x in v if isinstance(x, (dict, list)))
    return best


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
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_SCALAR = re.compile(r"[^\s,\]\}]+")


class JsonLocator:
    """Pointer -> span over raw JSON text, built on first use by one linear scan."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self._index: dict[Pointer, tuple[int, int, int]] | None = None

    def _build(self) -> dict[Pointer, tuple[int, int, int]]:
        """Map each pointer to (key_start or -1, value_start, value_end). The last duplicate wins."""
        text = self.text
        idx: dict[Pointer, tuple[int, int, int]] = {}
        ws, string, scalar = _WS.match, _STRING.match, _SCALAR.match
        n = len(text)
        pos = ws(text, 0).end()
        # Each frame: [pointer, is_object, next_index, key_start, value_start]
        stack: list[list[Any]] = []
        pending_ptr: Pointer = ()
        pending_key = -1
        while pos < n:
            ch = text[pos]
            if ch in "{[":
                stack.append([pending_ptr, ch == "{", 0, pending_key, pos])
                pos = ws(text, pos + 1).end()
                if pos < n and text[pos] in "}]":
                    continue
                if ch == "[":
                    pending_ptr, pending_key = stack[-1][0] + (0,), -1
                    continue
                # fall through to read the first key
                m = string(text, pos)
                if not m:
                    break
                key = json.loads(m.group())
                key_start = pos
                pos = ws(text, m.end()).end() + 1  # skip ':'
                pos = ws(text, pos).end()
                pending_ptr, pending_key = stack[-1][0] + (key,), key_start
                continue
            if ch in "}]":
                frame = stack.pop()
                idx[frame[0]] = (frame[3], frame[4], pos + 1)
                pos += 1
            else:
                m = string(text, pos) if ch == '"' else scalar(text, pos)
                if not m:
                    break
                idx[pending_ptr] = (pending_key, pos, m.end())
                pos = m.end()
            pos = ws(text, pos).end()
            if not stack:
                break
            top = stack[-1]
            if pos < n and text[pos] == ",":
                pos = ws(text, pos + 1).end()
                if top[1]:
                    m = string(text, pos)
                    if not m:
                        break
                    key = json.loads(m.group())
                    key_start = pos
                    pos = ws(text, m.end()).end() + 1
                    pos = ws(text, pos).end()
                    pending_ptr, pending_key = top[0] + (key,), key_start
                else:
                    top[2] += 1
                    pending_ptr, pending_key = top[0] + (top[2],), -1
        return idx

    def span(self, pointer: Pointer, target: str = "value") -> Span:
        if self._index is None:
            self._index = self._build()
        idx = self._index
        p = tuple(pointer)
        approximate = False
        while p not in idx and p:
            p = p[:-1]
            approximate = True
        entry = idx.get(p)
        if entry is None:
            return Span(1, 1, 1, 1, True)
        key_start, start, end = entry
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
    limit, and an expansion budget (a node reached through aliases counts once per use, so an alias
    bomb is refused although the data itself shares the repeated parts)."""

    def __init__(self) -> None:
        yaml = _load_yaml_module()
        self._ctor = yaml.constructor.SafeConstructor()
        self._memo: dict[int, tuple[Any, int]] = {}
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
        value, size = self._node(root, 1)
        if size > MAX_EXPANDED_NODES:
            raise ParseError(
                f"aliases expand to more than {MAX_EXPANDED_NODES:,} nodes (a YAML alias bomb?)",
                root.start_mark.line + 1,
                root.start_mark.column + 1,
            )
        return value

    def _node(self, node: Any, depth: int) -> tuple[Any, int]:
        memo = self._memo.get(id(node))
        if memo is not None:
            return memo
        if depth > MAX_DEPTH:
            m = node.start_mark
            raise ParseError(f"nesting is too deep (more than {MAX_DEPTH} levels)", m.line + 1, m.column + 1)
        self._memo[id(node)] = (None, 1)  # a recursive alias sees a null, not an endless loop
        size = 1
        if isinstance(node, self._mapping):
            out: dict[Any, Any] = {}
            merges: list[Any] = []
            for k, v in node.value:
                if k.tag == _MERGE_TAG:
                    mv, ms = self._node(v, depth + 1)
                    merges.append(mv)
                    size += ms
                    continue
                key, ks = self._node(k, depth + 1)
                val, vs = self._node(v, depth + 1)
                size += ks + vs
                if size > MAX_EXPANDED_NODES:
                    break
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
                iv, vs = self._node(v, depth + 1)
                items.append(iv)
                size += vs
                if size > MAX_EXPANDED_NODES:
                    break
            value = items
        else:
            value = self._scalar(node)
        if node.tag[:1] == "!":
            value = _short_form(node.tag, value)
        result = (value, min(size, MAX_EXPANDED_NODES + 1))
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
