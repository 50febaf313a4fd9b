"""
## What it does
For a task definition with a `configuredAtLaunch` volume, checks the `filesystemType` that the
services and run-task inputs of the same run give its managed EBS volume against the task's
operating system: `ntfs` is the Windows type, `ext3`, `ext4` and `xfs` are Linux types.

## Why is this bad?
The volume is formatted when the task starts; a Linux task cannot mount an NTFS volume and a
Windows task cannot mount ext4 or XFS, so the task fails to start.

## Example
```json
{"serviceName": "db", "taskDefinition": "db", "volumeConfigurations": [{"name": "data",
  "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecs-ebs", "sizeInGiB": 20, "filesystemType": "ntfs"}}]}
```
with a Linux task definition `db` whose volume `data` has `configuredAtLaunch: true`.

## Use instead
```json
{"serviceName": "db", "taskDefinition": "db", "volumeConfigurations": [{"name": "data",
  "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecs-ebs", "sizeInGiB": 20, "filesystemType": "xfs"}}]}
```

## References
- [ServiceManagedEBSVolumeConfiguration: filesystemType](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html)
- [Amazon EBS volumes](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.volumes._util import volumes
from ecslint.values import as_str, is_true

_LINUX = ("ext3", "ext4", "xfs")


@rule(
    code="ECS176",
    name="ebs-filesystem-type-os",
    summary="EBS filesystemType does not match the task's operating system",
    severity="error",
    applies_to=("task-definition",),
    tags=("volumes", "ebs"),
    covers=("VOL-039",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.os_known:
        return
    launch = {v["name"]: k for k, v in volumes(td) if is_true(v.get("configuredAtLaunch")) and isinstance(v.get("name"), str)}
    if not launch:
        return
    windows = td.is_windows
    for svc in td.runners:
        vcs = svc.data.get("volumeConfigurations")
        for j, vc in enumerate(vcs if isinstance(vcs, list) else []):
            ebs = vc.get("managedEBSVolume") if isinstance(vc, dict) else None
            if not isinstance(ebs, dict) or not isinstance(vc.get("name"), str) or vc.get("name") not in launch:
                continue
            fs = as_str(ebs.get("filesystemType"))
            if not ((windows and fs in _LINUX) or (not windows and fs == "ntfs")):
                continue
            want = "ntfs" if windows else "xfs (or ext3/ext4)"
            os_word = "a Windows" if windows else "a Linux"
            yield Finding(("volumeConfigurations", j, "managedEBSVolume", "filesystemType"),
                          f"{svc.kind} {svc.name} formats volume {vc.get('name')!r} as {fs}, but task definition {td.name} is {os_word} task; use {want}",
                          resource=svc, related=(Related(td, ("volumes", launch[vc.get("name")]), f"volume {vc.get('name')} of {td.name}"),))
