"""
## What it does
Checks a cluster's `configuration.executeCommandConfiguration`: `logging: OVERRIDE` must come with
a `logConfiguration` that names where exec session logs go.

## Why is this bad?
`OVERRIDE` means "send exec session logs to the destination given in logConfiguration". Without a
`logConfiguration` there is no destination and ECS rejects the cluster configuration
("When logging=OVERRIDE is specified, a logConfiguration must be provided").

## Example
```json
{"clusterName": "prod", "configuration": {"executeCommandConfiguration": {"logging": "OVERRIDE"}}}
```

## Use instead
```json
{"clusterName": "prod", "configuration": {"executeCommandConfiguration": {"logging": "OVERRIDE",
  "logConfiguration": {"cloudWatchLogGroupName": "/ecs/exec-audit"}}}}
```

## References
- [ExecuteCommandConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html)
- [Using ECS Exec: logging](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Cluster
from ecslint.registry import rule

_ECC = ("configuration", "executeCommandConfiguration")


@rule(
    code="ECS435",
    name="exec-log-configuration-missing",
    summary="Exec logging is OVERRIDE but no log configuration is given",
    severity="error",
    applies_to=("cluster",),
    tags=("exec", "logging"),
    covers=("EX-007",),
)
def check(cluster: Cluster) -> Iterator[Finding]:
    ecc = cluster.get(*_ECC)
    if not isinstance(ecc, dict) or ecc.get("logging") != "OVERRIDE" or ecc.get("logConfiguration") is not None:
        return
    yield Finding(
        _ECC + ("logging",),
        f"cluster {cluster.name} sets exec logging OVERRIDE without a logConfiguration; add logConfiguration with "
        "cloudWatchLogGroupName and/or s3BucketName, or use logging DEFAULT",
    )
