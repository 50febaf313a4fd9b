"""
## What it does
Finds task definitions with an App Mesh `proxyConfiguration`.

## Why is this bad?
AWS discontinued App Mesh on September 30, 2026: the console and App Mesh resources are no longer
available, so an Envoy sidecar configured for a mesh has nothing to connect to. Amazon ECS Service
Connect is the migration target.

## Example
```json
{"family": "web", "networkMode": "awsvpc", "proxyConfiguration": {"type": "APPMESH", "containerName": "envoy", "properties": []},
 "containerDefinitions": [{"name": "web", "image": "my-web:3.2.0", "memory": 256}, {"name": "envoy", "image": "envoyproxy/envoy:v1.31.0", "memory": 128}]}
```

## Use instead
Remove `proxyConfiguration` and the Envoy container, name the port mapping, and configure
`serviceConnectConfiguration` on the service.

## References
- [Migrating from AWS App Mesh to Amazon ECS Service Connect](https://aws.amazon.com/blogs/containers/migrating-from-aws-app-mesh-to-amazon-ecs-service-connect/)
- [Service Connect](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html)
- End-of-support date: docs/research/verified-facts.md (item 11)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule


@rule(
    code="ECS110",
    name="app-mesh-proxy",
    summary="Task definition uses App Mesh, discontinued on 2026-09-30",
    severity="warning",
    applies_to=("task-definition",),
    tags=("networking", "app-mesh", "deprecated"),
    covers=("TD-026",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("proxyConfiguration") is not None:
        yield Finding(("proxyConfiguration",), "proxyConfiguration configures an App Mesh proxy, but AWS discontinued App Mesh "
                      "on 2026-09-30: migrate to Amazon ECS Service Connect", target="key")
