"""
## What it does
Reports a file whose content is not a document ecslint knows (an ECS task definition, service,
run-task input or cluster, a CloudFormation template, a Terraform plan, or IAM authorization
details) when that was asked for: with `--kind KIND` the file must be of that kind, and with
`--strict-kind` every file must be of a known kind.  Without these flags such files are skipped
with a note.

## Why is this bad?
A file forced to a kind but not of that kind was probably renamed or truncated; in CI it would
otherwise pass without being checked at all.

## Example
```shell
ecslint check --kind task-definition package.json
```

## Use instead
```shell
ecslint check taskdef.json
```

## References
- [ecslint input kinds](https://github.com/ecslint/ecslint#inputs)
"""
from __future__ import annotations

from ecslint.registry import engine_rule

META = engine_rule(
    __name__,
    code="ECS004",
    name="unknown-input",
    summary="File is not of a known (or of the forced) input kind",
    severity="error",
    applies_to=(),
    tags=("engine",),
)
