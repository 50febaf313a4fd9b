"""
## What it does
Checks the FireLens log router of a task definition: when any container logs with
`logDriver: awsfirelens`, exactly one container must carry a `firelensConfiguration` (the router);
a task definition with two routers is reported too.

## Why is this bad?
`awsfirelens` sends the container's output to the task's Fluent Bit / Fluentd router. Without a
router container there is nothing to receive the logs, and the developer guide requires one
("a log router container that contains a FireLens configuration"); one task has one router.

## Example
```json
{"family": "web", "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256,
   "logConfiguration": {"logDriver": "awsfirelens", "options": {"Name": "cloudwatch_logs"}}}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [
  {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "memory": 64,
   "essential": true, "firelensConfiguration": {"type": "fluentbit"}},
  {"name": "web", "image": "nginx:1.27", "memory": 256,
   "logConfiguration": {"logDriver": "awsfirelens", "options": {"Name": "cloudwatch_logs"}}}]}
```

## Known limitations
The exact API error for a second router is not confirmed (catalog section 20, item 1); both checks
rely on the developer guide's FireLens task definition requirements.

## References
- [Example task definition for FireLens](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html)
- [Send Amazon ECS logs to an AWS service or AWS Partner (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.logging._util import log_configs, routers


@rule(
    code="ECS182",
    name="firelens-router-count",
    summary="awsfirelens is used without a log router, or with more than one",
    severity="error",
    applies_to=("task-definition",),
    tags=("logging", "firelens"),
    covers=("LOG-020", "LOG-021"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.containers_known:
        return
    found = routers(td)
    if len(found) > 1:
        first = found[0][0]
        for i, _ in found[1:]:
            yield Finding(("containerDefinitions", i, "firelensConfiguration"), f"container {td.container_label(i)} is a second FireLens log router (container {td.container_label(first)} is one already); a task has one router: remove one firelensConfiguration", target="key",
                          related=(Related(td, ("containerDefinitions", first, "firelensConfiguration"), "the first log router"),))
    if found:
        return
    for i, _lc, _ in log_configs(td, "awsfirelens"):
        yield Finding(("containerDefinitions", i, "logConfiguration", "logDriver"), f"container {td.container_label(i)} logs with awsfirelens, but no container of the task has a firelensConfiguration; add a log router container (e.g. aws-for-fluent-bit with firelensConfiguration type fluentbit)")
