"""
## What it does
Checks `volumeConfigurations[].managedEBSVolume.filesystemType` of a service or run-task input
against the operating system of its task definition: `ntfs` only for Windows tasks, `ext3`,
`ext4` and `xfs` only for Linux tasks.

## Why is this bad?
ECS formats the new volume with this file system and mounts it in the task; a Linux task cannot use
an NTFS volume and a Windows task cannot use ext or XFS volumes. The default is `xfs` on Linux and
`ntfs` on Windows. (Unknown values are reported by ECS002, schema-violation.)

## Example
```json
{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
  "sizeInGiB": 20, "filesystemType": "ntfs"}}
```
for a Linux task definition.

## Use instead
```json
{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
  "sizeInGiB": 20, "filesystemType": "xfs"}}
```

## References
- [ServiceManagedEBSVolumeConfiguration: filesystemType](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html)
- [Amazon EBS volumes with Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html)

## Known limitations
For a volume created from a snapshot the type must also match the snapshot's file system; snapshots
are not known here.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import who
from ecslint.values import as_str


@rule(
    code="ECS353",
    name="ebs-filesystem-type-mismatch",
    summary="EBS filesystemType that the task's operating system cannot mount",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("volumes", "ebs"),
    covers=("VOL-039",),
)
def check(svc: Service) -> Iterator[Finding]:
    vcs = svc.data.get("volumeConfigurations")
    td = svc.task_definition
    if not isinstance(vcs, list) or td is None or not td.os_known:
        return
    windows = td.is_windows
    for j, e in enumerate(vcs):
        m = e.get("managedEBSVolume") if isinstance(e, dict) else None
        fs = as_str(m.get("filesystemType")) if isinstance(m, dict) else None
        if fs is None or fs not in ("ext3", "ext4", "xfs", "ntfs") or (fs == "ntfs") == windows:
            continue
        os_name, right = ("Windows", "ntfs") if windows else ("Linux", "xfs, ext4 or ext3")
        rel = (Related(td, ("runtimePlatform",) if td.data.get("runtimePlatform") is not None else (), f"task definition {td.name}",
                       target="key"),)
        yield Finding(("volumeConfigurations", j, "managedEBSVolume", "filesystemType"), f"task definition {td.name} runs "
                      f"{os_name} containers, which cannot mount {fs} volumes ({who(svc)}); use {right}", related=rel)
