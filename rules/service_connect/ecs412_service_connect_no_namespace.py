"""
## What it does
Checks that a service that enables Service Connect has a namespace: its own
`serviceConnectConfiguration.namespace`, or the `serviceConnectDefaults.namespace` of its cluster.
The rule runs only when the cluster is part of the same run (otherwise its default is unknown).

## Why is this bad?
Service Connect endpoints live in an AWS Cloud Map namespace. With neither a namespace on the
service nor a default on the cluster, ECS has nowhere to register the service and rejects it.

## Example
```json
{"serviceName": "api", "cluster": "prod",
 "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "web"}]}}
```
with a cluster `prod` that has no `serviceConnectDefaults`.

## Use instead
```json
{"serviceName": "api", "cluster": "prod",
 "serviceConnectConfiguration": {"enabled": true, "namespace": "prod.internal",
   "services": [{"portName": "web"}]}}
```

## References
- [ServiceConnectConfiguration: namespace](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html)
- [ClusterServiceConnectDefaultsRequest](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterServiceConnectDefaultsRequest.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_config


@rule(
    code="ECS412",
    name="service-connect-no-namespace",
    summary="Service Connect enabled with no namespace on the service or its cluster",
    severity="error",
    applies_to=("service",),
    tags=("service-connect",),
    covers=("SC-002",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    cluster = svc.cluster
    if cfg is None or cfg.get("namespace") is not None or cluster is None:
        return
    if cluster.data.get("serviceConnectDefaults") is not None:
        return
    yield Finding(
        (SC,), f"service {svc.name} enables Service Connect without a namespace, and cluster {cluster.name} has no "
        "serviceConnectDefaults; set serviceConnectConfiguration.namespace (or the cluster's default namespace)",
        target="key", related=(Related(cluster, (), f"cluster {cluster.name}"),),
    )
