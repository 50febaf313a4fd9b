"""
## What it does
Flags a capacity provider with `managedTerminationProtection: ENABLED` whose
`managedScaling.status` is `DISABLED`.

## Why is this bad?
"When using managed termination protection, managed scaling must also be used otherwise managed
termination protection doesn't work." Instances stay protected from scale-in and the Auto Scaling
group never shrinks. (The group also needs instance scale-in protection turned on.)

## Example
```json
{"name": "web-asg", "autoScalingGroupProvider": {"autoScalingGroupArn": "web-asg",
  "managedScaling": {"status": "DISABLED"}, "managedTerminationProtection": "ENABLED"}}
```

## Use instead
```json
{"autoScalingGroupProvider": {"autoScalingGroupArn": "web-asg",
  "managedScaling": {"status": "ENABLED", "targetCapacity": 100}, "managedTerminationProtection": "ENABLED"}}
```

## References
- [AutoScalingGroupProvider: managedTerminationProtection](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AutoScalingGroupProvider.html)

## Known limitations
Only an explicit `status: DISABLED` is flagged: the documented default of an omitted `managedScaling`
was not confirmed.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.documents.base import Resource
from ecslint.model import Finding, Related
from ecslint.registry import rule


@rule(
    code="ECS349",
    name="termination-protection-without-managed-scaling",
    summary="managedTerminationProtection ENABLED while managed scaling is DISABLED",
    severity="warning",
    applies_to=("capacity-provider",),
    tags=("capacity-providers",),
    covers=("CP-025",),
)
def check(cp: Resource) -> Iterator[Finding]:
    asg = cp.data.get("autoScalingGroupProvider")
    if not isinstance(asg, dict) or asg.get("managedTerminationProtection") != "ENABLED":
        return
    ms = asg.get("managedScaling")
    if isinstance(ms, dict) and ms.get("status") == "DISABLED":
        yield Finding(("autoScalingGroupProvider", "managedTerminationProtection"), "managed termination protection works "
                      "only with managed scaling, which is DISABLED here; set managedScaling.status ENABLED or "
                      "managedTerminationProtection DISABLED",
                      related=(Related(cp, ("autoScalingGroupProvider", "managedScaling", "status"), "managed scaling status"),))
