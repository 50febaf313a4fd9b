"""
## What it does
Checks the Amazon EBS volumes that a service or run-task on Fargate attaches
(`volumeConfigurations[].managedEBSVolume.volumeType`): `standard` (magnetic) is not offered on
Fargate.

## Why is this bad?
"The magnetic volume type is not supported on Fargate": the volume cannot be created for the task,
so the task does not start.

## Example
```json
{"serviceName": "db", "taskDefinition": "db", "launchType": "FARGATE",
 "volumeConfigurations": [{"name": "data", "managedEBSVolume": {
   "roleArn": "arn:aws:iam::111122223333:role/ecsInfrastructureRole", "volumeType": "standard", "sizeInGiB": 50}}]}
```

## Use instead
```json
{"serviceName": "db", "taskDefinition": "db", "launchType": "FARGATE",
 "volumeConfigurations": [{"name": "data", "managedEBSVolume": {
   "roleArn": "arn:aws:iam::111122223333:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 50}}]}
```

## References
- [ServiceManagedEBSVolumeConfiguration: volumeType](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html)
- [Amazon EBS volumes with Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import as_str


@rule(
    code="ECS212",
    name="fargate-ebs-magnetic-volume",
    summary="EBS volume of type standard (magnetic) for tasks on Fargate",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("fargate", "volumes"),
    covers=("VOL-035",),
)
def check(svc: Service) -> Iterator[Finding]:
    target, why = svc.launch_target
    vcs = svc.data.get("volumeConfigurations")
    if target != "FARGATE" or not isinstance(vcs, list):
        return
    for i, vc in enumerate(vcs):
        ebs = vc.get("managedEBSVolume") if isinstance(vc, dict) else None
        if isinstance(ebs, dict) and as_str(ebs.get("volumeType")) == "standard":
            yield Finding(
                ("volumeConfigurations", i, "managedEBSVolume", "volumeType"),
                f"The magnetic volume type is not supported on Fargate ({svc.kind} {svc.name} {why}); use gp3, gp2, io1, io2, st1 or sc1",
            )
