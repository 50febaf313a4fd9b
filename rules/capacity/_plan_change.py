"""The ``resource_changes`` entry of a Terraform plan for a service (ECS357, ECS358): what an
in-place update changes, read from the raw plan (the loaders keep only the planned values)."""
from __future__ import annotations

from typing import Any

from ecslint.project import Service

#: Service arguments whose change starts a new deployment by itself (the tasks are replaced anyway).
DEPLOYING = (
    "task_definition", "network_configuration", "platform_version", "load_balancer", "service_registries",
    "capacity_provider_strategy", "service_connect_configuration", "volume_configuration",
    "vpc_lattice_configurations", "ordered_placement_strategy", "placement_constraints",
)  # fmt: skip


def update_change(svc: Service) -> dict[str, Any] | None:
    """``change`` of the plan's resource_changes entry when the plan updates this service in place, else None."""
    if svc.meta.get("actions") != ["update"]:
        return None
    data = svc.document.data
    changes = data.get("resource_changes") if isinstance(data, dict) else None
    address = svc.meta.get("address") or svc.name
    for rc in changes if isinstance(changes, list) else []:
        if isinstance(rc, dict) and rc.get("address") == address:
            change = rc.get("change")
            if isinstance(change, dict) and isinstance(change.get("before"), dict) and isinstance(change.get("after"), dict):
                return change
            return None
    return None


def unknown_after(change: dict[str, Any], key: str) -> bool:
    """True when Terraform only knows ``after[key]`` after apply (or part of it)."""
    au = change.get("after_unknown")
    v = au.get(key) if isinstance(au, dict) else None
    return v is True or isinstance(v, (list, dict)) and _any_true(v)


def _any_true(v: Any) -> bool:
    if v is True:
        return True
    if isinstance(v, dict):
        return any(_any_true(x) for x in v.values())
    if isinstance(v, list):
        return any(_any_true(x) for x in v)
    return False


def forced(change: dict[str, Any], svc: Service) -> bool:
    return change["after"].get("force_new_deployment") is True or svc.meta.get("force_new_deployment") is True


def strategy_set(value: Any) -> frozenset[tuple[Any, ...]] | None:
    """A capacity_provider_strategy block list as a comparable set (a set in the provider); None when not a list."""
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        return None
    out = set()
    for item in value:
        if not isinstance(item, dict):
            return None
        out.add((item.get("capacity_provider"), item.get("weight") or 0, item.get("base") or 0))
    return frozenset(out)


def strategy_text(s: frozenset[tuple[Any, ...]]) -> str:
    parts = sorted(f"{p} (weight {w}, base {b})" for p, w, b in s if isinstance(p, str))
    return ", ".join(parts) or "none"


def deploys(change: dict[str, Any]) -> list[str]:
    """The arguments of DEPLOYING that this update changes (or that become unknown)."""
    before, after = change["before"], change["after"]
    return [k for k in DEPLOYING if before.get(k) != after.get(k) or unknown_after(change, k)]
