"""
## What it does
Flags an EFS volume with `efsVolumeConfiguration.authorizationConfig.iam: ENABLED` in a task
definition that has no `taskRoleArn`.

## Why is this bad?
With IAM authorization the EFS mount helper identifies the task to the file system with the task
role's credentials ("If enabled, ... the task IAM role defined in a task definition is used").
Without a task role there are no credentials to present, and the volume cannot be mounted: the
task fails to start.

## Example
```json
{"family": "app", "containerDefinitions": [{"name": "app", "image": "example/app", "memory": 256,
   "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}],
 "volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0",
   "transitEncryption": "ENABLED", "authorizationConfig": {"iam": "ENABLED"}}}]}
```

## Use instead
Add `"taskRoleArn": "arn:aws:iam::123456789012:role/app-task"` (a role that may
`elasticfilesystem:ClientMount` the file system), or drop IAM authorization.

## References
- [EFSAuthorizationConfig](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html)
- [Use Amazon EFS volumes with Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import efs_volumes


@rule(
    code="ECS550",
    name="efs-iam-without-task-role",
    summary="EFS volume uses IAM authorization but the task has no task role",
    severity="error",
    applies_to=("task-definition",),
    tags=("iam", "volumes", "efs"),
    covers=("VOL-016",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("taskRoleArn") is not None:
        return
    for k, v, _ in efs_volumes(td):
        yield Finding(("volumes", k, "efsVolumeConfiguration", "authorizationConfig", "iam"),
                      f"EFS volume {v.get('name')!s} mounts with IAM authorization, which uses the task role, but the task "
                      "definition sets no taskRoleArn; add a task role allowed elasticfilesystem:ClientMount, or set iam to DISABLED")
