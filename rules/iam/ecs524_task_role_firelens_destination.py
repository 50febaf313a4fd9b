"""
## What it does
For every container that logs with `awsfirelens` to an AWS service, checks that the task role
(when it is part of the run) allows what the Fluent Bit output plugin calls:

| `Name` option | actions | resource |
| --- | --- | --- |
| `cloudwatch`, `cloudwatch_logs` | `logs:CreateLogStream`, `logs:PutLogEvents` (+ `logs:CreateLogGroup` with `auto_create_group` `true`/`On`) | the `log_group_name` log group |
| `firehose`, `kinesis_firehose` | `firehose:PutRecordBatch` | the `delivery_stream` |
| `kinesis`, `kinesis_streams` | `kinesis:PutRecords` | the `stream` |
| `s3` | `s3:PutObject` | objects of the `bucket` |
| `es`, `opensearch` with `AWS_Auth On` | `es:ESHttpPost` | the domain of `Host` |

An output that assumes its own role (`role_arn`, `AWS_Role_ARN`) is skipped. When the execution
role has the permission the task role lacks, the message says so: FireLens sends logs with the
task role. An Allow that holds only under a Condition is reported as a note; policies that are
not in the run, and names built from Fluent Bit templates (`$(tag)`), keep the rule silent.

## Why is this bad?
The log router starts, but every flush fails with `AccessDeniedException`: the application's
logs are silently lost (the router only logs the error in its own log stream).

## Example
```json
{"family": "api", "taskRoleArn": "arn:aws:iam::123456789012:role/api-task",
 "executionRoleArn": "arn:aws:iam::123456789012:role/api-exec",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 256,
   "logConfiguration": {"logDriver": "awsfirelens",
     "options": {"Name": "firehose", "region": "eu-west-1", "delivery_stream": "api-logs"}}}]}
```
with a task role that does not allow `firehose:PutRecordBatch`.

## Use instead
Allow `firehose:PutRecordBatch` on
`arn:aws:firehose:eu-west-1:123456789012:deliverystream/api-logs` in the task role.

## References
- [Send Amazon ECS logs to an AWS service or AWS Partner (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
- [aws-for-fluent-bit plugins](https://github.com/aws/aws-for-fluent-bit)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import ArnContext, FirelensDestination, Need, arn, arn_context, check_needs, es_domain, firelens_destinations, flb_name
from ecslint.values import Unknown, as_str


def _need(td: TaskDefinition, d: FirelensDestination, ctx: ArnContext) -> Need | None:
    region = as_str(d.opt("region")) or ctx.region
    p, acct = ctx.partition, ctx.account
    ptr = ("containerDefinitions", d.index, "logConfiguration", "options", d.name_key)
    label = td.container_label(d.index)
    if d.kind == "cloudwatch":
        group = flb_name(d.opt("log_group_name"))
        if group is None:
            return None
        base = arn("arn", p, "logs", region, acct, f"log-group:{group}")
        res = (base, arn("arn", p, "logs", region, acct, f"log-group:{group}:log-stream:fluent-bit-0f1e2d3c"), arn(base, "*"))
        grants: list[tuple[tuple[str, ...], tuple[object, ...]]] = [(("logs:CreateLogStream", "logs:PutLogEvents"), res)]
        create = as_str(d.opt("auto_create_group"))
        if create and create.lower() in ("true", "on"):
            grants.insert(0, (("logs:CreateLogGroup",), res))
        return Need(ptr, f"send container {label} logs to log group {group} with FireLens ({d.plugin})", tuple(grants))
    simple = {"firehose": ("delivery_stream", "firehose:PutRecordBatch", "deliverystream/", "Firehose delivery stream"),
              "kinesis": ("stream", "kinesis:PutRecords", "stream/", "Kinesis stream")}
    if d.kind in simple:
        opt, action, prefix, what = simple[d.kind]
        name = flb_name(d.opt(opt))
        if name is None:
            return None
        res = (arn("arn", p, d.kind, region, acct, prefix + name),)
        return Need(ptr, f"send container {label} logs to {what} {name} with FireLens ({d.plugin})", (((action,), res),))
    if d.kind == "s3":
        bucket = flb_name(d.opt("bucket"))
        if bucket is None:
            return None
        res = (arn("arn", p, "s3", "", "", f"{bucket}/${{key}}"),)
        return Need(ptr, f"send container {label} logs to S3 bucket {bucket} with FireLens ({d.plugin})", ((("s3:PutObject",), res),))
    found = es_domain(d.opt("host"))
    res = (arn("arn", p, "es", found[1], acct, f"domain/{found[0]}/_bulk"),) if found else (Unknown("OpenSearch domain"),)
    return Need(ptr, f"send container {label} logs to OpenSearch {'domain ' + found[0] if found else 'Service'} with FireLens ({d.plugin})",
                ((("es:ESHttpPost",), res),), label="its domain")


@rule(
    code="ECS524",
    name="task-role-firelens-destination",
    summary="Task role cannot write to the FireLens log destination",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "logging"),
    covers=("IAM-043", "LOG-034"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.task_role
    if role is None:
        return
    ctx = arn_context(td)
    needs = [_need(td, d, ctx) for d in firelens_destinations(td) if not d.own_role and d.uses_aws_credentials]
    yield from check_needs(td, role, "task", [n for n in needs if n is not None], other=td.execution_role, other_kind="execution")
