"""
## What it does
Checks `serviceConnectConfiguration.accessLogConfiguration`: access logs need a sibling
`logConfiguration` to be written anywhere, and `includeQueryParameters: ENABLED` writes query
strings (often tokens, e-mail addresses or other personal data) into the logs.

## Why is this bad?
"To enable access logs, you must also specify a logConfiguration": without it ECS accepts the
service but the proxy writes the access logs nowhere, so they are silently missing when you need
them. Query parameters in access logs are a common way for secrets and personal data to leak into
log storage that many people can read.

## Example
```json
{"serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
  "accessLogConfiguration": {"format": "JSON", "includeQueryParameters": "ENABLED"}}}
```

## Use instead
```json
{"serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
  "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/sc-proxy",
    "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "proxy"}},
  "accessLogConfiguration": {"format": "JSON", "includeQueryParameters": "DISABLED"}}}
```

## References
- [ServiceConnectAccessLogConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectAccessLogConfiguration.html)
- [Service Connect access logs](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-envoy-access-logs.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_config


@rule(
    code="ECS410",
    name="service-connect-access-log",
    summary="Service Connect access logs without a log configuration, or with query strings",
    severity="warning",
    applies_to=("service",),
    tags=("service-connect", "logging"),
    covers=("SC-024",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    if cfg is None:
        return
    acc = cfg.get("accessLogConfiguration")
    if not isinstance(acc, dict):
        return
    if cfg.get("logConfiguration") is None:
        yield Finding(
            (SC, "accessLogConfiguration"),
            "accessLogConfiguration has no logConfiguration beside it in serviceConnectConfiguration, so the proxy writes "
            "no access logs; add one, e.g. the awslogs driver", target="key",
        )
    if acc.get("includeQueryParameters") == "ENABLED":
        yield Finding(
            (SC, "accessLogConfiguration", "includeQueryParameters"),
            "includeQueryParameters ENABLED writes query strings (tokens, personal data) into the access logs; "
            "use DISABLED unless you need them",
        )
