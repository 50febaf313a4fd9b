"""Values that cannot be known statically, and small helpers for reading the canonical model.

Every input format is normalized into the ECS API shape.  Where a value cannot be known before
deployment (a CloudFormation ``Ref`` to a parameter, a Terraform unknown, an ``Fn::Sub`` with an
unresolved part) the normalizer puts an :class:`Unknown` in its place, or a :class:`Partial` for a
string of which only some parts are known.  Rules stay silent on both.
"""
from __future__ import annotations

import re
from typing import Any

__all__ = ["Unknown", "Reference", "Partial", "is_unknown", "known", "as_int", "as_bool", "as_str", "is_true", "is_false"]


class Unknown:
    """A value that is present but cannot be known statically.

    An ``Unknown`` is truthy (the member *is* set) and equal to nothing but itself, so that
    ``value == "host"`` and ``value is True`` are false for it.  Use :func:`is_unknown` to test.
    """

    __slots__ = ("reason",)

    def __init__(self, reason: str = "value not known before deployment") -> None:
        #: Why the value is unknown, e.g. ``"Ref to parameter Cpu"``.
        self.reason = reason

    def __repr__(self) -> str:
        return f"Unknown({self.reason!r})"

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: object) -> bool:
        return self is other

    def __hash__(self) -> int:
        return id(self)


class Reference(Unknown):
    """A reference to another resource of the run (CloudFormation ``Ref``/``Fn::GetAtt``, Terraform
    ``aws_iam_role.exec.arn``): unknown as a value, but the project linker can follow it."""

    __slots__ = ("target", "attribute")

    def __init__(self, target: str, attribute: str | None = None, reason: str | None = None) -> None:
        super().__init__(reason or f"reference to {target}" + (f".{attribute}" if attribute else ""))
        #: CloudFormation logical id or Terraform resource address.
        self.target = target
        #: ``Arn``, ``arn``, ``name``... or None for a plain ``Ref``.
        self.attribute = attribute

    def __repr__(self) -> str:
        return f"Reference({self.target!r}, {self.attribute!r})"


_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")


class Partial(str):
    """A string of which some parts are unknown; each unknown part reads ``${Name}``.

    It is a ``str`` so that it can be compared and printed, but format checks (patterns, enums)
    must skip it: use :func:`is_unknown`, which is true for it.
    """

    __slots__ = ()

    @property
    def placeholders(self) -> list[str]:
        """The unknown parts, as written (``${AWS::Region}``)."""
        return _PLACEHOLDER.findall(self)


def is_unknown(value: object) -> bool:
    """True for an :class:`Unknown` or a :class:`Partial` string."""
    return isinstance(value, (Unknown, Partial))


def known(value: Any) -> bool:
    """True when the value is present (not None) and fully known."""
    return value is not None and not isinstance(value, (Unknown, Partial))


def as_int(value: object) -> int | None:
    """An integer from an int or an integer string (``"512"``); None when unknown or not an integer."""
    if isinstance(value, bool) or value is None or is_unknown(value):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        s = value.strip()
        if re.fullmatch(r"[+-]?\d+", s):
            return int(s)
    return None


def as_bool(value: object) -> bool | None:
    """A boolean from a bool or the strings "true"/"false" (any case); None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and not is_unknown(value):
        low = value.strip().lower()
        if low == "true":
            return True
        if low == "false":
            return False
    return None


def as_str(value: object) -> str | None:
    """A fully known string, or None."""
    if isinstance(value, str) and not isinstance(value, Partial):
        return value
    return None


def is_true(value: object) -> bool:
    """True only for a known true value (``True`` or ``"true"``)."""
    return as_bool(value) is True


def is_false(value: object) -> bool:
    """True only for a known false value (``False`` or ``"false"``)."""
    return as_bool(value) is False
