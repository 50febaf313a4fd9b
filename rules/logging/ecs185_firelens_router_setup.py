"""
## What it does
Checks how the FireLens log router is wired into the task:
* a `dependsOn` on the router must use `START` or `HEALTHY`; `COMPLETE` or `SUCCESS` is an error
  (the router never completes while the task runs);
* the router itself should have a `logConfiguration` (usually `awslogs`), or its own errors are
  invisible;
* the router should not publish port 24224 (the Fluentd forward port) through a port mapping.

## Why is this bad?
An application that waits for the router to exit never starts. A router without logs fails silently. A published 24224 lets anything that reaches the instance
inject log records into the task's pipeline.

## Example
```json
{"family": "web", "networkMode": "bridge", "containerDefinitions": [
  {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "memory": 64,
   "firelensConfiguration": {"type": "fluentbit"}, "portMappings": [{"containerPort": 24224, "hostPort": 24224}]},
  {"name": "web", "image": "nginx:1.27", "memory": 256, "logConfiguration": {"logDriver": "awsfirelens"}}]}
```

## Use instead
```json
{"family": "web", "networkMode": "bridge", "containerDefinitions": [
  {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "memory": 64,
   "firelensConfiguration": {"type": "fluentbit"},
   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/firelens", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "router"}}},
  {"name": "web", "image": "nginx:1.27", "memory": 256, "logConfiguration": {"logDriver": "awsfirelens"},
   "dependsOn": [{"containerName": "log_router", "condition": "START"}]}]}
```

## Known limitations
The developer guide's advice that, in `bridge` mode, application containers depend on the router
with `START` is not enforced: AWS's own FireLens examples omit that dependency, so a finding would mostly
flag working task definitions.

## References
- [Send Amazon ECS logs to an AWS service or AWS Partner (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
- [Example task definition for FireLens](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.logging._util import routers
from ecslint.rules.networking._util import network_mode, port_mappings
from ecslint.values import as_int, as_str


@rule(
    code="ECS185",
    name="firelens-router-setup",
    summary="FireLens router start order, own logs or exposed port are wrong",
    severity="warning",
    applies_to=("task-definition",),
    tags=("logging", "firelens"),
    covers=("LOG-030", "LOG-032", "NW-022"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    found = routers(td)
    if len(found) != 1:
        return
    r, router = found[0]
    rname = as_str(router.get("name"))
    rlabel = td.container_label(r)
    if router.get("logConfiguration") is None:
        yield Finding(("containerDefinitions", r), f"log router {rlabel} has no logConfiguration, so its own errors are not visible; log it with awslogs", target="key")
    mode = network_mode(td)
    for j, pm in port_mappings(router):
        if mode == "bridge" and 24224 in (as_int(pm.get("containerPort")), as_int(pm.get("hostPort"))) and pm.get("hostPort") != 0:
            yield Finding(("containerDefinitions", r, "portMappings", j), f"log router {rlabel} publishes the Fluentd forward port 24224 on the instance, so anything that reaches the instance can inject logs; remove the port mapping")
    for i, c in td.containers:
        deps = c.get("dependsOn")
        on_router = [(k, d) for k, d in enumerate(deps if isinstance(deps, list) else []) if isinstance(d, dict) and rname and d.get("containerName") == rname]
        for k, d in on_router:
            cond = as_str(d.get("condition"))
            if cond in ("COMPLETE", "SUCCESS"):
                verb = "complete" if cond == "COMPLETE" else "exit successfully"
                yield Finding(("containerDefinitions", i, "dependsOn", k, "condition"), f"container {td.container_label(i)} waits for log router {rlabel} to {verb}, which it never does while the task runs; use START or HEALTHY", severity=Severity.ERROR)
