"""
## What it does
Flags settings that a `DAEMON` service does not use: `desiredCount` (one task runs on every
container instance) and `placementStrategy` (the daemon scheduler places one task per instance).

## Why is this bad?
"When you're using this strategy, you don't need to specify a desired number of tasks, a task
placement strategy, or use Service Auto Scaling policies." The settings are ignored or rejected,
and they suggest a behaviour the service does not have.

## Example
```json
{"serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "desiredCount": 3,
 "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}
```

## Use instead
```json
{"serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON"}
```

## References
- [CreateService: schedulingStrategy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [Daemon scheduling strategy](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html)

## Known limitations
Application Auto Scaling policies on a daemon service are not checked.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import scheduling
from ecslint.values import as_int


@rule(
    code="ECS301",
    name="daemon-with-replica-settings",
    summary="DAEMON service sets desiredCount or a placement strategy",
    severity="warning",
    applies_to=("service",),
    tags=("services",),
    covers=("SVC-006",),
)
def check(svc: Service) -> Iterator[Finding]:
    if scheduling(svc) != "DAEMON":
        return
    dc = as_int(svc.data.get("desiredCount"))
    # describe-services output and Terraform report the running count; only a positive request is flagged.
    if dc:
        yield Finding(("desiredCount",), f"a DAEMON service runs one task on each container instance; desiredCount {dc} "
                      f"is not used: remove it", target="key")
    ps = svc.data.get("placementStrategy")
    if isinstance(ps, list) and ps:
        yield Finding(("placementStrategy",), "a DAEMON service places one task on each container instance; "
                      "placementStrategy is not used: remove it", target="key")
