"""
## What it does
Checks every `dnsSearchDomains` entry: at most 254 characters of letters, digits, `-` and `.`,
ending with a letter or digit.

## Why is this bad?
ECS validates search domains against `^[a-zA-Z0-9-.]{0,253}[a-zA-Z0-9]$`; a trailing dot, a space,
an underscore or a URL (`https://corp.example`) makes the task definition invalid.

## Example
```json
{"name": "app", "image": "example/app:1", "memory": 256, "dnsSearchDomains": ["corp.example.com."]}
```

## Use instead
```json
{"name": "app", "image": "example/app:1", "memory": 256, "dnsSearchDomains": ["corp.example.com"]}
```

## References
- [ContainerDefinition: dnsSearchDomains](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-dnsSearchDomains)
- [Task definition parameters: network settings](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_network)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_str

_DOMAIN = re.compile(r"^[a-zA-Z0-9-.]{0,253}[a-zA-Z0-9]$")


@rule(
    code="ECS166",
    name="invalid-dns-search-domain",
    summary="dnsSearchDomains entry is not a valid domain",
    severity="error",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("CT-031",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        domains = c.get("dnsSearchDomains")
        for j, d in enumerate(domains if isinstance(domains, list) else []):
            s = as_str(d)
            if s and not _DOMAIN.match(s):
                fix = s.strip().rstrip(".")
                hint = f" (e.g. {fix!r})" if _DOMAIN.match(fix) else ""
                yield Finding(("containerDefinitions", i, "dnsSearchDomains", j), f"container {td.container_label(i)}: search domain {s!r} must be letters, digits, '-' and '.', up to 254 characters, ending with a letter or digit{hint}")
