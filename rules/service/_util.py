"""Helpers for the service, deployment, load balancer and service networking rules (ECS300-ECS339)."""
from __future__ import annotations

from typing import Any

from ecslint.documents.base import Resource
from ecslint.project import Service, TaskDefinition
from ecslint.values import as_int, as_str, is_unknown


def who(svc: Resource) -> str:
    """``service web`` or ``run-task job:3``."""
    return svc.name if svc.kind == "run-task" else f"{svc.kind} {svc.name}"


def controller(svc: Resource) -> str | None:
    """deploymentController.type with its default ECS; None when unknown."""
    dc = svc.data.get("deploymentController")
    if dc is None:
        return "ECS"
    if not isinstance(dc, dict):
        return None
    t = dc.get("type")
    return "ECS" if t is None else as_str(t)


def scheduling(svc: Resource) -> str | None:
    """schedulingStrategy with its default REPLICA; None when unknown."""
    v = svc.data.get("schedulingStrategy")
    return "REPLICA" if v is None else as_str(v)


def network_mode(td: TaskDefinition) -> str | None:
    """The task definition's network mode; omitted is reported as "bridge" (Linux) or "default" (Windows); None if unknown."""
    nm = td.network_mode
    if nm is None:
        if not td.os_known:
            return None
        return "default" if td.is_windows else "bridge"
    return as_str(nm)


def known_list(value: Any) -> list[Any] | None:
    """A list whose length is known (items may be unknown), or None."""
    return value if isinstance(value, list) else None


def port_mappings(td: TaskDefinition, name: str) -> tuple[int, dict[str, Any]] | None:
    """(index, container) of the container called ``name``."""
    for i, c in td.containers:
        if as_str(c.get("name")) == name:
            return i, c
    return None


def container_ports(c: dict[str, Any]) -> set[int] | None:
    """containerPort values of a container's portMappings; None when any is unknown."""
    pms = c.get("portMappings")
    if pms is None:
        return set()
    if not isinstance(pms, list):
        return None
    out: set[int] = set()
    for pm in pms:
        if not isinstance(pm, dict):
            return None
        v = as_int(pm.get("containerPort"))
        if v is None:
            if is_unknown(pm.get("containerPort")) or pm.get("containerPort") is not None:
                return None
            continue
        out.add(v)
    return out


def fargate_target(svc: Service) -> str:
    """A reason when the service/run-task runs on Fargate, else ""."""
    target, why = svc.launch_target
    return why if target == "FARGATE" else ""
