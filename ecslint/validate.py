"""Schema validation of canonical resources (jsonschema, extended, never forked).

Every keyword is wrapped so that an :class:`~ecslint.values.Unknown` (or a ``Partial`` string, for
string keywords) passes: values that cannot be known are never reported.  Errors become findings
with a message that names the member, the value, and what would be right.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ecslint.model import Finding
from ecslint.values import Partial, Unknown

__all__ = ["validate", "human_path"]


def _wrap(fn: Any) -> Any:
    def check(validator: Any, value: Any, instance: Any, schema: Any) -> Any:
        if isinstance(instance, Unknown):
            return
        if isinstance(instance, Partial) and check.keyword not in ("type",):  # type: ignore[attr-defined]
            return
        yield from fn(validator, value, instance, schema) or ()

    return check


@lru_cache(maxsize=None)
def _validator_class() -> Any:
    from jsonschema import Draft202012Validator, validators

    wrapped = {}
    for kw, fn in Draft202012Validator.VALIDATORS.items():
        w = _wrap(fn)
        w.keyword = kw  # type: ignore[attr-defined]
        wrapped[kw] = w
    checker = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {
            "string": lambda _c, v: isinstance(v, str),
            "integer": lambda _c, v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda _c, v: isinstance(v, (int, float)) and not isinstance(v, bool),
        }
    )
    return validators.extend(Draft202012Validator, validators=wrapped, type_checker=checker)


@lru_cache(maxsize=None)
def _validator(schema_name: str) -> Any:
    """A compiled validator for the schema (fast path), or jsonschema's when the schema uses a
    keyword the compiler does not know.  Both report the same errors (tests/test_validate.py)."""
    from ecslint.schemastore import load_schema

    schema = load_schema(schema_name)
    try:
        return _Compiled(schema)
    except _Unsupported:
        return _validator_class()(schema)


class _Unsupported(Exception):
    pass


class _Error:
    """The part of jsonschema's ValidationError that :func:`_finding` reads."""

    __slots__ = ("absolute_path", "validator", "validator_value", "instance", "schema", "message")

    def __init__(self, path: tuple[Any, ...], keyword: str, value: Any, instance: Any, schema: dict[str, Any]) -> None:
        self.absolute_path = path
        self.validator = keyword
        self.validator_value = value
        self.instance = instance
        self.schema = schema
        self.message = f"{keyword} {value!r} failed"


_ANNOTATIONS = frozenset(
    {"description", "title", "$schema", "$id", "$defs", "deprecated", "x-provenance", "x-botocore-pattern",
     "x-deprecated-message", "x-botocore-document", "default", "examples"}
)  # fmt: skip
_TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


class _Compiled:
    """Validates instances against one of the generated (botocore-derived) schemas.

    The schemas use a small set of keywords (type, enum, required, properties,
    additionalProperties, items, min/max, lengths, item counts, pattern, local $ref); each schema
    node is compiled once into a list of checks.  Semantics follow Draft 2020-12 as jsonschema
    implements it, including the Unknown/Partial rule of this module: an Unknown passes every
    keyword, a Partial string passes every keyword but ``type``.
    """

    def __init__(self, root: dict[str, Any]) -> None:
        import re

        self._re = re
        self.root = root
        self._nodes: dict[int, list[Any]] = {}
        self._check = self._compile(root)

    def _compile(self, schema: Any) -> Any:
        if schema is True or schema == {}:
            return None
        if not isinstance(schema, dict):
            raise _Unsupported(repr(schema))
        key = id(schema)
        if key in self._nodes:
            return self._nodes[key]
        checks: list[Any] = []
        self._nodes[key] = checks  # recursion through $ref ends here
        for kw, value in schema.items():
            if kw in _ANNOTATIONS:
                continue
            if kw == "$ref":
                if not isinstance(value, str) or not value.startswith("#/$defs/"):
                    raise _Unsupported(value)
                target = self.root.get("$defs", {}).get(value[len("#/$defs/") :])
                if target is None:
                    raise _Unsupported(value)
                checks.append(("ref", self._compile(target), None, schema))
            elif kw == "type":
                names = value if isinstance(value, list) else [value]
                preds = [_TYPES[n] for n in names]
                checks.append(("type", preds, value, schema))
            elif kw in ("properties",):
                checks.append(("properties", {k: self._compile(v) for k, v in value.items()}, value, schema))
            elif kw == "additionalProperties":
                if value is False:
                    checks.append(("additionalProperties", False, value, schema))
                else:
                    checks.append(("additionalPropertiesSchema", self._compile(value), value, schema))
            elif kw == "items":
                checks.append(("items", self._compile(value), value, schema))
            elif kw == "enum":
                checks.append(("enum", None, value, schema))
            elif kw in ("required", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"):
                checks.append((kw, None, value, schema))
            elif kw == "pattern":
                checks.append(("pattern", self._re.compile(value), value, schema))
            else:
                raise _Unsupported(kw)
        return checks

    def iter_errors(self, instance: Any) -> Iterator[_Error]:
        out: list[_Error] = []
        if self._check:
            self._run(self._check, instance, (), out)
        return iter(out)

    def _run(self, checks: list[Any], inst: Any, path: tuple[Any, ...], out: list[_Error]) -> None:
        if isinstance(inst, Unknown):
            return
        partial = isinstance(inst, Partial)
        for kind, arg, value, schema in checks:
            if kind == "ref":
                if arg:
                    self._run(arg, inst, path, out)
            elif kind == "type":
                if not any(p(inst) for p in arg):
                    out.append(_Error(path, "type", value, inst, schema))
            elif partial:
                continue
            elif kind == "properties":
                if isinstance(inst, dict):
                    for k, sub in arg.items():
                        if sub and k in inst:
                            self._run(sub, inst[k], path + (k,), out)
            elif kind == "additionalProperties":
                if isinstance(inst, dict):
                    props = schema.get("properties", {})
                    if any(k not in props for k in inst):
                        out.append(_Error(path, "additionalProperties", value, inst, schema))
            elif kind == "additionalPropertiesSchema":
                if isinstance(inst, dict) and arg:
                    props = schema.get("properties", {})
                    for k, v in inst.items():
                        if k not in props:
                            self._run(arg, v, path + (k,), out)
            elif kind == "items":
                if isinstance(inst, list) and arg:
                    for i, v in enumerate(inst):
                        self._run(arg, v, path + (i,), out)
            elif kind == "enum":
                if not any(_equal(inst, e) for e in value):
                    out.append(_Error(path, "enum", value, inst, schema))
            elif kind == "required":
                if isinstance(inst, dict):
                    for m in value:  # one error per missing member, as jsonschema reports them
                        if m not in inst:
                            err = _Error(path, "required", value, inst, schema)
                            err.message = f"{m!r} is a required property"
                            out.append(err)
            elif kind in ("minimum", "maximum"):
                if isinstance(inst, (int, float)) and not isinstance(inst, bool):
                    if (inst < value) if kind == "minimum" else (inst > value):
                        out.append(_Error(path, kind, value, inst, schema))
            elif kind in ("minLength", "maxLength"):
                if isinstance(inst, str):
                    n = len(inst)
                    if (n < value) if kind == "minLength" else (n > value):
                        out.append(_Error(path, kind, value, inst, schema))
            elif kind in ("minItems", "maxItems"):
                if isinstance(inst, list):
                    n = len(inst)
                    if (n < value) if kind == "minItems" else (n > value):
                        out.append(_Error(path, kind, value, inst, schema))
            elif kind == "pattern":
                if isinstance(inst, str) and not arg.search(inst):
                    out.append(_Error(path, "pattern", value, inst, schema))


def _equal(a: Any, b: Any) -> bool:
    """JSON equality as jsonschema's enum uses it: booleans are not numbers."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return bool(a == b)


def human_path(pointer: tuple[Any, ...]) -> str:
    out = ""
    for p in pointer:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return str(value)


_TYPE_WORDS = {"string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean (true or false)", "object": "an object", "array": "a list"}


def validate(data: Any, schema_name: str, skip_required: frozenset[str] = frozenset()) -> Iterator[Finding]:
    """Findings for every schema error in ``data``; ``skip_required`` names top-level members that
    the source format fills in (CloudFormation generates ``family`` and ``serviceName``)."""
    for err in _validator(schema_name).iter_errors(data):
        f = _finding(err, skip_required)
        if f is not None:
            yield f


def _finding(err: Any, skip_required: frozenset[str]) -> Finding | None:
    path = tuple(err.absolute_path)
    kw = err.validator
    where = human_path(path)
    inst = err.instance
    desc = err.schema.get("description") if isinstance(err.schema, dict) else None
    if kw == "required":
        m = re.match(r"^'(.+)' is a required property", err.message)
        name = m.group(1) if m else next((r for r in err.validator_value if isinstance(inst, dict) and r not in inst), None)
        if name is None or (not path and name in skip_required):
            return None
        return Finding(path, f"{where} is missing the required member {name!r}", target="key" if path else "value")
    if kw == "additionalProperties" and isinstance(inst, dict):
        allowed = list(err.schema.get("properties", {}))
        extra = [k for k in inst if k not in allowed]
        if not extra:
            return None
        key = extra[0]
        guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.75) or [
            a for a in allowed if a.lower() == key.lower()
        ]
        hint = f"; did you mean {guess[0]!r}?" if guess else f"; known members: {', '.join(sorted(allowed)[:12])}{' ...' if len(allowed) > 12 else ''}"
        return Finding(path + (key,), f"{where}: unknown member {key!r}{hint}", target="key")
    if kw == "enum":
        allowed = ", ".join(map(str, err.validator_value))
        return Finding(path, f"{where} is {_show(inst)}, which is not one of: {allowed}")
    if kw == "type":
        want = err.validator_value
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in (want if isinstance(want, list) else [want]))
        return Finding(path, f"{where} must be {words}, not {_show(inst)}")
    if kw in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "above", "exclusiveMaximum": "below"}[kw]
        return Finding(path, f"{where} must be {bound} {err.validator_value}, not {_show(inst)}")
    if kw in ("minLength", "maxLength"):
        bound = "at least" if kw == "minLength" else "at most"
        return Finding(path, f"{where} must be {bound} {err.validator_value} characters long (it has {len(inst)})")
    if kw in ("minItems", "maxItems"):
        bound = "at least" if kw == "minItems" else "at most"
        return Finding(path, f"{where} must have {bound} {err.validator_value} entries (it has {len(inst)})")
    if kw == "pattern":
        return Finding(path, f"{where} is {_show(inst)}, which does not match the pattern {err.validator_value}")
    return Finding(path, f"{where}: {err.message}" + (f" ({desc})" if desc else ""))
