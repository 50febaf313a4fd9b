"""
## What it does
Checks services with `schedulingStrategy: DAEMON`: they cannot run on Fargate (a `FARGATE` launch
type, or a `FARGATE`/`FARGATE_SPOT` capacity provider strategy of the service or of its cluster's
default), cannot use the `CODE_DEPLOY` or `EXTERNAL` deployment controller, and a
`deploymentConfiguration.maximumPercent` they set must be 100.

## Why is this bad?
"Tasks using the Fargate launch type or the CODE_DEPLOY or EXTERNAL deployment controller types
don't support the DAEMON scheduling strategy." For daemon services, "if a deployment configuration
is specified, the maximum percent parameter must be 100". CreateService rejects the service.

## Example
```json
{"serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON",
 "launchType": "FARGATE", "deploymentConfiguration": {"maximumPercent": 200}}
```

## Use instead
```json
{"serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON",
 "launchType": "EC2", "deploymentConfiguration": {"maximumPercent": 100, "minimumHealthyPercent": 0}}
```
On Fargate, run the agent as a sidecar container of each task instead.

## References
- [CreateService: schedulingStrategy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [Daemon scheduling strategy](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import controller, fargate_target, scheduling
from ecslint.values import as_int


@rule(
    code="ECS300",
    name="daemon-scheduling-conflict",
    summary="DAEMON service on Fargate, with a non-ECS controller, or maximumPercent not 100",
    severity="error",
    applies_to=("service",),
    tags=("services", "deployments"),
    covers=("FG-070", "SVC-005", "SVC-007", "SVC-026"),
)
def check(svc: Service) -> Iterator[Finding]:
    if scheduling(svc) != "DAEMON":
        return
    why = fargate_target(svc)
    if why:
        yield Finding(("schedulingStrategy",), f"Fargate does not support the DAEMON scheduling strategy (service {svc.name} "
                      f"{why}); use REPLICA with a desiredCount, or run the daemon as a sidecar container of each task")
    ctl = controller(svc)
    if ctl in ("CODE_DEPLOY", "EXTERNAL"):
        yield Finding(("schedulingStrategy",), f"the {ctl} deployment controller does not support the DAEMON scheduling "
                      f"strategy; use schedulingStrategy REPLICA or deploymentController type ECS")
    dc = svc.data.get("deploymentConfiguration")
    mx = as_int(dc.get("maximumPercent")) if isinstance(dc, dict) else None
    if mx is not None and mx != 100:
        yield Finding(("deploymentConfiguration", "maximumPercent"), f"a DAEMON service's maximumPercent must be 100; "
                      f"got {mx} (lower minimumHealthyPercent instead to let deployments replace tasks)")
