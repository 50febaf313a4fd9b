"""
## What it does
Checks `placementConstraints` of a task definition: only `memberOf` is allowed there, each
`memberOf` needs an `expression` of at most 2000 characters, and together with the constraints of
a service or run-task of the same run there may be at most 10.

## Why is this bad?
`distinctInstance` is a service or run-task constraint ("distinctInstance is not supported in task
definitions"); a `memberOf` without an expression constrains nothing; and ECS rejects more than 10
constraints per task.

## Example
```json
{"family": "web", "placementConstraints": [{"type": "distinctInstance"}, {"type": "memberOf"}],
 "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}
```

## Use instead
```json
{"family": "web", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}],
 "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}
```
and put `distinctInstance` on the service.

## References
- [TaskDefinitionPlacementConstraint](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinitionPlacementConstraint.html)
- [Amazon ECS task placement constraints](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str

MAX_TOTAL, MAX_EXPR = 10, 2000


@rule(
    code="ECS106",
    name="task-placement-constraint",
    summary="Task definition placement constraint is invalid or too many",
    severity="error",
    applies_to=("task-definition",),
    tags=("placement",),
    covers=("TD-016", "TD-017", "TD-018"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for j, pc in items(td.data, "placementConstraints"):
        at = ("placementConstraints", j)
        kind, expr = as_str(pc.get("type")), pc.get("expression")
        if kind == "distinctInstance":
            yield Finding(at + ("type",), "distinctInstance is not supported in task definitions: put it in the "
                          "placementConstraints of the service or run-task")
        elif kind == "memberOf" and expr is None:
            yield Finding(at, "memberOf constraint has no expression: add a cluster query expression "
                          "(e.g. \"attribute:ecs.instance-type =~ t3.*\")", target="key")
        if isinstance(as_str(expr), str) and len(expr) > MAX_EXPR:
            yield Finding(at + ("expression",), f"placement expression is {len(expr)} characters; at most {MAX_EXPR} are allowed")
    own = td.data.get("placementConstraints")
    if not isinstance(own, list):
        return
    for runner in td.runners:
        theirs = runner.data.get("placementConstraints")
        if isinstance(theirs, list) and len(own) + len(theirs) > MAX_TOTAL:
            yield Finding(("placementConstraints",), f"task definition has {len(own)} placement constraints and {runner.kind} "
                          f"{runner.name} adds {len(theirs)}; at most {MAX_TOTAL} are allowed in total", target="key",
                          related=(Related(runner, ("placementConstraints",), f"{runner.kind} {runner.name}", "key"),))
