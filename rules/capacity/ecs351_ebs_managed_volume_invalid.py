"""
## What it does
Checks each `volumeConfigurations[].managedEBSVolume` of a service or run-task input:

* `roleArn` (the ECS infrastructure role) is set, and `sizeInGiB` or `snapshotId` is given;
* `sizeInGiB` is within the range of the `volumeType` (default `gp3`): gp2/gp3 1-16384, io1/io2
  4-16384, st1/sc1 125-16384, standard 1-1024;
* `iops` is given for io1/io2, within gp3 3000-16000, io1 100-64000, io2 100-256000, and not set
  for st1, sc1 or standard; `throughput` only for gp3, at most 1000 MiB/s;
* `volumeInitializationRate` only with a `snapshotId`; no `standard` volumes on Fargate;
* `tagSpecifications[].resourceType` is `volume`, and no tag uses the reserved keys
  `AmazonECSCreated` or `AmazonECSManaged`.

## Why is this bad?
CreateService and RunTask reject these configurations ("You must specify either a volume size or a
snapshot ID", "The magnetic volume type is not supported on Fargate"); ECS adds the reserved tags
itself and cannot manage a volume whose reserved tags were changed.

## Example
```json
{"name": "data", "managedEBSVolume": {"volumeType": "io2", "sizeInGiB": 2}}
```

## Use instead
```json
{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
  "volumeType": "io2", "sizeInGiB": 20, "iops": 3000}}
```

## References
- [ServiceManagedEBSVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html)
- [TaskManagedEBSVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html)
- [Amazon EBS volumes with Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import who
from ecslint.values import as_int, as_str

SIZES = {"gp2": (1, 16384), "gp3": (1, 16384), "io1": (4, 16384), "io2": (4, 16384), "st1": (125, 16384),
         "sc1": (125, 16384), "standard": (1, 1024)}  # fmt: skip
IOPS = {"gp3": (3000, 16000), "io1": (100, 64000), "io2": (100, 256000)}
RESERVED = ("AmazonECSCreated", "AmazonECSManaged")


@rule(
    code="ECS351",
    name="ebs-managed-volume-invalid",
    summary="managedEBSVolume settings that ECS rejects",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("volumes", "ebs"),
    covers=("VOL-032", "VOL-033", "VOL-034", "VOL-035", "VOL-036", "VOL-037", "VOL-038", "VOL-040"),
)
def check(svc: Service) -> Iterator[Finding]:
    vcs = svc.data.get("volumeConfigurations")
    for j, e in enumerate(vcs if isinstance(vcs, list) else []):
        m = e.get("managedEBSVolume") if isinstance(e, dict) else None
        if not isinstance(m, dict):
            continue
        p = ("volumeConfigurations", j, "managedEBSVolume")
        if m.get("roleArn") is None:
            yield Finding(p, "managedEBSVolume needs roleArn: the ECS infrastructure role (with the managed policy "
                          "AmazonECSInfrastructureRolePolicyForVolumes) that creates the volume", target="key")
        size, snap = m.get("sizeInGiB"), m.get("snapshotId")
        if size is None and snap is None:
            yield Finding(p, "managedEBSVolume needs sizeInGiB or snapshotId", target="key")
        vt = m.get("volumeType")
        vtype = "gp3" if vt is None or vt == "" else as_str(vt)
        s = as_int(size)
        if vtype in SIZES and s is not None and not SIZES[vtype][0] <= s <= SIZES[vtype][1]:
            lo, hi = SIZES[vtype]
            yield Finding(p + ("sizeInGiB",), f"{vtype} volumes are {lo}-{hi} GiB; got sizeInGiB {s}")
        if vtype == "standard" and svc.launch_target[0] == "FARGATE":
            yield Finding(p + ("volumeType",), f"the magnetic volume type (standard) is not supported on Fargate ({who(svc)} {svc.launch_target[1]}); use gp3")
        iops = m.get("iops")
        if vtype in ("io1", "io2") and iops is None:
            yield Finding(p, f"an {vtype} volume needs iops ({IOPS[vtype][0]}-{IOPS[vtype][1]})", target="key")
        n = as_int(iops)
        if n is not None and vtype in IOPS and not IOPS[vtype][0] <= n <= IOPS[vtype][1]:
            yield Finding(p + ("iops",), f"iops for {vtype} is {IOPS[vtype][0]}-{IOPS[vtype][1]}; got {n}")
        elif iops is not None and vtype in ("st1", "sc1", "standard"):
            yield Finding(p + ("iops",), f"iops cannot be set for {vtype} volumes; remove it", target="key")
        tp = m.get("throughput")
        if tp is not None and vtype is not None and vtype != "gp3":
            yield Finding(p + ("throughput",), f"throughput can be set only for gp3 volumes; this one is {vtype}", target="key")
        elif (as_int(tp) or 0) > 1000:
            yield Finding(p + ("throughput",), f"gp3 throughput is at most 1000 MiB/s; got {as_int(tp)}")
        if m.get("volumeInitializationRate") is not None and snap is None:
            yield Finding(p + ("volumeInitializationRate",), "volumeInitializationRate applies only to volumes created from a "
                          "snapshot; add snapshotId or remove it", target="key")
        yield from _tags(m, p)


def _tags(m: dict, p: tuple) -> Iterator[Finding]:
    specs = m.get("tagSpecifications")
    for k, spec in enumerate(specs if isinstance(specs, list) else []):
        if not isinstance(spec, dict):
            continue
        rt = spec.get("resourceType")
        if as_str(rt) is not None and rt != "volume":
            yield Finding(p + ("tagSpecifications", k, "resourceType"), f"tagSpecifications resourceType must be volume; got {rt}")
        tags = spec.get("tags")
        for t, tag in enumerate(tags if isinstance(tags, list) else []):
            key = as_str(tag.get("key")) if isinstance(tag, dict) else None
            if key in RESERVED:
                yield Finding(p + ("tagSpecifications", k, "tags", t, "key"), f"tag key {key} is reserved: ECS adds it to the "
                              f"volumes it manages; remove this tag")
