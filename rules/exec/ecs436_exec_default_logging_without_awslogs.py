"""
## What it does
For a cluster whose exec logging is `DEFAULT` (set, or the default when omitted), warns about the
services and run-task inputs of the run in that cluster that enable ECS Exec while no container of
their task definition uses the `awslogs` log driver.

## Why is this bad?
With `DEFAULT`, exec session output is written with the `awslogs` configuration of the task
definition. Without an `awslogs` container the sessions are not logged at all, and there is no
audit trail of the commands run inside production tasks.

## Example
```json
{"clusterName": "prod"}
```
with a service in `prod` that has `"enableExecuteCommand": true` and a task definition without
`awslogs`.

## Use instead
```json
{"clusterName": "prod", "configuration": {"executeCommandConfiguration": {"logging": "OVERRIDE",
  "logConfiguration": {"cloudWatchLogGroupName": "/ecs/exec-audit"}}}}
```
or give the task definition's containers the `awslogs` log driver.

## References
- [ExecuteCommandConfiguration: logging](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html)
- [Using ECS Exec: logging and auditing](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Cluster, Service
from ecslint.registry import rule
from ecslint.rules.exec._util import exec_enabled, label
from ecslint.values import is_unknown

_ECC = ("configuration", "executeCommandConfiguration")


@rule(
    code="ECS436",
    name="exec-default-logging-without-awslogs",
    summary="Exec sessions are not logged: DEFAULT logging and no awslogs container",
    severity="warning",
    applies_to=("cluster",),
    tags=("exec", "logging"),
    covers=("EX-008",),
)
def check(cluster: Cluster) -> Iterator[Finding]:
    ecc = cluster.get(*_ECC)
    if ecc is not None and not isinstance(ecc, dict):
        return
    logging = ecc.get("logging", "DEFAULT") if isinstance(ecc, dict) else "DEFAULT"
    if logging != "DEFAULT" or cluster.project is None:
        return
    for svc in cluster.project.of_kind("service", "run-task"):
        if not isinstance(svc, Service) or svc.cluster is not cluster or not exec_enabled(svc):
            continue
        td = svc.task_definition
        if td is None or not td.containers_known or not td.containers:
            continue
        drivers = [c.get("logConfiguration", {}).get("logDriver") if isinstance(c.get("logConfiguration"), dict) else c.get("logConfiguration") for _, c in td.containers]
        if any(d == "awslogs" or is_unknown(d) for d in drivers):
            continue
        ptr, target = (_ECC + ("logging",), "value") if isinstance(ecc, dict) and "logging" in ecc else ((_ECC if isinstance(ecc, dict) else ()), "key")
        yield Finding(
            ptr, f"{label(svc)} enables ECS Exec in cluster {cluster.name}, whose exec logging is DEFAULT, but no container "
            f"of task definition {td.name} uses awslogs, so exec sessions are not logged; use logging OVERRIDE with a "
            "logConfiguration, or the awslogs driver", target=target,
            related=(Related(svc, ("enableExecuteCommand",), "ECS Exec enabled here"), Related(td, ("containerDefinitions",), f"task definition {td.name}", target="key")),
        )
