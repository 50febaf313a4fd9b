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
Neither is a service whose task definition is part of the run and made for EC2 (its
`requiresCompatibilities` lists `EC2`, or is omitted, which means EC2) on a cluster that does not
declare only Fargate capacity providers: the EC2 launch type it falls back to is then the one its
task definition was written for (the classic EC2 cluster with an Auto Scaling group).
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Cluster, Service, TaskDefinition
from ecslint.registry import rule
from ecslint.rules.service._util import controller
from ecslint.values import as_str


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
    if td is not None and _made_for_ec2(td) and not _fargate_only(cluster):
        return  # the EC2 launch type is the one the task definition targets
    default = cluster.data.get("defaultCapacityProviderStrategy")
    if default is None or isinstance(default, list) and not default:
        yield Finding((), f"service {svc.name} sets neither launchType nor capacityProviderStrategy, and cluster "
                      f"{cluster.name} has no default capacity provider strategy, so it runs with the EC2 launch type{hint}; "
                      f"set a capacityProviderStrategy (or launchType)", target="key",
                      related=(Related(cluster, (), f"cluster {cluster.name}", target="key"),))


def _made_for_ec2(td: TaskDefinition) -> bool:
    """requiresCompatibilities lists EC2, or is omitted (RegisterTaskDefinition then validates for EC2)."""
    if td.data.get("requiresCompatibilities") is None:
        return True
    return "EC2" in td.requires


def _fargate_only(cluster: Cluster) -> bool:
    """The cluster declares capacity providers, all of them Fargate ones: it is not meant for EC2 instances."""
    cps = cluster.data.get("capacityProviders")
    if not isinstance(cps, list) or not cps:
        return False
    names = [as_str(c) for c in cps]
    return all(n in ("FARGATE", "FARGATE_SPOT") for n in names)
