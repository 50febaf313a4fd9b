"""
## What it does
Checks a service's `monitoring.metricConfigurations` (the resolution of the service-level CloudWatch
metrics):

* every `metricNames` entry is one of the two supported metrics, `CPUUtilization` and
  `MemoryUtilization` (names are case-sensitive);
* `resolutionSeconds` is `20` (high resolution) or `60` (the default); the API model only bounds it
  to 20-60, but the valid values are exactly these two;
* in CloudFormation, `MetricConfigurations` has at most 2 entries (the resource schema's maximum);
* a metric configured in more than one entry (warning): its resolution is ambiguous.

The number of configurations (at most 5 in the API), the number of names per configuration (1-5)
and values outside 20-60 are reported by ECS002.

## Why is this bad?
CreateService and UpdateService reject unsupported metric names and resolutions, and CloudFormation
rejects more than two metric configurations, so the deployment fails.

## Example
```json
{"monitoring": {"metricConfigurations": [
  {"metricNames": ["CPUUtilization", "RequestCount"], "resolutionSeconds": 30}]}}
```

## Use instead
```json
{"monitoring": {"metricConfigurations": [
  {"metricNames": ["CPUUtilization", "MemoryUtilization"], "resolutionSeconds": 20}]}}
```

## Known limitations
Raw API JSON and CloudFormation (`Monitoring`) are checked. Terraform plans are not: ecslint does
not map a monitoring block of `aws_ecs_service`. Whether the API rejects a metric named in two
configurations is not documented; that case is a warning.

## References
- [MonitoringConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MonitoringConfiguration.html)
- [MetricConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MetricConfiguration.html)
- [AWS::ECS::Service MonitoringConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-monitoringconfiguration.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import as_int, as_str

METRICS = ("CPUUtilization", "MemoryUtilization")
RESOLUTIONS = (20, 60)


@rule(
    code="ECS319",
    name="invalid-service-monitoring",
    summary="Service monitoring with an unsupported metric name or resolution",
    severity="error",
    applies_to=("service",),
    tags=("monitoring",),
    covers=("SVC-036",),
)
def check(svc: Service) -> Iterator[Finding]:
    mon = svc.data.get("monitoring")
    configs = mon.get("metricConfigurations") if isinstance(mon, dict) else None
    if not isinstance(configs, list):
        return
    base = ("monitoring", "metricConfigurations")
    if svc.document.kind == "cloudformation" and len(configs) > 2:
        yield Finding(base, f"CloudFormation accepts at most 2 MetricConfigurations (one per metric: {' and '.join(METRICS)}); "
                      f"got {len(configs)}: merge the metrics that share a resolution into one entry")
    seen: dict[str, tuple[int, int | None]] = {}
    for j, cfg in enumerate(configs):
        if not isinstance(cfg, dict):
            continue
        res = as_int(cfg.get("resolutionSeconds"))
        if res is not None and 20 < res < 60:
            yield Finding(base + (j, "resolutionSeconds"), f"resolutionSeconds {res} is not valid; use 20 (high-resolution "
                          f"metrics) or 60 (the default resolution)")
        names = cfg.get("metricNames")
        for k, name in enumerate(names if isinstance(names, list) else []):
            n = as_str(name)
            if n is None:
                continue
            if n not in METRICS:
                close = [m for m in METRICS if m.lower() == n.strip().lower()]
                hint = f"; did you mean {close[0]!r}? (names are case-sensitive)" if close else ""
                yield Finding(base + (j, "metricNames", k), f"metric name {n!r} is not supported: the service-level metrics "
                              f"are {' and '.join(METRICS)}{hint}")
                continue
            if n in seen and seen[n][0] != j:
                first, first_res = seen[n]
                both = f" ({first_res} s and {res} s)" if first_res is not None and res is not None and first_res != res else ""
                yield Finding(base + (j, "metricNames", k), f"metric {n} is already configured in metricConfigurations[{first}]"
                              f"{both}; configure each metric in one entry only", severity="warning")
            seen.setdefault(n, (j, res))
