"""Helpers for the Fargate, Windows and ECS Anywhere rules (ECS200-ECS269)."""
from __future__ import annotations

import re
from typing import Any

from ecslint.project import TaskDefinition
from ecslint.values import Partial, as_str, is_unknown

__all__ = ["FARGATE_WINDOWS_OS", "nonempty", "present", "private_ecr", "not_fargate", "windows_reason", "linux_explicit", "fg"]

#: Operating system families Fargate runs Windows tasks on (2016/2004/20H2/2025 are EC2 only).
FARGATE_WINDOWS_OS = ("WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2022_CORE")

_ECR = re.compile(r"^[^/]*\.dkr\.ecr(?:-fips)?\.[^/]*\.amazonaws\.com(?:\.cn)?/", re.I)
_HOLE = re.compile(r"\$\{[^}]*\}")


def nonempty(value: Any) -> bool:
    """A known non-empty list (or a present Unknown list, which we do not report: False).

    A list of empty strings only (``[""]``, the placeholder of ``--generate-cli-skeleton`` output) counts as empty."""
    return isinstance(value, list) and len(value) > 0 and not all(v == "" for v in value)


def present(value: Any) -> bool:
    """Set to something (known or not)."""
    return value is not None


def private_ecr(image: Any) -> bool:
    """True when the image is in a private ECR registry, also for ``${AWS::AccountId}.dkr.ecr.${AWS::Region}...``."""
    if not isinstance(image, str):
        return False
    text = _HOLE.sub("x", image) if isinstance(image, Partial) else image
    return bool(_ECR.match(text))


def not_fargate(td: TaskDefinition) -> bool:
    """True when the task definition surely does not run on Fargate: requiresCompatibilities is set
    (without FARGATE) and no runner of this run places it there."""
    req = td.data.get("requiresCompatibilities")
    return isinstance(req, list) and bool(req) and not any(is_unknown(r) for r in req) and not td.is_fargate


def windows_reason(td: TaskDefinition) -> str:
    return f"runtimePlatform.operatingSystemFamily is {td.os_family}"


def linux_explicit(td: TaskDefinition) -> bool:
    """True when runtimePlatform says LINUX (an omitted runtimePlatform may still be Windows on EC2)."""
    rp = td.data.get("runtimePlatform")
    return isinstance(rp, dict) and as_str(rp.get("operatingSystemFamily")) == "LINUX"


def fg(td: TaskDefinition) -> str:
    """`` (requiresCompatibilities lists FARGATE)``: why this task is on Fargate."""
    return f" ({td.fargate_reason})" if td.fargate_reason else ""
