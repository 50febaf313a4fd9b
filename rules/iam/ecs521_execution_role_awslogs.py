"""
## What it does
For every container that logs with the `awslogs` driver, checks that the task definition's
execution role, when it is part of the run, allows `logs:CreateLogStream` and `logs:PutLogEvents`
on the log group named by `awslogs-group` (in `awslogs-region`), and `logs:CreateLogGroup` as
well when `awslogs-create-group` is `"true"`. A grant on the log group ARN, on
`log-group:<name>:*` or on its streams counts. Account and region come from the ARNs of the task
definition when they are known; otherwise CloudFormation's `${AWS::AccountId}`/`${AWS::Region}`
stand in, which match the same pseudo parameters in the policy and make any other scoped grant a
"maybe" (silent).

An Allow that holds only under a Condition is reported as a note; policies that are not in the
run keep the rule silent, and so does a task definition without an execution role (on EC2 the
instance role then writes the logs; on Fargate the Fargate rules report the missing role).

## Why is this bad?
The log driver writes with the execution role. Without `CreateLogStream`/`PutLogEvents` the
container fails to start (`CannotStartContainerError ... AccessDeniedException`); with
`awslogs-create-group: "true"` and no `logs:CreateLogGroup` the task fails the same way when the
group does not exist yet.

## Example
```json
{"family": "web", "executionRoleArn": "arn:aws:iam::123456789012:role/web-exec",
 "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 256,
   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web",
     "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web", "awslogs-create-group": "true"}}}]}
```
with an execution role that allows only `logs:CreateLogStream` and `logs:PutLogEvents`.

## Use instead
Add `logs:CreateLogGroup` on `arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web:*`, or create
the log group beforehand and drop `awslogs-create-group`.

## References
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
- [Send Amazon ECS logs to CloudWatch (awslogs)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html)
- [LogConfiguration options (awslogs-create-group)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import Need, arn, arn_context, check_needs
from ecslint.values import Unknown, as_str, is_true


@rule(
    code="ECS521",
    name="execution-role-awslogs",
    summary="Execution role cannot write the awslogs log group",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "logging"),
    covers=("IAM-021", "IAM-022", "LOG-015"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.execution_role
    if role is None:
        return
    ctx = arn_context(td)
    for i, c in td.containers:
        lc = c.get("logConfiguration")
        if not isinstance(lc, dict) or lc.get("logDriver") != "awslogs":
            continue
        opts = lc.get("options") if isinstance(lc.get("options"), dict) else {}
        group = opts.get("awslogs-group")
        if group is None:
            continue  # a missing group is the logging rules' finding
        region = as_str(opts.get("awslogs-region")) or ctx.region
        name = as_str(group)
        if name is None and not (isinstance(group, str) and "${" in group):
            group_arns: tuple[object, ...] = (Unknown("log group not known statically"),)
            label = "its log group"
        else:
            base = arn("arn", ctx.partition, "logs", region, ctx.account, f"log-group:{group}")
            prefix = as_str(opts.get("awslogs-stream-prefix")) or "prefix"
            stream = arn("arn", ctx.partition, "logs", region, ctx.account, f"log-group:{group}:log-stream:{prefix}/{c.get('name')}/0f1e2d3c")
            group_arns = (base, stream, arn(base, "*"))
            label = f"log group {group}"
        grants: list[tuple[tuple[str, ...], tuple[object, ...]]] = [(("logs:CreateLogStream", "logs:PutLogEvents"), group_arns)]
        create = opts.get("awslogs-create-group")
        if is_true(create):
            grants.insert(0, (("logs:CreateLogGroup",), group_arns))
        what = f"send container {td.container_label(i)} logs to {label}"
        if is_true(create):
            what += " (awslogs-create-group is \"true\")"
        yield from check_needs(td, role, "execution", [Need(("containerDefinitions", i, "logConfiguration"), what, tuple(grants))],
                               other=td.task_role, other_kind="task")
