"""
## What it does
Checks `autoScalingGroupProvider.managedScaling` of a capacity provider: `minimumScalingStepSize`
(default 1) must not exceed `maximumScalingStepSize` (default 10000).

## Why is this bad?
ECS scales the Auto Scaling group out by at least the minimum and at most the maximum step; a minimum
above the maximum is contradictory and CreateCapacityProvider/UpdateCapacityProvider reject it. The
single-value ranges (step sizes 1-10000, `targetCapacity` 1-100, `instanceWarmupPeriod` 0-10000) are
checked by ECS002 (schema-violation).

## Example
```json
{"name": "web-asg", "autoScalingGroupProvider": {"autoScalingGroupArn": "web-asg",
  "managedScaling": {"status": "ENABLED", "minimumScalingStepSize": 10, "maximumScalingStepSize": 2}}}
```

## Use instead
```json
{"managedScaling": {"status": "ENABLED", "minimumScalingStepSize": 1, "maximumScalingStepSize": 10}}
```

## References
- [ManagedScaling](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.documents.base import Resource
from ecslint.model import Finding
from ecslint.registry import rule
from ecslint.values import as_int, is_unknown


@rule(
    code="ECS348",
    name="managed-scaling-step-sizes",
    summary="managedScaling minimumScalingStepSize above maximumScalingStepSize",
    severity="error",
    applies_to=("capacity-provider",),
    tags=("capacity-providers",),
    covers=("CP-024",),
)
def check(cp: Resource) -> Iterator[Finding]:
    asg = cp.data.get("autoScalingGroupProvider")
    ms = asg.get("managedScaling") if isinstance(asg, dict) else None
    if not isinstance(ms, dict):
        return
    raw_min, raw_max = ms.get("minimumScalingStepSize"), ms.get("maximumScalingStepSize")
    if is_unknown(raw_min) or is_unknown(raw_max):
        return
    mn = 1 if raw_min is None else as_int(raw_min)
    mx = 10000 if raw_max is None else as_int(raw_max)
    if mn is not None and mx is not None and mn > mx:
        key = "minimumScalingStepSize" if raw_min is not None else "maximumScalingStepSize"
        yield Finding(("autoScalingGroupProvider", "managedScaling", key), f"minimumScalingStepSize {mn} is above "
                      f"maximumScalingStepSize {mx}; the minimum step must be at most the maximum")
