"""The command line contract: exit codes, bad input, config, suppression, formats, imports."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecslint.cli import main

GOOD_TD = {
    "family": "web",
    "requiresCompatibilities": ["FARGATE"],
    "networkMode": "awsvpc",
    "cpu": "256",
    "memory": "512",
    "containerDefinitions": [{"name": "web", "image": "nginx:1.27"}],
}
BAD_TD = {**GOOD_TD, "memory": "4096"}


def run_cli(args: list[str], cwd: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = main(args)
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_clean_run_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "taskdef.json", GOOD_TD)
    code, out, _ = run_cli(["--isolated", "--output-format", "concise", "."], tmp_path, capsys)
    assert code == 0 and "All checks passed!" in out


def test_findings_exit_1_with_relative_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "deploy" / "taskdef.json", BAD_TD)
    code, out, _ = run_cli(["check", "--isolated", "--output-format", "concise", "deploy"], tmp_path, capsys)
    assert code == 1
    assert out.splitlines()[0].startswith(os.path.join("deploy", "taskdef.json") + ":8:13: ECS201 ")


def test_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "taskdef.json", BAD_TD)
    code, _, _ = run_cli(["--isolated", "--exit-zero", "."], tmp_path, capsys)
    assert code == 0


@pytest.mark.parametrize(
    ("content", "line", "col", "fragment"),
    [
        ('{"family": "web",\n  "containerDefinitions": [\n', 3, 1, "invalid JSON"),
        ("", 1, 1, "invalid JSON"),
        ("\ufeff{\r\n  \"family\": 1,,\r\n}", 2, 15, "invalid JSON"),
        (b"\x00\x01\x02binary", 1, 1, "NUL byte"),
        (b"{\"a\": \"\xff\"}", 1, 8, "not UTF-8"),
        ("[" * 300 + "]" * 300, 1, 257, "nesting is too deep"),
    ],
)
def test_unparseable_file_is_a_finding_and_others_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, line: int, col: int, fragment: str
) -> None:
    p = tmp_path / "broken.json"
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    write(tmp_path / "taskdef.json", BAD_TD)
    code, out, _ = run_cli(["--isolated", "--output-format", "concise", "broken.json", "taskdef.json"], tmp_path, capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"broken.json:{line}:{col}: ECS001 "), first
    assert fragment in first
    assert "taskdef.json:8:13: ECS201" in out


def test_yaml_errors_have_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "t.yaml", "Resources:\n  A:\n    Type: AWS::ECS::TaskDefinition\n    Properties: [1,\n")
    write(tmp_path / "dup.yaml", "Resources:\n  A:\n    Type: AWS::ECS::Cluster\n  A:\n    Type: AWS::ECS::Cluster\n")
    code, out, _ = run_cli(["--isolated", "--output-format", "concise", "t.yaml", "dup.yaml"], tmp_path, capsys)
    assert code == 1
    assert "dup.yaml:4:3: ECS001 duplicate key 'A'" in out
    assert "t.yaml:5:1: ECS001 invalid YAML" in out


def test_unknown_kind_is_skipped_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "package.json", {"name": "x"})
    code, out, err = run_cli(["--isolated", "package.json"], tmp_path, capsys)
    assert code == 0 and "1 file skipped" in err
    code, out, _ = run_cli(["--isolated", "--strict-kind", "--output-format", "concise", "package.json"], tmp_path, capsys)
    assert code == 1 and "ECS004" in out
    code, out, _ = run_cli(["--isolated", "--kind", "task-definition", "--output-format", "concise", "package.json"], tmp_path, capsys)
    assert code == 1 and "package.json:1:1: ECS004 not a known task-definition document" in out


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "taskdef.json", GOOD_TD)
    assert run_cli(["--isolated", "--select", "ECS99X", "."], tmp_path, capsys)[0] == 2
    assert run_cli(["--isolated", "--output-format", "xml", "."], tmp_path, capsys)[0] == 2
    assert run_cli(["--isolated", "--kind", "nope", "."], tmp_path, capsys)[0] == 2
    code, _, err = run_cli(["--isolated", "missing.json"], tmp_path, capsys)
    assert code == 2 and "missing.json: no such file or directory" in err


def test_config_unknown_key_names_its_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[tool.ecslint]\nselect = ["ALL"]\n[tool.ecslint.severity]\nECS201 = "fatal"\n')
    write(tmp_path / "taskdef.json", GOOD_TD)
    code, _, err = run_cli(["."], tmp_path, capsys)
    assert code == 2 and "tool.ecslint.severity.ECS201" in err
    write(tmp_path / "pyproject.toml", "[tool.ecslint]\nselectt = []\n")
    code, _, err = run_cli(["."], tmp_path, capsys)
    assert code == 2 and "unknown configuration key 'tool.ecslint.selectt'" in err


def test_config_selection_severity_and_per_file_ignores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "a" / "taskdef.json", BAD_TD)
    write(tmp_path / "b" / "taskdef.json", BAD_TD)
    write(
        tmp_path / "ecslint.toml",
        'per-file-ignores = { "a/*.json" = ["ECS2"] }\nseverity = { ECS201 = "note" }\noutput-format = "concise"\n',
    )
    code, out, _ = run_cli(["."], tmp_path, capsys)
    assert code == 0  # a note does not fail the run
    assert os.path.join("a", "taskdef.json") not in out
    assert "ECS201" in out
    code, out, _ = run_cli(["--output-format", "json", "."], tmp_path, capsys)
    assert json.loads(out)["diagnostics"][0]["severity"] == "note"


def test_yaml_suppressions_and_unused_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = """Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      # ecslint: ignore[ECS201]
      Memory: 4096
      ContainerDefinitions:
        - Name: web  # ecslint: ignore[ECS100]
          Image: nginx:1.27
  Other:
    Type: AWS::ECS::TaskDefinition
    Metadata: {ecslint: {ignore: [ECS201, ECS150]}}
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 4096
      ContainerDefinitions:
        - Name: web  # ecslint: ignore
          Image: nginx:1.27
"""
    write(tmp_path / "t.yaml", tpl)
    code, out, _ = run_cli(["--isolated", "--output-format", "concise", "t.yaml"], tmp_path, capsys)
    lines = [ln for ln in out.splitlines() if ln.startswith("t.yaml")]
    assert code == 1
    assert not any("ECS201" in ln for ln in lines), lines
    assert "t.yaml:11:22: ECS003 unused suppression of ECS100: nothing is reported here" in lines
    assert any(ln.startswith("t.yaml:15:") and "unused suppression of ECS150 in the Metadata of Other" in ln for ln in lines)
    assert any(ln.startswith("t.yaml:22:22: ECS003 a suppression comment must name the codes") for ln in lines)


def test_stdin(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ecslint", "check", "--isolated", "--output-format", "concise", "--stdin-filename", "td.json", "-"],
        input=json.dumps(BAD_TD), capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1 and result.stdout.startswith("td.json:1:")


def test_statistics_and_rules_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "taskdef.json", BAD_TD)
    code, out, _ = run_cli(["--isolated", "--statistics", "."], tmp_path, capsys)
    assert code == 1 and out.split() == ["1", "ECS201", "fargate-task-size"]
    code, out, _ = run_cli(["rules", "--output-format", "json"], tmp_path, capsys)
    rules = json.loads(out)
    ecs201 = next(r for r in rules if r["code"] == "ECS201")
    assert "FG-002" in ecs201["covers"] and ecs201["severity"] == "error"


def test_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--explain", "ECS201"], tmp_path, capsys)
    assert code == 0 and out.startswith("# fargate-task-size (ECS201)") and "## Why is this bad?" in out
    code, out, _ = run_cli(["rule", "fargate-task-size"], tmp_path, capsys)
    assert code == 0 and "ECS201" in out
    assert run_cli(["--explain", "ECS999"], tmp_path, capsys)[0] == 2


def test_version_is_fast_and_names_data(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "ecslint", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("ecslint ") and "botocore" in result.stdout and "collected" in result.stdout
    code = "import sys, ecslint.cli; ecslint.cli.main(['--version']); print(sorted(m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('jsonschema','yaml','pluggy','cfnlint')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("name", ["taskdef.json", "template.yaml"])
def test_runs_never_import_cfnlint(tmp_path: Path, name: str) -> None:
    src = Path(__file__).resolve().parent.parent / "examples" / name
    code = (
        "import sys; from ecslint.cli import main; main(['--isolated', '-q', '--output-format', 'concise', sys.argv[1]]); "
        "print('CFNLINT' if any(m.startswith('cfnlint') for m in sys.modules) else 'clean')"
    )
    out = subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "clean"


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    for i in range(30):
        write(tmp_path / f"t{i}" / "taskdef.json", BAD_TD)
    proc = subprocess.run(
        f"{sys.executable} -m ecslint check --isolated . | head -c 10", shell=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert "Traceback" not in proc.stderr


def test_parallel_run_gives_the_same_report() -> None:
    """Two processes (forked after loading) report exactly what one does, suppressions and notes included."""
    import multiprocessing

    from helpers import FIXTURES, lint_paths

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    paths = sorted(p for p in (FIXTURES / "rules").rglob("*") if p.is_file() and not p.name.endswith(".expected"))[:400]
    serial = lint_paths(paths, jobs=1)
    parallel = lint_paths(paths, jobs=2)
    assert len(serial.diagnostics) > 100
    assert serial.diagnostics == parallel.diagnostics
    assert serial.notes == parallel.notes
    assert list(serial.rules) == list(parallel.rules)


_PARENT: list[int] = []


def _dying_work(batch):  # type: ignore[no-untyped-def]
    """Stands in for engine._work: exits at once in a forked worker, works in the parent."""
    import ecslint.engine as engine

    if os.getpid() != _PARENT[0]:
        os._exit(3)
    return engine._ORIGINAL_WORK(batch)  # type: ignore[attr-defined]


def test_a_worker_that_dies_does_not_hang_or_lose_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked worker killed mid-run (here: it exits at once) makes the run fall back to one process."""
    import multiprocessing

    import ecslint.engine as engine
    from helpers import FIXTURES, lint_paths

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    _PARENT[:] = [os.getpid()]
    monkeypatch.setattr(engine, "_ORIGINAL_WORK", engine._work, raising=False)
    monkeypatch.setattr(engine, "_work", _dying_work)
    paths = sorted(p for p in (FIXTURES / "rules").rglob("*") if p.is_file() and not p.name.endswith(".expected"))[:120]
    parallel = lint_paths(paths, jobs=2)
    monkeypatch.setattr(engine, "_work", engine._ORIGINAL_WORK)
    serial = lint_paths(paths, jobs=1)
    assert parallel.diagnostics == serial.diagnostics and len(serial.diagnostics) > 20
