"""Helpers shared by the built-in rules: normalized numbers, the Fargate size table, wording."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ecslint.values import as_int, is_unknown

__all__ = [
    "task_cpu_units", "task_memory_mib", "FARGATE_LINUX", "FARGATE_WINDOWS", "fargate_memory_text",
    "where", "version_tuple", "container_memory", "essential", "plan_resources",
]  # fmt: skip

_VCPU = re.compile(r"^\s*(\d*\.?\d+)\s*vcpu\s*$", re.I)
_GB = re.compile(r"^\s*(\d*\.?\d+)\s*gb\s*$", re.I)


def _units(value: Any, spelled: re.Pattern[str], factor: int) -> int | None:
    """An integer, an integer string, or ``<number> <unit>`` times ``factor``; None when unknown or malformed."""
    if value is None or is_unknown(value):
        return None
    n = as_int(value)
    if n is not None:
        return n
    if isinstance(value, str):
        m = spelled.match(value)
        if m:
            amount = float(m.group(1)) * factor
            return int(amount) if amount.is_integer() else None
    return None


def task_cpu_units(value: Any) -> int | None:
    """Task cpu in CPU units: ``"1024"``, ``1024``, ``"1 vCPU"`` and ``".25 vcpu"`` all work; None when unknown or malformed."""
    return _units(value, _VCPU, 1024)


def task_memory_mib(value: Any) -> int | None:
    """Task memory in MiB: ``"2048"``, ``2048``, ``"2GB"``, ``"0.5 GB"``; None when unknown or malformed."""
    return _units(value, _GB, 1024)


def _steps(lo: int, hi: int, step: int) -> tuple[int, ...]:
    return tuple(range(lo, hi + 1, step))


#: Fargate Linux: cpu units -> (allowed memory in MiB, minimum Linux platform version).
#: 32 vCPU (32768 units) with 60, 120 or 244 GB was added in 2026 (see docs/research/verified-facts.md).
FARGATE_LINUX: dict[int, tuple[tuple[int, ...], str]] = {
    256: ((512, 1024, 2048), "1.0.0"),
    512: (_steps(1024, 4096, 1024), "1.0.0"),
    1024: (_steps(2048, 8192, 1024), "1.0.0"),
    2048: (_steps(4096, 16384, 1024), "1.0.0"),
    4096: (_steps(8192, 30720, 1024), "1.0.0"),
    8192: (_steps(16384, 61440, 4096), "1.4.0"),
    16384: (_steps(32768, 122880, 8192), "1.4.0"),
    32768: ((61440, 122880, 249856), "1.4.0"),
}
#: Fargate Windows: only 1, 2 and 4 vCPU.
FARGATE_WINDOWS: dict[int, tuple[tuple[int, ...], str]] = {
    1024: (_steps(2048, 8192, 1024), "1.0.0"),
    2048: (_steps(4096, 16384, 1024), "1.0.0"),
    4096: (_steps(8192, 30720, 1024), "1.0.0"),
}


def fargate_memory_text(mem: tuple[int, ...]) -> str:
    """``2048-8192 MiB in steps of 1024`` or ``512, 1024 or 2048 MiB``."""
    steps = {b - a for a, b in zip(mem, mem[1:])}
    if len(mem) > 3 and len(steps) == 1:
        return f"{mem[0]}-{mem[-1]} MiB in steps of {steps.pop()}"
    return ", ".join(map(str, mem[:-1])) + f" or {mem[-1]} MiB"


def where(reason: str) -> str:
    """`` (Fargate: service web uses capacity provider FARGATE_SPOT)`` style suffix."""
    return f" ({reason})" if reason else ""


def version_tuple(v: str | None) -> tuple[int, ...] | None:
    if not v or not re.fullmatch(r"\d+(\.\d+)*", v):
        return None
    return tuple(int(p) for p in v.split("."))


def container_memory(container: dict[str, Any]) -> int | None:
    """The memory a container reserves for sums: ``memory``, else ``memoryReservation``, else 0; None if unknown."""
    for key in ("memory", "memoryReservation"):
        v = container.get(key)
        if v is None:
            continue
        return as_int(v)
    return 0


def essential(container: dict[str, Any]) -> bool | None:
    """``essential`` with its default (true); None when unknown."""
    v = container.get("essential", True)
    if is_unknown(v):
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.lower() in ("true", "false"):
        return v.lower() == "true"
    return None


def plan_resources(module: Any) -> Iterator[dict[str, Any]]:
    """Every resource object of a Terraform plan module (``planned_values.root_module``) and its child modules."""
    if not isinstance(module, dict):
        return
    resources, children = module.get("resources"), module.get("child_modules")
    for r in resources if isinstance(resources, list) else []:
        if isinstance(r, dict):
            yield r
    for child in children if isinstance(children, list) else []:
        yield from plan_resources(child)
