"""
## What it does
Flags a service whose capacity provider strategy (its own or its cluster's default) places every
task on `FARGATE_SPOT` while the service looks stateful or critical: it has EBS
`volumeConfigurations`, or runs a single task (`desiredCount: 1`).

## Why is this bad?
Spot capacity can be reclaimed at any time with a two-minute warning, and Fargate does not fall back
to on-demand capacity when Spot is unavailable. A single-task service goes down with its task, and
an EBS volume managed by the service is deleted with it. Keep a guaranteed minimum on `FARGATE`
with a `base`.

## Example
```json
{"serviceName": "db", "taskDefinition": "db", "desiredCount": 1,
 "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
```

## Use instead
```json
{"serviceName": "db", "taskDefinition": "db", "desiredCount": 1,
 "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "base": 1, "weight": 0},
                              {"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
```

## References
- [Fargate capacity providers](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html)
- [Capacity provider strategies: base and weight](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import count_of, effective, number, origin_word, provider_name


@rule(
    code="ECS346",
    name="spot-only-stateful-service",
    summary="Stateful or single-task service runs only on Fargate Spot",
    severity="warning",
    applies_to=("service",),
    tags=("capacity-providers", "spot", "reliability"),
    covers=("CP-017",),
)
def check(svc: Service) -> Iterator[Finding]:
    source, ptr, items = effective(svc)
    if source is None:
        return
    used = [it for it in items if isinstance(it, dict) and ((number(it, "weight") or 0) > 0 or (number(it, "base") or 0) > 0)]
    names = [provider_name(it) for it in used]
    if not used or any(n != "FARGATE_SPOT" for n in names):
        return
    vc = svc.data.get("volumeConfigurations")
    reasons = []
    if isinstance(vc, list) and vc:
        reasons.append("attaches an EBS volume (deleted when the Spot task is reclaimed)")
    if count_of(svc) == 1:
        reasons.append("runs a single task (desiredCount 1)")
    if not reasons:
        return
    yield Finding(ptr, f"service {svc.name} {' and '.join(reasons)} but places every task on FARGATE_SPOT"
                  f"{origin_word(source, svc)}, which can be reclaimed at any time without on-demand fallback; add "
                  f'{{"capacityProvider": "FARGATE", "base": 1}} for a guaranteed minimum', resource=None if source is svc else source)
