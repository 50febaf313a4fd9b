"""Registers the built-in output formats through the formatter hook."""
from __future__ import annotations

from collections.abc import Callable

from ecslint.plugins import hookimpl


@hookimpl
def ecslint_register_formatters(register: Callable[[str, type], None]) -> None:
    from ecslint.output import _builtin

    for name, cls in _builtin().items():
        register(name, cls)
