"""Output formats over hand-built Reports: exact text for concise/full, JSON shape, GitHub escaping, SARIF."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema.validators import validator_for

from ecslint.model import Diagnostic, FileResult, Location, Report, Severity, Span
from ecslint.output import FORMATTERS, _builtin, get_formatter
from ecslint.output.concise import ConciseFormatter, summary_line
from ecslint.output.full import FullFormatter
from ecslint.output.github import GithubFormatter, escape_data, escape_property
from ecslint.output.json import JsonFormatter, JsonLinesFormatter, json_pointer
from ecslint.output.sarif import SarifFormatter
from ecslint.registry import RuleMeta

SCHEMA_PATH = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"

# --------------------------------------------------------------------------------------------------
# Rules (realistic docs with the required sections) and reports
# --------------------------------------------------------------------------------------------------

ECS104 = RuleMeta(
    code="ECS104",
    name="privileged-container",
    summary="Container runs in privileged mode",
    severity=Severity.ERROR,
    applies_to=("task-definition",),
    tags=("security", "container"),
    security_severity=8.0,
    doc="""\
## What it does
Flags container definitions that set `privileged` to `true`.

## Why is this bad?
A privileged container gets all Linux capabilities and the host's devices. If the application is
compromised, so is the container instance. Fargate rejects the flag.

## Example
    {"containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}

## Use instead
Grant only the capability the container needs:

    {"containerDefinitions": [{"name": "web", "image": "nginx",
      "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE"]}}}]}

## References
- [Task definition parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
""",
)

ECS120 = RuleMeta(
    code="ECS120",
    name="invalid-family-name",
    summary="Task definition family has characters ECS does not accept",
    severity=Severity.WARNING,
    applies_to=("task-definition",),
    tags=("task-definition",),
    doc="""\
## What it does
Checks that the task definition `family` uses only letters, digits, hyphens and underscores and is at
most 255 characters long.

## Why is this bad?
RegisterTaskDefinition rejects any other family name, so the deployment fails only when it is applied.

## Example
    {"family": "café"}

## Use instead
    {"family": "cafe"}

## References
- [RegisterTaskDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
""",
)

ECS305 = RuleMeta(
    code="ECS305",
    name="missing-deployment-circuit-breaker",
    summary="Service has no deployment circuit breaker",
    severity=Severity.NOTE,
    applies_to=("service",),
    tags=("deployment",),
    doc="""\
## What it does
Notes services whose `deploymentConfiguration` has no `deploymentCircuitBreaker` turned on.

## Why is this bad?
A failing deployment then keeps replacing tasks until someone notices, and it is not rolled back.

## Example
    {"serviceName": "web", "deploymentConfiguration": {}}

## Use instead
    {"serviceName": "web", "deploymentConfiguration":
      {"deploymentCircuitBreaker": {"enable": true, "rollback": true}}}

## References
- [Deployment circuit breaker](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html)
""",
)

ECS999 = RuleMeta(
    code="ECS999",
    name="never-fires",
    summary="A rule that is known to the run but did not fire",
    severity=Severity.ERROR,
    applies_to=("task-definition",),
    doc="## What it does\nNothing.\n",
)

# A tab indents the lines, and non-ASCII characters come before both spans.
TASK_TEXT = '{\n\t"family": "café",\n\t"containerDefinitions": [{"name": "wéb", "privileged": true}]\n}\n'
SERVICE_TEXT = '{\n  "serviceName": "web",\n  "deploymentConfiguration": {}\n}\n'


def _col(text: str, line: int, needle: str) -> int:
    return text.split("\n")[line - 1].index(needle) + 1


def diag_family(path: str = "task.json", line: int = 2) -> Diagnostic:
    col = _col(TASK_TEXT, 2, '"café"')
    return Diagnostic(
        code="ECS120",
        name="invalid-family-name",
        message="family 'café' has characters ECS does not accept",
        severity=Severity.WARNING,
        location=Location(path, Span(line, col, line, col + 6), logical="web", logical_kind="taskDefinition"),
        source_pointer=("family",),
    )


def diag_privileged(path: str = "task.json", line: int = 3, message: str = "container 'wéb' is privileged") -> Diagnostic:
    col = _col(TASK_TEXT, 3, "true")
    return Diagnostic(
        code="ECS104",
        name="privileged-container",
        message=message,
        severity=Severity.ERROR,
        location=Location(path, Span(line, col, line, col + 4), logical="web", logical_kind="taskDefinition"),
        source_pointer=("containerDefinitions", 0, "privileged"),
        related=(Location("roles/task-role.json", Span(1, 1, 5, 2), logical="TaskRole", message="task role TaskRole"),),
    )


def diag_service(path: str = "svc/service.json") -> Diagnostic:
    col = _col(SERVICE_TEXT, 3, '"deploymentConfiguration"')
    return Diagnostic(
        code="ECS305",
        name="missing-deployment-circuit-breaker",
        message="service 'web' has no deployment circuit breaker",
        severity=Severity.NOTE,
        location=Location(path, Span(3, col, 3, col + 25), logical="web", logical_kind="service"),
        source_pointer=("deploymentConfiguration",),
    )


def two_diag_report() -> Report:
    return Report(
        diagnostics=[diag_family(), diag_privileged()],
        files=[FileResult("task.json", "task-definition", text=TASK_TEXT)],
        rules={"ECS104": ECS104, "ECS120": ECS120},
        version="0.1.0",
    )


def render(formatter: Any, report: Report) -> str:
    stream = io.StringIO()
    formatter.write(report, stream)
    return stream.getvalue()


# --------------------------------------------------------------------------------------------------
# Registry of formats
# --------------------------------------------------------------------------------------------------


def test_builtin_formats_match_the_names_list() -> None:
    assert tuple(_builtin()) == FORMATTERS
    for name in FORMATTERS:
        for color in (False, True):
            fmt = get_formatter(name, color=color)
            assert fmt.name == name


@pytest.mark.parametrize("name", FORMATTERS)
def test_no_escape_codes_without_color(name: str) -> None:
    report = two_diag_report()
    report.diagnostics.append(diag_privileged(line=4, message="image tag \x1b[31mred\x1b[0m\nnext"))
    out = render(get_formatter(name, color=False), report)
    assert "\x1b" not in out


# --------------------------------------------------------------------------------------------------
# concise / full
# --------------------------------------------------------------------------------------------------

CONCISE_EXPECTED = """\
task.json:2:12: ECS120 family 'café' has characters ECS does not accept
task.json:3:57: ECS104 container 'wéb' is privileged
Found 1 error and 1 warning in 1 file.
"""

# The tab expands to four cells in both the source line and the caret line; 'é' takes one cell.
FULL_EXPECTED = """\
task.json:2:12: ECS120 family 'café' has characters ECS does not accept
  |
1 | {
2 |     "family": "café",
  |               ^^^^^^
3 |     "containerDefinitions": [{"name": "wéb", "privileged": true}]
  |

task.json:3:57: ECS104 container 'wéb' is privileged
  |
2 |     "family": "café",
3 |     "containerDefinitions": [{"name": "wéb", "privileged": true}]
  |                                                            ^^^^
4 | }
  |
  = related: roles/task-role.json:1:1: task role TaskRole

Found 1 error and 1 warning in 1 file.
"""


def test_concise_exact() -> None:
    assert render(ConciseFormatter(), two_diag_report()) == CONCISE_EXPECTED


def test_full_exact() -> None:
    assert render(FullFormatter(), two_diag_report()) == FULL_EXPECTED


def _caret_target(out: str, source_line_no: int) -> str:
    """The characters of the rendered source line that sit above the carets."""
    lines = out.splitlines()
    src = next(
        i
        for i, line in enumerate(lines[:-1])
        if re.match(rf"\s*{source_line_no} \| ", line) and lines[i + 1].lstrip(" |").startswith("^")
    )
    caret_line = lines[src + 1]
    start = caret_line.index("^")
    return lines[src][start : start + caret_line.count("^")]


def test_full_caret_under_span_with_tabs_and_non_ascii() -> None:
    out = render(FullFormatter(), two_diag_report())
    assert _caret_target(out, 2) == '"café"'
    assert _caret_target(out, 3) == "true"


def test_full_wide_and_combining_characters() -> None:
    # 名 is East Asian wide (two cells); "e" + U+0301 is one cell made of two code points; a tab sits mid-line.
    line = '"名": "cafe\u0301",\t"x": 1'
    text = f"{line}\n"
    col = line.index('"x"') + 1
    diag = Diagnostic("ECS120", "invalid-family-name", "m", Severity.WARNING, Location("a.json", Span(1, col, 1, col + 3)))
    out = render(FullFormatter(), Report([diag], [FileResult("a.json", "task-definition", text=text)]))
    assert out == (
        "a.json:1:15: ECS120 m\n"
        "  |\n"
        '1 | "名": "cafe\u0301",   "x": 1\n'  # the tab at cell 13 advances to cell 16
        "  | " + " " * 16 + "^^^\n"
        "  |\n"
        "\n"
        "Found 1 warning in 1 file.\n"
    )


def test_full_multiline_span_empty_span_and_missing_text() -> None:
    text = "a\nbcd\ne\n"
    multi = Diagnostic("ECS104", "privileged-container", "multi", Severity.ERROR, Location("x.json", Span(2, 2, 3, 1)))
    empty = Diagnostic("ECS104", "privileged-container", "empty", Severity.ERROR, Location("x.json", Span(3, 2, 3, 2)))
    unread = Diagnostic("ECS120", "invalid-family-name", "no text", Severity.NOTE, Location("y.json", Span(7, 1, 7, 2)))
    report = Report(
        [multi, empty, unread],
        [FileResult("x.json", "task-definition", text=text), FileResult("y.json", "task-definition")],
    )
    assert render(FullFormatter(), report) == (
        "x.json:2:2: ECS104 multi\n"
        "  |\n"
        "1 | a\n"
        "2 | bcd\n"
        "  |  ^^\n"
        "3 | e\n"
        "  |\n"
        "\n"
        "x.json:3:2: ECS104 empty\n"
        "  |\n"
        "2 | bcd\n"
        "3 | e\n"
        "  |  ^\n"
        "  |\n"
        "\n"
        "y.json:7:1: ECS120 no text\n"
        "\n"
        "Found 2 errors and 1 note in 2 files.\n"
    )


def test_full_gutter_widens_and_crlf_is_dropped() -> None:
    text = "".join(f"line{i}\r\n" for i in range(1, 12))
    diag = Diagnostic("ECS104", "privileged-container", "m", Severity.ERROR, Location("c.yaml", Span(10, 1, 10, 5)))
    out = render(FullFormatter(), Report([diag], [FileResult("c.yaml", "cloudformation", text=text)]))
    assert out.splitlines()[1:7] == ["   |", " 9 | line9", "10 | line10", "   | ^^^^", "11 | line11", "   |"]
    assert "\r" not in out


def test_color_codes_and_carets() -> None:
    report = two_diag_report()
    report.diagnostics.append(diag_service())
    report.files.append(FileResult("svc/service.json", "service", text=SERVICE_TEXT))
    full = render(FullFormatter(color=True), report)
    assert "\x1b[1;31mECS104\x1b[0m" in full
    assert "\x1b[33mECS120\x1b[0m" in full
    assert "\x1b[36mECS305\x1b[0m" in full
    assert "\x1b[1;31m^^^^\x1b[0m" in full
    concise = render(ConciseFormatter(color=True), report)
    assert concise.splitlines()[1] == "task.json:3:57: \x1b[1;31mECS104\x1b[0m container 'wéb' is privileged"


def test_summary_line_wording() -> None:
    assert summary_line(Report()) == "All checks passed!"
    assert render(ConciseFormatter(), Report()) == "All checks passed!\n"
    assert render(FullFormatter(), Report()) == "All checks passed!\n"
    report = Report(
        [diag_privileged(), diag_privileged(line=9), diag_privileged("b.json"), diag_family(), diag_service(), diag_service("c.json")]
    )
    assert summary_line(report) == "Found 3 errors, 1 warning and 2 notes in 4 files."
    assert summary_line(Report([diag_service()])) == "Found 1 note in 1 file."
    assert summary_line(Report([diag_family(), diag_family(line=5)])) == "Found 2 warnings in 1 file."


def test_control_characters_are_made_visible() -> None:
    diag = diag_privileged(message="tag \x1b[2J\nx")
    out = render(ConciseFormatter(), Report([diag]))
    assert out.splitlines()[0] == "task.json:3:57: ECS104 tag \u241b[2J\u240ax"


# --------------------------------------------------------------------------------------------------
# json / json-lines
# --------------------------------------------------------------------------------------------------


def test_json_pointer_escaping() -> None:
    assert json_pointer(()) == ""
    assert json_pointer(("Resources", "a/b", "m~n", 0)) == "/Resources/a~1b/m~0n/0"
    assert json_pointer(("~1",)) == "/~01"


def test_json_structure_and_round_trip() -> None:
    report = two_diag_report()
    report.files.append(FileResult("notes.json", None, skipped="unknown kind of document"))
    out = render(JsonFormatter(), report)
    assert out.endswith("}\n")
    data = json.loads(out)
    # sorted keys, 2-space indent: re-serialising gives the same text
    assert json.dumps(data, indent=2, sort_keys=True) + "\n" == out
    assert data["version"] == 1
    assert set(data) == {"version", "diagnostics", "files", "summary"}
    first, second = data["diagnostics"]
    assert set(second) == {
        "code", "name", "severity", "message", "path", "span", "pointer", "logical_location", "related"
    }
    assert second["code"] == "ECS104"
    assert second["name"] == "privileged-container"
    assert second["severity"] == "error"
    assert second["message"] == "container 'wéb' is privileged"
    assert second["path"] == "task.json"
    assert second["span"] == {"line": 3, "col": 57, "end_line": 3, "end_col": 61, "approximate": False}
    assert second["pointer"] == "/containerDefinitions/0/privileged"
    assert second["logical_location"] == "web"
    assert second["related"] == [
        {
            "path": "roles/task-role.json",
            "span": {"line": 1, "col": 1, "end_line": 5, "end_col": 2, "approximate": False},
            "message": "task role TaskRole",
        }
    ]
    assert first["severity"] == "warning" and first["pointer"] == "/family" and first["related"] == []
    assert data["files"] == [
        {"path": "task.json", "kind": "task-definition", "skipped": None},
        {"path": "notes.json", "kind": None, "skipped": "unknown kind of document"},
    ]
    assert data["summary"] == {"errors": 1, "warnings": 1, "notes": 0, "files": 1}


def test_json_empty_report() -> None:
    data = json.loads(render(JsonFormatter(), Report(files=[FileResult("a.json", "service")])))
    assert data["diagnostics"] == []
    assert data["summary"] == {"errors": 0, "warnings": 0, "notes": 0, "files": 0}


def test_json_lines_one_compact_object_per_diagnostic() -> None:
    report = two_diag_report()
    out = render(JsonLinesFormatter(), report)
    lines = out.split("\n")
    assert lines[-1] == ""
    assert len(lines[:-1]) == 2
    full = json.loads(render(JsonFormatter(), report))
    for line, expected in zip(lines[:-1], full["diagnostics"]):
        assert ": " not in line.replace("': ", "")  # compact separators (the message has no ": ")
        assert json.loads(line) == expected
        assert line == json.dumps(expected, sort_keys=True, separators=(",", ":"))
    assert render(JsonLinesFormatter(), Report()) == ""


# --------------------------------------------------------------------------------------------------
# github
# --------------------------------------------------------------------------------------------------


def test_github_commands() -> None:
    report = two_diag_report()
    report.diagnostics.append(diag_service())
    assert render(GithubFormatter(), report) == (
        "::warning file=task.json,line=2,col=12,endLine=2,endColumn=18,title=ecslint (ECS120)::"
        "family 'café' has characters ECS does not accept\n"
        "::error file=task.json,line=3,col=57,endLine=3,endColumn=61,title=ecslint (ECS104)::"
        "container 'wéb' is privileged\n"
        "::notice file=svc/service.json,line=3,col=3,endLine=3,endColumn=28,title=ecslint (ECS305)::"
        "service 'web' has no deployment circuit breaker\n"
    )


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    diag = Diagnostic(
        "ECS104",
        "privileged-container",
        "cpu 50% of 1,024:\nsee docs",
        Severity.ERROR,
        Location("dir:x/a,b%.json", Span(4, 2, 6, 1)),
    )
    # a span over several lines keeps line/endLine and drops the columns
    assert render(GithubFormatter(), Report([diag])) == (
        "::error file=dir%3Ax/a%2Cb%25.json,line=4,endLine=6,title=ecslint (ECS104)::cpu 50%25 of 1,024:%0Asee docs\n"
    )


# --------------------------------------------------------------------------------------------------
# sarif
# --------------------------------------------------------------------------------------------------

_URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def validate_sarif(doc: dict[str, Any], schema: dict[str, Any]) -> None:
    declared = validator_for(schema)
    assert declared is jsonschema.Draft4Validator  # what the vendored OASIS file declares
    for cls in (declared, jsonschema.Draft7Validator):
        cls.check_schema(schema)
        errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    # "uri"/"uri-reference" formats need an optional package in jsonschema; check the characters here.
    for run in doc["runs"]:
        for art in run["artifacts"]:
            assert _URI_CHARS.match(art["location"]["uri"]), art
        for base in run["originalUriBaseIds"].values():
            assert _URI_CHARS.match(base["uri"]), base


def sarif_report(root: Path) -> Report:
    task = "deploy/task def.json"  # a space, to be percent-encoded
    return Report(
        diagnostics=sorted(
            [
                diag_family(task),
                diag_privileged(task),
                diag_service(),
                Diagnostic(
                    "ECS104",
                    "privileged-container",
                    "container 'sidecar' is privileged",
                    Severity.ERROR,
                    Location("svc/service.json", Span(2, 3, 2, 16, approximate=True)),
                    source_pointer=("containerDefinitions", 1, "privileged"),
                ),
            ],
            key=Diagnostic.sort_key,
        ),
        files=[
            FileResult(task, "task-definition", text=TASK_TEXT),
            FileResult("README.json", None, skipped="unknown kind of document"),
            FileResult("roles/task-role.json", "iam-role"),
            FileResult("svc/service.json", "service", text=SERVICE_TEXT),
        ],
        rules={"ECS305": ECS305, "ECS104": ECS104, "ECS120": ECS120, "ECS999": ECS999},
        root=str(root),
        version="0.1.0",
        plugins={"ecslint-extra": "1.2.0"},
    )


def render_sarif(report: Report, **kwargs: Any) -> str:
    return render(SarifFormatter(**kwargs), report)


def test_sarif_valid_and_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_schema: dict[str, Any]) -> None:
    monkeypatch.chdir(tmp_path)
    out = render_sarif(sarif_report(tmp_path))
    assert out.endswith("}\n")
    doc = json.loads(out)
    validate_sarif(doc, sarif_schema)
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    assert run["properties"] == {"plugins": {"ecslint-extra": "1.2.0"}}
    assert "automationDetails" not in run

    driver = run["tool"]["driver"]
    assert driver["name"] == "ecslint"
    assert driver["version"] == driver["semanticVersion"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")

    # rules: sorted by id, only those that fired
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["ECS104", "ECS120", "ECS305"]
    r104 = rules[0]
    assert r104["name"] == "privileged-container"
    assert r104["shortDescription"] == {"text": "Container runs in privileged mode"}
    assert r104["fullDescription"] == {"text": "Flags container definitions that set `privileged` to `true`."}
    assert r104["help"]["markdown"] == r104["help"]["text"] == ECS104.doc.strip()
    assert "## Why is this bad?" in r104["help"]["markdown"]
    assert r104["helpUri"] == ECS104.help_uri
    assert r104["defaultConfiguration"] == {"level": "error"}
    assert r104["properties"] == {"tags": ["security", "container"], "security-severity": "8.0"}
    for r in rules[1:]:
        assert "security-severity" not in r["properties"]
    assert rules[1]["defaultConfiguration"] == {"level": "warning"}
    assert rules[2]["defaultConfiguration"] == {"level": "note"}

    # artifacts: every input file, skipped ones included, in the order of Report.files
    arts = run["artifacts"]
    uris = [a["location"]["uri"] for a in arts]
    assert uris == ["deploy/task%20def.json", "README.json", "roles/task-role.json", "svc/service.json"]
    assert all(a["location"]["uriBaseId"] == "%SRCROOT%" for a in arts)
    assert arts[1]["properties"] == {"skipped": "unknown kind of document"}
    assert all("properties" not in a for i, a in enumerate(arts) if i != 1)

    results = run["results"]
    assert [r["ruleId"] for r in results] == ["ECS120", "ECS104", "ECS104", "ECS305"]
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc["uriBaseId"] == "%SRCROOT%"
        assert arts[loc["index"]]["location"]["uri"] == loc["uri"]
        assert not loc["uri"].startswith(("/", "file:"))
        assert set(res["partialFingerprints"]) == {"ecslintFingerprint/v1"}
    priv = results[1]
    assert priv["level"] == "error"
    assert priv["message"] == {"text": "container 'wéb' is privileged"}
    assert priv["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 57, "endLine": 3, "endColumn": 61
    }
    assert priv["locations"][0]["logicalLocations"] == [{"name": "web", "kind": "taskDefinition"}]
    (rel,) = priv["relatedLocations"]
    assert rel["id"] == 1
    assert rel["message"] == {"text": "task role TaskRole"}
    assert rel["physicalLocation"]["artifactLocation"] == {"uri": "roles/task-role.json", "uriBaseId": "%SRCROOT%", "index": 2}
    assert rel["logicalLocations"] == [{"name": "TaskRole", "kind": "resource"}]
    sidecar = results[2]
    assert "logicalLocations" not in sidecar["locations"][0]
    assert sidecar["properties"] == {"approximate": True}
    assert results[3]["level"] == "note"


def test_sarif_level_is_the_effective_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lowered = diag_privileged()
    lowered = Diagnostic(lowered.code, lowered.name, lowered.message, Severity.WARNING, lowered.location)
    doc = json.loads(render_sarif(Report([lowered], rules={"ECS104": ECS104}, root=str(tmp_path))))
    run = doc["runs"][0]
    assert run["results"][0]["level"] == "warning"
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "error"}


def test_sarif_deterministic_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = render_sarif(sarif_report(tmp_path))
    again = render_sarif(sarif_report(tmp_path))
    assert first.encode() == again.encode()
    assert render_sarif(sarif_report(tmp_path)) == render_sarif(sarif_report(tmp_path))


def _fingerprint_of(report: Report) -> str:
    fp: str = json.loads(render_sarif(report))["runs"][0]["results"][0]["partialFingerprints"]["ecslintFingerprint/v1"]
    return fp


def test_sarif_fingerprint_survives_line_moves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = str(tmp_path)
    base = _fingerprint_of(Report([diag_privileged(line=3)], root=root))
    assert _fingerprint_of(Report([diag_privileged(line=40)], root=root)) == base
    assert _fingerprint_of(Report([diag_privileged(line=3, message="other")], root=root)) != base
    assert _fingerprint_of(Report([diag_privileged(path="other.json")], root=root)) != base
    assert re.fullmatch(r"[0-9a-f]{64}", base)


def test_sarif_empty_report_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_schema: dict[str, Any]) -> None:
    monkeypatch.chdir(tmp_path)
    report = Report(files=[FileResult("task.json", "task-definition")], root=str(tmp_path), version="0.1.0")
    doc = json.loads(render_sarif(report))
    validate_sarif(doc, sarif_schema)
    run = doc["runs"][0]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []
    assert run["artifacts"] == [{"location": {"uri": "task.json", "uriBaseId": "%SRCROOT%"}}]
    # a report without any files, version or plugins is still valid
    bare = json.loads(render_sarif(Report(root=str(tmp_path))))
    validate_sarif(bare, sarif_schema)
    assert bare["runs"][0]["tool"]["driver"]["version"]


def test_sarif_automation_id_and_paths_outside_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_schema: dict[str, Any]
) -> None:
    root = tmp_path / "repo"
    (root / "sub").mkdir(parents=True)
    monkeypatch.chdir(root / "sub")  # the cwd is below the root: displayed paths are relative to it
    inside = diag_privileged(path="ü/task.json")
    outside = diag_family(path="../../elsewhere/task.json")
    report = Report(sorted([inside, outside], key=Diagnostic.sort_key), root=str(root), rules={"ECS104": ECS104})
    doc = json.loads(render_sarif(report, automation_id="ecslint/prod"))
    validate_sarif(doc, sarif_schema)
    run = doc["runs"][0]
    assert run["automationDetails"] == {"id": "ecslint/prod"}
    locs = {r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]}
    assert locs["ECS104"]["uri"] == "sub/%C3%BC/task.json"
    assert locs["ECS104"]["uriBaseId"] == "%SRCROOT%"
    assert locs["ECS120"]["uri"] == (tmp_path / "elsewhere" / "task.json").as_uri()
    assert "uriBaseId" not in locs["ECS120"]
    # roles/task-role.json is named only by a related location: it still gets an artifact to index
    arts = [a["location"]["uri"] for a in run["artifacts"]]
    # (in order of first mention, the diagnostics being sorted by path)
    assert arts == [locs["ECS120"]["uri"], "sub/%C3%BC/task.json", "sub/roles/task-role.json"]
    (rel,) = next(r for r in run["results"] if r["ruleId"] == "ECS104")["relatedLocations"]
    assert rel["physicalLocation"]["artifactLocation"]["index"] == 2
    # a rule missing from Report.rules still gets a descriptor, so ruleIndex stays valid
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["ECS104", "ECS120"]
