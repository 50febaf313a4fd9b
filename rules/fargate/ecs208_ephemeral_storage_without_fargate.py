"""
## What it does
Reports `ephemeralStorage` on a task definition that does not run on Fargate: its
`requiresCompatibilities` does not list `FARGATE` and no service or run-task of the same run places
it on Fargate.

## Why is this bad?
`ephemeralStorage` only sizes the storage of Fargate tasks. On EC2 or ECS Anywhere the containers use the instance's disk, so the setting does nothing and suggests a
capacity the task does not get.

## Example
```json
{"family": "etl", "requiresCompatibilities": ["EC2"], "ephemeralStorage": {"sizeInGiB": 100},
 "containerDefinitions": [{"name": "etl", "image": "example/etl", "memory": 2048}]}
```

## Use instead
Size the instance volume (launch template block device mapping), or attach an EBS volume with
`configuredAtLaunch`, and drop `ephemeralStorage`:
```json
{"family": "etl", "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "etl", "image": "example/etl", "memory": 2048}]}
```

## Known limitations
Task definitions for `MANAGED_INSTANCES` are not reported: how that capacity uses the setting was
not researched.

## References
- [RegisterTaskDefinition: ephemeralStorage](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-ephemeralStorage)
- [Fargate task ephemeral storage](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import not_fargate


@rule(
    code="ECS208",
    name="ephemeral-storage-without-fargate",
    summary="ephemeralStorage on a task definition that does not run on Fargate",
    severity="warning",
    applies_to=("task-definition",),
    tags=("fargate", "storage"),
    covers=("TD-034",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("ephemeralStorage") is None or not not_fargate(td) or "MANAGED_INSTANCES" in td.launch_targets:
        return
    where = ", ".join(sorted(td.launch_targets)) or "EC2"
    yield Finding(
        ("ephemeralStorage",),
        f"ephemeralStorage only applies to Fargate tasks, and this task definition runs on {where}; "
        "remove it and size the instance storage instead (or add FARGATE to requiresCompatibilities)",
        target="key",
    )
