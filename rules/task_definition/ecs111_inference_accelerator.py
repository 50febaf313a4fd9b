"""
## What it does
Checks Elastic Inference accelerators: every `inferenceAccelerators[].deviceName` is requested by
some container (`resourceRequirements` `{type: InferenceAccelerator, value: <deviceName>}`) and
every such request names a declared device; and warns that Elastic Inference is no longer
available to new customers.

## Why is this bad?
ECS rejects a container requirement that names an undeclared accelerator, and a declared but
unused accelerator is paid for and idle. Elastic Inference stopped onboarding customers on
2023-04-15; use AWS Inferentia or GPU instances instead.

## Example
```json
{"family": "infer", "inferenceAccelerators": [{"deviceName": "device_1", "deviceType": "eia2.medium"}],
 "containerDefinitions": [{"name": "model", "image": "my-model:1.0.0", "memory": 2048,
  "resourceRequirements": [{"type": "InferenceAccelerator", "value": "device1"}]}]}
```

## Use instead
Run the model on Inferentia (`NeuronDevice`) or GPU (`GPU`) capacity.

## References
- [InferenceAccelerator](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InferenceAccelerator.html)
- [Task definition parameters: Elastic Inference](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str, is_unknown


@rule(
    code="ECS111",
    name="inference-accelerator",
    summary="Elastic Inference accelerator is unmatched or used at all",
    severity="error",
    applies_to=("task-definition",),
    tags=("resources", "deprecated"),
    covers=("TD-027", "TD-028"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    accs = td.data.get("inferenceAccelerators")
    requests = [(i, j, as_str(rr.get("value"))) for i, c in td.containers for j, rr in items(c, "resourceRequirements")
                if rr.get("type") == "InferenceAccelerator"]
    if not accs and not requests:
        return
    if accs:
        yield Finding(("inferenceAccelerators",), "Elastic Inference no longer accepts new customers (since 2023-04-15): "
                      "use AWS Inferentia (NeuronDevice) or GPU instances", target="key", severity=Severity.WARNING)
    if is_unknown(accs) or not td.containers_known or any(is_unknown(rr.get("value")) for i, c in td.containers
                                                          for _, rr in items(c, "resourceRequirements")):
        return
    declared = {as_str(a.get("deviceName")): j for j, a in items(td.data, "inferenceAccelerators")}
    for i, j, value in requests:
        if value is not None and value not in declared:
            yield Finding(("containerDefinitions", i, "resourceRequirements", j, "value"),
                          f"container {td.container_label(i)} requests inference accelerator {value!r}, which inferenceAccelerators "
                          f"does not declare (declared: {', '.join(repr(d) for d in declared if d) or 'none'})")
    used = {v for _, _, v in requests}
    for name, j in declared.items():
        if name is not None and name not in used:
            yield Finding(("inferenceAccelerators", j, "deviceName"), f"inference accelerator {name!r} is declared but no "
                          "container requests it in resourceRequirements")
