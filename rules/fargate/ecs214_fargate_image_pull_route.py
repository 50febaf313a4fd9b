"""
## What it does
Notes a Fargate service or run-task input whose tasks get no public IP (`assignPublicIp` is
`DISABLED`, or omitted, which means `DISABLED`) while its task definition pulls an image from
outside Amazon ECR: Docker Hub (an image without a registry host, such as `nginx:1.27`),
`public.ecr.aws`, `ghcr.io`, `quay.io` or any other registry, or a private ECR registry of another
region than the one the service or run-task names in an ARN. A CloudFormation template or Terraform
plan that itself creates a NAT gateway (or a route through a NAT gateway, NAT instance or transit
gateway) is taken to give its subnets that route and is not reported.

## Why is this bad?
A Fargate task pulls its images through its own network interface. Without a public IP it reaches
a registry on the internet only through a NAT gateway; VPC endpoints (`ecr.api`, `ecr.dkr` and the S3
gateway) serve only private ECR in the task's own region, not Docker Hub, ECR Public or other
registries. Without a route the task stops with `CannotPullContainerError ... i/o timeout`. The
subnets' route tables are not part of these files, so this is a note: make sure the subnets route
to a NAT gateway (or the registry), or copy the image to private ECR in the same region.

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "launchType": "FARGATE", "desiredCount": 2,
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "assignPublicIp": "DISABLED"}}}
```
with the task definition `web` running `"image": "nginx:1.27"`.

## Use instead
Use private subnets with a route to a NAT gateway, or copy the image to private ECR (an ECR
pull-through cache rule for Docker Hub or ECR Public does this automatically) and add the ECR VPC endpoints:
```json
{"name": "web", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/nginx:1.27"}
```
In a public subnet without NAT, set `"assignPublicIp": "ENABLED"` instead.

## Known limitations
Whether the subnets have a NAT route or a peering to the registry cannot be known from the files;
a NAT gateway in the same template or plan is assumed to serve the service's subnets (it is not
checked that the subnets' route tables use it).
The task definition must be part of the run; images whose registry is not known are skipped.

## References
- [Amazon ECS task networking options for Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html)
- [Amazon ECR interface VPC endpoints (AWS PrivateLink)](https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html)
- [CannotPullContainer task errors in Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from ecslint.documents.base import Document
from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import Partial, as_str, is_unknown

_HOLE = re.compile(r"\$\{[^}]*\}")
_ECR = re.compile(r"^[^/]+\.dkr\.ecr(?:-fips)?\.([^./]+)\.amazonaws\.com(?:\.cn)?$", re.I)  # also ACCOUNT_ID.dkr.ecr.REGION...
_REGION = re.compile(r"^[a-z]{2}(?:-[a-z]+)+-\d$")
_REGION_ARN = re.compile(r"^arn:[\w-]+:[a-z-]+:([a-z]{2}(?:-[a-z]+)+-\d):")
_PUBLIC = {"docker.io": "Docker Hub", "index.docker.io": "Docker Hub", "registry-1.docker.io": "Docker Hub",
           "public.ecr.aws": "ECR Public", "ghcr.io": "GitHub", "quay.io": "Quay", "gcr.io": "Google",
           "mcr.microsoft.com": "Microsoft", "registry.k8s.io": "Kubernetes", "registry.gitlab.com": "GitLab"}


def registry(image: object) -> tuple[str, str | None] | None:
    """(registry host, ECR region or None) of an image; None when the registry is not known."""
    if not isinstance(image, str) or not image.strip():
        return None
    text = _HOLE.sub("\0", image) if isinstance(image, Partial) else image.strip()
    first, slash, _ = text.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        host = first
    elif "\0" in (first if slash else re.split(r"[:@]", text)[0]):
        return None
    else:
        host = "docker.io"
    if "\0" in host:
        # ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com: private ECR, region of the stack
        return (host, "") if re.search(r"\.dkr\.ecr\.", host) else None
    m = _ECR.match(host)
    if m is None:
        return host.lower(), None
    return host.lower(), m.group(1).lower() if _REGION.match(m.group(1).lower()) else ""


_EGRESS = ("NatGatewayId", "TransitGatewayId", "InstanceId", "NetworkInterfaceId",
           "nat_gateway_id", "transit_gateway_id", "network_interface_id")


def _private_egress(doc: Document) -> bool:
    """True when the same template or plan creates a NAT gateway or a route through one (or a transit
    gateway, NAT instance): the subnets of its services then evidently have a way out."""
    data = doc.data if isinstance(doc.data, dict) else {}
    cfn = data.get("Resources")
    for r in (x for x in cfn.values() if isinstance(x, dict)) if isinstance(cfn, dict) else []:
        props = r.get("Properties")
        if r.get("Type") == "AWS::EC2::NatGateway" or r.get("Type") == "AWS::EC2::Route" and isinstance(
                props, dict) and any(props.get(k) for k in _EGRESS):
            return True
    modules = [(data.get("planned_values") or {}).get("root_module")] if isinstance(data.get("planned_values"), dict) else []
    while modules:
        m = modules.pop()
        if not isinstance(m, dict):
            continue
        children, resources = m.get("child_modules"), m.get("resources")
        modules.extend(children if isinstance(children, list) else [])
        for r in (x for x in (resources if isinstance(resources, list) else []) if isinstance(x, dict)):
            v = r.get("values") if isinstance(r.get("values"), dict) else {}
            routes = [v] if r.get("type") == "aws_route" else v.get("route") if r.get("type") == "aws_route_table" else []
            if r.get("type") == "aws_nat_gateway" or any(
                    isinstance(x, dict) and any(x.get(k) for k in _EGRESS) for x in routes or []):
                return True
    return False


def _region(svc: Service) -> str | None:
    for key in ("taskDefinition", "cluster"):
        m = _REGION_ARN.match(as_str(svc.data.get(key)) or "")
        if m:
            return m.group(1)
    return None


@rule(
    code="ECS214",
    name="fargate-image-pull-route",
    summary="Fargate task without public IP pulls an image from outside ECR",
    severity="note",
    applies_to=("service", "run-task"),
    tags=("fargate", "networking", "images"),
    covers=("FG-014",),
)
def check(svc: Service) -> Iterator[Finding]:
    if svc.launch_target[0] != "FARGATE":
        return
    awsvpc = svc.get("networkConfiguration", "awsvpcConfiguration")
    td = svc.task_definition
    if not isinstance(awsvpc, dict) or td is None or not td.containers_known:
        return
    public_ip = awsvpc.get("assignPublicIp")
    if public_ip is not None and (is_unknown(public_ip) or public_ip != "DISABLED"):
        return
    if _private_egress(svc.document):
        return
    region = _region(svc)
    outside: list[tuple[int, str, str]] = []
    for i, c in td.containers:
        reg = registry(c.get("image"))
        if reg is None:
            continue
        host, ecr_region = reg
        if ecr_region is None:
            outside.append((i, str(c.get("image")), _PUBLIC.get(host, host)))
        elif ecr_region and region and ecr_region != region:
            outside.append((i, str(c.get("image")), f"ECR in {ecr_region}, not {region}"))
    if not outside:
        return
    images = "; ".join(f"container {td.container_label(i)} image {img!r} ({src})" for i, img, src in outside)
    setting = "assignPublicIp DISABLED" if public_ip is not None else "no assignPublicIp (DISABLED by default)"
    pointer = ("networkConfiguration", "awsvpcConfiguration") + (("assignPublicIp",) if public_ip is not None else ())
    related = tuple(Related(td, ("containerDefinitions", i, "image"), f"image of container {td.container_label(i)}")
                    for i, _, _ in outside)
    name = svc.name if svc.kind == "run-task" else f"service {svc.name}"
    yield Finding(pointer, f"{name} runs on Fargate with {setting} and pulls from outside ECR in its region: {images}; "
                  "the subnets need a route to the registry (a NAT gateway: VPC endpoints serve only private ECR of "
                  "the same region), or copy the images to ECR, or set assignPublicIp ENABLED in a public subnet",
                  target="value" if public_ip is not None else "key", related=related)
