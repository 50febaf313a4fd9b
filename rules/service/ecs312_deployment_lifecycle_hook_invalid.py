"""
## What it does
Checks each `deploymentConfiguration.lifecycleHooks[]` entry of a service:

* it lists its `lifecycleStages` (at least one);
* an `AWS_LAMBDA` hook (the default `targetType`) gives `hookTargetArn` (the Lambda function) and
  `roleArn` (the role ECS uses to invoke it);
* a `PAUSE` hook is not placed at `TEST_TRAFFIC_SHIFT` or `PRODUCTION_TRAFFIC_SHIFT`;
* hooks are used with a `BLUE_GREEN`, `LINEAR` or `CANARY` strategy, where the stages exist.

## Why is this bad?
ECS calls the hook at the stages it lists; without stages, a function to call or a role to call it
with, the hook cannot run and CreateService/UpdateService reject it. The traffic-shift stages
cannot be paused. With the `ROLLING` strategy the blue/green lifecycle stages never happen.

## Example
```json
{"deploymentConfiguration": {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 5,
  "lifecycleHooks": [{"hookTargetArn": "arn:aws:lambda:eu-west-1:123456789012:function:smoke-test"}]}}
```

## Use instead
```json
{"deploymentConfiguration": {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 5,
  "lifecycleHooks": [{"hookTargetArn": "arn:aws:lambda:eu-west-1:123456789012:function:smoke-test",
    "roleArn": "arn:aws:iam::123456789012:role/ecsLifecycleHookRole",
    "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"]}]}}
```

## References
- [DeploymentLifecycleHook](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html)
- [Lifecycle hooks for Amazon ECS service deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html)

## Known limitations
Enum values and the 1-20160 minute timeout range are checked by ECS002 (schema-violation). Hooks
with the `ROLLING` strategy are reported as a warning only: the catalog does not say whether the API
rejects them.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import as_str

NO_PAUSE = ("TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT")


@rule(
    code="ECS312",
    name="deployment-lifecycle-hook-invalid",
    summary="Deployment lifecycle hook that cannot run as configured",
    severity="error",
    applies_to=("service",),
    tags=("deployments",),
    covers=("SVC-024",),
)
def check(svc: Service) -> Iterator[Finding]:
    dc = svc.data.get("deploymentConfiguration")
    hooks = dc.get("lifecycleHooks") if isinstance(dc, dict) else None
    if not isinstance(hooks, list) or not hooks:
        return
    raw = dc.get("strategy")
    strategy = "ROLLING" if raw is None else as_str(raw)
    if strategy == "ROLLING":
        yield Finding(("deploymentConfiguration", "lifecycleHooks"), "lifecycle hooks run at the stages of BLUE_GREEN, LINEAR "
                      "and CANARY deployments; with the ROLLING strategy they never run: set deploymentConfiguration.strategy",
                      target="key", severity=Severity.WARNING)
    for i, hook in enumerate(hooks):
        if not isinstance(hook, dict):
            continue
        ptr = ("deploymentConfiguration", "lifecycleHooks", i)
        tt = hook.get("targetType")
        target = "AWS_LAMBDA" if tt is None else as_str(tt)
        stages = hook.get("lifecycleStages")
        if stages is None or isinstance(stages, list) and not stages:
            yield Finding(ptr + (("lifecycleStages",) if stages is not None else ()), "a lifecycle hook needs lifecycleStages: "
                          "the stages it runs at, e.g. POST_TEST_TRAFFIC_SHIFT", target="key")
        if target == "AWS_LAMBDA":
            missing = [k for k in ("hookTargetArn", "roleArn") if hook.get(k) is None or hook.get(k) == ""]
            if missing:
                what = {"hookTargetArn": "hookTargetArn (the Lambda function to call)", "roleArn": "roleArn (the role ECS "
                        "invokes the function with)"}
                yield Finding(ptr, f"an AWS_LAMBDA lifecycle hook needs {' and '.join(what[k] for k in missing)}", target="key")
        elif target == "PAUSE" and isinstance(stages, list):
            for j, st in enumerate(stages):
                if st in NO_PAUSE:
                    yield Finding(ptr + ("lifecycleStages", j), f"a PAUSE hook cannot run at {st}; pause before or after "
                                  f"the traffic shift (e.g. POST_TEST_TRAFFIC_SHIFT)")
