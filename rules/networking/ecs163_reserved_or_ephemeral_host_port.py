"""
## What it does
Checks the static host ports a task binds on its container instance (`hostPort` in `bridge`
mode; `hostPort` or `containerPort` in `host` mode):
* a port the ECS agent reserves by default (22, 2375, 2376, 51678, 51679, 51680): the task can
  never be placed;
* a port inside the range the agent hands out for dynamic mappings (49153-65535 by default): it
  collides with dynamically mapped ports of other tasks (warning).

## Why is this bad?
Ports are a per-instance resource. The agent registers SSH, the Docker API and its own
introspection/credential ports as reserved, so a task that asks for one of them stays in
`PROVISIONING`/never finds an instance ("RESOURCE:PORTS"). Static ports in the dynamic range work
until the day another task got that port dynamically.

## Example
```json
{"family": "ssh", "networkMode": "bridge", "containerDefinitions": [
  {"name": "bastion", "image": "example/sshd:1", "memory": 128,
   "portMappings": [{"containerPort": 22, "hostPort": 22}, {"containerPort": 9000, "hostPort": 50000}]}]}
```

## Use instead
```json
{"family": "ssh", "networkMode": "bridge", "containerDefinitions": [
  {"name": "bastion", "image": "example/sshd:1", "memory": 128,
   "portMappings": [{"containerPort": 22, "hostPort": 2222}, {"containerPort": 9000, "hostPort": 0}]}]}
```

## Known limitations
The reserved list and the dynamic range are the agent defaults (`ECS_RESERVED_PORTS`,
`ECS_DYNAMIC_HOST_PORT_RANGE`); an instance configured otherwise may differ. `awsvpc` tasks have
their own network interface and are not checked.

## References
- [PortMapping: hostPort](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html)
- [Amazon ECS container agent configuration](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import host_port, mode_words, network_mode, port_mappings

RESERVED = {22: "SSH", 2375: "the Docker API", 2376: "the Docker API (TLS)", 51678: "the ECS agent", 51679: "the ECS agent's credential endpoint", 51680: "the ECS agent's introspection API"}
DYNAMIC_FIRST = 49153


@rule(
    code="ECS163",
    name="reserved-or-ephemeral-host-port",
    summary="Static host port is reserved by the ECS agent or in the dynamic range",
    severity="warning",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("CT-022", "CT-023"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    mode = network_mode(td)
    if mode not in ("bridge", "host") or td.is_windows or td.is_fargate:
        return
    for i, c in td.containers:
        for j, pm in port_mappings(c):
            port = host_port(pm, mode)
            if port is None:
                continue
            key = "hostPort" if "hostPort" in pm else "containerPort"
            ptr = ("containerDefinitions", i, "portMappings", j, key)
            label = td.container_label(i)
            if port in RESERVED:
                yield Finding(ptr, f"container {label}: host port {port} is reserved on ECS container instances for {RESERVED[port]}, so the task cannot be placed ({mode_words(td, mode)}); bind another host port")
            elif port >= DYNAMIC_FIRST and mode == "bridge":
                yield Finding(ptr, f"container {label}: static host port {port} is in the agent's dynamic port range 49153-65535 and can collide with dynamically mapped ports; use a port below 32768 or hostPort 0 (dynamic)", severity=Severity.WARNING)
