"""
## What it does
Reports a suppression that suppresses nothing: a `# ecslint: ignore[CODE]` comment with no finding of
that code on its line (or the line below), a `file-ignore` whose code never fires in the file, a
CloudFormation `Metadata: {ecslint: {ignore: [...]}}` entry with no matching finding, a suppression
that names no code at all, and one that names a code ecslint does not know.

## Why is this bad?
Stale suppressions hide the next real problem at that place, and a bare `ignore` silences every rule
at once.  Removing them keeps every exception deliberate.

## Example
```yaml
Cpu: 256  # ecslint: ignore[ECS201]   <- the cpu/memory pair is valid now
```

## Use instead
```yaml
Cpu: 256
```

## References
- [ecslint suppression comments](https://github.com/ecslint/ecslint#suppressing-findings)
"""
from __future__ import annotations

from ecslint.registry import engine_rule

META = engine_rule(
    __name__,
    code="ECS003",
    name="unused-suppression",
    summary="Suppression comment or Metadata entry matches no finding",
    severity="warning",
    applies_to=(),
    tags=("engine",),
)
