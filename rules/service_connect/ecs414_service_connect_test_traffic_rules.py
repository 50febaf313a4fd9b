"""
## What it does
Warns when a Service Connect client alias sets `testTrafficRules` while the service's
`deploymentConfiguration.strategy` is not `BLUE_GREEN`.

## Why is this bad?
Test traffic rules route requests carrying a header to the new revision during a native ECS
blue/green deployment. With a rolling deployment there is never a test revision, so the rules do
nothing and the tests you rely on are not run.

## Example
```json
{"deploymentConfiguration": {"strategy": "ROLLING"},
 "serviceConnectConfiguration": {"enabled": true, "namespace": "prod", "services": [{"portName": "web",
   "clientAliases": [{"port": 80, "testTrafficRules": {"header": {"name": "x-canary"}}}]}]}}
```

## Use instead
```json
{"deploymentConfiguration": {"strategy": "BLUE_GREEN"},
 "serviceConnectConfiguration": {"enabled": true, "namespace": "prod", "services": [{"portName": "web",
   "clientAliases": [{"port": 80, "testTrafficRules": {"header": {"name": "x-canary"}}}]}]}}
```

## References
- [ServiceConnectClientAlias: testTrafficRules](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html)
- [Amazon ECS blue/green deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_config, sc_services
from ecslint.values import is_unknown


@rule(
    code="ECS414",
    name="service-connect-test-traffic-rules",
    summary="Service Connect testTrafficRules without the BLUE_GREEN deployment strategy",
    severity="warning",
    applies_to=("service",),
    tags=("service-connect", "deployments"),
    covers=("SC-030",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    strategy = svc.get("deploymentConfiguration", "strategy")
    if cfg is None or strategy == "BLUE_GREEN" or is_unknown(strategy):
        return
    current = strategy if isinstance(strategy, str) else "ROLLING (the default)"
    for i, entry in sc_services(cfg):
        aliases = entry.get("clientAliases")
        for j, a in enumerate(aliases if isinstance(aliases, list) else []):
            if isinstance(a, dict) and a.get("testTrafficRules") is not None:
                yield Finding(
                    (SC, "services", i, "clientAliases", j, "testTrafficRules"),
                    f"testTrafficRules only apply during BLUE_GREEN deployments; service {svc.name} uses {current}: "
                    "set deploymentConfiguration.strategy to BLUE_GREEN or remove the rules", target="key",
                )
