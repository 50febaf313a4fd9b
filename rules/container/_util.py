"""Helpers for the task-definition and container rules (ECS100-149)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ecslint.project import TaskDefinition
from ecslint.values import as_str, is_unknown

__all__ = ["items", "container_names", "names_known", "s3_arn_key", "templated"]


def items(obj: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, entry) for each object in the list ``obj[key]``; nothing when it is missing or unknown."""
    value = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(value, list):
        for j, entry in enumerate(value):
            if isinstance(entry, dict):
                yield j, entry


def container_names(td: TaskDefinition) -> dict[str, int]:
    """Known container name -> index of its first container."""
    out: dict[str, int] = {}
    for i, c in td.containers:
        name = as_str(c.get("name"))
        if name is not None:
            out.setdefault(name, i)
    return out


def names_known(td: TaskDefinition) -> bool:
    """True when the container list and every container name are known (a missing name is known)."""
    return td.containers_known and not any(is_unknown(c.get("name")) for _, c in td.containers)


def templated(value: str) -> bool:
    """True for a value that a deploy tool fills in later: ``<IMAGE1_NAME>`` (CodeDeploy), ``${repo}`` (envsubst,
    Terraform templatefile), ``{{ env ... }}`` (ecspresso, Jinja), ``%{...}``."""
    return "${" in value or "{{" in value or "%{" in value or bool(re.search(r"<[A-Za-z0-9_.-]+>", value))


def s3_arn_key(value: str) -> tuple[str, str] | None:
    """(bucket, key) of ``arn:<partition>:s3:::<bucket>/<key>``, or None when it is not an S3 object ARN."""
    if not value.startswith("arn:"):
        return None
    parts = value.split(":", 5)
    if len(parts) != 6 or parts[2] != "s3" or parts[3] or parts[4]:
        return None
    bucket, _, key = parts[5].partition("/")
    if not bucket or not key:
        return None
    return bucket, key
