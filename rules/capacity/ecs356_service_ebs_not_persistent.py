"""
## What it does
Notes every `volumeConfigurations[].managedEBSVolume` of a service (CreateService /
UpdateService, `AWS::ECS::Service`, `aws_ecs_service`): the Amazon EBS volumes it creates are
deleted when their task stops. Standalone tasks (RunTask / StartTask) are not reported: their
`terminationPolicy.deleteOnTermination` can keep the volume.

## Why is this bad?
ECS creates one new volume per task (empty, or restored from `snapshotId`) and always deletes it
when the task stops: on a deployment, a scale-in, a failed health check or a Spot interruption.
Nothing written there survives the task. That is right for scratch space, caches or data restored
from a snapshot, and wrong for a database or anything that must outlive the task. The files cannot
say which of the two the volume is for, so this is a note: make sure nothing on the volume needs
to survive.

## Example
```json
{"serviceName": "db", "taskDefinition": "db", "launchType": "FARGATE", "desiredCount": 1,
 "volumeConfigurations": [{"name": "data", "managedEBSVolume": {
   "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100}}]}
```

## Use instead
Keep data that must survive on Amazon EFS (an `efsVolumeConfiguration` volume in the task
definition), in a managed database, or restore it at start from an EBS snapshot (`snapshotId`)
that a backup job refreshes; suppress this note for volumes that only hold scratch data.

## Known limitations
Whether the data must persist cannot be known from the files; every service-managed EBS volume is
reported once.

## References
- [Use Amazon EBS volumes with Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html)
- [ServiceManagedEBSVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html)
- [TaskManagedEBSVolumeTerminationPolicy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeTerminationPolicy.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import who
from ecslint.values import as_str


def _volume_index(svc: Service, name: str | None) -> int | None:
    td = svc.task_definition
    vols = td.data.get("volumes") if td is not None else None
    for k, v in enumerate(vols if isinstance(vols, list) and name else []):
        if isinstance(v, dict) and v.get("name") == name:
            return k
    return None


@rule(
    code="ECS356",
    name="service-ebs-not-persistent",
    summary="Service-managed EBS volumes are deleted when their task stops",
    severity="note",
    applies_to=("service",),
    tags=("volumes", "ebs"),
    covers=("VOL-044",),
)
def check(svc: Service) -> Iterator[Finding]:
    vcs = svc.data.get("volumeConfigurations")
    for j, e in enumerate(vcs if isinstance(vcs, list) else []):
        m = e.get("managedEBSVolume") if isinstance(e, dict) else None
        if not isinstance(m, dict) or e.get("name") == "":  # "": CLI-skeleton placeholder
            continue
        name = as_str(e.get("name"))
        label = repr(name) if name else f"#{j + 1}"
        k = _volume_index(svc, name)
        related = (Related(svc.task_definition, ("volumes", k), f"volume {name} of the task definition"),) if k is not None else ()
        snap = as_str(m.get("snapshotId"))
        if m.get("snapshotId") is not None:
            what = f"restored from snapshot {snap or '(set at deploy time)'} for each task and deleted, with everything the task wrote,"
            fix = "keep data that must survive on EFS or in a database"
        else:
            what = "created empty for each task and deleted"
            fix = "keep data that must survive on EFS or in a database, or restore it at start from an EBS snapshot (snapshotId)"
        yield Finding(("volumeConfigurations", j, "managedEBSVolume"),
                      f"EBS volume {label} of {who(svc)} is {what} when the task stops (service-managed volumes are "
                      f"never kept): {fix}", target="key", related=related)
