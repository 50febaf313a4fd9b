"""
## What it does
Checks the EBS `volumeConfigurations` of a service or run-task input against its task definition
and deployment settings:

* every task definition volume with `configuredAtLaunch: true` has a `volumeConfigurations` entry of
  the same `name`, and every entry names such a volume;
* at most one entry (one EBS volume per task);
* a service with `volumeConfigurations` uses the rolling (`ECS`) deployment controller and the
  `REPLICA` scheduling strategy.

## Why is this bad?
The volume is created at launch from the service's or task's configuration, matched by name; one
EBS volume can be attached per task. "EBS volumes can be configured at deployment only for services
that use the rolling update deployment type and the Replica scheduling strategy." CreateService and
RunTask reject the other combinations.

## Example
```json
{"serviceName": "db", "taskDefinition": "db", "desiredCount": 1, "schedulingStrategy": "DAEMON",
 "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 50}}]}
```

## Use instead
```json
{"serviceName": "db", "taskDefinition": "db", "desiredCount": 1,
 "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 50}}]}
```
with a task definition volume `{"name": "data", "configuredAtLaunch": true}`.

## References
- [Amazon EBS volumes with Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html)
- [ServiceVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceVolumeConfiguration.html)
- [Volume: configuredAtLaunch](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import who
from ecslint.rules.service._util import controller, scheduling
from ecslint.values import as_str, is_true


@rule(
    code="ECS350",
    name="ebs-volume-configuration-mismatch",
    summary="EBS volumeConfigurations that do not match the task definition or service",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("volumes", "ebs"),
    covers=("VOL-030", "VOL-031", "VOL-041"),
)
def check(svc: Service) -> Iterator[Finding]:
    vcs = svc.data.get("volumeConfigurations")
    entries = vcs if isinstance(vcs, list) else []
    if len(entries) > 1:
        yield Finding(("volumeConfigurations",), f"a task can attach one EBS volume; {who(svc)} configures {len(entries)}")
    if entries and svc.kind == "service":
        ctl, sched = controller(svc), scheduling(svc)
        if ctl not in (None, "ECS") or sched == "DAEMON":
            what = f"the {ctl} deployment controller" if ctl not in (None, "ECS") else "the DAEMON scheduling strategy"
            yield Finding(("volumeConfigurations",), f"EBS volumes can be configured only for services with the rolling (ECS) "
                          f"deployment controller and the REPLICA scheduling strategy; service {svc.name} uses {what}", target="key")
    td = svc.task_definition
    vols = td.data.get("volumes") if td is not None else None
    if td is None or not isinstance(vols, list) or vcs is not None and not isinstance(vcs, list):
        return
    at_launch = {}
    for i, v in enumerate(vols):
        if isinstance(v, dict) and is_true(v.get("configuredAtLaunch")):
            name = as_str(v.get("name"))
            if name is None:
                return
            at_launch[name] = i
    names = {}
    for j, e in enumerate(entries):
        n = as_str(e.get("name")) if isinstance(e, dict) else None
        if not n:
            return
        names[n] = j
    for name, i in at_launch.items():
        if name not in names:
            yield Finding(("volumeConfigurations",) if vcs is not None else (), f"volume {name!r} of task definition {td.name} "
                          f"is configured at launch, but {who(svc)} has no volumeConfigurations entry named {name!r}",
                          target="key", related=(Related(td, ("volumes", i), f"volume {name!r}"),))
    for name, j in names.items():
        if name not in at_launch:
            have = ", ".join(map(repr, at_launch)) or "none"
            yield Finding(("volumeConfigurations", j, "name"), f"volumeConfigurations entry {name!r} does not name a volume "
                          f"with configuredAtLaunch: true in task definition {td.name} (it has {have})")
