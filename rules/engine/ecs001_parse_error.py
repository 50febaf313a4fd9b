"""
## What it does
Reports a file that cannot be read: invalid JSON or YAML, text that is not UTF-8, a binary file,
a document nested deeper than 256 levels, YAML aliases that expand without bound, or a key given twice
in one object.

## Why is this bad?
A file that does not parse is rejected by every tool that reads it: `aws ecs register-task-definition`,
CloudFormation and Terraform alike.  A repeated key is worse: the JSON is accepted and the earlier value
is silently dropped, so the task runs with a setting nobody meant.

## Example
```json
{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "memory": 256}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}
```

## References
- [RFC 8259: The JavaScript Object Notation (JSON) Data Interchange Format](https://www.rfc-editor.org/rfc/rfc8259)
- [YAML 1.2 specification](https://yaml.org/spec/1.2.2/)
"""
from __future__ import annotations

from ecslint.registry import engine_rule

META = engine_rule(
    __name__,
    code="ECS001",
    name="parse-error",
    summary="File cannot be parsed",
    severity="error",
    applies_to=(),
    tags=("engine",),
)
