"""
## What it does
Checks `platformVersion` of services and run-task inputs:
- on Fargate it must be a version that can still run tasks: `LATEST` or `1.4.0` for Linux,
  `LATEST` or `1.0.0` for Windows (the operating system comes from the task definition of the
  same run; without it, `1.0.0` is accepted too);
- with `launchType` `EC2` or `EXTERNAL` it must not be set at all.

## Why is this bad?
Linux platform versions 1.0.0-1.2.0 were deprecated in December 2020 and 1.3.0 was retired in
2026: no new task starts on them. A platform version on an EC2 service is rejected with
`The platform version must be null when specifying an EC2 launch type.`

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "launchType": "FARGATE", "platformVersion": "1.3.0",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "launchType": "FARGATE", "platformVersion": "LATEST",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
```

## References
- [Fargate platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html)
- [Retired Fargate platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html)
- [CreateService: platformVersion](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-platformVersion)
- API text for EC2: aws/amazon-ecs-cli#1040 (https://github.com/aws/amazon-ecs-cli/issues/1040); 1.3.0 retirement: docs/research/verified-facts.md section c
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules._common import version_tuple
from ecslint.values import as_str

LINUX = ("LATEST", "1.4.0")
WINDOWS = ("LATEST", "1.0.0")


def _linux_problem(pv: str) -> str:
    vt = version_tuple(pv)
    if pv == "1.3.0":
        return "Fargate Linux platform version 1.3.0 is retired (2026) and no longer starts tasks"
    if vt is not None and vt < (1, 3, 0):
        return f"Fargate Linux platform version {pv} was deprecated in December 2020"
    return f"{pv!r} is not a Fargate platform version"


@rule(
    code="ECS210",
    name="fargate-platform-version",
    summary="platformVersion is retired, unknown, or set for a non-Fargate launch type",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("fargate",),
    covers=("FG-061", "FG-062"),
)
def check(svc: Service) -> Iterator[Finding]:
    pv = as_str(svc.data.get("platformVersion"))
    if not pv:  # omitted, unknown, or an empty CLI-skeleton placeholder
        return
    lt = as_str(svc.data.get("launchType"))
    if lt in ("EC2", "EXTERNAL"):
        api = ": \"The platform version must be null when specifying an EC2 launch type.\"" if lt == "EC2" else ""
        yield Finding(("platformVersion",), f"platformVersion {pv!r} is set with launchType {lt}{api}; platform versions "
                      "exist only on Fargate, remove it", target="key")
        return
    target, why = svc.launch_target
    if target != "FARGATE" or pv.upper() == "LATEST":
        return
    td = svc.task_definition
    if td is not None and td.os_known:
        windows = td.is_windows
        valid = WINDOWS if windows else LINUX
        if pv in valid:
            return
        if windows:
            msg = f"{pv!r} is not a Fargate Windows platform version (the task definition is {td.os_family})"
        else:
            msg = _linux_problem(pv)
        yield Finding(("platformVersion",), f"{msg}; use {' or '.join(valid)} ({svc.kind} {svc.name} {why})")
    elif pv not in LINUX + WINDOWS:
        yield Finding(("platformVersion",), f"{_linux_problem(pv)}; use LATEST (1.4.0 on Linux, 1.0.0 on Windows) ({svc.kind} {svc.name} {why})")
