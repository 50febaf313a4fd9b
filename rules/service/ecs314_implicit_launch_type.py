"""
## What it does
Flags a service that sets neither `launchType` nor `capacityProviderStrategy` when its cluster is
part of the run and has no `defaultCapacityProviderStrategy`: the service then silently uses the
`EC2` launch type.

## Why is this bad?
Without either setting the service uses the cluster's default capacity provider strategy, and when
the cluster has none, the `EC2` launch type. A Fargate-only task definition then fails to place, and
the launch target changes silently when someone edits the cluster. AWS recommends capacity provider
strategies over launch types; say which one the service uses.

## Example
```json
{"serviceName": "web", "cluster": "prod", "taskDefinition": "web", "desiredCount": 2}
```

## Use instead
```json
{"serviceName": "web", "cluster": "prod", "taskDefinition": "web", "desiredCount": 2,
 "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]}
```

## References
- [CreateService: launchType and capacityProviderStrategy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [Capacity provider strategies](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html)

## Known limitations
A service whose cluster is not part of the run is not checked: that cluster may have a default
strategy (flagging those was mostly noise on real templates that share a cluster between stacks).
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import controller


@rule(
    code="ECS314",
    name="implicit-launch-type",
    summary="Service sets neither launchType nor a capacity provider strategy",
    severity="warning",
    applies_to=("service",),
    tags=("capacity-providers",),
    covers=("SVC-010",),
)
def check(svc: Service) -> Iterator[Finding]:
    if svc.data.get("launchType") is not None or svc.data.get("capacityProviderStrategy") is not None:
        return
    if controller(svc) == "EXTERNAL":
        return  # the task sets of an EXTERNAL controller carry the launch type
    cluster = svc.cluster
    td = svc.task_definition
    fargate_only = td is not None and td.requires == {"FARGATE"}
    hint = (f"; task definition {td.name} requires FARGATE, so this fails to place" if fargate_only else "")
    if cluster is None:
        return  # its default strategy is not known here
    default = cluster.data.get("defaultCapacityProviderStrategy")
    if default is None or isinstance(default, list) and not default:
        yield Finding((), f"service {svc.name} sets neither launchType nor capacityProviderStrategy, and cluster "
                      f"{cluster.name} has no default capacity provider strategy, so it runs with the EC2 launch type{hint}; "
                      f"set a capacityProviderStrategy (or launchType)", target="key",
                      related=(Related(cluster, (), f"cluster {cluster.name}", target="key"),))
