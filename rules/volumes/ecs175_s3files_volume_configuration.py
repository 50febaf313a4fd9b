"""
## What it does
Checks `s3filesVolumeConfiguration` volumes: `fileSystemArn` is required, the task definition needs
a `taskRoleArn` (the task role mounts the file system), and with an `accessPointArn` the
`rootDirectory` must be omitted or `/`.

## Why is this bad?
The API reference states these requirements ("Your task definition must include a Task IAM
Role"); without them the volume cannot be mounted and the task does not start.

## Example
```json
{"family": "etl", "volumes": [{"name": "lake", "s3filesVolumeConfiguration": {
  "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123",
  "accessPointArn": "arn:aws:s3files:us-east-1:123456789012:access-point/ap-0123", "rootDirectory": "/in"}}],
 "containerDefinitions": [{"name": "etl", "image": "example/etl:1", "memory": 512}]}
```

## Use instead
```json
{"family": "etl", "taskRoleArn": "arn:aws:iam::123456789012:role/etl-task", "volumes": [{"name": "lake", "s3filesVolumeConfiguration": {
  "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123",
  "accessPointArn": "arn:aws:s3files:us-east-1:123456789012:access-point/ap-0123"}}],
 "containerDefinitions": [{"name": "etl", "image": "example/etl:1", "memory": 512}]}
```

## Known limitations
S3 Files volumes are new in the 2026 API model; the catalog (section 20, item 13) marks their
launch-type support as not researched, so only the requirements written in the API reference are
checked.

## References
- [S3FilesVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_S3FilesVolumeConfiguration.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.volumes._util import volumes
from ecslint.values import as_str


@rule(
    code="ECS175",
    name="s3files-volume-configuration",
    summary="S3 Files volume lacks its file system, task role or valid root",
    severity="error",
    applies_to=("task-definition",),
    tags=("volumes",),
    covers=("VOL-021",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for k, v in volumes(td):
        cfg = v.get("s3filesVolumeConfiguration")
        if not isinstance(cfg, dict):
            continue
        base = ("volumes", k, "s3filesVolumeConfiguration")
        name = v.get("name", k)
        if "fileSystemArn" not in cfg:
            yield Finding(base, f"S3 Files volume {name!r} has no fileSystemArn; set the ARN of the S3 file system", target="key")
        if td.data.get("taskRoleArn") is None:
            yield Finding(base, f"S3 Files volume {name!r} is mounted with the task role, but the task definition has no taskRoleArn; add a task role", target="key")
        root = as_str(cfg.get("rootDirectory"))
        if cfg.get("accessPointArn") is not None and root not in (None, "/"):
            yield Finding((*base, "rootDirectory"), f"S3 Files volume {name!r} uses an access point, so rootDirectory must be omitted or '/'; got {root!r}")
