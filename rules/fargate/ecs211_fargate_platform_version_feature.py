"""
## What it does
For a task definition run on Fargate by a service or run-task of the same run that pins an older
Linux `platformVersion`, reports each feature that needs a later version:

| feature | Linux platform version |
| --- | --- |
| container `healthCheck` | 1.1.0 |
| `repositoryCredentials` | 1.2.0 |
| `secrets`, log `secretOptions`, `dependsOn`, `startTimeout`, `stopTimeout`, `proxyConfiguration` | 1.3.0 |
| Secrets Manager JSON key or version in `valueFrom`, `efsVolumeConfiguration`, `ephemeralStorage`, `environmentFiles`, added capabilities, `pidMode`, `systemControls`, `credentialSpecs`, FireLens `log-driver-buffer-limit` | 1.4.0 |

Task sizes of 8 vCPU and more are checked by `fargate-task-size`.

## Why is this bad?
The task cannot start on the pinned platform version (`The specified platform does not satisfy the
task definition's required capabilities`). Every Linux version below 1.4.0 is also retired, so the
fix is the same for all: use `LATEST` (1.4.0).

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "launchType": "FARGATE", "platformVersion": "1.3.0"}
```
with a task definition that mounts an EFS volume.

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "launchType": "FARGATE", "platformVersion": "LATEST"}
```

## References
- [Fargate Linux platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html)
- [ContainerDefinition (per-member platform requirements)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
- [Specifying sensitive data: Secrets Manager](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import version_tuple
from ecslint.rules.fargate._util import nonempty, present
from ecslint.values import as_str

_SECRET_KEY = "arn:aws:secretsmanager:"


def _features(td: TaskDefinition) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    d = td.data
    if present(d.get("proxyConfiguration")):
        yield ("proxyConfiguration",), "proxyConfiguration", "1.3.0"
    if present(d.get("ephemeralStorage")):
        yield ("ephemeralStorage",), "ephemeralStorage", "1.4.0"
    if present(d.get("pidMode")):
        yield ("pidMode",), "pidMode", "1.4.0"
    for j, v in enumerate(d.get("volumes") if isinstance(d.get("volumes"), list) else []):
        if isinstance(v, dict) and present(v.get("efsVolumeConfiguration")):
            yield ("volumes", j, "efsVolumeConfiguration"), "an EFS volume", "1.4.0"
    for i, c in td.containers:
        label = f"container {td.container_label(i)}"
        for key, ver in (("healthCheck", "1.1.0"), ("repositoryCredentials", "1.2.0"), ("dependsOn", "1.3.0"),
                         ("startTimeout", "1.3.0"), ("stopTimeout", "1.3.0"), ("credentialSpecs", "1.4.0")):
            if present(c.get(key)) and c.get(key) != []:
                yield ("containerDefinitions", i, key), f"{label} {key}", ver
        for key in ("environmentFiles", "systemControls"):
            if nonempty(c.get(key)):
                yield ("containerDefinitions", i, key), f"{label} {key}", "1.4.0"
        secrets = c.get("secrets") if isinstance(c.get("secrets"), list) else []
        if secrets:
            yield ("containerDefinitions", i, "secrets"), f"{label} secrets", "1.3.0"
        for j, s in enumerate(secrets):
            ref = as_str(s.get("valueFrom")) if isinstance(s, dict) else None
            if ref and ref.startswith(_SECRET_KEY) and len(ref.split(":")) > 7:
                yield ("containerDefinitions", i, "secrets", j, "valueFrom"), f"{label} secret JSON key/version selector", "1.4.0"
        lc = c.get("logConfiguration") if isinstance(c.get("logConfiguration"), dict) else {}
        if nonempty(lc.get("secretOptions")):
            yield ("containerDefinitions", i, "logConfiguration", "secretOptions"), f"{label} log secretOptions", "1.3.0"
        if isinstance(lc.get("options"), dict) and present(lc["options"].get("log-driver-buffer-limit")):
            yield ("containerDefinitions", i, "logConfiguration", "options", "log-driver-buffer-limit"), f"{label} log-driver-buffer-limit", "1.4.0"
        lp = c.get("linuxParameters") if isinstance(c.get("linuxParameters"), dict) else {}
        caps = lp.get("capabilities") if isinstance(lp.get("capabilities"), dict) else {}
        if nonempty(caps.get("add")):
            yield ("containerDefinitions", i, "linuxParameters", "capabilities", "add"), f"{label} capabilities.add", "1.4.0"


@rule(
    code="ECS211",
    name="fargate-platform-version-feature",
    summary="Task uses a feature its pinned Fargate Linux platform version lacks",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate",),
    covers=("FG-060", "FG-023", "FG-025", "FG-042", "FG-044"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows or not td.os_known:
        return
    pinned = [(vt, v, r) for v, r in sorted(td.fargate_platform_versions.items()) if (vt := version_tuple(v)) and vt < (1, 4, 0)]
    if not pinned:
        return
    for ptr, what, need in _features(td):
        for vt, version, runner in pinned:
            if vt < version_tuple(need):  # type: ignore[operator]
                yield Finding(ptr, f"{what} needs Fargate Linux platform version {need} or later; {runner} uses {version} (use LATEST)")
