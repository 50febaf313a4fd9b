"""
## What it does
Checks that a service or run-task input gives `networkConfiguration.awsvpcConfiguration` exactly
when its task definition uses the `awsvpc` network mode.

## Why is this bad?
The network configuration "is required for task definitions that use the awsvpc network mode to
receive their own elastic network interface, and it isn't supported for other network modes".
The API rejects both mistakes: `Network Configuration must be provided when networkMode 'awsvpc' is
specified.` and `Network Configuration is not valid for the given networkMode of this task definition.`

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE"}
```
with a task definition using `"networkMode": "awsvpc"`.

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]}}}
```

## References
- [CreateService: networkConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [RunTask: networkConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html)
- API texts: [PasseiDireto/gh-runner-task-action#8](https://github.com/PasseiDireto/gh-runner-task-action/issues/8), [muya/amazon-ecs-run-task#7](https://github.com/muya/amazon-ecs-run-task/issues/7)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import network_mode, who


@rule(
    code="ECS305",
    name="network-configuration-mismatch",
    summary="networkConfiguration missing for awsvpc, or given for another network mode",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("networking",),
    covers=("NW-010", "NW-011", "RT-004", "FG-011"),
)
def check(svc: Service) -> Iterator[Finding]:
    td = svc.task_definition
    if td is None:
        return
    mode = network_mode(td)
    if mode is None or (td.network_mode is None and td.is_fargate):
        return
    nc = svc.data.get("networkConfiguration")
    awsvpc = nc.get("awsvpcConfiguration") if isinstance(nc, dict) else nc
    rel = (Related(td, ("networkMode",) if td.network_mode is not None else (), f"task definition {td.name}",
                   target="value" if td.network_mode is not None else "key"),)
    if mode == "awsvpc" and (nc is None or awsvpc is None):
        yield Finding(("networkConfiguration",) if nc is not None else (), f"task definition {td.name} uses the awsvpc network "
                      f"mode, so {who(svc)} needs networkConfiguration.awsvpcConfiguration with its subnets (and security groups)",
                      target="key", related=rel)
    elif mode != "awsvpc" and awsvpc is not None:
        shown = mode if td.network_mode is not None else f"{mode} (networkMode omitted)"
        yield Finding(("networkConfiguration",), f"networkConfiguration is only valid for the awsvpc network mode; task "
                      f"definition {td.name} uses {shown}: remove networkConfiguration or switch the task definition to awsvpc",
                      target="key", related=rel)
