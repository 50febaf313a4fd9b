"""
## What it does
Recommends `linuxParameters.initProcessEnabled: true` on the containers of a Linux task definition
whose service or run-task input enables ECS Exec.

## Why is this bad?
Every exec session starts processes through the SSM agent. Without an init process as PID 1 the
finished ones are not reaped and linger as zombie processes until the container stops, slowly
using up the process table. The exec checker flags this too.

## Example
```json
{"name": "api", "image": "example/api"}
```
in the task definition of a service with `"enableExecuteCommand": true`.

## Use instead
```json
{"name": "api", "image": "example/api", "linuxParameters": {"initProcessEnabled": true}}
```

## References
- [Using ECS Exec: optional task definition changes](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
- [LinuxParameters: initProcessEnabled](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.exec._util import exec_enabled, label
from ecslint.values import is_unknown


@rule(
    code="ECS433",
    name="exec-init-process-disabled",
    summary="ECS Exec is enabled but containers run without an init process",
    severity="warning",
    applies_to=("service", "run-task"),
    tags=("exec", "containers"),
    covers=("EX-005",),
)
def check(svc: Service) -> Iterator[Finding]:
    td = svc.task_definition
    if not exec_enabled(svc) or td is None or td.is_windows or not td.os_known:
        return
    rel = (Related(svc, ("enableExecuteCommand",), "ECS Exec enabled here"),)
    for i, c in td.containers:
        lp = c.get("linuxParameters")
        if is_unknown(lp):
            continue
        value = lp.get("initProcessEnabled") if isinstance(lp, dict) else None
        if value is True or is_unknown(value):
            continue
        ptr, target = (("containerDefinitions", i, "linuxParameters", "initProcessEnabled"), "value") if value is not None else (
            (("containerDefinitions", i, "linuxParameters"), "key") if isinstance(lp, dict) else (("containerDefinitions", i), "key"))
        yield Finding(
            ptr, f"{label(svc)} enables ECS Exec; set linuxParameters.initProcessEnabled: true on container "
            f"{td.container_label(i)} so that processes started by exec sessions are reaped", target=target, resource=td, related=rel,
        )
