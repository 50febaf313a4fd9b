"""
## What it does
Validates every task definition, service, run-task input, cluster and capacity provider against the
ECS API's own input shapes (generated from the botocore service model): member names, types, enums,
required members, lengths and numeric ranges.  CloudFormation and Terraform resources are checked
after their names are mapped to the API's, so one schema serves every format.

## Why is this bad?
The ECS API rejects a request whose members have the wrong type or an unknown value
(`ClientException`, `InvalidParameterException`).  A misspelt member is worse: the AWS CLI refuses it,
but some deploy tools drop it without a word, and the setting you wrote never takes effect.

## Example
```json
{"family": "web", "networkMode": "bridged",
 "containerDefinitions": [{"name": "web", "image": "nginx", "memmory": 512}]}
```

## Use instead
```json
{"family": "web", "networkMode": "bridge",
 "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}
```

## References
- [RegisterTaskDefinition API reference](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
- [CreateService API reference](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [botocore ECS service model](https://github.com/boto/botocore/tree/develop/botocore/data/ecs/2014-11-13)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.documents.base import Resource
from ecslint.model import Finding
from ecslint.registry import rule
from ecslint.schemastore import SCHEMA_FOR_KIND
from ecslint.validate import validate


@rule(
    code="ECS002",
    name="schema-violation",
    summary="Member does not match the ECS API input shape",
    severity="error",
    applies_to=("task-definition", "service", "run-task", "cluster", "capacity-provider"),
    tags=("schema",),
    covers=(
        "TD-001", "TD-003", "TD-008", "TD-009", "TD-020", "TD-029", "CT-001", "CT-002", "CT-005", "CT-014",
        "CT-019", "CT-042", "CT-071", "LOG-001", "LOG-002", "LOG-022", "VOL-002", "VOL-010", "VOL-014", "VOL-035",
        "NW-015", "SVC-004", "SVC-008", "SVC-032", "SVC-035", "CP-001", "CP-004", "CP-005", "SEC-001", "SC-001",
        "EX-007", "RT-001", "LP-005", "VOL-020", "SC-008", "SVC-018", "SVC-019", "SVC-033", "RT-013",),
)  # fmt: skip
def check(resource: Resource) -> Iterator[Finding]:
    schema = SCHEMA_FOR_KIND.get(resource.kind)
    if schema is None:
        return
    yield from validate(resource.data, schema, frozenset(resource.meta.get("generated", ())))
