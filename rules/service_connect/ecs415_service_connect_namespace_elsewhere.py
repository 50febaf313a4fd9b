"""
## What it does
Checks that the Service Connect namespace of a service is in the service's own Region, when the
namespace is given as an AWS Cloud Map ARN (`arn:aws:servicediscovery:<region>:<account>:namespace/ns-...`)
and the service's Region is known from another ARN of the same service: its cluster, its task
definition, its target groups or service registries, or the service's own ARN. A namespace inherited
from the cluster's `serviceConnectDefaults.namespace` is checked the same way.

## Why is this bad?
A Service Connect namespace must be in the same AWS Region as the ECS services and clusters that use
it. CreateService and UpdateService cannot find a namespace of another Region (`NamespaceNotFound`),
and a cluster default pointing there breaks every service that relies on it.

## Example
```json
{"serviceName": "api", "cluster": "arn:aws:ecs:eu-west-1:111122223333:cluster/prod",
 "serviceConnectConfiguration": {"enabled": true,
   "namespace": "arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-abcdef1234567890"}}
```

## Use instead
```json
{"serviceName": "api", "cluster": "arn:aws:ecs:eu-west-1:111122223333:cluster/prod",
 "serviceConnectConfiguration": {"enabled": true,
   "namespace": "arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-0123456789abcdef"}}
```

## Known limitations
Only the Region is compared. A namespace of another AWS account works since September 2025 when its
owner shares it with the service's account through AWS RAM (with the managed permission
`AWSRAMPermissionCloudMapECSFullPermission`), so an account mismatch is not reported; the catalog row
(written before that change) called it an error. Namespaces given by name or by a reference to a
resource of the template are not checked.

## References
- [Service Connect with shared AWS Cloud Map namespaces (same Region, RAM-shared namespaces)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-shared-namespaces.html)
- [Service Connect concepts: namespaces](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html)
- [ServiceConnectConfiguration: namespace](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ecslint.documents.base import Resource
from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_config
from ecslint.values import is_unknown

_ARN = re.compile(r"^arn:([\w-]+):([\w-]+):([a-z0-9-]+):(\d{12})?:(.+)$")


def _region(value: Any, service: str | None = None) -> str | None:
    """The Region of a fully known ARN (of the given AWS service), else None."""
    if not isinstance(value, str) or is_unknown(value):
        return None
    m = _ARN.match(value)
    if not m or service is not None and m.group(2) != service:
        return None
    return m.group(3)


def _service_regions(svc: Service) -> Iterator[tuple[str, str]]:
    """(Region, what says so) from the ARNs of the service and of the resources it names."""
    yield from _one(svc.meta.get("arn"), f"the ARN of service {svc.name}")
    yield from _one(svc.data.get("cluster"), "its cluster ARN")
    if svc.cluster is not None:
        yield from _one(svc.cluster.meta.get("arn"), f"the ARN of cluster {svc.cluster.name}")
    yield from _one(svc.data.get("taskDefinition"), "its task definition ARN")
    if svc.task_definition is not None:
        yield from _one(svc.task_definition.meta.get("arn"), f"the ARN of task definition {svc.task_definition.name}")
    for key, member in (("loadBalancers", "targetGroupArn"), ("serviceRegistries", "registryArn"),
                        ("vpcLatticeConfigurations", "targetGroupArn")):  # fmt: skip
        items = svc.data.get(key)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                yield from _one(item.get(member), f"its {key}[].{member}")


def _one(value: Any, what: str) -> Iterator[tuple[str, str]]:
    region = _region(value)
    if region:
        yield region, f"{what} {value}"


@rule(
    code="ECS415",
    name="service-connect-namespace-elsewhere",
    summary="Service Connect namespace is in another Region than the service",
    severity="error",
    applies_to=("service",),
    tags=("service-connect",),
    covers=("SC-026",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    if cfg is None:
        return
    owner: Resource = svc
    pointer: tuple[str, ...] = (SC, "namespace")
    ns = cfg.get("namespace")
    cluster = svc.cluster
    if ns is None and cluster is not None:
        defaults = cluster.data.get("serviceConnectDefaults")
        ns = defaults.get("namespace") if isinstance(defaults, dict) else None
        owner, pointer = cluster, ("serviceConnectDefaults", "namespace")
    ns_region = _region(ns, "servicediscovery")
    if ns_region is None:
        return
    regions = list(_service_regions(svc))
    if not regions or any(region == ns_region for region, _ in regions):
        return
    region, why = regions[0]
    source = "" if owner is svc else f" (the default namespace of cluster {owner.name})"
    yield Finding(
        pointer,
        f"Service Connect namespace {ns}{source} is in Region {ns_region}, but service {svc.name} is in {region} "
        f"({why}); a service can only use a namespace of its own Region: use a Cloud Map namespace in {region}",
        resource=None if owner is svc else owner,
        related=() if owner is svc else (Related(svc, (SC,), f"service {svc.name}"),),
    )
