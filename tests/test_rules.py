"""Every rule against its fixtures: tests/fixtures/rules/<CODE>/{good,bad}/<case>.

A case is a file, or a folder whose files are linted together as one project (a service beside its
task definition and roles).  A good case yields nothing for its rule; a bad case must match its
``<case>.expected`` snapshot (``line:col CODE message``; with the file name first for folders).
Refresh snapshots with ``pytest --update-snapshots`` and review the diff.  ECS009 (internal error)
must never appear.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, lint_paths, lines

RULE_FIXTURES = FIXTURES / "rules"


def _cases() -> list[tuple[str, str, Path]]:
    out = []
    for code_dir in sorted(RULE_FIXTURES.iterdir()) if RULE_FIXTURES.is_dir() else []:
        for kind in ("good", "bad"):
            folder = code_dir / kind
            for case in sorted(folder.iterdir()) if folder.is_dir() else []:
                if case.name.endswith(".expected") or case.name.startswith("."):
                    continue
                out.append((code_dir.name, kind, case))
    return out


CASES = _cases()


def _files(case: Path) -> list[Path]:
    return sorted(p for p in case.rglob("*") if p.is_file()) if case.is_dir() else [case]


@pytest.mark.parametrize(("code", "kind", "case"), CASES, ids=[f"{c}-{k}-{p.name}" for c, k, p in CASES])
def test_rule_fixture(code: str, kind: str, case: Path, update_snapshots: bool) -> None:
    report = lint_paths(_files(case), select=(code,))
    assert "ECS009" not in {d.code for d in report.diagnostics}, [d.message for d in report.diagnostics]
    got = [line for line in lines(report, with_path=case.is_dir()) if f" {code} " in line]
    if kind == "good":
        assert got == [], f"{case} should be clean for {code}"
        return
    snap = case.parent / (case.name + ".expected")
    if update_snapshots or not snap.exists():
        snap.write_text("\n".join(got) + "\n", encoding="utf-8")
    expected = [ln for ln in snap.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert got, f"{case} should trigger {code}"
    assert got == expected
