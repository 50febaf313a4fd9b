"""
## What it does
Notes a container with `linuxParameters.maxSwap` above 0 in a task definition that runs on EC2
container instances (it lists `EC2` in `requiresCompatibilities`, a service or run-task of the run
places it on EC2, or it declares no launch type at all, which means EC2).

## Why is this bad?
`maxSwap` only lets the container use swap that the host already has. The Amazon ECS-optimized
AMIs ship without swap: unless the launch template or user data creates a swap file or partition,
the setting has no effect and the container is killed when it reaches its memory limit, exactly as
without `maxSwap`. Whether the instances have swap cannot be seen from the task definition (it
depends on the AMI and user data of the capacity), so this is a note, not a warning: check that
the instances that run the task enable swap.

## Example
```json
{"family": "cache", "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "cache", "image": "redis:7", "memory": 512,
   "linuxParameters": {"maxSwap": 1024, "swappiness": 60}}]}
```

## Use instead
Enable swap on the container instances (for example in the launch template's user data:
`dd if=/dev/zero of=/swapfile bs=1M count=2048 && chmod 600 /swapfile && mkswap /swapfile && swapon /swapfile`),
or give the container enough memory and drop `maxSwap`:
```json
{"family": "cache", "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "cache", "image": "redis:7", "memory": 1536}]}
```

## Known limitations
The files of a run do not say which AMI or user data the instances use, so the note also appears
when swap is in fact enabled; suppress it there. Fargate does not support `maxSwap` at all (another
rule) and ECS Anywhere hosts are left out (their swap is the operator's choice).

## References
- [Managing container swap memory space on Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-swap.html)
- [LinuxParameters: maxSwap](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int


def _on_ec2(td: TaskDefinition) -> str | None:
    """Why the task runs on EC2 instances, or None when it does not (surely or maybe)."""
    if td.is_ec2:
        return td.launch_targets["EC2"]
    if td.launch_targets:
        return None  # Fargate, EXTERNAL or MANAGED_INSTANCES only
    if any(svc.launch_target[0] is None for svc in td.runners):
        return None  # a runner of this run whose capacity is not known may place it on Fargate
    req = td.data.get("requiresCompatibilities")
    if req is None or req == []:
        return "no requiresCompatibilities: EC2 by default"
    return None


@rule(
    code="ECS158",
    name="max-swap-needs-host-swap",
    summary="maxSwap on EC2 works only if the container instances enable swap",
    severity="note",
    applies_to=("task-definition",),
    tags=("containers", "swap"),
    covers=("SW-005",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows or not td.os_known:
        return
    why = _on_ec2(td)
    if why is None:
        return
    for i, c in td.containers:
        lp = c.get("linuxParameters")
        swap = as_int(lp.get("maxSwap")) if isinstance(lp, dict) else None
        if swap is None or swap <= 0:
            continue
        yield Finding(
            ("containerDefinitions", i, "linuxParameters", "maxSwap"),
            f"container {td.container_label(i)} may use {swap} MiB of swap only if its EC2 instances have swap "
            f"({why}); ECS-optimized AMIs ship without it: enable a swap file in the instances' user data, "
            "or set maxSwap 0 and give the container enough memory",
        )
