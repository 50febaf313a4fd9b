"""
## What it does
Checks the `tls` block of each Service Connect `services[]` entry: the issuer certificate authority
must give `awsPcaAuthorityArn`, and `roleArn` (the ECS infrastructure role that manages the
certificates) must be set.

## Why is this bad?
Service Connect TLS issues certificates from an AWS Private CA on behalf of the service: without
the CA ARN there is no issuer, and without the infrastructure role ECS cannot call AWS Private CA
and Secrets Manager for you. The service fails to create or its tasks never get certificates.

## Example
```json
{"portName": "web", "tls": {"issuerCertificateAuthority": {}}}
```

## Use instead
```json
{"portName": "web", "tls": {
  "issuerCertificateAuthority": {"awsPcaAuthorityArn": "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"},
  "roleArn": "arn:aws:iam::111122223333:role/ecsInfrastructureRoleForServiceConnectTls"}}
```

## References
- [ServiceConnectTlsConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectTlsConfiguration.html)
- [Service Connect TLS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html)
- Whether ECS rejects a missing `roleArn` at CreateService or only fails later is not confirmed (catalog: E?)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, sc_config, sc_services


@rule(
    code="ECS409",
    name="service-connect-tls",
    summary="Service Connect TLS lacks its Private CA ARN or infrastructure role",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "security"),
    security_severity=5.0,
    covers=("SC-023",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    if cfg is None:
        return
    for i, entry in sc_services(cfg):
        tls = entry.get("tls")
        if not isinstance(tls, dict):
            continue
        ptr = (SC, "services", i, "tls")
        ca = tls.get("issuerCertificateAuthority")
        if isinstance(ca, dict) and ca.get("awsPcaAuthorityArn") is None:
            yield Finding(
                ptr + ("issuerCertificateAuthority",),
                "issuerCertificateAuthority has no awsPcaAuthorityArn; set it to the ARN of the AWS Private CA that issues the "
                "Service Connect certificates", target="key",
            )
        if tls.get("roleArn") is None:
            yield Finding(
                ptr, "Service Connect TLS needs roleArn: an infrastructure role trusted by ecs.amazonaws.com with the "
                "AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity policy", target="key",
            )
