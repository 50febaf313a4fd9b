"""
## What it does
Warns when a service with Service Connect enabled asks for more than 1000 tasks.

## Why is this bad?
Each Service Connect task registers an instance in AWS Cloud Map, whose quota is 1000 instances
per service by default. Tasks beyond the quota fail to register, so the deployment never reaches
its desired count unless the quota has been raised.

## Example
```json
{"serviceName": "api", "desiredCount": 1500,
 "serviceConnectConfiguration": {"enabled": true, "namespace": "prod", "services": [{"portName": "web"}]}}
```

## Use instead
Split the workload into several services (each with its own discovery name), or raise the Cloud
Map "instances per service" quota first and suppress this warning.

## References
- [Amazon ECS service quotas](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html)
- [AWS Cloud Map quotas](https://docs.aws.amazon.com/cloud-map/latest/dg/cloud-map-limits.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import sc_config
from ecslint.values import as_int


@rule(
    code="ECS413",
    name="service-connect-desired-count",
    summary="Service Connect service asks for more than 1000 tasks",
    severity="warning",
    applies_to=("service",),
    tags=("service-connect", "quotas"),
    covers=("SC-027",),
)
def check(svc: Service) -> Iterator[Finding]:
    n = as_int(svc.data.get("desiredCount"))
    if sc_config(svc) is not None and n is not None and n > 1000:
        yield Finding(
            ("desiredCount",), f"desiredCount {n} exceeds the 1000 Cloud Map instances per service that Service Connect "
            "registers by default; split the service or raise the quota first",
        )
