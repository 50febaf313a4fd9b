"""
## What it does
Flags EFS volumes whose traffic is not encrypted: `transitEncryption` omitted or `DISABLED`. A
`transitEncryptionPort` set while encryption is disabled is reported too, since it then does nothing.

## Why is this bad?
Without transit encryption NFS traffic between the task and the file system travels in clear
text inside the VPC. Enabling it costs nothing in the task definition and is required anyway for
IAM authorization and access points.

## Example
```json
{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0", "transitEncryptionPort": 2999}}
```

## Use instead
```json
{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED"}}
```

## References
- [EFSVolumeConfiguration: transitEncryption](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html)
- [Encrypting data in transit (Amazon EFS)](https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.volumes._util import volumes
from ecslint.values import is_unknown


@rule(
    code="ECS174",
    name="efs-transit-encryption-disabled",
    summary="EFS volume traffic is not encrypted in transit",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "volumes", "efs"),
    security_severity=4.0,
    covers=("VOL-015", "VOL-017"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for k, v in volumes(td):
        efs = v.get("efsVolumeConfiguration")
        if not isinstance(efs, dict):
            continue
        te = efs.get("transitEncryption", "DISABLED")
        if is_unknown(te) or te == "ENABLED":
            continue
        base = ("volumes", k, "efsVolumeConfiguration")
        name = v.get("name", k)
        if "transitEncryptionPort" in efs:
            yield Finding((*base, "transitEncryptionPort"), f"EFS volume {name!r}: transitEncryptionPort has no effect while transitEncryption is {te}; set transitEncryption: ENABLED")
        if "transitEncryption" in efs:
            yield Finding((*base, "transitEncryption"), f"EFS volume {name!r}: transitEncryption is DISABLED, so NFS traffic is not encrypted; set it to ENABLED")
        else:
            yield Finding(base, f"EFS volume {name!r}: transitEncryption is omitted (DISABLED), so NFS traffic is not encrypted; set transitEncryption: ENABLED", target="key")
