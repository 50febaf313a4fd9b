"""Shared test helpers: lint files or in-memory documents through the real engine."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ecslint.engine import run
from ecslint.model import Report
from ecslint.options import Options
from ecslint.plugins import Plugins, load_plugins

ROOT = Path(__file__).resolve().parent
FIXTURES = ROOT / "fixtures"


@lru_cache(maxsize=1)
def plugins() -> Plugins:
    return load_plugins(autoload=False)


def lint_paths(paths: list[Path], select: tuple[str, ...] | None = None, **opts: Any) -> Report:
    files = [(str(p), p.read_bytes(), True) for p in paths]
    p = plugins()
    return run(files, p.registry, p.kinds, Options(select=select, **opts))


def lint_text(name: str, text: str | bytes, select: tuple[str, ...] | None = None, **opts: Any) -> Report:
    data = text.encode() if isinstance(text, str) else text
    p = plugins()
    return run([(name, data, True)], p.registry, p.kinds, Options(select=select, **opts))


def lint_docs(docs: dict[str, Any], select: tuple[str, ...] | None = None, **opts: Any) -> Report:
    """Lint in-memory documents: {"name.json": {...}} (dicts are dumped as JSON, strings used as-is)."""
    p = plugins()
    files = [(n, (json.dumps(d) if not isinstance(d, str) else d).encode(), True) for n, d in docs.items()]
    return run(files, p.registry, p.kinds, Options(select=select, **opts))


def lines(report: Report, with_path: bool = False) -> list[str]:
    out = []
    for d in report.diagnostics:
        s = d.location.span
        prefix = f"{Path(d.location.path).name}:" if with_path else ""
        out.append(f"{prefix}{s.line}:{s.col} {d.code} {d.message}")
    return out


def codes(report: Report) -> list[str]:
    return [d.code for d in report.diagnostics]
