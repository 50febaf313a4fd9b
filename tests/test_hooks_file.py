"""The pre-commit hooks file: its `files` pattern, and the hook run for real with `pre-commit try-repo`.

try-repo runs hermetically: the hook's virtualenv sees this interpreter's site-packages
(VIRTUALENV_SYSTEM_SITE_PACKAGES) and pip may not reach any index (PIP_NO_INDEX), so nothing is
downloaded; only ecslint itself is installed into the hook environment from this checkout.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES, ROOT

REPO = ROOT.parent
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _hook(hook_id: str) -> dict:  # type: ignore[type-arg]
    return next(h for h in HOOKS if h["id"] == hook_id)


def _selected(hook: dict, name: str) -> bool:  # type: ignore[type-arg]
    return bool(re.search(hook["files"], name)) and not re.search(hook.get("exclude", "^$"), name)


POSITIVE_NAMES = [
    "taskdef.json", "task-definition.json", "deploy/taskdef.prod.json", "ecs/web-task-definition.yaml",
    "service-definition.json", "ecs-service.json", "fargate-worker.yml", "infra/main.tfplan.json", "tfplan.json",
    "app.template", "stack.cfn.yaml", "cloudformation/network.yaml", "cdk.out/App.template.json",
]  # fmt: skip
NEGATIVE_NAMES = [
    "package.json", "package-lock.json", "tsconfig.json", "web/src/config.json", ".github/workflows/ci.yml",
    "docker-compose.yaml", "renovate.json", ".vscode/settings.json", "composer.json", "manifest.json",
]  # fmt: skip


@pytest.mark.parametrize("name", POSITIVE_NAMES)
def test_files_pattern_selects(name: str) -> None:
    assert _selected(_hook("ecslint"), name)


@pytest.mark.parametrize("name", NEGATIVE_NAMES)
def test_files_pattern_leaves_out(name: str) -> None:
    assert not _selected(_hook("ecslint"), name)


def test_types_cover_templates() -> None:
    from identify import identify

    hook = _hook("ecslint")
    for name in ("taskdef.json", "stack.yaml", "app.template"):
        tags = identify.tags_from_filename(name) or {"text"}
        assert tags & set(hook["types_or"]), name


def test_entry_is_the_cli() -> None:
    hook = _hook("ecslint")
    assert hook["entry"].split()[:2] == ["ecslint", "check"]
    assert hook["language"] == "python" and hook["require_serial"] is True


def _try_repo(case: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path / "repo"
    shutil.copytree(case, work)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip
    for cmd in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "fixture"]):
        subprocess.run(cmd, cwd=work, check=True, env=env)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pc-home"),
        VIRTUALENV_SYSTEM_SITE_PACKAGES="1",
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's inverted spelling: this *disables* build isolation
    )
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "ecslint", "--all-files", "--color", "never"],
        cwd=work, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_hook_fails_on_positive_repository(tmp_path: Path) -> None:
    result = _try_repo(FIXTURES / "hooks" / "positive" / "ecslint", tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "ECS201" in out and "ECS002" in out
    assert "taskdef.json:6:13: ECS201" in out


def test_hook_passes_on_negative_repository(tmp_path: Path) -> None:
    result = _try_repo(FIXTURES / "hooks" / "negative" / "ecslint", tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "Passed" in out
