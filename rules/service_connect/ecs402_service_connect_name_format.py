"""
## What it does
Checks the names of a Service Connect configuration: `discoveryName` (at most 64 characters of
lowercase letters, digits, `_` and `-`, not starting with `-`), client alias `dnsName` (at most 127
characters of lowercase letters, digits, `_`, `-` and `.`, not starting with `-`), and that each
`services[]` entry has at most one client alias.

## Why is this bad?
CreateService and UpdateService reject names outside these character sets and lengths, and a
`clientAliases` list with more than one entry ("the maximum number of client aliases that you can
have in this list is 1").

## Example
```json
{"serviceConnectConfiguration": {"enabled": true, "namespace": "prod", "services": [
  {"portName": "web", "discoveryName": "Orders_API",
   "clientAliases": [{"port": 80, "dnsName": "orders"}, {"port": 8080, "dnsName": "orders-alt"}]}]}}
```

## Use instead
```json
{"serviceConnectConfiguration": {"enabled": true, "namespace": "prod", "services": [
  {"portName": "web", "discoveryName": "orders-api",
   "clientAliases": [{"port": 80, "dnsName": "orders"}]}]}}
```

## References
- [ServiceConnectService: discoveryName, clientAliases](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html)
- [ServiceConnectClientAlias: dnsName](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_services
from ecslint.values import as_str

_DISCOVERY = re.compile(r"[a-z0-9_-]*")
_DNS = re.compile(r"[a-z0-9_.-]*")


def _bad(value: str, pattern: re.Pattern[str], limit: int, chars: str) -> str | None:
    if len(value) > limit:
        return f"is {len(value)} characters long; the limit is {limit}"
    if not pattern.fullmatch(value):
        wrong = ", ".join(repr(ch) for ch in sorted({ch for ch in value if not pattern.fullmatch(ch)}))
        return f"contains {wrong}; only {chars} are allowed"
    if value.startswith("-"):
        return "starts with '-'"
    return None


@rule(
    code="ECS402",
    name="service-connect-name-format",
    summary="Service Connect discovery name or client alias is malformed",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "networking"),
    covers=("SC-005", "SC-006", "SC-007"),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = svc.data.get(SC)
    if not isinstance(cfg, dict):
        return
    for i, e in sc_services(cfg):
        name = as_str(e.get("discoveryName"))
        why = _bad(name, _DISCOVERY, 64, "lowercase letters, digits, '_' and '-'") if name is not None else None
        if why:
            yield Finding((SC, "services", i, "discoveryName"), f"discoveryName {name!r} {why}; e.g. {_fix(name, _DISCOVERY, 64)!r}")
        aliases = e.get("clientAliases")
        if not isinstance(aliases, list):
            continue
        if len(aliases) > 1:
            yield Finding(
                (SC, "services", i, "clientAliases"),
                f"clientAliases has {len(aliases)} entries; Service Connect allows one client alias per service entry: "
                "keep one, or add another services[] entry for another port mapping",
            )
        for j, a in enumerate(aliases):
            dns = as_str(a.get("dnsName")) if isinstance(a, dict) else None
            why = _bad(dns, _DNS, 127, "lowercase letters, digits, '_', '-' and '.'") if dns is not None else None
            if why:
                yield Finding((SC, "services", i, "clientAliases", j, "dnsName"), f"dnsName {dns!r} {why}; e.g. {_fix(dns, _DNS, 127)!r}")


def _fix(value: str, pattern: re.Pattern[str], limit: int) -> str:
    out = "".join(ch if pattern.fullmatch(ch) else "-" for ch in value.lower()).lstrip("-")
    return out[:limit] or "svc"
