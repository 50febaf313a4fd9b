"""
## What it does
When the cluster is part of the run and lists its capacity providers (`capacityProviders`, or a
CloudFormation `AWS::ECS::ClusterCapacityProviderAssociations` / Terraform
`aws_ecs_cluster_capacity_providers` merged into it), checks that every provider named in a
service's or run-task's `capacityProviderStrategy`, and in the cluster's own
`defaultCapacityProviderStrategy`, is one of them.

## Why is this bad?
"Only capacity providers that are already associated with a cluster and have an ACTIVE or UPDATING
status can be used in a capacity provider strategy." This includes `FARGATE` and `FARGATE_SPOT`: a
cluster created through the API, CloudFormation or Terraform has no providers until they are
associated. CreateService and RunTask fail.

## Example
```yaml
Cluster:
  Type: AWS::ECS::Cluster
  Properties:
    CapacityProviders: [FARGATE]
Service:
  Type: AWS::ECS::Service
  Properties:
    Cluster: !Ref Cluster
    CapacityProviderStrategy:
      - CapacityProvider: FARGATE_SPOT
        Weight: 1
```

## Use instead
```yaml
Cluster:
  Type: AWS::ECS::Cluster
  Properties:
    CapacityProviders: [FARGATE, FARGATE_SPOT]
```

## References
- [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)
- [Capacity provider strategies](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html)

## Known limitations
A cluster of the run that sets no `capacityProviders` at all is not checked: the association may be
made elsewhere (another stack, the CLI).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.documents.base import Resource
from ecslint.model import Finding, Related
from ecslint.project import Cluster, Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import provider_label, strategies
from ecslint.values import Reference, as_str


def _names(value: Any) -> set[str] | None:
    """Labels of a known provider list (strings and reference targets); None when not fully known."""
    if not isinstance(value, list):
        return None
    out: set[str] = set()
    for v in value:
        if isinstance(v, Reference):
            out.add(v.target)
        elif as_str(v) is not None:
            out.add(v)
        else:
            return None
    return out


@rule(
    code="ECS342",
    name="capacity-provider-not-in-cluster",
    summary="Strategy names a capacity provider the cluster does not have",
    severity="error",
    applies_to=("service", "run-task", "cluster"),
    tags=("capacity-providers",),
    covers=("CP-010",),
)
def check(res: Resource) -> Iterator[Finding]:
    cluster = res if isinstance(res, Cluster) else res.cluster if isinstance(res, Service) else None
    if cluster is None:
        return
    listed = _names(cluster.data.get("capacityProviders"))
    if listed is None:
        return
    for _, ptr, items in strategies(res):
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            v = item.get("capacityProvider")
            if not isinstance(v, Reference) and as_str(v) is None:
                continue
            label = provider_label(item)
            if label in listed:
                continue
            have = ", ".join(sorted(listed)) or "none"
            related = () if cluster is res else (Related(cluster, ("capacityProviders",), f"capacity providers of cluster {cluster.name}"),)
            yield Finding(ptr + (i, "capacityProvider"), f"capacity provider {label} is not associated with cluster "
                          f"{cluster.name} (it has {have}); add {label} to the cluster's capacity providers", related=related)
