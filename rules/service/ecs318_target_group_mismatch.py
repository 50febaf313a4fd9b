"""
## What it does
Checks each target group of a service's `loadBalancers` (`targetGroupArn`, and
`advancedConfiguration.alternateTargetGroupArn` for blue/green deployments) against the task
definition, when the target group is defined in the same CloudFormation template
(`AWS::ElasticLoadBalancingV2::TargetGroup`, named by `Ref` or `Fn::GetAtt`) or Terraform plan
(`aws_lb_target_group` / `aws_alb_target_group`, named by reference or by its ARN):

* tasks in the `awsvpc` network mode (Fargate included) register by IP address, so the target group's
  target type must be `ip`; `instance` (the default when `TargetType` is omitted) is rejected. The
  reverse, an `ip` target group for `bridge` or `host` tasks, is rejected as well (error);
* a `bridge` container port with a dynamic host port (`hostPort` 0 or omitted) behind a target group
  whose health check port is a fixed port instead of `traffic-port` (warning).

## Why is this bad?
CreateService fails with "The provided target group ... has target type instance, which is
incompatible with the awsvpc network mode specified in the task definition" (or "target type ip is
incompatible with the bridge network mode"). With dynamic host ports every task listens on a different
host port; a health check on one fixed port never reaches them, so the targets stay unhealthy and the
service keeps replacing its tasks (cfn-lint E3049 reports the same).

## Example
```yaml
TargetGroup:
  Type: AWS::ElasticLoadBalancingV2::TargetGroup
  Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-0123456789abcdef0}   # TargetType defaults to instance
Service:
  Type: AWS::ECS::Service
  Properties:
    TaskDefinition: !Ref FargateTaskDefinition          # NetworkMode: awsvpc
    LoadBalancers: [{TargetGroupArn: !Ref TargetGroup, ContainerName: web, ContainerPort: 80}]
```

## Use instead
```yaml
TargetGroup:
  Type: AWS::ElasticLoadBalancingV2::TargetGroup
  Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-0123456789abcdef0, TargetType: ip}
```

## Known limitations
Only target groups defined in the same template or plan are checked; a target group given as a
literal ARN (or an imported value) in CloudFormation or raw API JSON cannot be read. In Terraform a
target type that is only known after apply is skipped. The target-type compatibility for
non-`awsvpc` modes and the dynamic-port health check are taken from the CreateService error texts
reported by users and from cfn-lint E3049; AWS documents them as "must" without an error text.

## References
- [Use load balancing to distribute Amazon ECS service traffic](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html)
- [LoadBalancer](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html)
- [AWS::ElasticLoadBalancingV2::TargetGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-targetgroup.html)
- [cfn-lint E3049](https://github.com/aws-cloudformation/cfn-lint/blob/main/src/cfnlint/rules/resources/ecs/ServiceDynamicPorts.py)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import health_check_port, network_mode, port_mappings, target_group, target_type
from ecslint.values import as_int, as_str


def _mode(svc: Service) -> tuple[str | None, str, Any]:
    """(network mode, why, task definition or None)."""
    td = svc.task_definition
    if td is not None:
        nm = network_mode(td)
        implicit = " (the default when networkMode is omitted)" if td.network_mode is None else ""
        return nm, f"task definition {td.name} uses the {nm} network mode{implicit}", td
    nc = svc.get("networkConfiguration", "awsvpcConfiguration")
    if isinstance(nc, dict):
        return "awsvpc", f"service {svc.name} has an awsvpcConfiguration (awsvpc network mode)", None
    target, why = svc.launch_target
    if target == "FARGATE":
        return "awsvpc", f"service {svc.name} {why} (Fargate tasks use the awsvpc network mode)", None
    return None, "", None


def _dynamic_host_port(td: Any, name: Any, port: Any) -> tuple[int, int] | None:
    """(container index, portMappings index) of the mapping of ``port`` with a dynamic host port."""
    found = port_mappings(td, name) if as_str(name) else None
    p = as_int(port)
    if found is None or p is None or not isinstance(found[1].get("portMappings"), list):
        return None
    ci, c = found
    for j, pm in enumerate(c["portMappings"]):
        if isinstance(pm, dict) and as_int(pm.get("containerPort")) == p:
            hp = pm.get("hostPort")
            return (ci, j) if hp is None or as_int(hp) == 0 else None
    return None


def _fixed_host_ports(td: Any) -> set[str]:
    """Fixed host ports of the task (a health check may deliberately target one of them)."""
    out: set[str] = set()
    for _, c in td.containers:
        pms = c.get("portMappings")
        for pm in pms if isinstance(pms, list) else []:
            hp = as_int(pm.get("hostPort")) if isinstance(pm, dict) else None
            if hp:
                out.add(str(hp))
    return out


@rule(
    code="ECS318",
    name="target-group-mismatch",
    summary="Target group whose target type or health check port does not fit the tasks",
    severity="error",
    applies_to=("service",),
    tags=("load-balancing",),
    covers=("LB-005", "LB-007"),
)
def check(svc: Service) -> Iterator[Finding]:
    lbs = svc.data.get("loadBalancers")
    if not isinstance(lbs, list):
        return
    mode, why, td = _mode(svc)
    if mode is None:
        return
    for i, lb in enumerate(lbs):
        if not isinstance(lb, dict):
            continue
        adv = lb.get("advancedConfiguration")
        slots = [(("loadBalancers", i, "targetGroupArn"), lb.get("targetGroupArn"), "target group")]
        if isinstance(adv, dict):
            slots.append((("loadBalancers", i, "advancedConfiguration", "alternateTargetGroupArn"),
                          adv.get("alternateTargetGroupArn"), "alternate target group"))
        for ptr, value, what in slots:
            if value is None:
                continue
            tg = target_group(svc, value, ptr)
            if tg is None:
                continue
            label = f"{what} {tg.name}"
            tt, tt_ptr, default = target_type(tg)
            tt_rel = Related(tg, tt_ptr, f"target group {tg.name}", target="key" if default else "value")
            td_rel = (Related(td, ("networkMode",) if td.network_mode is not None else (), f"task definition {td.name}",
                              target="value" if td.network_mode is not None else "key"),) if td is not None else ()
            shown = f"{tt} (the default when TargetType is omitted)" if default else tt
            if mode == "awsvpc" and tt is not None and tt != "ip":
                yield Finding(ptr, f"{label} has target type {shown}, but {why}: awsvpc tasks register by IP address, "
                              f"so CreateService rejects it; set the target group's target type to ip",
                              related=(tt_rel, *td_rel))
                continue
            if mode in ("bridge", "host") and tt == "ip":
                yield Finding(ptr, f"{label} has target type ip, but {why}: its tasks register as instance targets, so "
                              f"CreateService rejects it; use target type instance, or the awsvpc network mode",
                              related=(tt_rel, *td_rel))
                continue
            if mode != "bridge" or td is None:
                continue
            dyn = _dynamic_host_port(td, lb.get("containerName"), lb.get("containerPort"))
            hc, hc_ptr = health_check_port(tg)
            if dyn is None or hc is None or hc == "traffic-port" or hc in _fixed_host_ports(td):
                continue
            ci, j = dyn
            yield Finding(ptr, f"{label} checks health on fixed port {hc}, but container {td.container_label(ci)} port "
                          f"{as_int(lb.get('containerPort'))} has a dynamic host port (hostPort 0 or omitted in bridge mode), "
                          f"so every task listens on a different host port and fails the health check; set the health "
                          f"check port to traffic-port (or omit it), or give the port mapping a fixed hostPort",
                          severity="warning",
                          related=(Related(tg, hc_ptr, f"target group {tg.name}"),
                                   Related(td, ("containerDefinitions", ci, "portMappings", j), f"port mapping of "
                                           f"container {td.container_label(ci)}")))
