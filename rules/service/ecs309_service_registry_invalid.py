"""
## What it does
Checks a service's `serviceRegistries` (Cloud Map service discovery) against its task definition:

* at most one entry;
* with the `bridge` or `host` network mode the entry gives `containerName` and `containerPort`;
* with `awsvpc` it gives either `containerName` + `containerPort` or `port`, not both (and one of
  them when the Cloud Map service uses SRV records);
* `containerName` is a container of the task definition and `containerPort` one of its port mappings;
* with `bridge` or `host`, the Cloud Map service has an `SRV` record (checked when that service is an
  `AWS::ServiceDiscovery::Service` of the same CloudFormation template or an
  `aws_service_discovery_service` of the same Terraform plan).

## Why is this bad?
"Each service may be associated with one service registry." For `bridge` and `host` tasks "you must
specify a containerName and containerPort combination from the task definition"; for `awsvpc` tasks
with an SRV record "you must specify either a containerName and containerPort combination or a port
value. However, you can't specify both." CreateService rejects these. An A record carries only an IP
address: with `bridge` or `host` networking it cannot tell clients the (dynamic) port, so service
discovery needs SRV records there.

## Example
```json
{"serviceName": "api", "taskDefinition": "api", "desiredCount": 2,
 "serviceRegistries": [{"registryArn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-0a1b2c3d4e5f6a7b"}]}
```
with a task definition in the `bridge` network mode.

## Use instead
```json
{"serviceRegistries": [{"registryArn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-0a1b2c3d4e5f6a7b",
   "containerName": "api", "containerPort": 8080}]}
```
and a Cloud Map service with `DnsRecords: [{Type: SRV, TTL: 60}]`.

## References
- [ServiceRegistry](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html)
- [CreateService: serviceRegistries](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [Service discovery](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html)

## Known limitations
The SRV check (NW-020, marked unconfirmed in the catalog: the API may accept the service and
discovery then returns no usable port) needs the Cloud Map service in the same template or plan.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import cloud_map_record_types, container_ports, network_mode, port_mappings, unknown_container
from ecslint.values import as_int, as_str


@rule(
    code="ECS309",
    name="service-registry-invalid",
    summary="serviceRegistries entry that does not match the task definition",
    severity="error",
    applies_to=("service",),
    tags=("networking", "service-discovery"),
    covers=("NW-018", "NW-019", "NW-020"),
)
def check(svc: Service) -> Iterator[Finding]:
    regs = svc.data.get("serviceRegistries")
    if not isinstance(regs, list) or not regs:
        return
    if len(regs) > 1:
        yield Finding(("serviceRegistries",), f"a service can be associated with one service registry; service {svc.name} "
                      f"lists {len(regs)}: keep one entry", target="key")
    td = svc.task_definition
    mode = network_mode(td) if td is not None else None
    rel = (Related(td, ("networkMode",) if td.network_mode is not None else (), f"task definition {td.name}",
                   target="value" if td.network_mode is not None else "key"),) if td is not None else ()
    for i, reg in enumerate(regs):
        if not isinstance(reg, dict):
            continue
        ptr = ("serviceRegistries", i)
        has = {k: reg.get(k) is not None for k in ("containerName", "containerPort", "port")}
        if mode in ("bridge", "host"):
            missing = [k for k in ("containerName", "containerPort") if not has[k]]
            if missing:
                yield Finding(ptr, f"task definition {td.name} uses the {mode} network mode, so the service registry needs "
                              f"containerName and containerPort from the task definition (missing {' and '.join(missing)})",
                              target="key", related=rel)
            records = cloud_map_record_types(svc, reg.get("registryArn"))
            if records and "SRV" not in records[1]:
                yield Finding(ptr + ("registryArn",), f"Cloud Map service {records[0]} has only {', '.join(sorted(records[1]))} "
                              f"records, which carry no port; with the {mode} network mode of task definition {td.name} "
                              f"use an SRV record", related=rel)
        elif mode == "awsvpc" and has["port"] and (has["containerName"] or has["containerPort"]):
            yield Finding(ptr + ("port",), "give either port or containerName and containerPort in a service registry, "
                          "not both", target="key")
        elif mode == "awsvpc" and not any(has.values()):
            records = cloud_map_record_types(svc, reg.get("registryArn"))
            if records and "SRV" in records[1]:
                yield Finding(ptr, f"Cloud Map service {records[0]} uses SRV records, so the service registry needs either "
                              f"port or containerName and containerPort", target="key")
        if td is None or not td.containers_known:
            continue
        name = as_str(reg.get("containerName"))
        if name is None:
            continue
        found = port_mappings(td, name)
        if found is None:
            yield unknown_container(td, name, ptr)
            continue
        ci, c = found
        ports, p = container_ports(c), as_int(reg.get("containerPort"))
        if ports is not None and p is not None and p not in ports:
            have = ", ".join(map(str, sorted(ports))) or "no portMappings"
            yield Finding(ptr + ("containerPort",), f"containerPort {p} is not a port mapping of container {name!r} in task "
                          f"definition {td.name} (it has {have})",
                          related=(Related(td, ("containerDefinitions", ci), f"container {name!r}", target="key"),))
