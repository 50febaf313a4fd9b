"""
## What it does
Checks each container's `resourceRequirements`: each `type` at most once per container; a `GPU`
value is a positive whole number; a `NeuronDevice` value is `ALL` and only one container of the
task requests Neuron devices; GPUs are not requested on Fargate or Windows.

## Why is this bad?
ECS rejects these requirements at registration, or cannot place the task: Fargate has no GPUs and
Windows containers do not support GPU requirements.

## Example
```json
{"family": "train", "requiresCompatibilities": ["EC2"], "containerDefinitions": [
  {"name": "train", "image": "my-train:0.9.0", "memory": 8192,
   "resourceRequirements": [{"type": "GPU", "value": "0.5"}, {"type": "GPU", "value": "1"}]}]}
```

## Use instead
```json
{"family": "train", "requiresCompatibilities": ["EC2"], "containerDefinitions": [
  {"name": "train", "image": "my-train:0.9.0", "memory": 8192,
   "resourceRequirements": [{"type": "GPU", "value": "1"}]}]}
```

## References
- [ResourceRequirement](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html)
- [Amazon ECS task definitions for GPU workloads](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html)

## Known limitations
`NeuronDevice` belongs to ECS Managed Instances, whose support matrix is not confirmed (catalog
section 20, item 13): the rule does not check where it runs.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.container._util import items
from ecslint.values import as_str


@rule(
    code="ECS135",
    name="invalid-resource-requirements",
    summary="Container resourceRequirements are invalid or unsupported where it runs",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "resources"),
    covers=("CT-049",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    neuron: list[int] = []
    for i, c in td.containers:
        label, seen = td.container_label(i), set()
        for j, rr in items(c, "resourceRequirements"):
            at = ("containerDefinitions", i, "resourceRequirements", j)
            kind, value = as_str(rr.get("type")), as_str(rr.get("value"))
            if kind is None:
                continue
            if kind in seen:
                yield Finding(at + ("type",), f"container {label} requests {kind} twice: keep one entry")
            seen.add(kind)
            if kind == "GPU":
                if value is not None and value != "ALL" and not (value.isdigit() and int(value) > 0):
                    yield Finding(at + ("value",), f"container {label} GPU value must be a positive whole number of GPUs; got {value!r}")
                if td.is_fargate:
                    yield Finding(at, f"container {label} requests GPUs, but Fargate has none{where(td.fargate_reason)}: "
                                  "run it on EC2 GPU instances")
                elif td.is_windows:
                    yield Finding(at, f"container {label} requests GPUs, which Windows containers do not support")
            elif kind == "NeuronDevice":
                neuron.append(i)
                if value is not None and value != "ALL":
                    yield Finding(at + ("value",), f"container {label} NeuronDevice value must be \"ALL\"; got {value!r}")
    for i in neuron[1:]:
        yield Finding(("containerDefinitions", i, "resourceRequirements"), f"containers {td.container_label(neuron[0])} and "
                      f"{td.container_label(i)} both request NeuronDevice; only one container per task may", target="key")
