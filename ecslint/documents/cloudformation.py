"""CloudFormation templates (YAML or JSON, short-form tags, CDK- and SAM-generated) -> canonical resources.

Intrinsic functions are resolved as far as they can be before deployment: ``Ref`` and ``Fn::GetAtt`` to
resources of the template become :class:`~ecslint.values.Reference`; ``Fn::Sub`` and ``Fn::Join`` become
strings, or :class:`~ecslint.values.Partial` strings with ``${...}`` for the parts not known;
``Ref`` to a parameter and every other function (``Fn::If``, ``Fn::ImportValue`` ...) is
:class:`~ecslint.values.Unknown`.  ``Ref: AWS::NoValue`` removes the member, as CloudFormation does.

Property names are mapped to ECS API names with ``schemas/cfn-names.json`` (generated from the
CloudFormation resource schemas and botocore), and scalar types are coerced as CloudFormation
coerces them (``Cpu: 256`` is the string "256"; ``Essential: "false"`` is the boolean false).
"""
from __future__ import annotations

import re
from typing import Any

from ecslint.documents.base import Document, DocumentKind, Pointer, Resource
from ecslint.project import make_resource
from ecslint.schemastore import SCHEMA_FOR_KIND, cfn_names, load_schema, resolve_ref
from ecslint.values import Partial, Reference, Unknown

__all__ = ["KINDS", "resolve_intrinsics"]

ECS_TYPES = {
    "AWS::ECS::TaskDefinition": "task-definition",
    "AWS::ECS::Service": "service",
    "AWS::ECS::Cluster": "cluster",
    "AWS::ECS::CapacityProvider": "capacity-provider",
}
#: Top-level API members that CloudFormation fills in when the template leaves them out.
GENERATED = {"task-definition": ("family",), "service": ("serviceName",), "capacity-provider": ("name",)}
PSEUDO = {"AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs"}


class _NoValue:
    pass


NOVALUE = _NoValue()
_SUB = re.compile(r"\$\{([^}]*)\}")


def detect(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    res = data.get("Resources")
    if isinstance(res, dict) and res and all(isinstance(v, dict) for v in res.values()):
        return any(isinstance(v.get("Type"), str) for v in res.values())
    return "AWSTemplateFormatVersion" in data and isinstance(res, dict)


class _Ctx:
    def __init__(self, template: dict[str, Any]) -> None:
        params = template.get("Parameters")
        self.parameters = set(params) if isinstance(params, dict) else set()
        res = template.get("Resources")
        self.resources = set(res) if isinstance(res, dict) else set()


def _placeholder(v: Any) -> str:
    if isinstance(v, Reference):
        return "${" + v.target + (f".{v.attribute}" if v.attribute else "") + "}"
    if isinstance(v, Partial):
        return str(v)
    return "${?}"


def resolve_intrinsics(value: Any, ctx: _Ctx) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            (fn, arg), = value.items()
            if fn == "Ref":
                if arg == "AWS::NoValue":
                    return NOVALUE
                if isinstance(arg, str):
                    if arg in ctx.resources:
                        return Reference(arg)
                    if arg in ctx.parameters:
                        return Unknown(f"Ref to parameter {arg}")
                    return Unknown(f"Ref to {arg}")
                return Unknown("Ref")
            if fn == "Fn::GetAtt":
                if isinstance(arg, str):
                    arg = arg.split(".", 1)
                if isinstance(arg, list) and len(arg) == 2 and all(isinstance(a, str) for a in arg):
                    return Reference(arg[0], arg[1])
                return Unknown("Fn::GetAtt")
            if fn == "Fn::Sub":
                return _sub(arg, ctx)
            if fn == "Fn::Join":
                return _join(arg, ctx)
            if fn.startswith("Fn::") or fn == "Condition":
                return Unknown(fn)
        out: dict[str, Any] = {}
        for k, v in value.items():
            r = resolve_intrinsics(v, ctx)
            if r is not NOVALUE:
                out[k] = r
        return out
    if isinstance(value, list):
        return [r for r in (resolve_intrinsics(v, ctx) for v in value) if r is not NOVALUE]
    return value


def _sub(arg: Any, ctx: _Ctx) -> Any:
    variables: dict[str, Any] = {}
    if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str) and isinstance(arg[1], dict):
        text = arg[0]
        variables = {k: resolve_intrinsics(v, ctx) for k, v in arg[1].items()}
    elif isinstance(arg, str):
        text = arg
    else:
        return Unknown("Fn::Sub")
    unknown = False

    def repl(m: re.Match[str]) -> str:
        nonlocal unknown
        name = m.group(1)
        if name.startswith("!"):
            return "${" + name[1:] + "}"
        if name in variables:
            v = variables[name]
            if isinstance(v, str) and not isinstance(v, Partial):
                return v
            unknown = True
            return _placeholder(v) if isinstance(v, (Reference, Partial)) else "${" + name + "}"
        unknown = True
        return "${" + name + "}"

    result = _SUB.sub(repl, text)
    return Partial(result) if unknown else result


def _join(arg: Any, ctx: _Ctx) -> Any:
    if not (isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str)):
        return Unknown("Fn::Join")
    parts = resolve_intrinsics(arg[1], ctx)
    if not isinstance(parts, list):
        return Unknown("Fn::Join over a value not known")
    if isinstance(arg[1], list) and len(arg[1]) == len(parts):
        # A Ref to a pseudo parameter reads ${AWS::Partition}, as it does in Fn::Sub, so that an ARN
        # built either way matches the same patterns (the IAM evaluator knows these placeholders).
        parts = [Partial("${" + raw["Ref"] + "}") if _pseudo_ref(raw) else p for raw, p in zip(arg[1], parts)]
    if all(isinstance(p, str) and not isinstance(p, Partial) for p in parts):
        return arg[0].join(parts)
    if any(isinstance(p, (dict, list)) for p in parts):
        return Unknown("Fn::Join")
    return Partial(arg[0].join(p if isinstance(p, str) else _placeholder(p) for p in parts))


def _pseudo_ref(raw: Any) -> bool:
    ref = raw.get("Ref") if isinstance(raw, dict) and len(raw) == 1 else None
    return isinstance(ref, str) and ref in PSEUDO and ref != "AWS::NotificationARNs"


# ----------------------------------------------------------------------------- name mapping
def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _coerce(value: Any, schema: dict[str, Any] | None) -> Any:
    if schema is None or isinstance(value, (Unknown, Partial)):
        return value
    t = schema.get("type")
    if t == "string":
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return str(value) if not isinstance(value, float) or not value.is_integer() else str(int(value))
    elif t == "integer":
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            return int(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
    elif t == "number":
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                return value
    elif t == "boolean":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
    return value


def _map(
    value: Any,
    node: dict[str, Any] | None,
    schema: dict[str, Any] | None,
    root_schema: dict[str, Any],
    src: Pointer,
    can: Pointer,
    origins: dict[Pointer, Pointer],
) -> Any:
    origins[can] = src
    schema = resolve_ref(schema, root_schema)
    if isinstance(value, dict):
        if node is not None and node.get("map"):
            for k in value:
                origins[can + (k,)] = src + (k,)
            return {k: _coerce(v, {"type": "string"}) for k, v in value.items()}
        props = (node or {}).get("props")
        sprops = (schema or {}).get("properties", {}) if isinstance(schema, dict) else {}
        out: dict[str, Any] = {}
        for k, v in value.items():
            sub = props.get(k) if props else None
            if props is not None and sub is not None and sub.get("api") is None:
                continue  # CloudFormation-only property with no API counterpart
            api = sub["api"] if sub is not None else _lower_first(k)
            out[api] = _map(v, sub, sprops.get(api), root_schema, src + (k,), can + (api,), origins)
        return out
    if isinstance(value, list):
        items_node = (node or {}).get("items")
        item_schema = (schema or {}).get("items") if isinstance(schema, dict) else None
        return [_map(v, items_node, item_schema, root_schema, src + (i,), can + (i,), origins) for i, v in enumerate(value)]
    return _coerce(value, schema)


# ----------------------------------------------------------------------------- loading
def load(doc: Document) -> list[Resource]:
    template = doc.data
    ctx = _Ctx(template)
    resources = template.get("Resources") or {}
    out: list[Resource] = []
    clusters: dict[str, Resource] = {}
    associations: list[tuple[str, dict[str, Any]]] = []
    for logical, res in resources.items():
        if not isinstance(res, dict):
            continue
        rtype = res.get("Type")
        if not isinstance(rtype, str):
            continue  # no type this linter knows
        props = res.get("Properties", {})
        if not isinstance(props, dict):
            props = {}
        base: Pointer = ("Resources", logical)
        root: Pointer = base + ("Properties",)
        meta: dict[str, Any] = {"type": rtype}
        md = res.get("Metadata")
        if isinstance(md, dict) and isinstance(md.get("ecslint"), dict) and isinstance(md["ecslint"].get("ignore"), list):
            meta["ignore"] = md["ecslint"]["ignore"]
            meta["ignore_pointer"] = base + ("Metadata", "ecslint", "ignore")
        resolved = resolve_intrinsics(props, ctx)
        if not isinstance(resolved, dict):
            continue  # the whole Properties is chosen at deploy time (Properties: !If [...])
        if rtype in ECS_TYPES:
            kind = ECS_TYPES[rtype]
            origins: dict[Pointer, Pointer] = {}
            schema = load_schema(SCHEMA_FOR_KIND[kind])
            data = _map(resolved, cfn_names().get(rtype), schema, schema, root, (), origins)
            meta["generated"] = GENERATED.get(kind, ())
            r = make_resource(kind, logical, data if isinstance(data, dict) else {}, doc, base=base, root=root, origins=origins, meta=meta)
            out.append(r)
            if kind == "cluster":
                clusters[logical] = r
        elif rtype == "AWS::ECS::ClusterCapacityProviderAssociations":
            associations.append((logical, resolved))
        elif rtype == "AWS::IAM::Role":
            out.append(_role(logical, resolved, doc, base, root, meta))
        elif rtype in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy"):
            out.append(_policy(logical, rtype, resolved, doc, base, root, meta))
    for logical, props in associations:
        cl = props.get("Cluster")
        target = clusters.get(cl.target) if isinstance(cl, Reference) else next(
            (c for c in clusters.values() if c.data.get("clusterName") == cl), None
        )
        if target is None or target.origins is None:
            continue
        root = ("Resources", logical, "Properties")
        for cfn_key, api in (("CapacityProviders", "capacityProviders"), ("DefaultCapacityProviderStrategy", "defaultCapacityProviderStrategy")):
            if cfn_key in props:
                node = cfn_names()["AWS::ECS::Cluster"]["props"].get(cfn_key)
                schema = load_schema(SCHEMA_FOR_KIND["cluster"])
                target.data[api] = _map(
                    props[cfn_key], node, schema["properties"].get(api), schema, root + (cfn_key,), (api,), target.origins
                )
    return out


def _role(logical: str, p: dict[str, Any], doc: Document, base: Pointer, root: Pointer, meta: dict[str, Any]) -> Resource:
    data: dict[str, Any] = {"RoleName": p.get("RoleName", Unknown("generated by CloudFormation"))}
    origins: dict[Pointer, Pointer] = {(): root, ("RoleName",): root + ("RoleName",)}
    for key in ("Path", "AssumeRolePolicyDocument", "PermissionsBoundary"):
        if key in p:
            data[key] = p[key]
            origins[(key,)] = root + (key,)
    if "Policies" in p:
        pols = p["Policies"]
        data["RolePolicyList"] = pols
        origins[("RolePolicyList",)] = root + ("Policies",)
        if isinstance(pols, list):
            for i, pol in enumerate(pols):
                origins[("RolePolicyList", i)] = root + ("Policies", i)
    if "ManagedPolicyArns" in p:
        arns = p["ManagedPolicyArns"]
        origins[("AttachedManagedPolicies",)] = root + ("ManagedPolicyArns",)
        if isinstance(arns, list):
            data["AttachedManagedPolicies"] = [{"PolicyArn": a} for a in arns]
            for i in range(len(arns)):
                origins[("AttachedManagedPolicies", i)] = root + ("ManagedPolicyArns", i)
        else:
            data["AttachedManagedPolicies"] = arns
    _deep_origins(data, origins)
    return make_resource("iam-role", logical, data, doc, base=base, root=root, origins=origins, meta=meta)


def _deep_origins(data: dict[str, Any], origins: dict[Pointer, Pointer]) -> None:
    """Identity origins below the mapped members (policy documents keep their shape)."""
    from ecslint.documents.base import walk

    for key, src in list(origins.items()):
        if not key:
            continue
        cur: Any = data
        for part in key:
            try:
                cur = cur[part]
            except (KeyError, IndexError, TypeError):
                cur = None
                break
        if isinstance(cur, (dict, list)):
            for p, _ in walk(cur):
                origins.setdefault(key + p, src + p)


def _policy(logical: str, rtype: str, p: dict[str, Any], doc: Document, base: Pointer, root: Pointer, meta: dict[str, Any]) -> Resource:
    name = p.get("PolicyName") or p.get("ManagedPolicyName") or logical
    data: dict[str, Any] = {"PolicyName": name, "PolicyDocument": p.get("PolicyDocument", Unknown("no PolicyDocument"))}
    origins: dict[Pointer, Pointer] = {(): root, ("PolicyDocument",): root + ("PolicyDocument",)}
    roles = p.get("Roles")
    if rtype == "AWS::IAM::RolePolicy":
        roles = [p.get("RoleName")]
    if isinstance(roles, list):
        data["Roles"] = roles
    _deep_origins(data, origins)
    return make_resource("iam-policy", logical if isinstance(name, (Unknown, Partial)) or not isinstance(name, str) else logical, data, doc, base=base, root=root, origins=origins, meta=meta)


KINDS = [DocumentKind("cloudformation", detect, load, 10, "CloudFormation template (YAML or JSON)")]
