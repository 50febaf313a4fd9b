"""Helpers for the secrets rules."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.project import TaskDefinition


def secret_refs(td: TaskDefinition) -> Iterator[tuple[tuple[Any, ...], int, dict[str, Any]]]:
    """(pointer of the entry, container index, entry) for every secrets[] and logConfiguration.secretOptions[] entry."""
    for i, c in td.containers:
        for path, items in ((("secrets",), c.get("secrets")), (("logConfiguration", "secretOptions"), (c.get("logConfiguration") or {}).get("secretOptions") if isinstance(c.get("logConfiguration"), dict) else None)):
            if isinstance(items, list):
                for j, s in enumerate(items):
                    if isinstance(s, dict):
                        yield ("containerDefinitions", i, *path, j), i, s
