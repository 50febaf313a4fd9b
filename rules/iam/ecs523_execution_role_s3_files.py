"""
## What it does
For the S3 objects the ECS agent downloads when a task starts, checks that the task definition's
execution role, when it is part of the run, allows `s3:GetObject` on the object and
`s3:GetBucketLocation` on its bucket:

* `containerDefinitions[].environmentFiles[]` of type `s3` (`arn:aws:s3:::bucket/key.env`);
* a FireLens log router whose `firelensConfiguration.options` has `config-file-type: s3` and
  `config-file-value: arn:aws:s3:::bucket/key.conf`.

An Allow that holds only under a Condition is reported as a note; policies that are not in the
run keep the rule silent.

## Why is this bad?
The agent fetches these files with the execution role before it starts the containers; without
the permissions the task stops with `ResourceInitializationError: failed to download env files`
(or the log router cannot load its configuration).

## Example
```json
{"family": "api", "executionRoleArn": "arn:aws:iam::123456789012:role/api-exec",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 256,
   "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::example-config/api.env"}]}]}
```
with an execution role that only allows `s3:GetObject`.

## Use instead
Also allow `s3:GetBucketLocation` on `arn:aws:s3:::example-config`.

## References
- [Pass an individual environment variable file (environmentFiles)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html)
- [Send Amazon ECS logs to an AWS service or AWS Partner (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import Need, check_needs, s3_object_resources


def _need(pointer: tuple[object, ...], value: object, what: str) -> Need | None:
    found = s3_object_resources(value)
    if found is None:
        return None
    obj, bucket = found
    return Need(pointer, f"{what} {obj}", ((("s3:GetObject",), (obj,)), (("s3:GetBucketLocation",), (bucket,))))


@rule(
    code="ECS523",
    name="execution-role-s3-files",
    summary="Execution role cannot read an environment file or FireLens config in S3",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "s3"),
    covers=("IAM-026", "IAM-027", "LOG-027"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.execution_role
    if role is None:
        return
    needs: list[Need | None] = []
    for i, c in td.containers:
        label = td.container_label(i)
        files = c.get("environmentFiles")
        for j, f in enumerate(files if isinstance(files, list) else []):
            if isinstance(f, dict) and f.get("type", "s3") == "s3":
                needs.append(_need(("containerDefinitions", i, "environmentFiles", j, "value"), f.get("value"),
                                   f"load the environment file of container {label} from"))
        fl = c.get("firelensConfiguration")
        opts = fl.get("options") if isinstance(fl, dict) else None
        if isinstance(opts, dict) and opts.get("config-file-type") == "s3":
            needs.append(_need(("containerDefinitions", i, "firelensConfiguration", "options", "config-file-value"),
                               opts.get("config-file-value"), f"load the FireLens configuration of container {label} from"))
    yield from check_needs(td, role, "execution", [n for n in needs if n is not None], other=td.task_role, other_kind="task")
