"""
## What it does
Flags two containers of one task definition that bind the same port and protocol on the same
network namespace: the same static `hostPort` in `bridge` mode, or the same port (`hostPort` or
`containerPort`) in `host` and `awsvpc` mode, where all containers share one network stack.

## Why is this bad?
Only one process can listen on a port. The second container fails to start (`port is already
allocated` / `address already in use`), and the task stops. In `host` mode the same applies between
tasks: two tasks of this task definition can never run on the same instance.

## Example
```json
{"family": "web", "networkMode": "host", "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 80}]},
  {"name": "metrics", "image": "example/exporter:1", "memory": 64, "portMappings": [{"containerPort": 80}]}]}
```

## Use instead
```json
{"family": "web", "networkMode": "host", "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 80}]},
  {"name": "metrics", "image": "example/exporter:1", "memory": 64, "portMappings": [{"containerPort": 9113}]}]}
```

## Known limitations
Duplicates inside one container are left to the container rules; port ranges are not expanded.

## References
- [RegisterTaskDefinition: networkMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-networkMode)
- [PortMapping](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import host_port, mode_words, network_mode, port_mappings, protocol


@rule(
    code="ECS164",
    name="duplicate-host-port",
    summary="Two containers of the task bind the same port",
    severity="warning",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("NW-004",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    mode = network_mode(td)
    if mode not in ("bridge", "host", "awsvpc"):
        return
    seen: dict[tuple[int, str], tuple[int, int]] = {}
    for i, c in td.containers:
        for j, pm in port_mappings(c):
            port, proto = host_port(pm, mode), protocol(pm)
            if port is None or proto is None:
                continue
            first = seen.setdefault((port, proto), (i, j))
            if first[0] == i:
                continue
            key = "hostPort" if "hostPort" in pm else "containerPort"
            other = td.container_label(first[0])
            yield Finding(
                ("containerDefinitions", i, "portMappings", j, key),
                f"container {td.container_label(i)} binds {proto} port {port}, which container {other} already binds ({mode_words(td, mode)}); give one of them another port",
                related=(Related(td, ("containerDefinitions", first[0], "portMappings", first[1]), f"port {port} of container {other}"),),
            )
