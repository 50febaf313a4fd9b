"""
## What it does
Flags `volumeConfigurations[].managedEBSVolume.encrypted: false` on a service or run-task input.

## Why is this bad?
The volume holds task data at rest without encryption unless the account enables EBS encryption by
default (which then overrides this setting). Encryption costs nothing and is required by most
compliance frameworks; say so explicitly.

## Example
```json
{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
  "sizeInGiB": 20, "encrypted": false}}
```

## Use instead
```json
{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
  "sizeInGiB": 20, "encrypted": true}}
```

## References
- [ServiceManagedEBSVolumeConfiguration: encrypted](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html)
- [Encrypt data stored in Amazon EBS volumes attached to Amazon ECS tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-kms-encryption.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import who
from ecslint.values import is_false


@rule(
    code="ECS354",
    name="ebs-volume-unencrypted",
    summary="EBS volume configured with encrypted false",
    severity="warning",
    applies_to=("service", "run-task"),
    tags=("security", "volumes", "ebs"),
    security_severity=4.0,
    covers=("VOL-046",),
)
def check(svc: Service) -> Iterator[Finding]:
    vcs = svc.data.get("volumeConfigurations")
    for j, e in enumerate(vcs if isinstance(vcs, list) else []):
        m = e.get("managedEBSVolume") if isinstance(e, dict) else None
        if isinstance(m, dict) and is_false(m.get("encrypted")):
            name = e.get("name")
            yield Finding(("volumeConfigurations", j, "managedEBSVolume", "encrypted"), f"EBS volume {name!r} of {who(svc)} is "
                          f"not encrypted (unless the account encrypts EBS volumes by default); set encrypted: true, "
                          f"optionally with a kmsKeyId")
