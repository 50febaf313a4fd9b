"""
## What it does
For Windows task definitions (`runtimePlatform.operatingSystemFamily` is a `WINDOWS_SERVER_*`
value) that run on Fargate, reports what Windows on Fargate does not offer: an operating system
family other than Windows Server 2019/2022 Full/Core (2016, 2004, 20H2 and 2025 are EC2-only), the
`ARM64` architecture, FireLens (`awsfirelens` log driver or `firelensConfiguration`), the reserved
container port 3150, and a service or run-task using the `FARGATE_SPOT` capacity provider.

## Why is this bad?
The task definition registers, but the service or task cannot start
(`PlatformTaskDefinitionIncompatibilityException` or
`The specified platform does not satisfy the task definition's required capabilities`).

## Example
```json
{"family": "iis", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2025_CORE", "cpuArchitecture": "X86_64"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis"}]}
```

## Use instead
```json
{"family": "iis", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"}]}
```

## References
- [Fargate Windows platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html)
- [Windows containers on Fargate: considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html)
- [RuntimePlatform](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html)
- Windows Server 2025 not on Fargate: docs/research/verified-facts.md section 6

## Known limitations
EFS and FSx volumes, ulimits, swap, pidMode and systemControls are reported by
`volume-unsupported-on-platform` and `windows-unsupported-parameter`.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.fargate._util import FARGATE_WINDOWS_OS, present
from ecslint.values import as_int, as_str

RESERVED_PORT = 3150


@rule(
    code="ECS243",
    name="windows-fargate-unsupported",
    summary="Windows task on Fargate uses something Windows on Fargate does not offer",
    severity="error",
    applies_to=("task-definition",),
    tags=("windows", "fargate"),
    covers=("WIN-004", "WIN-005", "WIN-006", "CT-025", "TD-031"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_windows or not td.is_fargate:
        return
    why = where(td.fargate_reason)
    fam = td.os_family
    if fam and fam not in FARGATE_WINDOWS_OS:
        yield Finding(("runtimePlatform", "operatingSystemFamily"), f"Fargate runs Windows tasks only on "
                      f"{', '.join(FARGATE_WINDOWS_OS)}; got {fam} (EC2 only){why}")
    rp = td.data.get("runtimePlatform")
    if isinstance(rp, dict) and as_str(rp.get("cpuArchitecture")) == "ARM64":
        yield Finding(("runtimePlatform", "cpuArchitecture"), f"Windows containers on Fargate run only on X86_64; got ARM64{why}")
    for i, c in td.containers:
        label = td.container_label(i)
        lc = c.get("logConfiguration")
        if isinstance(lc, dict) and lc.get("logDriver") == "awsfirelens":
            yield Finding(("containerDefinitions", i, "logConfiguration", "logDriver"),
                          f"container {label} logs with awsfirelens; FireLens is not supported for Windows on Fargate, use awslogs{why}")
        if present(c.get("firelensConfiguration")):
            yield Finding(("containerDefinitions", i, "firelensConfiguration"),
                          f"container {label} is a FireLens log router; FireLens is not supported for Windows on Fargate{why}", target="key")
        pms = c.get("portMappings")
        for j, pm in enumerate(pms if isinstance(pms, list) else []):
            if isinstance(pm, dict) and as_int(pm.get("containerPort")) == RESERVED_PORT:
                yield Finding(("containerDefinitions", i, "portMappings", j, "containerPort"),
                              f"container {label} maps port {RESERVED_PORT}, which Windows on Fargate reserves; use another port{why}")
    for svc in td.runners:
        strategy, source = svc.effective_strategy
        if svc.launch_target[0] == "FARGATE" and svc.uses_spot and source is not None:
            key = "capacityProviderStrategy" if source is svc else "defaultCapacityProviderStrategy"
            yield Finding((key,), f"{svc.kind} {svc.name} runs Windows task definition {td.name} on FARGATE_SPOT, which is not "
                          "available for Windows containers; use the FARGATE capacity provider", resource=source,
                          related=(Related(td, ("runtimePlatform",), f"task definition {td.name}"),))
