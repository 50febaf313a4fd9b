"""
## What it does
Warns when a service or run-task input enables ECS Exec and a container of its task definition
sets `readonlyRootFilesystem: true` without writable volumes at the paths the SSM agent writes to.

## Why is this bad?
ECS Exec injects the SSM agent into every container; the agent writes its binaries, state and logs
to the container file system. With a read-only root file system it cannot start, and
`execute-command` fails for that container.

## Example
```json
{"name": "api", "image": "example/api", "readonlyRootFilesystem": true}
```
in the task definition of a service with `"enableExecuteCommand": true`.

## Use instead
Keep the root file system read-only and mount writable volumes at `/managed-agents`,
`/var/lib/amazon/ssm` and `/var/log/amazon/ssm`, or turn exec off for that workload.

## References
- [Using ECS Exec: considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
- [amazon-ecs-exec-checker issue #21](https://github.com/aws-containers/amazon-ecs-exec-checker/issues/21)
- [containers-roadmap issue #1359](https://github.com/aws/containers-roadmap/issues/1359)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.exec._util import exec_enabled, label
from ecslint.values import as_str, is_true

_AGENT_PATHS = ("/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm")


@rule(
    code="ECS432",
    name="exec-readonly-root-filesystem",
    summary="ECS Exec is enabled for a container with a read-only root file system",
    severity="warning",
    applies_to=("service", "run-task"),
    tags=("exec", "containers"),
    covers=("EX-004",),
)
def check(svc: Service) -> Iterator[Finding]:
    td = svc.task_definition
    if not exec_enabled(svc) or td is None:
        return
    for i, c in td.containers:
        if not is_true(c.get("readonlyRootFilesystem")):
            continue
        mounts = c.get("mountPoints")
        paths = {as_str(m.get("containerPath")) for m in mounts if isinstance(m, dict)} if isinstance(mounts, list) else set()
        if mounts is not None and not isinstance(mounts, list):
            continue
        missing = [p for p in _AGENT_PATHS if p not in paths]
        if not missing:
            continue
        yield Finding(
            ("containerDefinitions", i, "readonlyRootFilesystem"),
            f"container {td.container_label(i)} has a read-only root file system, but {label(svc)} enables ECS Exec, "
            f"whose SSM agent must write to it; mount writable volumes at {', '.join(missing)} or turn exec off",
            resource=td, related=(Related(svc, ("enableExecuteCommand",), "ECS Exec enabled here"),),
        )
