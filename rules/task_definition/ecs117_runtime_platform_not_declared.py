"""
## What it does
Notes a container of a Fargate task definition whose image is evidently built for Windows or for
ARM64 only, while the task definition does not say so in `runtimePlatform` (omitted, or without
`operatingSystemFamily` / `cpuArchitecture`). Only clear signals count: a Windows base image
(`mcr.microsoft.com/windows...`, `.../dotnet/framework/...`, `servercore`, `nanoserver`) or tag
(`windowsservercore`, `nanoserver`, `ltsc2019`, `ltsc2022`...), and an ARM64 image (`arm64v8/`
repository prefix, a tag ending in `-arm64`, `-arm64v8` or `-aarch64`).

## Why is this bad?
Without `runtimePlatform`, Fargate runs the task on `LINUX` / `X86_64`. A Windows image then cannot
be pulled for the platform (`CannotPullContainerError: ... no matching manifest`), and an ARM64-only
image starts with `exec format error`: the task stops at once. The image's platforms cannot be read
from the files (a tag may be a multi-architecture manifest list, which works on every platform), so
this is a note, not an error; names like `arm64v8/nginx` or `:ltsc2022` are strong hints, and an
explicit `runtimePlatform` documents the intent either way (Graviton ARM64 is also cheaper).

## Example
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "web", "image": "arm64v8/nginx:1.27"}]}
```

## Use instead
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
 "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"},
 "containerDefinitions": [{"name": "web", "image": "arm64v8/nginx:1.27"}]}
```

## Known limitations
Images whose names carry no platform hint are never reported, even when they are single-platform.
On EC2 the instance decides the platform, so only Fargate task definitions are checked.

## References
- [Task definition parameters: runtime platform](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#runtime-platform)
- [RuntimePlatform](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html)
- [Amazon ECS task definitions for 64-bit ARM workloads](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-arm64.html)
- [Amazon ECS task definitions for Windows on Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_definitions.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.values import Partial, as_str

_HOLE = re.compile(r"\$\{[^}]*\}")
_WIN_REPO = re.compile(
    r"^windows(/|$)|(^|/)(windowsservercore|windows-servercore|nanoserver|servercore)(/|$)|(^|/)dotnet/framework(/|$)", re.I)
_WIN_TAG = re.compile(r"(^|[-_.])(windowsservercore|nanoserver|servercore|ltsc(2016|2019|2022|2025))($|[-_.])", re.I)
_LTSC = re.compile(r"ltsc(20\d\d)", re.I)
_ARM_REPO = re.compile(r"(^|/)arm64v8/", re.I)
_ARM_TAG = re.compile(r"(^|[-_])(arm64|arm64v8|aarch64)$", re.I)


def _split(image: str) -> tuple[str, str]:
    """(repository with registry, tag) of an image reference; the tag is "" for none or a digest."""
    ref = image.split("@", 1)[0]
    slash = ref.rfind("/")
    colon = ref.rfind(":")
    return (ref[:colon], ref[colon + 1:]) if colon > slash else (ref, "")


def platform_hint(image: object) -> tuple[str, str] | None:
    """("WINDOWS" | "ARM64", the evidence) for an image whose name says so; None otherwise."""
    if not isinstance(image, str):
        return None
    text = _HOLE.sub("\0", image) if isinstance(image, Partial) else image
    repo, tag = _split(text.strip())
    first, _, rest = repo.partition("/")
    path = rest if rest and ("." in first or ":" in first or first == "localhost") else repo
    if _WIN_REPO.search(path):
        return "WINDOWS", f"repository {repo.replace(chr(0), '…')}"
    if _WIN_TAG.search(tag):
        return "WINDOWS", f"tag {tag.replace(chr(0), '…')}"
    if _ARM_REPO.search(repo + "/"):
        return "ARM64", "repository prefix arm64v8/"
    if _ARM_TAG.search(tag):
        return "ARM64", f"tag {tag.replace(chr(0), '…')}"
    return None


def _windows_family(image: str) -> str:
    m = _LTSC.search(image)
    kind = "FULL" if re.search(r"windows/server(:|$)|windows:", image, re.I) else "CORE"
    if m and m.group(1) in ("2019", "2022"):
        return f"WINDOWS_SERVER_{m.group(1)}_{kind}"
    return "WINDOWS_SERVER_2019_CORE or WINDOWS_SERVER_2022_CORE (the ones Fargate offers) matching the image"


@rule(
    code="ECS117",
    name="runtime-platform-not-declared",
    summary="Fargate image looks Windows or ARM64-only but runtimePlatform does not say so",
    severity="note",
    applies_to=("task-definition",),
    tags=("fargate", "runtime-platform"),
    covers=("TD-032",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate:
        return
    rp = td.data.get("runtimePlatform")
    if rp is not None and not isinstance(rp, dict):
        return
    rp = rp or {}
    family, arch = rp.get("operatingSystemFamily"), rp.get("cpuArchitecture")
    for i, c in td.containers:
        hint = platform_hint(c.get("image"))
        if hint is None:
            continue
        kind, evidence = hint
        label, image = td.container_label(i), str(c.get("image"))
        if kind == "WINDOWS" and family is None:
            fam = _windows_family(image)
            want = f"runtimePlatform.operatingSystemFamily {fam}" if rp else (
                f"runtimePlatform {{operatingSystemFamily: {fam}, cpuArchitecture: X86_64}}")
            yield Finding(("containerDefinitions", i, "image"),
                          f"container {label} runs the Windows image {image!r} ({evidence}), but the task definition "
                          f"declares no operating system, so Fargate runs it on LINUX and the image cannot start; "
                          f"add {want}{where(td.fargate_reason)}")
        elif kind == "ARM64" and arch is None and as_str(family) in (None, "LINUX"):
            want = "runtimePlatform.cpuArchitecture ARM64" if rp else "runtimePlatform {operatingSystemFamily: LINUX, cpuArchitecture: ARM64}"
            yield Finding(("containerDefinitions", i, "image"),
                          f"container {label} runs the ARM64 image {image!r} ({evidence}), but the task definition "
                          f"declares no cpuArchitecture, so Fargate runs it on X86_64 (exec format error); "
                          f"add {want}{where(td.fargate_reason)}")
