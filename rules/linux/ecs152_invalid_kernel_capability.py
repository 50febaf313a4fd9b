"""
## What it does
Checks every value of `linuxParameters.capabilities.add` and `.drop` against the Linux capability
names the ECS API accepts: `ALL`, `AUDIT_CONTROL`, `AUDIT_WRITE`, ... `SYS_ADMIN`, `SYS_PTRACE`, ...
`WAKE_ALARM`. A value written with the `CAP_` prefix or in lower case is reported with the spelling
ECS expects.

## Why is this bad?
ECS passes these names to Docker as `--cap-add`/`--cap-drop`; only the documented names without the
`CAP_` prefix are valid values of `KernelCapabilities`. A misspelled capability is rejected, or never
granted, and the process that needs it fails with `Operation not permitted`.

## Example
```json
{"name": "agent", "image": "example/agent:1",
 "linuxParameters": {"capabilities": {"add": ["CAP_NET_ADMIN"], "drop": ["net_raw"]}}}
```

## Use instead
```json
{"name": "agent", "image": "example/agent:1",
 "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"], "drop": ["NET_RAW"]}}}
```

## Known limitations
`AUDIT_READ`, listed by the 2023 developer guide for `add` but not by the current API reference, is
accepted without a finding.

## References
- [KernelCapabilities](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html)
- [Task definition parameters: Linux parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_linuxparameters)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.linux._util import CAPABILITIES, EXTRA_CAPABILITIES, capability_lists, linux_parameters
from ecslint.values import as_str


@rule(
    code="ECS152",
    name="invalid-kernel-capability",
    summary="Kernel capability is not a name ECS accepts",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "linux"),
    covers=("LP-001",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, lp in linux_parameters(td):
        for key, j, value in capability_lists(lp):
            name = as_str(value)
            if not name or name in CAPABILITIES or name in EXTRA_CAPABILITIES:
                continue
            fixed = name.upper().removeprefix("CAP_")
            hint = f"; write {fixed!r}" if fixed in CAPABILITIES | EXTRA_CAPABILITIES else "; see the KernelCapabilities list (e.g. 'NET_ADMIN', 'SYS_PTRACE')"
            yield Finding(
                ("containerDefinitions", i, "linuxParameters", "capabilities", key, j),
                f"container {td.container_label(i)}: {name!r} in capabilities.{key} is not a capability name ECS accepts{hint}",
            )
