"""
## What it does
Checks that a service with Service Connect enabled uses the ECS deployment controller (rolling
updates, or the native ECS blue/green strategy), not `CODE_DEPLOY` or `EXTERNAL`.

## Why is this bad?
"Only services that use rolling deployments are supported with Service Connect": services with the
CodeDeploy blue/green or the external deployment controller cannot use it, and ECS rejects the
configuration. The newer native ECS blue/green strategy (`deploymentConfiguration.strategy:
BLUE_GREEN` with the ECS controller) does support Service Connect.

## Example
```yaml
Service:
  Type: AWS::ECS::Service
  Properties:
    DeploymentController: {Type: CODE_DEPLOY}
    ServiceConnectConfiguration: {Enabled: true, Namespace: prod}
```

## Use instead
```yaml
Service:
  Type: AWS::ECS::Service
  Properties:
    DeploymentController: {Type: ECS}
    DeploymentConfiguration: {Strategy: BLUE_GREEN}
    ServiceConnectConfiguration: {Enabled: true, Namespace: prod}
```

## References
- [Service Connect considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html)
- [DeploymentController](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentController.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_config
from ecslint.values import as_str


@rule(
    code="ECS406",
    name="service-connect-deployment-controller",
    summary="Service Connect used with the CODE_DEPLOY or EXTERNAL deployment controller",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "deployments"),
    covers=("SC-018",),
)
def check(svc: Service) -> Iterator[Finding]:
    if sc_config(svc) is None:
        return
    kind = as_str(svc.get("deploymentController", "type"))
    if kind in ("CODE_DEPLOY", "EXTERNAL"):
        yield Finding(
            ("deploymentController", "type"),
            f"Service Connect supports only the ECS deployment controller; service {svc.name} uses {kind}: "
            "use type ECS (rolling, or deploymentConfiguration.strategy BLUE_GREEN for blue/green)",
            related=(Related(svc, (SC, "enabled"), "Service Connect enabled here"),),
        )
