"""
## What it does
For a volume with `s3filesVolumeConfiguration`, checks that the task role, when it is part of the
run, allows `s3files:ClientMount` on the S3 Files file system (`fileSystemArn`), and
`s3files:ClientWrite` when a container mounts the volume without `readOnly: true`.

A missing permission is a warning; an Allow that holds only under a Condition (for example
`s3files:AccessPointArn`) is a note; policies that are not known statically keep the rule silent.
S3 Files also honors an Allow in the file system policy, so when the template or plan defines an
S3 Files file system policy (`AWS::S3Files::FileSystemPolicy`, `aws_s3files_file_system_policy`)
the finding is a note. A task definition without a task role is `s3files-volume-configuration`
(ECS175).

## Why is this bad?
ECS mounts S3 Files volumes with the task role ("Your task definition must include a Task IAM
Role. See IAM role for attaching your file system to AWS compute resources for required
permissions"). That page asks the role of the compute resource for the mount helper permissions,
`s3files:ClientMount` and `s3files:ClientWrite` ("not required for read-only connections"), or a
managed policy such as `AmazonS3FilesClientReadWriteAccess`. Without `ClientMount` the mount fails
and the task does not start; without `ClientWrite` the volume is read-only and writes fail.

## Example
```json
{"family": "etl", "taskRoleArn": "arn:aws:iam::123456789012:role/etl-task",
 "volumes": [{"name": "lake", "s3filesVolumeConfiguration": {
   "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0"}}],
 "containerDefinitions": [{"name": "etl", "image": "example/etl", "memory": 512,
   "mountPoints": [{"sourceVolume": "lake", "containerPath": "/data"}]}]}
```
with a task role that only allows `s3files:ClientMount`.

## Use instead
Allow both actions on the file system in the task role (or attach
`AmazonS3FilesClientReadWriteAccess`), or mount the volume with `"readOnly": true`:
```json
{"Effect": "Allow", "Action": ["s3files:ClientMount", "s3files:ClientWrite"],
 "Resource": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0"}
```

## Known limitations
A volume that no container mounts is skipped (whether ECS mounts it anyway is not documented).
The same AWS page also asks for an inline policy with `s3:GetObject`, `s3:GetObjectVersion` and
`s3:ListBucket` on the linked bucket, so that reads can bypass the file system; the bucket is not
named in the task definition, so that part is not checked. The S3 Files managed policies (2026)
are not in ecslint's copy of the AWS managed policies: a role that attaches one is treated as not
known (silent). The content of a file system policy is not evaluated, only its presence. The
Terraform adapter does not map S3 Files volumes yet, so plans are not checked.

## References
- [S3FilesVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_S3FilesVolumeConfiguration.html)
- [Prerequisites for S3 Files: IAM role for attaching your file system to AWS compute resources](https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-prereq-policies.html#s3-files-prereq-iam-compute-role)
- [How S3 Files works with IAM](https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-security-iam.html)
- [Specify an Amazon S3 Files volume in your Amazon ECS task definition](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specify-s3files-config.html)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import Need, check_needs, raw_resources, s3files_volumes, volume_mounts, writable_mount
from ecslint.values import Unknown, as_str

_FS_POLICY_TYPES = ("AWS::S3Files::FileSystemPolicy", "aws_s3files_file_system_policy")


def _has_fs_policy(td: TaskDefinition) -> bool:
    return any(t in _FS_POLICY_TYPES for t, _, _ in raw_resources(td.document.data))


@rule(
    code="ECS553",
    name="task-role-s3files-permissions",
    summary="Task role cannot mount or write the S3 Files volume",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "volumes", "s3"),
    covers=("IAM-042",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.task_role
    if role is None:
        return
    fs_policy = None
    for k, v, cfg in s3files_volumes(td):
        if "fileSystemArn" not in cfg or (td.containers_known and not volume_mounts(td, v.get("name"))):
            continue  # ECS175; a volume no container mounts
        raw = cfg.get("fileSystemArn")
        fs_arn = as_str(raw)
        label = fs_arn or getattr(raw, "target", None) or "its file system"
        resource: Any = fs_arn if fs_arn else Unknown()
        name = v.get("name", k)
        writable = writable_mount(td, v.get("name"))
        actions = ("s3files:ClientMount",) + (("s3files:ClientWrite",) if writable else ())
        need = Need(("volumes", k, "s3filesVolumeConfiguration", "fileSystemArn"),
                    f"mount S3 Files volume {name!s}{' writable' if writable else ''}", ((actions, (resource,)),),
                    label=f"file system {label}")
        for f in check_needs(td, role, "task", [need], other=td.execution_role, other_kind="execution"):
            if f.severity is None:
                if fs_policy is None:
                    fs_policy = _has_fs_policy(td)
                if fs_policy:
                    f = Finding(f.pointer, f.message + ", unless the S3 Files file system policy of the template grants the access",
                                f.target, f.resource, f.related, Severity.NOTE)
            yield f
