"""
## What it does
Checks `linuxParameters.tmpfs` and `linuxParameters.sharedMemorySize`: every tmpfs mount needs a
positive `size` (MiB) and mount options from the list ECS accepts (`defaults`, `ro`, `rw`,
`nosuid`, `noexec`, `mode`, `uid`, ...; the parameterised ones may carry a value, `mode=1777`), and
`sharedMemorySize` must be a positive number of MiB.

## Why is this bad?
ECS turns these into Docker's `--tmpfs` and `--shm-size`. A size of 0 or less, or a mount option
Docker does not know, makes the task definition invalid or the container fail to start.

## Example
```json
{"name": "app", "image": "example/app:1",
 "linuxParameters": {"sharedMemorySize": 0,
   "tmpfs": [{"containerPath": "/scratch", "size": 0, "mountOptions": ["no-exec"]}]}}
```

## Use instead
```json
{"name": "app", "image": "example/app:1",
 "linuxParameters": {"sharedMemorySize": 256,
   "tmpfs": [{"containerPath": "/scratch", "size": 64, "mountOptions": ["noexec", "mode=1777"]}]}}
```

## Known limitations
Whether Fargate supports these parameters is checked by the Fargate rules, not here.

## References
- [Tmpfs](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tmpfs.html)
- [LinuxParameters: sharedMemorySize](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.linux._util import linux_parameters
from ecslint.values import as_int, as_str

_OPTIONS = frozenset(
    "defaults ro rw suid nosuid dev nodev exec noexec sync async dirsync remount mand nomand atime noatime diratime "
    "nodiratime bind rbind unbindable runbindable private rprivate shared rshared slave rslave relatime norelatime "
    "strictatime nostrictatime mode uid gid nr_inodes nr_blocks mpol".split()
)
_WITH_VALUE = frozenset({"mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol"})


@rule(
    code="ECS155",
    name="invalid-tmpfs-or-shared-memory",
    summary="tmpfs size, tmpfs mount option or sharedMemorySize is invalid",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "linux"),
    covers=("LP-006", "LP-007"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, lp in linux_parameters(td):
        label = td.container_label(i)
        base = ("containerDefinitions", i, "linuxParameters")
        shm = as_int(lp.get("sharedMemorySize"))
        if shm is not None and shm <= 0:
            yield Finding((*base, "sharedMemorySize"), f"container {label}: sharedMemorySize must be a positive number of MiB; got {shm}")
        mounts = lp.get("tmpfs")
        for j, m in enumerate(mounts if isinstance(mounts, list) else []):
            if not isinstance(m, dict):
                continue
            size = as_int(m.get("size"))
            if size is not None and size <= 0:
                yield Finding((*base, "tmpfs", j, "size"), f"container {label}: tmpfs size must be a positive number of MiB; got {size}")
            opts = m.get("mountOptions")
            for k, o in enumerate(opts if isinstance(opts, list) else []):
                s = as_str(o)
                if not s:
                    continue
                name, eq, _ = s.partition("=")
                if name in _OPTIONS and (not eq or name in _WITH_VALUE):
                    continue
                yield Finding(
                    (*base, "tmpfs", j, "mountOptions", k),
                    f"container {label}: {s!r} is not a tmpfs mount option ECS accepts; use e.g. 'noexec', 'nosuid', 'ro' or 'mode=1777'",
                )
