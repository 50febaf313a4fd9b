"""Helpers of the Service Connect rules: the enabled configuration, its services, the task
definition's named port mappings and the effective namespace."""
from __future__ import annotations

from typing import Any

from ecslint.project import Service, TaskDefinition
from ecslint.values import Reference, as_str, is_true, is_unknown

SC = "serviceConnectConfiguration"


def sc_config(svc: Service) -> dict[str, Any] | None:
    """The Service Connect configuration when it is known to be enabled, else None."""
    cfg = svc.data.get(SC)
    if isinstance(cfg, dict) and is_true(cfg.get("enabled")):
        return cfg
    return None


def sc_services(cfg: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    items = cfg.get("services")
    return [(i, s) for i, s in enumerate(items) if isinstance(s, dict)] if isinstance(items, list) else []


def port_mappings(td: TaskDefinition) -> dict[str, tuple[int, int, dict[str, Any]]] | None:
    """Named port mappings of the task definition: {name: (container index, mapping index, mapping)}.

    None when the names cannot all be known (unknown containers, mappings or names)."""
    if not td.containers_known:
        return None
    out: dict[str, tuple[int, int, dict[str, Any]]] = {}
    for ci, c in td.containers:
        pms = c.get("portMappings")
        if pms is None:
            continue
        if not isinstance(pms, list):
            return None
        for pi, pm in enumerate(pms):
            if not isinstance(pm, dict):
                return None
            name = pm.get("name")
            if is_unknown(name):
                return None
            if isinstance(name, str):
                out.setdefault(name, (ci, pi, pm))
    return out


def mapping_for(svc: Service, entry: dict[str, Any]) -> tuple[TaskDefinition, int, int, dict[str, Any]] | None:
    """The port mapping a Service Connect service entry names, when both are known."""
    td = svc.task_definition
    name = as_str(entry.get("portName"))
    if td is None or name is None:
        return None
    pms = port_mappings(td)
    if not pms or name not in pms:
        return None
    ci, pi, pm = pms[name]
    return td, ci, pi, pm


def namespace_key(svc: Service, cfg: dict[str, Any]) -> tuple[str, str] | None:
    """A comparable key for the effective namespace (the service's or its cluster's default); None when unknown."""
    ns = cfg.get("namespace")
    if ns is None and svc.cluster is not None:
        defaults = svc.cluster.data.get("serviceConnectDefaults")
        ns = defaults.get("namespace") if isinstance(defaults, dict) else None
    if isinstance(ns, Reference):
        return ("ref", ns.target) if ns.attribute in (None, "Arn", "Id", "arn", "id", "name", "Name") else None
    s = as_str(ns)
    return ("name", s) if s else None


def namespace_text(key: tuple[str, str]) -> str:
    return f"namespace {key[1]}" if key[0] == "name" else f"the namespace of {key[1]}"
