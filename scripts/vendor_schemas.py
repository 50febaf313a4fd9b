#!/usr/bin/env python3
"""Generate JSON Schemas (Draft 2020-12) for ECS API inputs from botocore's model.

Reads botocore's ECS service model (``botocore/data/ecs/2014-11-13/service-2.json``,
loaded through ``botocore.loaders`` so a compressed ``.json.gz`` works too) and
writes one self-contained schema per operation input shape into ``schemas/ecs/``.

Usage::

    python scripts/vendor_schemas.py            # (re)write schemas/ecs/*.json
    python scripts/vendor_schemas.py --check    # exit 1 if files on disk are stale

Mapping (botocore shape -> JSON Schema):

* structure -> object, ``properties``, ``required``, ``additionalProperties: false``
* list      -> array, ``items`` (+ ``minItems``/``maxItems`` from min/max)
* map       -> object, ``additionalProperties`` = value schema
* string    -> string (+ ``enum``, ``minLength``/``maxLength``, ``pattern``)
* integer/long -> integer (+ ``minimum``/``maximum``)
* double/float -> number (+ ``minimum``/``maximum``)
* boolean   -> boolean; timestamp, blob -> string
* structure with ``document: true`` (free-form JSON, e.g. HookDetails) -> ``{}``
  (any value), marked ``x-botocore-document: true``

Structures and enum strings are placed in ``$defs`` and referenced with
``{"$ref": "#/$defs/<ShapeName>"}``; other shapes are inlined.  botocore regex
patterns that Python's ``re`` cannot compile (e.g. ``\\p{L}`` classes) are kept
as the non-validating annotation ``x-botocore-pattern`` instead of ``pattern``.

Determinism: keys are sorted, indentation is 2 spaces, and the
``x-provenance.generated`` date of an existing file is kept when nothing else in
the file changed, so re-running the script is a no-op.  ``--check`` ignores
only that date.  ``SOURCE_DATE_EPOCH`` (if set) fixes the date of new content.

Only the standard library and botocore are used.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import botocore
from botocore.loaders import Loader

SERVICE = "ecs"
API_VERSION = "2014-11-13"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "https://ecslint.dev/schemas/ecs/"
PROVENANCE_SOURCE = "botocore ecs 2014-11-13 service-2.json"
MAX_DESCRIPTION = 200

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "schemas" / "ecs"

# output file stem -> (operation name, expected input shape)
OPERATIONS: dict[str, tuple[str, str]] = {
    "register-task-definition": ("RegisterTaskDefinition", "RegisterTaskDefinitionRequest"),
    "create-service": ("CreateService", "CreateServiceRequest"),
    "update-service": ("UpdateService", "UpdateServiceRequest"),
    "run-task": ("RunTask", "RunTaskRequest"),
    "create-cluster": ("CreateCluster", "CreateClusterRequest"),
    "create-capacity-provider": ("CreateCapacityProvider", "CreateCapacityProviderRequest"),
}

# --------------------------------------------------------------------------- #
# documentation -> one clean sentence
# --------------------------------------------------------------------------- #

_INLINE_TAGS = {"a", "b", "code", "em", "i", "strong", "u", "emphasis", "replaceable",
                "userinput", "guilabel", "systemitem", "literal", "filename"}
_TAG_RE = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_ABBREVIATIONS = ("e.g", "i.e", "etc", "vs", "approx", "no", "ex", "incl")


def _strip_html(doc: str) -> str:
    def repl(m: re.Match[str]) -> str:
        return "" if m.group(2).lower() in _INLINE_TAGS else " "

    text = _TAG_RE.sub(repl, doc)
    text = html.unescape(text)
    text = re.sub(r"\s+", " ", text).strip()
    # block-tag replacement can leave "word ." or "( x )"
    text = re.sub(r"\s+([.,;:!?)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return text


def first_sentence(doc: str | None) -> str | None:
    """First sentence of a botocore HTML doc string, plain text, <= ~200 chars."""
    if not doc:
        return None
    text = _strip_html(doc)
    if not text:
        return None
    end = len(text)
    for m in re.finditer(r"[.!?](?=\s|$)", text):
        before = text[: m.start()]
        word = re.search(r"([A-Za-z.]+)$", before)
        if m.group(0) == "." and word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        rest = text[m.end():].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "(\"'[<"):
            continue
        end = m.end()
        break
    sentence = text[:end].strip()
    if len(sentence) > MAX_DESCRIPTION:
        cut = sentence[: MAX_DESCRIPTION - 3]
        if " " in cut:
            cut = cut[: cut.rindex(" ")]
        sentence = cut.rstrip(" ,;:") + "..."
    return sentence


# --------------------------------------------------------------------------- #
# shape conversion
# --------------------------------------------------------------------------- #


def _pattern_ok(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


class SchemaBuilder:
    def __init__(self, shapes: dict[str, Any]):
        self.shapes = shapes
        self.defs: dict[str, Any] = {}

    @staticmethod
    def _is_def(shape: dict[str, Any]) -> bool:
        return shape["type"] == "structure" or (shape["type"] == "string" and "enum" in shape)

    def ref_or_inline(self, name: str) -> dict[str, Any]:
        shape = self.shapes[name]
        if self._is_def(shape):
            if name not in self.defs:
                self.defs[name] = {}  # placeholder: guards against recursion
                self.defs[name] = self.convert(name)
            return {"$ref": f"#/$defs/{name}"}
        return self.convert(name)

    def convert(self, name: str) -> dict[str, Any]:
        shape = self.shapes[name]
        kind = shape["type"]
        out: dict[str, Any]
        if kind == "structure" and shape.get("document"):
            # botocore "document": any JSON value (e.g. HookDetails)
            out = {"title": name, "x-botocore-document": True}
            desc = first_sentence(shape.get("documentation"))
            if desc:
                out["description"] = desc
        elif kind == "structure":
            out = {"type": "object", "additionalProperties": False, "properties": {}}
            for member, spec in shape.get("members", {}).items():
                out["properties"][member] = self.member(spec)
            if shape.get("required"):
                out["required"] = list(shape["required"])
            desc = first_sentence(shape.get("documentation"))
            if desc:
                out["description"] = desc
            out["title"] = name
        elif kind == "list":
            out = {"type": "array", "items": self.ref_or_inline(shape["member"]["shape"])}
            if "min" in shape:
                out["minItems"] = int(shape["min"])
            if "max" in shape:
                out["maxItems"] = int(shape["max"])
        elif kind == "map":
            out = {"type": "object", "additionalProperties": self.ref_or_inline(shape["value"]["shape"])}
            if "min" in shape:
                out["minProperties"] = int(shape["min"])
            if "max" in shape:
                out["maxProperties"] = int(shape["max"])
        elif kind == "string":
            out = {"type": "string"}
            if "enum" in shape:
                out["enum"] = list(shape["enum"])
                out["title"] = name
            if "min" in shape:
                out["minLength"] = int(shape["min"])
            if "max" in shape:
                out["maxLength"] = int(shape["max"])
            if "pattern" in shape:
                key = "pattern" if _pattern_ok(shape["pattern"]) else "x-botocore-pattern"
                out[key] = shape["pattern"]
        elif kind in ("integer", "long"):
            out = {"type": "integer"}
            if "min" in shape:
                out["minimum"] = int(shape["min"])
            if "max" in shape:
                out["maximum"] = int(shape["max"])
        elif kind in ("double", "float"):
            out = {"type": "number"}
            if "min" in shape:
                out["minimum"] = shape["min"]
            if "max" in shape:
                out["maximum"] = shape["max"]
        elif kind == "boolean":
            out = {"type": "boolean"}
        elif kind in ("timestamp", "blob"):
            out = {"type": "string"}
        else:  # pragma: no cover - the ECS model has no other kinds
            raise SystemExit(f"unsupported botocore shape type {kind!r} ({name})")
        if shape.get("deprecated"):
            out["deprecated"] = True
            if shape.get("deprecatedMessage"):
                out["x-deprecated-message"] = shape["deprecatedMessage"]
        return out

    def member(self, spec: dict[str, Any]) -> dict[str, Any]:
        target = spec["shape"]
        schema = dict(self.ref_or_inline(target))
        desc = first_sentence(spec.get("documentation")) or first_sentence(
            self.shapes[target].get("documentation")
        )
        if desc:
            schema["description"] = desc
        if spec.get("deprecated"):
            schema["deprecated"] = True
            if spec.get("deprecatedMessage"):
                schema["x-deprecated-message"] = spec["deprecatedMessage"]
        return schema


def load_model() -> tuple[dict[str, Any], str]:
    loader = Loader()
    model = loader.load_service_model(SERVICE, "service-2", api_version=API_VERSION)
    # locate the file for provenance (botocore may ship it gzip-compressed)
    data_dir = Path(botocore.__file__).parent / "data" / SERVICE / API_VERSION
    model_file = f"botocore/data/{SERVICE}/{API_VERSION}/service-2.json"
    for cand in sorted(data_dir.glob("service-2.json*")):
        model_file = f"botocore/data/{SERVICE}/{API_VERSION}/{cand.name}"
        break
    return model, model_file


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).date().isoformat()
    return _dt.datetime.now(tz=_dt.timezone.utc).date().isoformat()


def build_schema(model: dict[str, Any], stem: str, model_file: str, generated: str) -> dict[str, Any]:
    op_name, shape_name = OPERATIONS[stem]
    actual = model["operations"][op_name]["input"]["shape"]
    if actual != shape_name:
        raise SystemExit(f"{op_name}: input shape is {actual}, expected {shape_name}")
    builder = SchemaBuilder(model["shapes"])
    root = builder.convert(shape_name)
    root.pop("title", None)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{ID_BASE}{stem}.json",
        "title": f"ECS {op_name} input ({shape_name})",
        "x-provenance": {
            "source": PROVENANCE_SOURCE,
            "model_file": model_file,
            "shape": shape_name,
            "botocore_version": botocore.__version__,
            "generated": generated,
        },
    }
    schema.update(root)
    if builder.defs:
        schema["$defs"] = builder.defs
    return schema


def dumps(obj: Any) -> str:
    return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _without_date(obj: Any) -> Any:
    if isinstance(obj, dict):
        obj = dict(obj)
        prov = obj.get("x-provenance")
        if isinstance(prov, dict):
            obj["x-provenance"] = {k: v for k, v in prov.items() if k != "generated"}
    return obj


def render(path: Path, fresh: dict[str, Any]) -> tuple[str, bool]:
    """Return (text to write, up_to_date).  Keeps the old date if nothing else changed."""
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            old = None
        if old is not None and _without_date(old) == _without_date(fresh):
            fresh = dict(fresh)
            fresh["x-provenance"] = dict(fresh["x-provenance"])
            fresh["x-provenance"]["generated"] = old.get("x-provenance", {}).get(
                "generated", fresh["x-provenance"]["generated"]
            )
            text = dumps(fresh)
            return text, path.read_text(encoding="utf-8") == text
    return dumps(fresh), False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if any file differs from what would be generated")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="output directory (default: schemas/ecs)")
    args = parser.parse_args(argv)

    model, model_file = load_model()
    generated = _today()
    stale: list[str] = []
    for stem in sorted(OPERATIONS):
        path = args.out_dir / f"{stem}.json"
        text, current = render(path, build_schema(model, stem, model_file, generated))
        if current:
            continue
        if args.check:
            stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if args.check:
        if stale:
            print("stale (run: python scripts/vendor_schemas.py):", *stale, sep="\n  ", file=sys.stderr)
            return 1
        print(f"schemas up to date (botocore {botocore.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
