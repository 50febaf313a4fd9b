"""Helpers for the networking rules."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.project import TaskDefinition
from ecslint.values import as_int, as_str, is_unknown


def network_mode(td: TaskDefinition) -> str | None:
    """The effective network mode: the declared one, ``bridge`` when omitted on Linux, ``default``
    when omitted on Windows; None when it cannot be known."""
    mode = td.network_mode
    if mode is None:
        if not td.os_known:
            return None
        return "default" if td.is_windows else "bridge"
    return as_str(mode)


def mode_words(td: TaskDefinition, mode: str) -> str:
    """``networkMode awsvpc`` or ``bridge mode: networkMode is omitted``."""
    return f"{mode} mode: networkMode is omitted" if td.network_mode is None else f"networkMode {mode}"


def port_mappings(c: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    pms = c.get("portMappings")
    if isinstance(pms, list):
        for j, pm in enumerate(pms):
            if isinstance(pm, dict):
                yield j, pm


def host_port(pm: dict[str, Any], mode: str) -> int | None:
    """The host port a mapping binds on the instance: hostPort, or containerPort in host/awsvpc mode
    when hostPort is omitted; None for dynamic (0/omitted in bridge) or unknown values."""
    hp = pm.get("hostPort")
    if hp is not None:
        if is_unknown(hp):
            return None
        n = as_int(hp)
        return n if n else None
    if mode in ("host", "awsvpc"):
        return as_int(pm.get("containerPort"))
    return None


def protocol(pm: dict[str, Any]) -> str | None:
    p = pm.get("protocol", "tcp")
    return as_str(p).lower() if as_str(p) else None
