"""
## What it does
For an EFS volume with `authorizationConfig.iam: ENABLED`, checks that the task role, when it is
part of the run, allows `elasticfilesystem:ClientMount` on the file system
(`arn:<partition>:elasticfilesystem:<region>:<account>:file-system/<id>`), and
`elasticfilesystem:ClientWrite` when a container mounts the volume writable.

EFS grants access when either the task role's policies or the file system policy allow it, and a
file system without a policy allows every client. So the rule reports a warning only when the
file system is defined in the same CloudFormation template with a `FileSystemPolicy`; when the
file system is not in the run it reports a note (the file system policy may grant the access),
and when it is defined without a policy it stays silent.

## Why is this bad?
Without `ClientMount` the mount fails (`mount.nfs4: access denied by server`) and the task does
not start; without `ClientWrite` the volume is mounted read-only and writes fail at run time.

## Example
A task role with only `s3:GetObject`, for a volume
`{"efsVolumeConfiguration": {"fileSystemId": !Ref FileSystem, "transitEncryption": "ENABLED",
"authorizationConfig": {"iam": "ENABLED"}}}` whose file system has a `FileSystemPolicy`.

## Use instead
Allow `elasticfilesystem:ClientMount` and `elasticfilesystem:ClientWrite` on the file system ARN
in the task role (or in the file system policy, for the task role's principal).

## Known limitations
The action names come from the Amazon EFS documentation (the catalog marks them as not
re-verified); the file system policy itself is not evaluated, only its presence.

## References
- [EFSAuthorizationConfig](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html)
- [Using IAM to control file system data access (Amazon EFS)](https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html)
- [Use Amazon EFS volumes with Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import Need, arn, arn_context, check_needs, efs_volumes
from ecslint.values import Reference, Unknown, as_str


def _fs_policy_state(td: TaskDefinition, fs_id: Any) -> str:
    """"policy" (the template defines it with a FileSystemPolicy), "open" (defined without one), or "unknown"."""
    if not isinstance(fs_id, Reference):
        return "unknown"
    data = td.document.data
    res = data.get("Resources", {}).get(fs_id.target) if isinstance(data, dict) and isinstance(data.get("Resources"), dict) else None
    if not isinstance(res, dict) or res.get("Type") != "AWS::EFS::FileSystem":
        return "unknown"
    props = res.get("Properties") if isinstance(res.get("Properties"), dict) else {}
    return "policy" if props.get("FileSystemPolicy") else "open"


def _writable(td: TaskDefinition, name: Any) -> bool:
    for _, c in td.containers:
        for mp in c.get("mountPoints") or [] if isinstance(c.get("mountPoints"), list) else []:
            if isinstance(mp, dict) and mp.get("sourceVolume") == name and mp.get("readOnly") is not True:
                return True
    return False


@rule(
    code="ECS551",
    name="task-role-efs-mount",
    summary="Task role cannot mount the EFS file system with IAM authorization",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "volumes", "efs"),
    covers=("IAM-041",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.task_role
    if role is None:
        return
    ctx = arn_context(td)
    for k, v, efs in efs_volumes(td):
        fs_id = efs.get("fileSystemId")
        state = _fs_policy_state(td, fs_id)
        if state == "open":
            continue
        sid = as_str(fs_id)
        fs_arn: Any = arn("arn", ctx.partition, "elasticfilesystem", ctx.region, ctx.account, f"file-system/{sid}") if sid else Unknown()
        actions = ("elasticfilesystem:ClientMount",) + (("elasticfilesystem:ClientWrite",) if _writable(td, v.get("name")) else ())
        label = sid or getattr(fs_id, "target", "its file system")
        need = Need(("volumes", k, "efsVolumeConfiguration", "authorizationConfig", "iam"),
                    f"mount EFS volume {v.get('name')!s} ({label}) with IAM authorization", ((actions, (fs_arn,)),),
                    label=f"file system {label}")
        for f in check_needs(td, role, "task", [need], other=td.execution_role, other_kind="execution"):
            if state == "unknown" and f.severity is None:
                f = Finding(f.pointer, f.message + ", unless the file system policy of " + label + " grants it",
                            f.target, f.resource, f.related, Severity.NOTE)
            yield f
