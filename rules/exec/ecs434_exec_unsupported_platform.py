"""
## What it does
Checks where the tasks of a service or run-task input with `enableExecuteCommand: true` run: on
Fargate, ECS Exec needs Linux platform version 1.4.0 or later; Windows Nano Server containers
cannot be exec'd into.

## Why is this bad?
Tasks on older Fargate platform versions do not get the SSM agent mounts that ECS Exec relies on,
and Nano Server images lack the shell tooling: the service runs, but every `execute-command`
call fails.

## Example
```json
{"serviceName": "api", "launchType": "FARGATE", "platformVersion": "1.3.0", "enableExecuteCommand": true}
```

## Use instead
```json
{"serviceName": "api", "launchType": "FARGATE", "platformVersion": "LATEST", "enableExecuteCommand": true}
```

## Known limitations
The ECS agent version on EC2 instances (1.50.2 or later on Linux, 1.56 on Windows) is not part of
the input and is not checked.

## References
- [Using ECS Exec: considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
- [Fargate Linux platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service, effective_platform_version
from ecslint.registry import rule
from ecslint.rules._common import version_tuple
from ecslint.rules.exec._util import exec_enabled, label
from ecslint.values import as_str, is_unknown


@rule(
    code="ECS434",
    name="exec-unsupported-platform",
    summary="ECS Exec is enabled on a platform that does not support it",
    severity="warning",
    applies_to=("service", "run-task"),
    tags=("exec", "fargate"),
    covers=("EX-006", "EX-017"),
)
def check(svc: Service) -> Iterator[Finding]:
    if not exec_enabled(svc):
        return
    td = svc.task_definition
    windows = td is not None and td.is_windows
    pv = svc.data.get("platformVersion")
    if svc.launch_target[0] == "FARGATE" and not windows and not is_unknown(pv):
        eff = effective_platform_version(pv, False)
        vt = version_tuple(eff)
        if vt is not None and vt < (1, 4, 0):
            yield Finding(("platformVersion",), f"ECS Exec needs Fargate platform version 1.4.0 or later; {label(svc)} uses {eff}: use LATEST or 1.4.0")
    if td is None or not windows:
        return
    for i, c in td.containers:
        image = as_str(c.get("image")) or ""
        if "nanoserver" in image.lower():
            yield Finding(
                ("containerDefinitions", i, "image"),
                f"container {td.container_label(i)} uses a Nano Server image ({image}), which ECS Exec does not support; "
                f"{label(svc)} enables exec: use a Server Core image to exec into it",
                resource=td, related=(Related(svc, ("enableExecuteCommand",), "ECS Exec enabled here"),),
            )
