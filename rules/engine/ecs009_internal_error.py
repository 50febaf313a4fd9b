"""
## What it does
Reports that ecslint itself failed while reading a file or while running a rule on a resource.
The run goes on: the other files and the other rules are still checked.

## Why is this bad?
It is not a problem in your configuration but a bug in ecslint (or in a plugin).  It is reported as
a finding, with the rule and the place, so that nothing is silently left unchecked.

## Example
```text
taskdef.json:1:1: ECS009 rule ECS123 (some-rule) failed on task-definition web: KeyError: 'x'
```

## Use instead
Please report it with the file that triggers it, and select around the rule meanwhile
(`--ignore ECS123`).

## References
- [ecslint issue tracker](https://github.com/ecslint/ecslint/issues)
"""
from __future__ import annotations

from ecslint.registry import engine_rule

META = engine_rule(
    __name__,
    code="ECS009",
    name="internal-error",
    summary="ecslint failed while checking this file",
    severity="error",
    applies_to=(),
    tags=("engine",),
)
