"""Schema validation of canonical resources (jsonschema, extended, never forked).

Every keyword is wrapped so that an :class:`~ecslint.values.Unknown` (or a ``Partial`` string, for
string keywords) passes: values that cannot be known are never reported.  Errors become findings
with a message that names the member, the value, and what would be right.
"""
from __future__ import annotations

import difflib
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
    from ecslint.schemastore import load_schema

    return _validator_class()(load_schema(schema_name))


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
        missing = [m for m in err.validator_value if isinstance(inst, dict) and m not in inst]
        if not path:
            missing = [m for m in missing if m not in skip_required]
        if not missing:
            return None
        name = missing[0]
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
