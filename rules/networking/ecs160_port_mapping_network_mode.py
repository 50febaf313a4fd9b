"""
## What it does
Checks port mappings against the task's network mode:
* `awsvpc`: `hostPort` must be omitted or equal to `containerPort`;
* `host`: `hostPort` must be omitted or equal to `containerPort`;
* `none`: no port mappings at all.

An explicit `hostPort: 0` under `awsvpc` or `host` is reported as a warning: it means "dynamic
port" only in `bridge` mode, and tools that send it for awsvpc tasks have been seen to fail.

## Why is this bad?
RegisterTaskDefinition rejects the task definition:
`When networkMode=awsvpc, the host ports and container ports in port mappings must match.` In
`awsvpc` and `host` modes the container port *is* the port on the task's network interface or on
the instance, so there is nothing to map; in `none` mode the task has no external network.

## Example
```json
{"family": "api", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "api", "image": "example/api:1", "memory": 512,
   "portMappings": [{"containerPort": 8080, "hostPort": 80}]}]}
```

## Use instead
```json
{"family": "api", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "api", "image": "example/api:1", "memory": 512,
   "portMappings": [{"containerPort": 8080}]}]}
```

## Known limitations
The rejection of `hostPort: 0` under `awsvpc` is inferred from a tool report, not from AWS
documentation (docs/research/verified-facts.md, 1.3), hence a warning.

## References
- [PortMapping](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html)
- [RegisterTaskDefinition: networkMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-networkMode)
- API error text: [pulumi/pulumi-awsx#935](https://github.com/pulumi/pulumi-awsx/issues/935)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import network_mode, port_mappings
from ecslint.values import as_int, is_unknown


@rule(
    code="ECS160",
    name="port-mapping-network-mode",
    summary="Port mapping is not allowed in the task's network mode",
    severity="error",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("NW-001", "NW-002", "NW-003"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    mode = network_mode(td)
    if mode not in ("awsvpc", "host", "none"):
        return
    for i, c in td.containers:
        label = td.container_label(i)
        if mode == "none":
            pms = c.get("portMappings")
            if isinstance(pms, list) and pms:
                yield Finding(("containerDefinitions", i, "portMappings"), f"container {label} has port mappings, but networkMode none gives the task no network; remove portMappings or use another network mode", target="key")
            continue
        for j, pm in port_mappings(c):
            hp, cp = pm.get("hostPort"), pm.get("containerPort")
            if hp is None or is_unknown(hp) or cp is None or is_unknown(cp):
                continue
            h, p = as_int(hp), as_int(cp)
            if h is None or p is None or h == p:
                continue
            ptr = ("containerDefinitions", i, "portMappings", j, "hostPort")
            if h == 0:
                yield Finding(ptr, f"container {label}: hostPort 0 means a dynamic port only in bridge mode; under networkMode {mode} omit hostPort (or set it to containerPort {p})", severity=Severity.WARNING)
            elif mode == "awsvpc":
                yield Finding(ptr, f"container {label}: when networkMode=awsvpc, the host ports and container ports in port mappings must match; got hostPort {h} for containerPort {p} (omit hostPort or set it to {p})")
            else:
                yield Finding(ptr, f"container {label}: with networkMode host the host port must be omitted or equal the container port; got hostPort {h} for containerPort {p} (omit hostPort or set it to {p})")
