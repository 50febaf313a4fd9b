"""RuleMeta -> text or JSON, for ``--explain``, ``ecslint rules`` and the generated docs."""
from __future__ import annotations

import json
from typing import Any

from ecslint.registry import Registry, RuleMeta

__all__ = ["explain_text", "explain_json", "rules_json", "rule_dict"]


def explain_text(meta: RuleMeta) -> str:
    tags = ", ".join(meta.tags) or "-"
    head = f"# {meta.name} ({meta.code})\n\n{meta.status} · {meta.severity.value} · tags: {tags}"
    if meta.security_severity is not None:
        head += f" · security-severity {meta.security_severity:.1f}"
    if meta.covers:
        head += f"\ncovers: {', '.join(meta.covers)}"
    return f"{head}\n\n{meta.doc}\n"


def rule_dict(meta: RuleMeta) -> dict[str, Any]:
    return {
        "code": meta.code,
        "name": meta.name,
        "summary": meta.summary,
        "severity": meta.severity.value,
        "security_severity": meta.security_severity,
        "tags": list(meta.tags),
        "applies_to": list(meta.applies_to),
        "covers": list(meta.covers),
        "status": meta.status,
        "since": meta.since,
        "plugin": meta.plugin,
        "doc": meta.doc,
        "help_uri": meta.help_uri,
    }


def explain_json(meta: RuleMeta) -> str:
    return json.dumps(rule_dict(meta), indent=2, sort_keys=True)


def rules_json(registry: Registry) -> str:
    return json.dumps([rule_dict(m) for m in registry], indent=2, sort_keys=True)
