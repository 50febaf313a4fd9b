"""Helpers for the volume rules."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.project import TaskDefinition


def volumes(td: TaskDefinition) -> Iterator[tuple[int, dict[str, Any]]]:
    vols = td.data.get("volumes")
    if isinstance(vols, list):
        for k, v in enumerate(vols):
            if isinstance(v, dict):
                yield k, v


def volumes_known(td: TaskDefinition) -> bool:
    vols = td.data.get("volumes")
    return vols is None or (isinstance(vols, list) and all(isinstance(v, dict) for v in vols))


def mount_points(c: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    mps = c.get("mountPoints")
    if isinstance(mps, list):
        for j, mp in enumerate(mps):
            if isinstance(mp, dict):
                yield j, mp
