"""
## What it does
Checks that the discovery names and the client-alias endpoints of Service Connect are unique within
a namespace: across the `serviceConnectConfiguration.services` entries of one service and across
the services of the run that use the same namespace (the service's `namespace`, or its cluster's
`serviceConnectDefaults.namespace`). The effective discovery name is `discoveryName`, or the
`portName` when it is omitted; an endpoint is a client alias `dnsName` (default: the discovery
name) with its `port`.

## Why is this bad?
Each discovery name becomes a Cloud Map service and each endpoint a DNS name clients connect to.
"All discovery names must be unique within a namespace" and "all endpoints must be unique within a
namespace": the second service is rejected, or its deployment fails to register.

## Example
```json
{"serviceName": "orders", "serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
  "services": [{"portName": "http", "discoveryName": "api"}]}}
```
beside a service `users` in the same namespace that also uses `"discoveryName": "api"`.

## Use instead
```json
{"serviceName": "orders", "serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
  "services": [{"portName": "http", "discoveryName": "orders"}]}}
```

## Known limitations
Services are compared across files only when they are in the same directory and have different
service names (the same service described twice, e.g. per environment, is not a conflict); a
namespace given by ARN in one file and by name in another is not recognized as the same.

## References
- [Service Connect concepts: namespaces, discovery names and endpoints](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html)
- [ServiceConnectService](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html)
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, namespace_key, namespace_text, sc_config, sc_services
from ecslint.values import as_int, as_str

Entry = tuple[Service, tuple[Any, ...], str]


def _names(svc: Service) -> tuple[tuple[str, str] | None, list[Entry], list[Entry]]:
    """(namespace key, discovery names, endpoints) of a service: (service, pointer, value)."""
    cfg = sc_config(svc)
    if cfg is None:
        return None, [], []
    key = namespace_key(svc, cfg)
    disc: list[Entry] = []
    ends: list[Entry] = []
    for i, e in sc_services(cfg):
        member = "discoveryName" if e.get("discoveryName") is not None else "portName"
        name = as_str(e.get(member))
        if name is None:
            continue
        disc.append((svc, (SC, "services", i, member), name))
        aliases = e.get("clientAliases")
        for j, a in enumerate(aliases if isinstance(aliases, list) else []):
            port = as_int(a.get("port")) if isinstance(a, dict) else None
            dns = a.get("dnsName", name) if isinstance(a, dict) else None
            if port is None or as_str(dns) is None:
                continue
            where = "dnsName" if "dnsName" in a else "port"
            ends.append((svc, (SC, "services", i, "clientAliases", j, where), f"{dns}:{port}"))
    return key, disc, ends


def _order(s: Service) -> tuple[str, str]:
    return (s.document.path, s.name)


def _comparable(a: Service, b: Service, key: tuple[str, str]) -> bool:
    if a.document is b.document:
        return True
    if key[0] == "ref" or a.name == b.name:
        return False
    return os.path.dirname(a.document.path) == os.path.dirname(b.document.path)


def _clashes(svc: Service, mine: list[Entry], theirs: list[Entry], key: tuple[str, str], what: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for s, ptr, value in mine:
        first = next(
            (o for o in theirs if o[2] == value and (o[0] is s and o[1] < ptr or o[0] is not s and _order(o[0]) < _order(s))),
            None,
        )
        if first is None or value in seen:
            continue
        seen.add(value)
        other = "this service" if first[0] is svc else f"service {first[0].name}"
        fix = "give it its own discoveryName" if what == "discovery name" else "use another dnsName or port"
        yield Finding(
            ptr,
            f"{what} {value!r} is already used by {other} in {namespace_text(key)}; {what}s must be unique within a namespace: {fix}",
            related=(Related(first[0], first[1], f"{what} {value!r} of service {first[0].name}"),),
        )


@rule(
    code="ECS401",
    name="service-connect-duplicate-name",
    summary="Service Connect discovery name or endpoint is not unique in its namespace",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "networking"),
    covers=("SC-004", "SC-007"),
)
def check(svc: Service) -> Iterator[Finding]:
    key, disc, ends = _names(svc)
    if key is None or not disc:
        return
    all_disc: list[Entry] = []
    all_ends: list[Entry] = []
    for other in svc.project.of_kind("service") if svc.project else []:
        if not isinstance(other, Service):
            continue
        okey, odisc, oends = _names(other) if other is not svc else (key, disc, ends)
        if okey == key and (other is svc or _comparable(svc, other, key)):
            all_disc += odisc
            all_ends += oends
    yield from _clashes(svc, disc, all_disc, key, "discovery name")
    yield from _clashes(svc, ends, all_ends, key, "endpoint")
