"""Helpers for the logging rules."""
from __future__ import annotations

from typing import Any

from ecslint.project import TaskDefinition
from ecslint.values import as_str


def log_configs(td: TaskDefinition, driver: str | None = None) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(container index, logConfiguration, options) for containers with a known logDriver (optionally only `driver`)."""
    out = []
    for i, c in td.containers:
        lc = c.get("logConfiguration")
        if not isinstance(lc, dict):
            continue
        d = as_str(lc.get("logDriver"))
        if d is None or (driver is not None and d != driver):
            continue
        opts = lc.get("options")
        out.append((i, lc, opts if isinstance(opts, dict) else {}))
    return out


def routers(td: TaskDefinition) -> list[tuple[int, dict[str, Any]]]:
    """Containers with a firelensConfiguration (the FireLens log routers)."""
    return [(i, c) for i, c in td.containers if c.get("firelensConfiguration") is not None]


def options_known(lc: dict[str, Any]) -> bool:
    opts = lc.get("options")
    return opts is None or isinstance(opts, dict)
