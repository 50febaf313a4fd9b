"""
## What it does
For every service with Service Connect enabled whose task definition is in the run, checks that the
task definition sets a task-level `memory`, and, when every container sets a hard `memory` limit,
that the task `memory` is greater than their sum.

## Why is this bad?
ECS adds the Service Connect proxy container to every task. "Task definitions must set their task's
memory limit" and "the task memory limit must be set to a number greater than the sum of the
container memory limits": task definitions that only set container limits are not supported, and
without room left for the proxy the tasks cannot be placed or the proxy is killed.

## Example
```json
{"family": "api", "networkMode": "awsvpc",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 512,
   "portMappings": [{"containerPort": 8080, "name": "web"}]}]}
```

## Use instead
```json
{"family": "api", "networkMode": "awsvpc", "memory": "1024",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 512,
   "portMappings": [{"containerPort": 8080, "name": "web"}]}]}
```

## References
- [Service Connect considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html)
- [Task definition parameters: memory](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules._common import task_memory_mib
from ecslint.rules.service_connect._util import SC, sc_config
from ecslint.values import as_int, is_unknown


@rule(
    code="ECS403",
    name="service-connect-task-memory",
    summary="Service Connect task definition lacks task memory above its containers' limits",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "resources"),
    covers=("SC-009", "SC-010"),
)
def check(svc: Service) -> Iterator[Finding]:
    td = svc.task_definition
    if sc_config(svc) is None or td is None:
        return
    rel = (Related(svc, (SC, "enabled"), f"service {svc.name} enables Service Connect"),)
    raw = td.data.get("memory")
    if raw is None:
        yield Finding(
            (), f"service {svc.name} uses Service Connect, which needs task-level memory; set \"memory\" on task definition {td.name} "
            "above the sum of its containers' memory, leaving room for the proxy", target="key", resource=td, related=rel,
        )
        return
    mem = task_memory_mib(raw)
    if mem is None or not td.containers_known or not td.containers:
        return
    limits = [c.get("memory") for _, c in td.containers]
    if any(v is None or is_unknown(v) for v in limits):
        return
    total = sum(as_int(v) or 0 for v in limits)
    if mem <= total:
        yield Finding(
            ("memory",), f"task memory {mem} MiB is not greater than the sum of the container memory limits ({total} MiB); "
            f"service {svc.name} uses Service Connect, whose proxy needs room: set at least {total + 64} MiB", resource=td, related=rel,
        )
