"""
## What it does
Checks the EFS volumes of a task definition:
* `authorizationConfig.iam: ENABLED` needs `transitEncryption: ENABLED`;
* `authorizationConfig.accessPointId` needs `transitEncryption: ENABLED`;
* with an access point, `rootDirectory` must be omitted or `/` (the access point sets the root).

`transitEncryption` defaults to `DISABLED` when omitted.

## Why is this bad?
The API reference states each of these as a requirement of the EFS volume configuration; ECS
refuses the volume otherwise. IAM authorization and access points work through the EFS mount
helper's TLS tunnel, and an access point already pins the directory the task sees.

## Example
```json
{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0",
  "rootDirectory": "/app", "authorizationConfig": {"accessPointId": "fsap-0123456789abcdef0", "iam": "ENABLED"}}}
```

## Use instead
```json
{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0",
  "transitEncryption": "ENABLED", "authorizationConfig": {"accessPointId": "fsap-0123456789abcdef0", "iam": "ENABLED"}}}
```

## Known limitations
The task role that IAM authorization uses is checked by the IAM rules.

## References
- [EFSVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html)
- [EFSAuthorizationConfig](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html)
- [Amazon EFS volumes](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.registry import rule
from ecslint.project import TaskDefinition
from ecslint.rules.volumes._util import volumes
from ecslint.values import as_str, is_unknown


@rule(
    code="ECS173",
    name="efs-authorization-without-encryption",
    summary="EFS IAM authorization or access point without transit encryption",
    severity="error",
    applies_to=("task-definition",),
    tags=("volumes", "efs"),
    covers=("VOL-011", "VOL-012", "VOL-013"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for k, v in volumes(td):
        efs = v.get("efsVolumeConfiguration")
        if not isinstance(efs, dict):
            continue
        base = ("volumes", k, "efsVolumeConfiguration")
        name = v.get("name", k)
        auth = efs.get("authorizationConfig") if isinstance(efs.get("authorizationConfig"), dict) else {}
        te = efs.get("transitEncryption", "DISABLED")
        te_ptr = (*base, "transitEncryption") if "transitEncryption" in efs else base
        te_words = f"transitEncryption is {te}" if "transitEncryption" in efs else "transitEncryption is omitted (DISABLED)"
        needs = []
        if auth.get("iam") == "ENABLED":
            needs.append("IAM authorization (iam: ENABLED)")
        if auth.get("accessPointId") not in (None, ""):
            needs.append("an access point")
        if needs and not is_unknown(te) and te != "ENABLED":
            yield Finding(te_ptr, f"EFS volume {name!r} uses {' and '.join(needs)}, which {'need' if len(needs) > 1 else 'needs'} transitEncryption: ENABLED; {te_words}",
                          target="value" if "transitEncryption" in efs else "key")
        root = as_str(efs.get("rootDirectory"))
        if auth.get("accessPointId") not in (None, "") and root not in (None, "/"):
            yield Finding((*base, "rootDirectory"), f"EFS volume {name!r} uses an access point, so rootDirectory must be omitted or '/'; got {root!r} (set the directory on the access point instead)")
