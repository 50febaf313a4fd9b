"""
## What it does
For every service with Service Connect enabled whose task definition is in the run, compares the
task-level `cpu` and `memory` with what its containers take (container `cpu`; container `memory`,
else `memoryReservation`) and warns when less than 256 CPU units or 64 MiB is left for the Service
Connect proxy that ECS adds to each task.

## Why is this bad?
The proxy shares the task's CPU and memory. AWS recommends adding 256 CPU units and at least
64 MiB of memory for it (512 CPU units above 500 requests per second at peak, and 128 MiB more for
namespaces with over 100 Service Connect services or 2000 tasks). Without that headroom the proxy
and the application starve each other: latency, throttling or an out-of-memory kill.

## Example
```json
{"family": "api", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "api", "image": "example/api", "cpu": 256, "memory": 480}]}
```

## Use instead
```json
{"family": "api", "networkMode": "awsvpc", "cpu": "512", "memory": "1024",
 "containerDefinitions": [{"name": "api", "image": "example/api", "cpu": 256, "memory": 480}]}
```

## References
- [Service Connect: proxy resources](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules._common import container_memory, task_cpu_units, task_memory_mib
from ecslint.rules.service_connect._util import SC, sc_config
from ecslint.values import as_int


@rule(
    code="ECS404",
    name="service-connect-proxy-headroom",
    summary="Task leaves less than 256 CPU units or 64 MiB for the Service Connect proxy",
    severity="warning",
    applies_to=("service",),
    tags=("service-connect", "resources"),
    covers=("SC-011",),
)
def check(svc: Service) -> Iterator[Finding]:
    td = svc.task_definition
    if sc_config(svc) is None or td is None or not td.containers_known or not td.containers:
        return
    rel = (Related(svc, (SC, "enabled"), f"service {svc.name} enables Service Connect"),)
    cpu = task_cpu_units(td.data.get("cpu"))
    if cpu is not None:
        used = [c.get("cpu", 0) for _, c in td.containers]
        if all(as_int(v) is not None for v in used):
            total = sum(as_int(v) or 0 for v in used)
            if cpu - total < 256:
                yield Finding(
                    ("cpu",), f"task cpu {cpu} leaves {cpu - total} CPU units beside the containers' {total} for the Service Connect "
                    f"proxy of service {svc.name}; AWS recommends 256 (512 above 500 requests/s): set task cpu to at least {total + 256}",
                    resource=td, related=rel,
                )
    mem = task_memory_mib(td.data.get("memory"))
    if mem is not None:
        used_m = [container_memory(c) for _, c in td.containers]
        limits = [c.get("memory") for _, c in td.containers]
        hard = all(as_int(v) is not None for v in limits)
        if all(v is not None for v in used_m):
            total = sum(v or 0 for v in used_m)
            if mem - total < 64 and not (hard and mem <= total):  # no room at all: ECS403
                yield Finding(
                    ("memory",), f"task memory {mem} MiB leaves {mem - total} MiB beside the containers' {total} MiB for the "
                    f"Service Connect proxy of service {svc.name}; AWS recommends at least 64 MiB: set task memory to at least {total + 64}",
                    resource=td, related=rel,
                )
