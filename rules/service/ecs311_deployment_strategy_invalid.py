"""
## What it does
Checks the ECS-native deployment strategies of `deploymentConfiguration.strategy`:

* `linearConfiguration` only with `LINEAR`, `canaryConfiguration` only with `CANARY`;
* `linearConfiguration.stepPercent` is 3.0-100.0 in steps of 0.1 and `stepBakeTimeInMinutes` 0-1440;
* `canaryConfiguration.canaryPercent` is 0.1-100.0 in steps of 0.1 and `canaryBakeTimeInMinutes` 0-1440;
* `bakeTimeInMinutes` is 0-1440;
* `BLUE_GREEN`, `LINEAR` and `CANARY` need the `ECS` deployment controller and something to shift
  traffic with: a `loadBalancers` entry with `advancedConfiguration` (`alternateTargetGroupArn`,
  `productionListenerRule`, `roleArn`) or Service Connect.

## Why is this bad?
The strategies shift production traffic from the blue to the green service revision. Without an
alternate target group and a production listener rule (or Service Connect) there is nothing to
shift, and the percentages and bake times outside their ranges are rejected by CreateService and
UpdateService.

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
 "deploymentConfiguration": {"strategy": "ROLLING", "linearConfiguration": {"stepPercent": 2.5}}}
```

## Use instead
```json
{"deploymentConfiguration": {"strategy": "LINEAR", "bakeTimeInMinutes": 10,
   "linearConfiguration": {"stepPercent": 10.0, "stepBakeTimeInMinutes": 6}},
 "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/blue/0123456789abcdef",
   "containerName": "web", "containerPort": 80,
   "advancedConfiguration": {"alternateTargetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/green/0123456789abcdef",
     "productionListenerRule": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/web/0123456789abcdef/0123456789abcdef/0123456789abcdef",
     "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers"}}]}
```

## References
- [DeploymentConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html)
- [LinearConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html), [CanaryConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html)
- [AdvancedConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AdvancedConfiguration.html)
- [Amazon ECS blue/green deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html)

## Known limitations
`BLUE_GREEN` without `bakeTimeInMinutes` is not flagged: the API reference says it must be given,
but the CloudFormation reference documents a default. The traffic-shifting check (SVC-025, unconfirmed
in the catalog) is skipped for Terraform plans, whose `advanced_configuration` is not read yet.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import controller
from ecslint.values import as_int, as_str, is_true, is_unknown

SHIFTING = ("BLUE_GREEN", "LINEAR", "CANARY")
#: (config member, strategy, percent member, lowest percent, bake member, default percent)
CONFIGS = (("linearConfiguration", "LINEAR", "stepPercent", 3.0, "stepBakeTimeInMinutes"),
           ("canaryConfiguration", "CANARY", "canaryPercent", 0.1, "canaryBakeTimeInMinutes"))  # fmt: skip


def _number(v: Any) -> float | None:
    if isinstance(v, bool) or v is None or is_unknown(v):
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


@rule(
    code="ECS311",
    name="deployment-strategy-invalid",
    summary="Blue/green, linear or canary deployment settings that ECS rejects",
    severity="error",
    applies_to=("service",),
    tags=("deployments", "load-balancing"),
    covers=("SVC-021", "SVC-022", "SVC-023", "SVC-025"),
)
def check(svc: Service) -> Iterator[Finding]:
    dc = svc.data.get("deploymentConfiguration")
    if not isinstance(dc, dict):
        return
    raw = dc.get("strategy")
    strategy = "ROLLING" if raw is None else as_str(raw)
    base = ("deploymentConfiguration",)
    for key, wants, pct_key, lowest, bake_key in CONFIGS:
        cfg = dc.get(key)
        if not isinstance(cfg, dict):
            continue
        if strategy is not None and strategy != wants:
            yield Finding(base + (key,), f"{key} applies only to the {wants} strategy; this service uses {strategy}: set "
                          f"strategy {wants} or remove {key}", target="key")
        pct = _number(cfg.get(pct_key))
        if pct is not None and (not lowest <= pct <= 100.0 or abs(pct * 10 - round(pct * 10)) > 1e-6):
            yield Finding(base + (key, pct_key), f"{pct_key} must be {lowest}-100.0 in steps of 0.1; got {cfg.get(pct_key)}")
        bake = as_int(cfg.get(bake_key))
        if bake is not None and not 0 <= bake <= 1440:
            yield Finding(base + (key, bake_key), f"{bake_key} must be 0-1440 minutes; got {bake}")
    bake = as_int(dc.get("bakeTimeInMinutes"))
    if bake is not None and not 0 <= bake <= 1440:
        yield Finding(base + ("bakeTimeInMinutes",), f"bakeTimeInMinutes must be 0-1440 minutes; got {bake}")
    if strategy not in SHIFTING:
        return
    ctl = controller(svc)
    if ctl not in (None, "ECS"):
        yield Finding(base + ("strategy",), f"the {strategy} strategy is run by the ECS deployment controller; this service "
                      f"uses {ctl}: use deploymentController type ECS, or strategy ROLLING")
        return
    if svc.document.kind == "terraform-plan":
        return
    sc = svc.data.get("serviceConnectConfiguration")
    if isinstance(sc, dict) and not is_unknown(sc.get("enabled")) and (is_true(sc.get("enabled")) or sc.get("enabled") is None):
        return
    lbs = svc.data.get("loadBalancers")
    if lbs is not None and not isinstance(lbs, list) or sc is not None and not isinstance(sc, dict):
        return
    entries = [lb for lb in lbs or [] if isinstance(lb, dict)]
    if len(entries) != len(lbs or []):
        return
    if any(lb.get("advancedConfiguration") is not None for lb in entries):
        return
    what = "its loadBalancers entries have no advancedConfiguration" if entries else "it has no load balancer"
    yield Finding(base + ("strategy",), f"the {strategy} strategy shifts traffic between two target groups (or through "
                  f"Service Connect), but {what}; add advancedConfiguration with alternateTargetGroupArn, "
                  f"productionListenerRule and roleArn to the load balancer, or use strategy ROLLING")
