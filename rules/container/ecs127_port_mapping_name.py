"""
## What it does
Checks port mapping names: at most 64 characters of lower-case letters, digits, `_` and `-`, not
starting with `-`, and unique across all containers of the task definition. Warns about an
`appProtocol` on a mapping without a `name`.

## Why is this bad?
Service Connect and VPC Lattice select a port by this name (`portName`), so ECS rejects malformed
names and a name used twice is ambiguous. `appProtocol` is only used by Service Connect, which
needs the mapping's name: without one it has no effect.

## Example
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "my-app:1.0.0", "memory": 256,
   "portMappings": [{"containerPort": 8080, "name": "HTTP"}, {"containerPort": 9090, "appProtocol": "grpc"}]}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "my-app:1.0.0", "memory": 256,
   "portMappings": [{"containerPort": 8080, "name": "http"}, {"containerPort": 9090, "name": "grpc", "appProtocol": "grpc"}]}]}
```

## References
- [PortMapping: name and appProtocol](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html)
- [Service Connect](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding, Related, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str, known

_NAME = re.compile(r"^[a-z0-9_][a-z0-9_-]{0,63}$")


@rule(
    code="ECS127",
    name="port-mapping-name",
    summary="Port mapping name is malformed or duplicated",
    severity="error",
    applies_to=("task-definition",),
    tags=("networking", "containers", "service-connect"),
    covers=("CT-017", "CT-018", "CT-020"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    first: dict[str, tuple[int, int]] = {}
    for i, c in td.containers:
        label = td.container_label(i)
        for j, pm in items(c, "portMappings"):
            at = ("containerDefinitions", i, "portMappings", j)
            name = as_str(pm.get("name"))
            if pm.get("name") is None and known(pm.get("appProtocol")):
                yield Finding(at + ("appProtocol",), f"container {label} sets appProtocol {pm['appProtocol']!r} on a port "
                              "mapping without a name; Service Connect uses it only on named ports: add a name",
                              severity=Severity.WARNING)
            if name is None:
                continue
            if not _NAME.match(name):
                yield Finding(at + ("name",), f"port mapping name {name!r} of container {label} must be 1-64 lower-case "
                              "letters, digits, '_' or '-', not starting with '-'")
            if name in first:
                fi, fj = first[name]
                yield Finding(at + ("name",), f"port mapping name {name!r} of container {label} is already used by "
                              f"container {td.container_label(fi)}; port names must be unique in the task definition",
                              related=(Related(td, ("containerDefinitions", fi, "portMappings", fj, "name"), "first use"),))
            else:
                first[name] = (i, j)
