"""The built-in rule pack.

Rules live one per module (``ecsNNN_<name>.py``), in sub-packages by area.  Each sub-package lists
its modules in ``MODULES`` and this package lists the sub-packages in ``PACKAGES``: explicit
registries, checked against the directory by a meta-test.  The pack registers through the
``ecslint_register_rules`` hook, exactly as a third-party pack would.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator

from ecslint.plugins import hookimpl
from ecslint.registry import RuleMeta, rules_in_module

#: Sub-packages by area, in code order.
PACKAGES: tuple[str, ...] = (
    "engine",  # ECS0xx
    "task_definition",  # ECS100-119 task level
    "container",  # ECS120-149 container definitions
    "linux",  # ECS150-159 linuxParameters and swap
    "networking",  # ECS160-169 network modes, ports, links, hostnames
    "volumes",  # ECS170-179 volumes and mount points
    "logging",  # ECS180-189 log drivers, awslogs, FireLens
    "secrets",  # ECS190-199 secrets and sensitive data
    "fargate",  # ECS200-239
    "windows",  # ECS240-269 Windows and ECS Anywhere
    "service",  # ECS300-339 services, deployments, load balancers
    "capacity",  # ECS340-399 capacity providers, run-task, service-side volumes
    "service_connect",  # ECS400-429
    "exec",  # ECS430-449
    "iam",  # ECS5xx
)


def rule_modules() -> Iterator[str]:
    """Dotted names of every rule module of the pack."""
    for pkg in PACKAGES:
        try:
            sub = importlib.import_module(f"{__name__}.{pkg}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{pkg}":
                continue  # an area with no rules yet
            raise
        for mod in getattr(sub, "MODULES", ()):
            yield f"{__name__}.{pkg}.{mod}"


@hookimpl
def ecslint_register_rules(register: Callable[[RuleMeta], None]) -> None:
    for name in rule_modules():
        for meta in rules_in_module(importlib.import_module(name)):
            register(meta)
