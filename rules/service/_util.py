"""Helpers for the service, deployment, load balancer and service networking rules (ECS300-ECS339)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.documents.base import Resource
from ecslint.model import Finding
from ecslint.project import Service, TaskDefinition
from ecslint.rules._common import plan_resources
from ecslint.values import Reference, as_int, as_str, is_unknown


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


def unknown_container(td: TaskDefinition, name: str, ptr: tuple[Any, ...]) -> Finding:
    """The finding for a ``containerName`` that names no container of the task definition."""
    names = ", ".join(repr(as_str(c.get("name"))) for _, c in td.containers if as_str(c.get("name")))
    return Finding(ptr + ("containerName",), f"containerName {name!r} is not a container of task definition {td.name} "
                   f"(it has {names or 'no named containers'})")


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


def port_names(td: TaskDefinition) -> tuple[dict[str, int], bool]:
    """{portMappings[].name: container index} of a task definition, and whether every name is known."""
    out: dict[str, int] = {}
    complete = td.containers_known
    for i, c in td.containers:
        pms = c.get("portMappings")
        if pms is None:
            continue
        if not isinstance(pms, list):
            complete = False
            continue
        for pm in pms:
            name = pm.get("name") if isinstance(pm, dict) else None
            if isinstance(pm, dict) and name is not None and as_str(name) is None:
                complete = False
            elif as_str(name):
                out.setdefault(name, i)
            elif not isinstance(pm, dict):
                complete = False
    return out, complete


def cloud_map_record_types(svc: Resource, registry: Any) -> tuple[str, set[str]] | None:
    """(name, DNS record types) of the Cloud Map service a ``registryArn`` refers to, when it is defined in
    the same CloudFormation template (``AWS::ServiceDiscovery::Service``) or Terraform plan
    (``aws_service_discovery_service``) with known record types; None otherwise."""
    if not isinstance(registry, Reference):
        return None
    data = svc.document.data
    if not isinstance(data, dict):
        return None
    records: Any = None
    if isinstance(data.get("Resources"), dict):
        res = data["Resources"].get(registry.target)
        if not isinstance(res, dict) or res.get("Type") != "AWS::ServiceDiscovery::Service":
            return None
        props = res.get("Properties")
        dns = props.get("DnsConfig") if isinstance(props, dict) else None
        records = dns.get("DnsRecords") if isinstance(dns, dict) else None
        key = "Type"
    else:
        top = data.get("planned_values") or data.get("values")
        target = svc.meta.get("module_prefix", "") + registry.target
        found = [r for r in plan_resources(top.get("root_module") if isinstance(top, dict) else None)
                 if r.get("address") == target and r.get("type") == "aws_service_discovery_service"]
        if len(found) != 1:
            return None
        values = found[0].get("values")
        dns = values.get("dns_config") if isinstance(values, dict) else None
        dns = dns[0] if isinstance(dns, list) and len(dns) == 1 else None
        records = dns.get("dns_records") if isinstance(dns, dict) else None
        key = "type"
    if not isinstance(records, list) or not records:
        return None
    types = {r.get(key) for r in records if isinstance(r, dict)}
    if len([r for r in records if isinstance(r, dict)]) != len(records) or not all(isinstance(t, str) and t for t in types):
        return None
    return registry.target, types  # type: ignore[return-value]


# ---------------------------------------------------------------- ELBv2 target groups of the same template / plan
_CFN_TG = "AWS::ElasticLoadBalancingV2::TargetGroup"
_TF_TG = ("aws_lb_target_group", "aws_alb_target_group")


def _plan_entries(node: Any, pointer: tuple[Any, ...]) -> Iterator[tuple[dict[str, Any], tuple[Any, ...]]]:
    """(resource, source pointer) of every resource of a plan module and its child modules."""
    if not isinstance(node, dict):
        return
    resources, children = node.get("resources"), node.get("child_modules")
    for i, r in enumerate(resources if isinstance(resources, list) else []):
        if isinstance(r, dict):
            yield r, pointer + ("resources", i)
    for j, child in enumerate(children if isinstance(children, list) else []):
        yield from _plan_entries(child, pointer + ("child_modules", j))


def target_group(svc: Resource, value: Any, pointer: tuple[Any, ...]) -> Resource | None:
    """A lightweight view (kind "target-group") of the ELBv2 target group that a service's ``targetGroupArn``
    at canonical ``pointer`` names, when the same CloudFormation template (``AWS::ElasticLoadBalancingV2::TargetGroup``
    by Ref or GetAtt) or Terraform plan (``aws_lb_target_group``/``aws_alb_target_group`` by reference or by its
    known ARN) defines it; None otherwise.  Its data are the raw Properties / values; ``meta["format"]`` is
    "cloudformation" or "terraform"."""
    from ecslint.project import make_resource

    data = svc.document.data
    if not isinstance(data, dict):
        return None
    ref = value if isinstance(value, Reference) else (svc.meta.get("refs") or {}).get(tuple(pointer))
    if isinstance(data.get("Resources"), dict):
        if not isinstance(ref, Reference):
            return None
        res = data["Resources"].get(ref.target)
        if not isinstance(res, dict) or res.get("Type") != _CFN_TG:
            return None
        props = res.get("Properties")
        base = ("Resources", ref.target)
        if props is None:
            props, root = {}, base
        elif isinstance(props, dict):
            root = base + ("Properties",)
        else:
            return None
        return make_resource("target-group", ref.target, props, svc.document, base=base, root=root,
                             meta={"format": "cloudformation"})
    top_key = "planned_values" if isinstance(data.get("planned_values"), dict) else "values"
    top = data.get(top_key)
    if not isinstance(top, dict):
        return None
    if isinstance(ref, Reference):
        prefix = svc.meta.get("module_prefix", "")
        wanted = [prefix + ref.target, ref.target] if prefix else [ref.target]
    elif as_str(value) and as_str(value).startswith("arn:"):  # type: ignore[union-attr]
        wanted = []
    else:
        return None
    groups = [(r, p) for r, p in _plan_entries(top.get("root_module"), (top_key, "root_module"))
              if r.get("type") in _TF_TG and r.get("mode", "managed") == "managed" and isinstance(r.get("values"), dict)]
    for address in wanted:
        found = [(r, p) for r, p in groups if r.get("address") == address]
        if found:
            break
    else:
        found = [] if wanted else [(r, p) for r, p in groups if r["values"].get("arn") == value]
    if len(found) != 1:
        return None
    r, p = found[0]
    return make_resource("target-group", str(r.get("address")), r["values"], svc.document, base=p, root=p + ("values",),
                         meta={"format": "terraform"})


def _scalar(v: Any) -> str | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return str(v)
    return as_str(v)


def target_type(tg: Resource) -> tuple[str | None, tuple[Any, ...], bool]:
    """(target type, pointer in the view, whether it is the default ``instance``); the type is None when unknown."""
    key = "TargetType" if tg.meta.get("format") == "cloudformation" else "target_type"
    v = tg.data.get(key)
    if v is None:
        # CloudFormation's default; a Terraform plan always lists the provider default, so a missing one is unknown.
        return ("instance" if key == "TargetType" else None), (), True
    return _scalar(v), (key,), False


def health_check_port(tg: Resource) -> tuple[str | None, tuple[Any, ...]]:
    """(HealthCheckPort, pointer in the view); ``traffic-port`` when omitted, None when unknown."""
    if tg.meta.get("format") == "cloudformation":
        v = tg.data.get("HealthCheckPort")
        return ("traffic-port" if v is None else _scalar(v)), ("HealthCheckPort",)
    hc = tg.data.get("health_check")
    if hc is None or hc == []:
        return "traffic-port", ()
    if not isinstance(hc, list) or len(hc) != 1 or not isinstance(hc[0], dict):
        return None, ("health_check",)
    v = hc[0].get("port")
    return ("traffic-port" if v is None else _scalar(v)), ("health_check", 0, "port")
