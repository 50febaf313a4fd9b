"""Generated documentation is current: docs/rules/*.md and the README rule table come from the rule
metadata (scripts/generate_docs.py --check), and every rule's helpUri names a generated page."""
from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, plugins

REPO = ROOT.parent


def test_generated_docs_are_current() -> None:
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "generate_docs.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, "run `python scripts/generate_docs.py`:\n" + result.stdout


def test_every_help_uri_has_a_page() -> None:
    for meta in plugins().registry:
        page = REPO / "docs" / "rules" / f"{meta.code}.md"
        assert page.exists(), meta.code
        assert meta.help_uri.endswith(f"/docs/rules/{meta.code}.md")
        text = page.read_text(encoding="utf-8")
        assert text.startswith(f"# {meta.name} ({meta.code})") and "## Why is this bad?" in text


def test_readme_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```shell", 1)[1].split("```", 1)[0]
    commands = [ln for ln in block.strip().splitlines() if ln.strip()]
    assert len(commands) == 2
    assert commands[0].startswith("pip install . && ecslint check ")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install -q -e '.[test]' && python -m pytest" in ci
    assert commands[1] == "pip install -e '.[test]' && python -m pytest"
