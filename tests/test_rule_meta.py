"""The rule contract: codes, names, docs, severities, fixtures and catalog coverage."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from ecslint.registry import REQUIRED_SECTIONS, doc_sections
from helpers import FIXTURES, ROOT, plugins

RULES = list(plugins().registry)
ENGINE = {"ECS001", "ECS003", "ECS004", "ECS009"}
CATALOG = (ROOT.parent / "docs" / "CONSTRAINTS.md").read_text(encoding="utf-8")
CATALOG_IDS = set(re.findall(r"^\| ([A-Z]+-\d{3}) ", CATALOG, re.M)) | {"FG-CPU-TABLE", "FG-CPU-TABLE-WIN"}


@pytest.mark.parametrize("meta", RULES, ids=[m.code for m in RULES])
def test_rule_contract(meta) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"ECS\d{3}", meta.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", meta.name)
    assert len(meta.summary) <= 80 and not meta.summary.endswith("."), meta.summary
    sections = doc_sections(meta.doc)
    for s in REQUIRED_SECTIONS:
        assert sections.get(s), f"{meta.code} doc lacks '## {s}'"
    assert "https://" in sections["References"] or "docs/research" in sections["References"]
    if "security" in meta.tags:
        assert meta.security_severity is not None and 0.1 <= meta.security_severity <= 10
    else:
        assert meta.security_severity is None
    for row in meta.covers:
        assert row in CATALOG_IDS, f"{meta.code} covers unknown catalog row {row}"
    expected_file = f"{meta.code.lower()}_{meta.name.replace('-', '_')}.py"
    assert Path(meta.source_file).name == expected_file


def test_codes_and_names_unique() -> None:
    assert len({m.code for m in RULES}) == len(RULES)
    assert len({m.name for m in RULES}) == len(RULES)


@pytest.mark.parametrize("meta", [m for m in RULES if m.code not in ENGINE], ids=lambda m: m.code)
def test_rule_has_good_and_bad_fixtures(meta) -> None:  # type: ignore[no-untyped-def]
    base = FIXTURES / "rules" / meta.code
    good = [p for p in (base / "good").glob("*") if not p.name.endswith(".expected")]
    bad = [p for p in (base / "bad").glob("*") if not p.name.endswith(".expected")]
    assert good, f"{meta.code} has no good fixture"
    assert bad, f"{meta.code} has no bad fixture"


def test_module_lists_match_directories() -> None:
    pack = importlib.import_module("ecslint.rules")
    root = Path(pack.__file__).parent
    for pkg in pack.PACKAGES:
        folder = root / pkg
        if not folder.is_dir():
            continue
        listed = set(importlib.import_module(f"ecslint.rules.{pkg}").MODULES)
        on_disk = {p.stem for p in folder.glob("ecs*.py")}
        assert listed == on_disk, f"rules/{pkg}/__init__.py MODULES differs from the directory"
    dirs = {p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert dirs <= set(pack.PACKAGES), f"unlisted rule packages: {dirs - set(pack.PACKAGES)}"
