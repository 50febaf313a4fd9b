"""The compiled schema validator agrees with jsonschema (the reference) on every fixture and on
generated documents; Unknown and Partial values pass as they do under the extended jsonschema."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecslint.schemastore import SCHEMA_FOR_KIND, load_schema
from ecslint.validate import _Compiled, _validator_class
from ecslint.values import Partial, Unknown
from helpers import FIXTURES, plugins
from ecslint.engine import load_document
from ecslint.options import Options


def _errors(validator: Any, data: Any) -> list[tuple[Any, ...]]:
    out = []
    for e in validator.iter_errors(data):
        out.append((tuple(e.absolute_path), e.validator, json.dumps(e.validator_value, sort_keys=True, default=str)))
    return sorted(out)


SCHEMAS = sorted(set(SCHEMA_FOR_KIND.values()))


def _resources() -> list[tuple[str, Any]]:
    kinds = plugins().kinds
    out = []
    for path in sorted((FIXTURES / "rules").rglob("*")):
        if path.is_file() and not path.name.endswith(".expected") and path.suffix in (".json", ".yaml"):
            ld = load_document(str(path), path.read_bytes(), kinds, Options())
            for r in ld.document.resources if ld.document else []:
                if r.kind in SCHEMA_FOR_KIND:
                    out.append((SCHEMA_FOR_KIND[r.kind], r.data))
    return out


RESOURCES = _resources()


def test_enough_fixtures() -> None:
    assert len(RESOURCES) > 300


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_compiled_matches_jsonschema_on_fixtures(schema_name: str) -> None:
    schema = load_schema(schema_name)
    fast, ref = _Compiled(schema), _validator_class()(schema)
    checked = 0
    for name, data in RESOURCES:
        if name == schema_name:
            assert _errors(fast, data) == _errors(ref, data)
            checked += 1
    assert checked


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8) | st.sampled_from(["bridge", "awsvpc", "FARGATE", "tcp", "ENABLED"])
    | st.builds(Unknown) | st.builds(Partial, st.text(max_size=5)),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["family", "cpu", "memory", "networkMode", "containerDefinitions", "name", "image",
                         "portMappings", "containerPort", "essential", "capacityProviderStrategy", "weight",
                         "base", "capacityProvider", "serviceName", "desiredCount", "x"]), children, max_size=5),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(doc=st.dictionaries(st.sampled_from(["family", "cpu", "memory", "networkMode", "containerDefinitions",
                                            "serviceName", "taskDefinition", "desiredCount", "capacityProviderStrategy",
                                            "requiresCompatibilities", "volumes", "tags"]), json_values, max_size=8),
       schema_name=st.sampled_from(SCHEMAS))  # fmt: skip
def test_compiled_matches_jsonschema_on_generated(doc: dict[str, Any], schema_name: str) -> None:
    schema = load_schema(schema_name)
    assert _errors(_Compiled(schema), doc) == _errors(_validator_class()(schema), doc)
