"""
## What it does
Checks what the deployment controller (`deploymentController.type`, default `ECS`) allows:

* an enabled `deploymentConfiguration.deploymentCircuitBreaker` or `alarms` only with `ECS`;
* `CODE_DEPLOY` needs an Application or Network Load Balancer (`loadBalancers[].targetGroupArn`);
* at most 5 target groups, and more than one only with the `ECS` controller.

## Why is this bad?
The circuit breaker "can only be used for services using the rolling update (ECS) deployment type",
and so can deployment alarms. CodeDeploy blue/green shifts traffic between two target groups of a
load balancer. A service registers with at most five target groups, several only with rolling
updates. CreateService rejects these services.

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
 "deploymentController": {"type": "CODE_DEPLOY"},
 "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true}}}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
 "deploymentController": {"type": "ECS"},
 "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true}}}
```

## References
- [DeploymentCircuitBreaker](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html)
- [DeploymentAlarms](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentAlarms.html)
- [Register multiple target groups with a service](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/register-multiple-targetgroups.html)
- [CreateService: loadBalancers](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import controller
from ecslint.values import is_true


@rule(
    code="ECS303",
    name="deployment-controller-conflict",
    summary="Deployment settings the deployment controller does not support",
    severity="error",
    applies_to=("service",),
    tags=("deployments", "load-balancing"),
    covers=("SVC-017", "SVC-026", "LB-006"),
)
def check(svc: Service) -> Iterator[Finding]:
    ctl = controller(svc)
    if ctl is None:
        return
    dc = svc.data.get("deploymentConfiguration")
    if ctl != "ECS" and isinstance(dc, dict):
        for key, what in (("deploymentCircuitBreaker", "the deployment circuit breaker works"), ("alarms", "deployment alarms work")):
            v = dc.get(key)
            if isinstance(v, dict) and is_true(v.get("enable")):
                yield Finding(("deploymentConfiguration", key), f"{what} only with the ECS (rolling update) deployment "
                              f"controller; this service uses {ctl}: remove {key} or use deploymentController type ECS")
    lbs = svc.data.get("loadBalancers")
    if not isinstance(lbs, list):
        if ctl == "CODE_DEPLOY" and lbs is None:
            yield Finding(("deploymentController",), "the CODE_DEPLOY deployment controller needs an Application or Network "
                          "Load Balancer: add loadBalancers with a targetGroupArn (CodeDeploy shifts traffic between two target groups)")
        return
    tgs = [i for i, lb in enumerate(lbs) if isinstance(lb, dict) and lb.get("targetGroupArn") is not None]
    if ctl == "CODE_DEPLOY" and not tgs and all(isinstance(lb, dict) for lb in lbs):
        yield Finding(("deploymentController",), "the CODE_DEPLOY deployment controller needs an Application or Network Load "
                      "Balancer: add a loadBalancers entry with a targetGroupArn")
    if len(tgs) > 5:
        yield Finding(("loadBalancers", tgs[5]), f"a service can register with at most 5 target groups; got {len(tgs)}")
    elif len(tgs) > 1 and ctl != "ECS":
        yield Finding(("loadBalancers", tgs[1]), f"several target groups ({len(tgs)}) need the ECS (rolling update) deployment "
                      f"controller; with {ctl} use a single loadBalancers entry")
