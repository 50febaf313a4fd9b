"""
## What it does
Checks the `name` of a capacity provider (CreateCapacityProvider, CloudFormation
`AWS::ECS::CapacityProvider` `Name`, Terraform `aws_ecs_capacity_provider`): at most 255 letters,
digits, underscores or hyphens, and not starting with `aws`, `ecs` or `fargate` in any letter case.

## Why is this bad?
CreateCapacityProvider rejects the name: `The specified capacity provider name is invalid. Up to 255
characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens.
The name cannot be prefixed with "aws", "ecs", or "fargate".` The prefix check ignores case (a name
starting with `Ecs` fails too).

## Example
```json
{"name": "ecs-web-asg", "autoScalingGroupProvider": {"autoScalingGroupArn": "web-asg"}}
```

## Use instead
```json
{"name": "web-asg", "autoScalingGroupProvider": {"autoScalingGroupArn": "web-asg"}}
```

## References
- [CreateCapacityProvider: name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html)
- API text and case: [aws/aws-cdk#36584](https://github.com/aws/aws-cdk/pull/36584), [aws-samples/aws-cdk-examples#626](https://github.com/aws-samples/aws-cdk-examples/issues/626)

## Known limitations
A CloudFormation capacity provider without `Name` gets a name built from the stack name, which is
not known here.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.documents.base import Resource
from ecslint.model import Finding
from ecslint.registry import rule
from ecslint.values import as_str

NAME = re.compile(r"^[A-Za-z0-9_-]{1,255}$")
RESERVED = ("aws", "ecs", "fargate")


@rule(
    code="ECS347",
    name="capacity-provider-name-invalid",
    summary="Capacity provider name that CreateCapacityProvider rejects",
    severity="error",
    applies_to=("capacity-provider",),
    tags=("capacity-providers",),
    covers=("CP-023",),
)
def check(cp: Resource) -> Iterator[Finding]:
    name = as_str(cp.data.get("name"))
    if name is None:
        return
    if not NAME.match(name):
        bad = sorted({ch for ch in name if not re.match(r"[A-Za-z0-9_-]", ch)})
        why = f"{len(name)} characters" if len(name) > 255 or not name else f"characters {', '.join(map(repr, bad))}"
        yield Finding(("name",), f"a capacity provider name is 1-255 letters, digits, underscores or hyphens; {name[:40]!r} "
                      f"has {why}")
    prefix = next((p for p in RESERVED if name.lower().startswith(p)), None)
    if prefix:
        yield Finding(("name",), f"a capacity provider name cannot start with {prefix!r} (in any case: aws, ecs and fargate are "
                      f"reserved); got {name!r}, e.g. use {('cp-' + name)!r}")
