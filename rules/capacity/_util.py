"""Helpers for the capacity provider, Spot, run-task and EBS rules (ECS340-ECS399)."""
from __future__ import annotations

from typing import Any

from ecslint.documents.base import Resource
from ecslint.project import Service, TaskDefinition
from ecslint.values import Reference, as_int, as_str, is_unknown

FARGATE_PROVIDERS = ("FARGATE", "FARGATE_SPOT")


def strategies(res: Resource) -> list[tuple[Resource, tuple[Any, ...], list[Any]]]:
    """The strategy a resource declares itself: (resource, pointer, raw items).

    Services and run-task inputs: ``capacityProviderStrategy``; clusters: ``defaultCapacityProviderStrategy``.
    Items that are not objects stay in the list (their index matters for pointers)."""
    key = "defaultCapacityProviderStrategy" if res.kind == "cluster" else "capacityProviderStrategy"
    items = res.data.get(key)
    if not isinstance(items, list) or not items or placeholder_strategy(items):
        return []
    return [(res, (key,), items)]


def placeholder_strategy(items: list[Any]) -> bool:
    """True for a CLI skeleton's strategy (every item names the provider ""): treated as absent."""
    return all(isinstance(i, dict) and i.get("capacityProvider") == "" for i in items)


def effective(svc: Service) -> tuple[Resource | None, tuple[Any, ...], list[Any]]:
    """The strategy that applies to a service or run-task: its own or its cluster's default."""
    strategy, source = svc.effective_strategy
    if not strategy or source is None:
        return None, (), []
    key = "defaultCapacityProviderStrategy" if source.kind == "cluster" else "capacityProviderStrategy"
    raw = source.data.get(key)
    return source, (key,), raw if isinstance(raw, list) else []


def provider_name(item: Any) -> str | None:
    """The known provider name of a strategy item, or None."""
    return as_str(item.get("capacityProvider")) if isinstance(item, dict) else None


def provider_label(item: Any) -> str:
    v = item.get("capacityProvider") if isinstance(item, dict) else None
    if isinstance(v, Reference):
        return v.target
    s = as_str(v)
    return (s or '""') if s is not None else "(unknown)"


def is_fargate_provider(item: Any) -> bool | None:
    """True for FARGATE/FARGATE_SPOT, False for an Auto Scaling group provider, None when unknown.

    A reference to another resource of the run (CloudFormation ``Ref: MyCapacityProvider``, Terraform
    ``aws_ecs_capacity_provider.x.name``) names an Auto Scaling group provider."""
    v = item.get("capacityProvider") if isinstance(item, dict) else None
    if isinstance(v, Reference):
        return False
    s = as_str(v)
    if s is None:
        return None
    return s in FARGATE_PROVIDERS


def number(item: Any, key: str) -> int | None:
    """weight/base with the API default 0 when omitted; None when unknown."""
    if not isinstance(item, dict):
        return None
    v = item.get(key)
    if v is None:
        return 0
    return as_int(v)


def origin_word(source: Resource, svc: Resource) -> str:
    return "" if source is svc else f" (the default strategy of cluster {source.name})"


def known_td(svc: Service) -> TaskDefinition | None:
    td = svc.task_definition
    return td if td is not None and td.containers_known else None


def count_of(svc: Resource) -> int | None:
    """desiredCount of a service, count of a run-task input (default 1); None when unknown or omitted."""
    if svc.kind == "run-task":
        v = svc.data.get("count")
        return 1 if v is None else as_int(v)
    v = svc.data.get("desiredCount")
    return None if v is None or is_unknown(v) else as_int(v)


def spot_entry(svc: Service) -> tuple[Resource | None, tuple[Any, ...]]:
    """Where FARGATE_SPOT can receive tasks in the effective strategy: (resource, pointer to the item)."""
    source, ptr, items = effective(svc)
    if source is None:
        return None, ()
    for i, it in enumerate(items):
        if provider_name(it) == "FARGATE_SPOT" and ((number(it, "weight") or 0) > 0 or (number(it, "base") or 0) > 0):
            return source, ptr + (i,)
    return None, ()


def who(svc: Resource) -> str:
    """``service web`` or ``run-task job:3``."""
    return svc.name if svc.kind == "run-task" else f"{svc.kind} {svc.name}"
