"""
## What it does
Warns when a service enables Service Connect without a `logConfiguration` in its
`serviceConnectConfiguration`.

## Why is this bad?
The Service Connect proxy's own logs (connection errors, outlier ejections, TLS failures) then go
nowhere you can read, and diagnosing a failing service-to-service call becomes guesswork. AWS
recommends setting a log configuration for the proxy.

## Example
```json
{"serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
  "services": [{"portName": "web"}]}}
```

## Use instead
```json
{"serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
  "services": [{"portName": "web"}],
  "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/sc-proxy",
    "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "proxy"}}}}
```

## References
- [Service Connect configuration: logConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html)
- [ServiceConnectConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_config


@rule(
    code="ECS411",
    name="service-connect-no-log-configuration",
    summary="Service Connect proxy has no log configuration",
    severity="warning",
    applies_to=("service",),
    tags=("service-connect", "logging"),
    covers=("SC-025",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    # With an accessLogConfiguration, ECS410 reports the missing logConfiguration (once is enough).
    if cfg is not None and cfg.get("logConfiguration") is None and cfg.get("accessLogConfiguration") is None:
        yield Finding(
            (SC,), f"service {svc.name} enables Service Connect without a logConfiguration, so the proxy's logs are lost; "
            "add serviceConnectConfiguration.logConfiguration (e.g. the awslogs driver)", target="key",
        )
