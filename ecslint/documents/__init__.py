"""Built-in input kinds (registered through the same hook a plugin would use)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ecslint.plugins import hookimpl


@hookimpl
def ecslint_register_document_kinds(register: Callable[[Any], None]) -> None:
    from ecslint.documents import cloudformation, ecs_json, iam_json, terraform_plan

    for module in (cloudformation, terraform_plan, iam_json, ecs_json):
        for kind in module.KINDS:
            register(kind)
