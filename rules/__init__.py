"""The built-in rule pack.

Rules live one per module, in sub-packages by area; ``RULE_MODULES`` lists them explicitly (a
meta-test checks the list against the directory).  The pack registers through the
``ecslint_register_rules`` hook, exactly as a third-party pack would.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable

from ecslint.plugins import hookimpl
from ecslint.registry import RuleMeta, rules_in_module

#: Every rule module of the pack, relative to this package.
RULE_MODULES: tuple[str, ...] = (
    "engine.ecs001_parse_error",
    "engine.ecs002_schema_violation",
    "engine.ecs003_unused_suppression",
    "engine.ecs004_unknown_input",
    "engine.ecs009_internal_error",
)


@hookimpl
def ecslint_register_rules(register: Callable[[RuleMeta], None]) -> None:
    for name in RULE_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for meta in rules_in_module(module):
            register(meta)
