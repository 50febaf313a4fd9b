#!/usr/bin/env python3
"""Generate schemas/cfn-names.json: CloudFormation property names -> ECS API member names.

For each CloudFormation resource type in ``TYPES`` the script walks the
CloudFormation resource provider schema shipped by the installed ``cfn-lint``
package (us-east-1) side by side with the botocore shape of the matching ECS API
operation input, and records, as a tree, which API member every CloudFormation
property corresponds to.

Alignment: a CloudFormation property aligns with the botocore member of the same
name compared case-insensitively (``ContainerDefinitions`` -> ``containerDefinitions``).
Irregular names are decided in the ``EXPLICIT`` table below; CloudFormation
read-only attributes map to ``null`` automatically.  Any other property that does
not align, any ``EXPLICIT`` entry that no longer matches the schemas, and any
structural mismatch (object vs. scalar, list vs. map...) stops the script with an
error, so a cfn-lint or botocore upgrade forces a human decision.

Usage::

    python scripts/gen_cfn_names.py            # (re)write schemas/cfn-names.json
    python scripts/gen_cfn_names.py --check    # exit 1 if the file on disk is stale
    python scripts/gen_cfn_names.py --report   # also list irregular / one-sided names

cfn-lint layouts supported: ``data/schemas/providers/us_east_1/aws-ecs-*.json``
(optionally ``.gz``/``.bz2``/``.xz`` compressed; older releases) and the
hash-addressed ``data/schemas/providers/us_east_1.py`` + ``data/schemas/resources/<hash>.json``
(newer releases).  cfn-lint is read as data only; it is never imported.

The ``_provenance.generated`` date of an existing file is kept when nothing else
changed, so re-running is a no-op; ``--check`` ignores only that date.
"""

from __future__ import annotations

import argparse
import ast
import bz2
import datetime as _dt
import gzip
import importlib.metadata
import importlib.util
import json
import lzma
import os
import sys
from pathlib import Path
from typing import Any

import botocore
from botocore.loaders import Loader

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_FILE = REPO_ROOT / "schemas" / "cfn-names.json"
REGION = "us_east_1"

# CloudFormation type -> (botocore input shape, legacy provider schema file stem)
TYPES: dict[str, tuple[str, str]] = {
    "AWS::ECS::CapacityProvider": ("CreateCapacityProviderRequest", "aws-ecs-capacityprovider"),
    "AWS::ECS::Cluster": ("CreateClusterRequest", "aws-ecs-cluster"),
    "AWS::ECS::Service": ("CreateServiceRequest", "aws-ecs-service"),
    "AWS::ECS::TaskDefinition": ("RegisterTaskDefinitionRequest", "aws-ecs-taskdefinition"),
    "AWS::ECS::TaskSet": ("CreateTaskSetRequest", "aws-ecs-taskset"),
}

_TAGS = {"Tags[].Key": "key", "Tags[].Value": "value"}
READ_ONLY_NOTE = "read-only attribute (CloudFormation readOnlyProperties); not an API input"

# Decisions for names that do not align case-insensitively (and a few that do
# only by case and are listed for the record).  Keys are CloudFormation paths:
# property names joined by ".", with "[]" after a property that is a list of
# objects.  A value is the botocore member name, or {"api": None, "note": ...}.
EXPLICIT: dict[str, dict[str, Any]] = {
    "AWS::ECS::TaskDefinition": {
        "ProxyConfiguration.ProxyConfigurationProperties": "properties",
        # case-only differences (they would align automatically):
        "Volumes[].EFSVolumeConfiguration.FilesystemId": "fileSystemId",
        "Volumes[].EFSVolumeConfiguration.AuthorizationConfig.IAM": "iam",
        **_TAGS,
    },
    "AWS::ECS::Service": {
        "PlacementStrategies": "placementStrategy",
        "ServiceName": "serviceName",
        "ForceNewDeployment": {
            "api": None,
            "note": "CloudFormation-only; the API equivalent is the forceNewDeployment boolean of UpdateService",
        },
        **_TAGS,
    },
    "AWS::ECS::Cluster": {
        "ClusterName": "clusterName",
        "ClusterSettings": "settings",
        **_TAGS,
    },
    "AWS::ECS::CapacityProvider": {
        "ClusterName": "cluster",
        **_TAGS,
    },
    "AWS::ECS::TaskSet": {
        **_TAGS,
    },
}

FORMAT_DOC: dict[str, Any] = {
    "description": (
        "CloudFormation property names (PascalCase) -> ECS API member names (camelCase), "
        "one tree per CloudFormation resource type."
    ),
    "root": 'per resource type: {"props": {<CfnName>: node, ...}}',
    "node": {
        "api": "name of the ECS API member (botocore shape of the operation below), or null when "
        "the CloudFormation property has no API counterpart",
        "note": "optional; why api is null or why the name is irregular",
        "props": "object-valued property: {<CfnName>: node, ...} for its sub-properties",
        "items": 'list of objects: node (without "api") describing one element, {"props": {...}}',
        "map": "true for a free-form map whose keys are user data and kept verbatim "
        "(LogConfiguration.Options, DockerLabels, DriverOpts, Labels, ...; also the free-form "
        "JSON document LifecycleHooks[].HookDetails)",
    },
    "leaf": 'a node with only "api" is a scalar or a list of scalars',
    "operations": {t: shape for t, (shape, _stem) in sorted(TYPES.items())},
}


class AlignmentError(Exception):
    pass


# --------------------------------------------------------------------------- #
# loading
# --------------------------------------------------------------------------- #


def cfnlint_dir() -> Path:
    spec = importlib.util.find_spec("cfnlint")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cfn-lint is not installed (pip install cfn-lint)")
    return Path(list(spec.submodule_search_locations)[0])


def _read_maybe_compressed(path: Path) -> Any:
    opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}.get(path.suffix, open)
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def load_cfn_schema(type_name: str) -> tuple[dict[str, Any], str]:
    """Return (provider schema, path of the file relative to the cfnlint package)."""
    root = cfnlint_dir()
    schemas = root / "data" / "schemas"
    stem = TYPES[type_name][1]
    legacy = schemas / "providers" / REGION
    for suffix in (".json", ".json.gz", ".json.bz2", ".json.xz"):
        cand = legacy / f"{stem}{suffix}"
        if cand.is_file():
            return _read_maybe_compressed(cand), cand.relative_to(root.parent).as_posix()
    index = schemas / "providers" / f"{REGION}.py"
    if index.is_file():
        tree = ast.parse(index.read_text(encoding="utf-8"))
        for node in tree.body:
            target = getattr(node, "target", None) or (getattr(node, "targets", None) or [None])[0]
            if isinstance(target, ast.Name) and target.id == "types" and node.value is not None:
                types = ast.literal_eval(node.value)
                break
        else:
            raise SystemExit(f"no 'types' table in {index}")
        digest = types.get(type_name)
        if digest:
            for suffix in (".json", ".json.gz", ".json.bz2", ".json.xz"):
                cand = schemas / "resources" / f"{digest}{suffix}"
                if cand.is_file():
                    return _read_maybe_compressed(cand), cand.relative_to(root.parent).as_posix()
    raise SystemExit(f"cannot find the CloudFormation schema of {type_name} under {schemas}")


def load_botocore_shapes() -> dict[str, Any]:
    return Loader().load_service_model("ecs", "service-2", api_version="2014-11-13")["shapes"]


# --------------------------------------------------------------------------- #
# alignment
# --------------------------------------------------------------------------- #


class Aligner:
    def __init__(self, type_name: str, cfn: dict[str, Any], shapes: dict[str, Any]):
        self.type_name = type_name
        self.cfn = cfn
        self.shapes = shapes
        self.explicit = dict(EXPLICIT.get(type_name, {}))
        self.used: set[str] = set()
        self.read_only = {
            p.split("/")[-1] for p in cfn.get("readOnlyProperties", []) if p.count("/") == 2
        }
        self.unaligned: list[str] = []  # fatal: neither automatic nor explicit
        self.irregular: list[tuple[str, str | None]] = []  # explicit decisions taken
        self.api_only: list[str] = []  # API members with no CloudFormation property
        self.cfn_only: list[str] = []  # CloudFormation properties mapped to null
        self.case_only: list[tuple[str, str]] = []  # aligned, but not by simple PascalCase

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        seen = 0
        while "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/definitions/"):
                raise AlignmentError(f"{self.type_name}: unsupported $ref {ref}")
            node = self.cfn["definitions"][ref.split("/")[-1]]
            seen += 1
            if seen > 50:
                raise AlignmentError(f"{self.type_name}: $ref loop at {ref}")
        return node

    def object_properties(self, node: dict[str, Any]) -> dict[str, Any] | None:
        node = self.resolve(node)
        if "properties" in node:
            return node["properties"]
        props: dict[str, Any] = {}
        for key in ("oneOf", "anyOf", "allOf"):
            for alt in node.get(key, []):
                sub = self.object_properties(alt)
                if sub:
                    props.update(sub)
        return props or None

    @staticmethod
    def _types(node: dict[str, Any]) -> set[str]:
        t = node.get("type")
        return set(t) if isinstance(t, list) else ({t} if t else set())

    def kind(self, node: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
        """Classify a CFN sub-schema: ('object', props) | ('array-object', props) | ('map', None) | ('scalar', None)."""
        node = self.resolve(node)
        types = self._types(node)
        if "array" in types or ("items" in node and not types):
            items = self.resolve(node.get("items", {}))
            props = self.object_properties(items)
            return ("array-object", props) if props else ("scalar", None)
        props = self.object_properties(node)
        if props:
            return "object", props
        addl = node.get("additionalProperties")
        if "patternProperties" in node or isinstance(addl, dict) or ("object" in types and addl is not False):
            return "map", None
        return "scalar", None

    def botocore_kind(self, shape_name: str) -> tuple[str, str | None]:
        shape = self.shapes[shape_name]
        if shape["type"] == "list":
            member = shape["member"]["shape"]
            if self.shapes[member]["type"] == "structure":
                return "array-object", member
            return "scalar", None
        if shape["type"] == "structure" and shape.get("document"):
            return "document", None
        if shape["type"] == "structure":
            return "object", shape_name
        if shape["type"] == "map":
            return "map", None
        return "scalar", None

    def walk_props(self, props: dict[str, Any], shape_name: str | None, path: str, top: bool) -> dict[str, Any]:
        members = self.shapes[shape_name].get("members", {}) if shape_name else {}
        by_lower = {m.lower(): m for m in members}
        out: dict[str, Any] = {}
        matched: set[str] = set()
        for cfn_name in sorted(props):
            sub = props[cfn_name]
            here = f"{path}.{cfn_name}" if path else cfn_name
            node: dict[str, Any] = {}
            api: str | None
            if here in self.explicit:
                self.used.add(here)
                decision = self.explicit[here]
                if isinstance(decision, dict):
                    api, note = decision.get("api"), decision.get("note")
                else:
                    api, note = decision, None
                if api is not None and api not in members:
                    raise AlignmentError(
                        f"{self.type_name}: EXPLICIT {here} -> {api!r}, but {shape_name} has no such member"
                    )
                if api is None or api != by_lower.get(cfn_name.lower()):
                    self.irregular.append((here, api))
                node["api"] = api
                if note:
                    node["note"] = note
            elif cfn_name.lower() in by_lower:
                api = by_lower[cfn_name.lower()]
                node["api"] = api
            elif top and cfn_name in self.read_only:
                api = None
                node["api"] = None
                node["note"] = READ_ONLY_NOTE
            else:
                self.unaligned.append(f"{here} (members of {shape_name}: {sorted(set(members) - matched)})")
                continue
            if api is None:
                self.cfn_only.append(here)
                out[cfn_name] = node
                continue
            matched.add(api)
            if api[:1].upper() + api[1:] != cfn_name and (here, api) not in self.irregular:
                self.case_only.append((here, api))
            cfn_kind, sub_props = self.kind(sub)
            api_kind, api_shape = self.botocore_kind(members[api]["shape"])
            if cfn_kind == "map" and api_kind == "document":
                # free-form JSON in both (e.g. LifecycleHooks[].HookDetails)
                node["map"] = True
                node["note"] = "free-form JSON document in the API (botocore document type); kept verbatim"
                out[cfn_name] = node
                continue
            if cfn_kind != api_kind:
                raise AlignmentError(
                    f"{self.type_name}: {here} is {cfn_kind} in CloudFormation but {api} "
                    f"({members[api]['shape']}) is {api_kind} in the API"
                )
            if cfn_kind == "object":
                node["props"] = self.walk_props(sub_props or {}, api_shape, here, False)
            elif cfn_kind == "array-object":
                node["items"] = {"props": self.walk_props(sub_props or {}, api_shape, here + "[]", False)}
            elif cfn_kind == "map":
                node["map"] = True
            out[cfn_name] = node
        for member in sorted(set(members) - matched):
            self.api_only.append(f"{path}.{member}" if path else member)
        return out

    def run(self, input_shape: str) -> dict[str, Any]:
        tree = {"props": self.walk_props(self.cfn.get("properties", {}), input_shape, "", True)}
        problems = list(self.unaligned)
        for stale in sorted(set(self.explicit) - self.used):
            problems.append(f"EXPLICIT entry {stale!r} matches no CloudFormation property")
        if problems:
            raise AlignmentError(
                f"{self.type_name}: undecided names (add them to EXPLICIT in scripts/gen_cfn_names.py):\n  "
                + "\n  ".join(problems)
            )
        return tree


# --------------------------------------------------------------------------- #
# output
# --------------------------------------------------------------------------- #


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).date().isoformat()
    return _dt.datetime.now(tz=_dt.timezone.utc).date().isoformat()


def build(generated: str, report: bool = False) -> dict[str, Any]:
    shapes = load_botocore_shapes()
    doc: dict[str, Any] = {"_format": FORMAT_DOC}
    prov: dict[str, Any] = {
        "source": "CloudFormation resource provider schemas (us-east-1) shipped by cfn-lint, "
        "aligned with botocore ecs 2014-11-13 service-2.json",
        "cfn_lint_version": importlib.metadata.version("cfn-lint"),
        "botocore_version": botocore.__version__,
        "generated": generated,
        "files": {},
    }
    doc["_provenance"] = prov
    for type_name in sorted(TYPES):
        input_shape = TYPES[type_name][0]
        cfn, rel = load_cfn_schema(type_name)
        if cfn.get("typeName") != type_name:
            raise AlignmentError(f"{rel}: typeName is {cfn.get('typeName')!r}, expected {type_name}")
        prov["files"][type_name] = rel
        aligner = Aligner(type_name, cfn, shapes)
        doc[type_name] = aligner.run(input_shape)
        if report:
            print(f"== {type_name} ({input_shape})")
            for path, api in aligner.irregular:
                print(f"  irregular  {path} -> {api}")
            for path, api in aligner.case_only:
                print(f"  case-only  {path} -> {api}")
            for path in aligner.cfn_only:
                print(f"  cfn-only   {path}")
            for path in aligner.api_only:
                print(f"  api-only   {path}")
    return doc


def dumps(obj: Any) -> str:
    # key order is built deterministically (sorted CFN names, fixed node key order)
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def _without_date(obj: Any) -> Any:
    if isinstance(obj, dict) and isinstance(obj.get("_provenance"), dict):
        obj = dict(obj)
        obj["_provenance"] = {k: v for k, v in obj["_provenance"].items() if k != "generated"}
    return obj


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the file differs from what would be generated")
    parser.add_argument("--report", action="store_true",
                        help="print irregular, CloudFormation-only and API-only names")
    parser.add_argument("--out", type=Path, default=OUT_FILE, help="output file (default: schemas/cfn-names.json)")
    args = parser.parse_args(argv)

    try:
        fresh = build(_today(), report=args.report)
    except AlignmentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    current = False
    if args.out.exists():
        try:
            old = json.loads(args.out.read_text(encoding="utf-8"))
        except ValueError:
            old = None
        if old is not None and _without_date(old) == _without_date(fresh):
            fresh["_provenance"]["generated"] = old["_provenance"].get("generated", fresh["_provenance"]["generated"])
            current = args.out.read_text(encoding="utf-8") == dumps(fresh)
    if args.check:
        if not current:
            print(f"stale (run: python scripts/gen_cfn_names.py): {args.out}", file=sys.stderr)
            return 1
        print(f"{args.out.name} up to date (cfn-lint {fresh['_provenance']['cfn_lint_version']}, "
              f"botocore {botocore.__version__})")
        return 0
    if not current:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(dumps(fresh), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
