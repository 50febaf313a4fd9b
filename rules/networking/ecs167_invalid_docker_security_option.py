"""
## What it does
Checks `dockerSecurityOptions` and `credentialSpecs`:
* each `dockerSecurityOptions` entry must be `no-new-privileges`, `apparmor:<profile>`,
  `label:<value>` (SELinux) or `credentialspec:<path>`;
* `credentialSpecs` holds at most one entry, `credentialspec:<ARN>` or
  `credentialspecdomainless:<ARN>`, where the ARN is an SSM parameter or an S3 object.

## Why is this bad?
These strings go to Docker as `--security-opt`; anything else (a `seccomp=` profile, a typo such
as `no_new_privileges`) is invalid for ECS. The API allows one credential spec ARN per container,
and it must say whether the gMSA is domain-joined or domainless.

## Example
```json
{"name": "app", "image": "example/app:1", "memory": 256,
 "dockerSecurityOptions": ["no_new_privileges", "seccomp=unconfined"]}
```

## Use instead
```json
{"name": "app", "image": "example/app:1", "memory": 256, "dockerSecurityOptions": ["no-new-privileges"]}
```

## Known limitations
`label:`/`apparmor:` also need `ECS_SELINUX_CAPABLE`/`ECS_APPARMOR_CAPABLE` on the instance, which
the files do not show. On Fargate, where the parameter is not valid at all, the Fargate rules report
it instead.

## References
- [ContainerDefinition: dockerSecurityOptions, credentialSpecs](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-dockerSecurityOptions)
- [Using gMSA for Linux containers](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/linux-gmsa.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_str

_OPTION = re.compile(r"^(?:no-new-privileges(?:[:=](?:true|false))?|(?:apparmor|label|credentialspec)[:=].+)$")
_SPEC = re.compile(r"^(credentialspec|credentialspecdomainless):(arn:[\w-]+:(?:ssm:[^:]*:\d*:parameter/.+|s3:::.+/.+))$")


@rule(
    code="ECS167",
    name="invalid-docker-security-option",
    summary="dockerSecurityOptions or credentialSpecs entry is malformed",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "security-options"),
    covers=("CT-040", "CT-041"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label = td.container_label(i)
        opts = c.get("dockerSecurityOptions")
        for j, o in enumerate(opts if isinstance(opts, list) and not td.is_fargate else []):
            s = as_str(o)
            if s is not None and not _OPTION.match(s):
                yield Finding(("containerDefinitions", i, "dockerSecurityOptions", j), f"container {label}: security option {s!r} is not one of 'no-new-privileges', 'apparmor:<profile>', 'label:<value>', 'credentialspec:<path>'")
        specs = c.get("credentialSpecs")
        if not isinstance(specs, list):
            continue
        if len(specs) > 1:
            yield Finding(("containerDefinitions", i, "credentialSpecs"), f"container {label}: credentialSpecs holds {len(specs)} entries; the maximum is 1", target="key")
        for j, sp in enumerate(specs):
            s = as_str(sp)
            if s is not None and not _SPEC.match(s):
                yield Finding(("containerDefinitions", i, "credentialSpecs", j), f"container {label}: credential spec {s!r} must be 'credentialspec:<ARN>' or 'credentialspecdomainless:<ARN>' with an SSM parameter or S3 object ARN")
