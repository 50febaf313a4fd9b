"""Tests for ecslint.iam: identity-policy evaluation, trust policies and AWS-managed policies."""
from __future__ import annotations

import gzip
import importlib.util
import json
import random
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ecslint.iam import (
    Decision,
    ManagedPolicyRef,
    Policy,
    StatementRef,
    Verdict,
    closest_policy,
    evaluate,
    evaluate_all,
    get_managed_policy,
    get_managed_policy_by_name,
    has_confused_deputy_condition,
    is_aws_managed_policy_arn,
    managed_policies_collected,
    maybe_actions,
    missing_actions,
    trust_allows,
    trust_statements_for_any_principal,
)
from ecslint.iam import evaluator as ev
from ecslint.values import Partial, Unknown

ROOT = Path(__file__).resolve().parent.parent
SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"
SSM_MESSAGES = [
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
]


def allow(action: Any, resource: Any = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action: Any, resource: Any = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def policy(*statements: dict[str, Any], name: str = "inline policy ExecPolicy", version: str = "2012-10-17") -> Policy:
    return Policy({"Version": version, "Statement": list(statements)}, name)


def verdict(policies: list[Policy], action: str, resource: Any = "*") -> Verdict:
    return evaluate(policies, action, resource).verdict


# --------------------------------------------------------------------------------------------
# Allow, Deny, implicit deny
# --------------------------------------------------------------------------------------------


def test_allow_names_the_statement_by_sid() -> None:
    p = policy(allow(["logs:CreateLogStream", "logs:PutLogEvents"], Sid="Logs"))
    d = evaluate([p], "logs:PutLogEvents")
    assert d.verdict is Verdict.ALLOWED
    assert d.reason == "allowed by statement 'Logs' of inline policy ExecPolicy"
    assert d.action == "logs:PutLogEvents" and d.resource == "*"
    assert [(r.policy, r.index) for r in d.statements] == [(p, 0)]
    assert d.statements[0].statement["Sid"] == "Logs"
    assert d.policy is p


def test_allow_without_sid_is_numbered_from_one() -> None:
    p = policy(allow("ecr:BatchGetImage"), allow("logs:PutLogEvents"), name="X")
    d = evaluate([p], "logs:PutLogEvents")
    assert d.reason == "allowed by statement 2 of X"
    assert d.statements[0].index == 1


def test_nothing_allows_is_implicit_deny() -> None:
    d = evaluate([policy(allow("logs:*"))], "ssmmessages:OpenDataChannel")
    assert d.verdict is Verdict.NOT_ALLOWED
    assert d.reason == "no statement allows ssmmessages:OpenDataChannel"
    assert d.statements == ()
    assert d.policy is None


def test_not_allowed_names_a_specific_resource() -> None:
    d = evaluate([policy(allow("s3:GetObject", "arn:aws:s3:::a/*"))], "s3:GetObject", "arn:aws:s3:::b/k")
    assert d.verdict is Verdict.NOT_ALLOWED
    assert d.reason == "no statement allows s3:GetObject on arn:aws:s3:::b/k"


def test_no_policies_at_all() -> None:
    d = evaluate([], "ecr:GetAuthorizationToken")
    assert d.verdict is Verdict.NOT_ALLOWED
    assert d.reason == "no statement allows ecr:GetAuthorizationToken (there are no policies)"


def test_explicit_deny_beats_allow_across_policies() -> None:
    admin = policy(allow("*", Sid="Admin"), name="X")
    guard = policy(deny("ssm:*", Sid="DenyAll"), name="Y")
    d = evaluate([admin, guard], "ssm:GetParameters")
    assert d.verdict is Verdict.DENIED
    assert d.reason == "denied by statement 'DenyAll' of Y"
    assert [r.policy.name for r in d.statements] == ["Y"]
    # the Deny does not touch other services
    assert verdict([admin, guard], "logs:PutLogEvents") is Verdict.ALLOWED


def test_deny_alone_is_denied_not_just_not_allowed() -> None:
    d = evaluate([policy(deny("*", Sid="DenyAll"), name="Y")], "s3:GetObject")
    assert d.verdict is Verdict.DENIED


def test_several_allows_are_all_reported() -> None:
    p = policy(allow("logs:*", Sid="A"), allow("logs:PutLogEvents", Sid="B"))
    d = evaluate([p], "logs:PutLogEvents")
    assert d.verdict is Verdict.ALLOWED
    assert [r.sid for r in d.statements] == ["A", "B"]
    assert d.reason == "allowed by statement 'A' of inline policy ExecPolicy (and 1 other statement)"


def test_unknown_effect_value_is_ignored_only_when_invalid() -> None:
    assert verdict([policy({"Effect": "Permit", "Action": "*", "Resource": "*"})], "s3:GetObject") is Verdict.NOT_ALLOWED
    d = evaluate([policy({"Effect": Unknown(), "Action": "*", "Resource": "*"})], "s3:GetObject")
    assert d.verdict is Verdict.MAYBE
    assert "its Effect is not known statically" in d.reason


# --------------------------------------------------------------------------------------------
# Action / NotAction, wildcards, case
# --------------------------------------------------------------------------------------------


def test_not_action_allows_everything_except() -> None:
    p = policy({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"})
    assert verdict([p], "ssm:GetParameters") is Verdict.ALLOWED
    assert verdict([p], "iam:CreateUser") is Verdict.NOT_ALLOWED
    assert verdict([p], "IAM:createuser") is Verdict.NOT_ALLOWED
    assert verdict([p], "organizations:ListAccounts") is Verdict.NOT_ALLOWED


def test_not_action_in_a_deny() -> None:
    p = policy(allow("*"), {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*", "Sid": "OnlyS3"}, name="Y")
    assert verdict([p], "s3:GetObject") is Verdict.ALLOWED
    d = evaluate([p], "ec2:RunInstances")
    assert d.verdict is Verdict.DENIED
    assert d.reason == "denied by statement 'OnlyS3' of Y"


def test_statement_without_action_grants_nothing() -> None:
    assert verdict([policy({"Effect": "Allow", "Resource": "*"})], "s3:GetObject") is Verdict.NOT_ALLOWED


@pytest.mark.parametrize(
    ("pattern", "action", "expected"),
    [
        ("ssmmessages:*", "ssmmessages:OpenDataChannel", Verdict.ALLOWED),
        ("ssmmessages:*", "ssm:GetParameters", Verdict.NOT_ALLOWED),
        ("secretsmanager:Get*", "secretsmanager:GetSecretValue", Verdict.ALLOWED),
        ("secretsmanager:Get*", "secretsmanager:DescribeSecret", Verdict.NOT_ALLOWED),
        ("*", "kms:Decrypt", Verdict.ALLOWED),
        ("s?m:GetParameters", "ssm:GetParameters", Verdict.ALLOWED),
        ("s?m:GetParameters", "sm:GetParameters", Verdict.NOT_ALLOWED),
        ("s?m:GetParameters", "ssm:GetParameter", Verdict.NOT_ALLOWED),
        ("ssm:GetParameter", "ssm:GetParameters", Verdict.NOT_ALLOWED),
        ("ssm:*Parameter?", "ssm:GetParameters", Verdict.ALLOWED),
        ("ecr:*Layer*", "ecr:GetDownloadUrlForLayer", Verdict.ALLOWED),
        ("ecr:*Layer*", "ecr:BatchGetImage", Verdict.NOT_ALLOWED),
        ("s3:Get.bject", "s3:GetObject", Verdict.NOT_ALLOWED),  # no regex semantics
    ],
)
def test_action_wildcards(pattern: str, action: str, expected: Verdict) -> None:
    assert verdict([policy(allow(pattern))], action) is expected


@pytest.mark.parametrize(
    ("pattern", "action"),
    [
        ("ssmmessages:OpenDataChannel", "SSMMessages:openDataChannel"),
        ("SSMMESSAGES:*", "ssmmessages:OpenDataChannel"),
        ("SecretsManager:get*", "secretsmanager:GetSecretValue"),
    ],
)
def test_action_names_are_case_insensitive(pattern: str, action: str) -> None:
    assert verdict([policy(allow(pattern))], action) is Verdict.ALLOWED


# --------------------------------------------------------------------------------------------
# Resource / NotResource
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "resource", "expected"),
    [
        ("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*", SECRET, Verdict.ALLOWED),
        ("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-??????", SECRET, Verdict.ALLOWED),
        ("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-??????", SECRET[:-1], Verdict.NOT_ALLOWED),
        ("arn:aws:secretsmanager:us-east-1:123456789012:secret:db", SECRET, Verdict.NOT_ALLOWED),
        ("arn:aws:secretsmanager:*:*:secret:db-*", SECRET, Verdict.ALLOWED),
        ("arn:aws:secretsmanager:us-west-2:123456789012:secret:db-*", SECRET, Verdict.NOT_ALLOWED),
        # `*` runs over ':' and '/'
        ("arn:aws:logs:*", "arn:aws:logs:us-east-1:1:log-group:/ecs/app:log-stream:x/y", Verdict.ALLOWED),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c", Verdict.ALLOWED),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", Verdict.NOT_ALLOWED),
        # ARNs are case-sensitive
        ("arn:aws:s3:::MyBucket/*", "arn:aws:s3:::mybucket/k", Verdict.NOT_ALLOWED),
        # regex metacharacters are literal
        ("arn:aws:s3:::b.c/(x)+", "arn:aws:s3:::b.c/(x)+", Verdict.ALLOWED),
        ("arn:aws:s3:::b.c/(x)+", "arn:aws:s3:::bxc/(x)+", Verdict.NOT_ALLOWED),
    ],
)
def test_resource_wildcards(pattern: str, resource: str, expected: Verdict) -> None:
    assert verdict([policy(allow("secretsmanager:GetSecretValue", pattern))], "secretsmanager:GetSecretValue", resource) is expected


def test_resource_list_any_matches() -> None:
    p = policy(allow("s3:GetObject", ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]))
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::b/k") is Verdict.ALLOWED
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::c/k") is Verdict.NOT_ALLOWED


def test_star_resource_request_is_not_covered_by_scoped_statement() -> None:
    # ecr:GetAuthorizationToken has no resource-level permissions: IAM evaluates it on "*".
    p = policy(allow("ecr:GetAuthorizationToken", "arn:aws:ecr:us-east-1:123456789012:repository/app"))
    assert verdict([p], "ecr:GetAuthorizationToken") is Verdict.NOT_ALLOWED
    assert verdict([policy(allow("ecr:GetAuthorizationToken"))], "ecr:GetAuthorizationToken") is Verdict.ALLOWED


def test_not_resource_allow() -> None:
    p = policy({"Effect": "Allow", "Action": "s3:*", "NotResource": ["arn:aws:s3:::vault", "arn:aws:s3:::vault/*"]})
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::public/k") is Verdict.ALLOWED
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::vault/k") is Verdict.NOT_ALLOWED


def test_not_resource_deny() -> None:
    p = policy(allow("s3:*"), {"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::mine/*", "Sid": "Fence"})
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::mine/k") is Verdict.ALLOWED
    d = evaluate([p], "s3:GetObject", "arn:aws:s3:::theirs/k")
    assert d.verdict is Verdict.DENIED and d.reason == "denied by statement 'Fence' of inline policy ExecPolicy"


def test_missing_resource_reads_as_star() -> None:
    assert verdict([policy({"Effect": "Allow", "Action": "s3:*"})], "s3:GetObject", "arn:aws:s3:::x/k") is Verdict.ALLOWED


# --------------------------------------------------------------------------------------------
# Conditions
# --------------------------------------------------------------------------------------------


def test_conditional_allow_is_maybe_with_the_condition_keys() -> None:
    cond = {"StringEquals": {"aws:SourceVpce": "vpce-1"}}
    p = policy(allow("ssm:GetParameters", Condition=cond), name="X")
    d = evaluate([p], "ssm:GetParameters")
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "allowed by statement 1 of X only when its Condition (aws:SourceVpce) holds"
    assert d.statements[0].index == 0


def test_condition_keys_from_several_operators() -> None:
    cond = {"StringEquals": {"aws:SourceVpce": "v"}, "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}
    d = evaluate([policy(allow("*", Condition=cond), name="X")], "s3:GetObject")
    assert d.reason == "allowed by statement 1 of X only when its Condition (aws:SourceVpce, aws:SourceIp) holds"


def test_unconditional_allow_wins_over_conditional_allow() -> None:
    p = policy(allow("ssm:*", Condition={"Bool": {"aws:SecureTransport": "true"}}), allow("ssm:GetParameters", Sid="Plain"))
    d = evaluate([p], "ssm:GetParameters")
    assert d.verdict is Verdict.ALLOWED
    assert [r.sid for r in d.statements] == ["Plain"]


def test_conditional_deny_makes_an_allow_maybe() -> None:
    p = policy(allow("*", Sid="All"), deny("ssm:*", Sid="Tls", Condition={"Bool": {"aws:SecureTransport": "false"}}), name="X")
    d = evaluate([p], "ssm:GetParameters")
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "allowed by statement 'All' of X, but statement 'Tls' of X denies it when its Condition (aws:SecureTransport) holds"
    assert [r.sid for r in d.statements] == ["All", "Tls"]


def test_conditional_deny_without_allow_is_not_allowed() -> None:
    p = policy(deny("*", Condition={"Bool": {"aws:SecureTransport": "false"}}))
    assert verdict([p], "ssm:GetParameters") is Verdict.NOT_ALLOWED


def test_empty_condition_is_no_condition() -> None:
    assert verdict([policy(allow("*", Condition={}))], "s3:GetObject") is Verdict.ALLOWED


def test_unknown_condition_is_maybe() -> None:
    d = evaluate([policy(allow("*", Condition=Unknown()), name="X")], "s3:GetObject")
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "allowed by statement 1 of X only when its Condition (not known statically) holds"


# --------------------------------------------------------------------------------------------
# Partial and Unknown values
# --------------------------------------------------------------------------------------------

REGIONAL = Partial("arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-*")


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        (SECRET, Verdict.ALLOWED),
        (Partial("arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-AbCdEf"), Verdict.ALLOWED),
        ("arn:aws:secretsmanager:us-east-1:123456789012:secret:web-AbCdEf", Verdict.NOT_ALLOWED),
        ("arn:aws:ssm:us-east-1:123456789012:parameter/db", Verdict.NOT_ALLOWED),
        # a pseudo parameter is one ARN segment: the account cannot be "111:222"
        ("arn:aws:secretsmanager:us-east-1:111:222:secret:db-AbCdEf", Verdict.NOT_ALLOWED),
    ],
)
def test_partial_pseudo_parameters_match_definitely(resource: Any, expected: Verdict) -> None:
    p = policy(allow("secretsmanager:GetSecretValue", REGIONAL))
    assert verdict([p], "secretsmanager:GetSecretValue", resource) is expected


def test_partial_partition_pseudo_parameter() -> None:
    p = policy(allow("logs:PutLogEvents", Partial("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/app:*")))
    assert verdict([p], "logs:PutLogEvents", "arn:aws-us-gov:logs:us-gov-west-1:1:log-group:/ecs/app:log-stream:s") is Verdict.ALLOWED
    assert verdict([p], "logs:PutLogEvents", "arn:aws:logs:us-east-1:1:log-group:/ecs/other:log-stream:s") is Verdict.NOT_ALLOWED


def test_partial_other_placeholder_is_maybe() -> None:
    p = policy(allow("secretsmanager:GetSecretValue", Partial("${DbSecret}"), Sid="Db"), name="X")
    d = evaluate([p], "secretsmanager:GetSecretValue", SECRET)
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "may be allowed by statement 'Db' of X: its Resource is not fully known statically"
    assert d.statements[0].sid == "Db"


def test_partial_same_placeholder_matches_exactly() -> None:
    p = policy(allow("secretsmanager:GetSecretValue", Partial("${DbSecret}")))
    assert verdict([p], "secretsmanager:GetSecretValue", Partial("${DbSecret}")) is Verdict.ALLOWED
    assert verdict([p], "secretsmanager:GetSecretValue", Partial("${OtherSecret}")) is Verdict.MAYBE
    q = policy(allow("secretsmanager:GetSecretValue", Partial("${DbSecret}*")))
    assert verdict([q], "secretsmanager:GetSecretValue", Partial("${DbSecret}")) is Verdict.ALLOWED


def test_partial_placeholder_inside_literal_text() -> None:
    p = policy(allow("s3:GetObject", Partial("arn:aws:s3:::${Bucket}/*")))
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::anything/k") is Verdict.MAYBE
    assert verdict([p], "s3:GetObject", Partial("arn:aws:s3:::${Bucket}/k")) is Verdict.ALLOWED
    assert verdict([p], "s3:GetObject", SECRET) is Verdict.NOT_ALLOWED  # literal parts differ


def test_partial_request_against_patterns() -> None:
    wide = policy(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:*:*:secret:*"))
    req = Partial("arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${Name}")
    assert verdict([wide], "secretsmanager:GetSecretValue", req) is Verdict.ALLOWED
    narrow = policy(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:1:secret:db-*"), name="X")
    d = evaluate([narrow], "secretsmanager:GetSecretValue", Partial("${DbSecret}"))
    assert d.verdict is Verdict.MAYBE
    assert d.reason == (
        "may be allowed by statement 1 of X: the requested resource is not known statically "
        "and the statement covers only some resources"
    )


def test_iam_policy_variables() -> None:
    p = policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"))
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::home/bob/k") is Verdict.MAYBE
    assert verdict([p], "s3:GetObject", "arn:aws:s3:::other/bob/k") is Verdict.NOT_ALLOWED
    # ${*} is a literal asterisk
    star = policy(allow("s3:GetObject", "arn:aws:s3:::b/${*}"))
    assert verdict([star], "s3:GetObject", "arn:aws:s3:::b/*") is Verdict.ALLOWED
    assert verdict([star], "s3:GetObject", "arn:aws:s3:::b/x") is Verdict.NOT_ALLOWED
    # Version 2008-10-17 has no policy variables: the text is literal
    old = policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"), version="2008-10-17")
    assert verdict([old], "s3:GetObject", "arn:aws:s3:::home/bob/k") is Verdict.NOT_ALLOWED


def test_unknown_resource_element_in_allow_is_maybe() -> None:
    p = policy(allow("secretsmanager:GetSecretValue", Unknown()), name="X")
    d = evaluate([p], "secretsmanager:GetSecretValue", SECRET)
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "may be allowed by statement 1 of X: its Resource is not fully known statically"


def test_unknown_action_element_is_maybe() -> None:
    p = policy(allow(["logs:PutLogEvents", Unknown()]), name="X")
    assert verdict([p], "logs:PutLogEvents") is Verdict.ALLOWED
    d = evaluate([p], "ssm:GetParameters")
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "may be allowed by statement 1 of X: its Action is not fully known statically"


def test_unknown_in_deny() -> None:
    p = policy(allow("*", Sid="All"), deny("s3:*", Unknown(), Sid="Maybe"), name="X")
    d = evaluate([p], "s3:GetObject", "arn:aws:s3:::b/k")
    assert d.verdict is Verdict.MAYBE
    assert d.reason == (
        "allowed by statement 'All' of X, but statement 'Maybe' of X may deny it: its Resource is not fully known statically"
    )
    assert verdict([policy(deny(Unknown()))], "s3:GetObject") is Verdict.NOT_ALLOWED


def test_unknown_requested_resource() -> None:
    star = policy(allow("secretsmanager:GetSecretValue"))
    scoped = policy(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:*:*:secret:db-*"))
    not_res = policy({"Effect": "Allow", "Action": "secretsmanager:*", "NotResource": "arn:aws:secretsmanager:*:*:secret:root-*"})
    assert verdict([star], "secretsmanager:GetSecretValue", Unknown()) is Verdict.ALLOWED
    assert verdict([scoped], "secretsmanager:GetSecretValue", Unknown()) is Verdict.MAYBE
    assert verdict([not_res], "secretsmanager:GetSecretValue", Unknown()) is Verdict.MAYBE
    d = evaluate([star], "secretsmanager:GetSecretValue", Unknown())
    assert isinstance(d.resource, Unknown)
    # a Deny that might apply to the unknown resource
    fenced = policy(allow("s3:*"), deny("s3:*", "arn:aws:s3:::vault/*"))
    assert verdict([fenced], "s3:GetObject", Unknown()) is Verdict.MAYBE
    everywhere = policy(allow("s3:*"), deny("s3:*"))
    assert verdict([everywhere], "s3:GetObject", Unknown()) is Verdict.DENIED


def test_unknown_document_is_maybe_never_denied() -> None:
    unresolved = Policy(Unknown("Ref to parameter PolicyArn"), "managed policy arn:aws:iam::123456789012:policy/Custom")
    d = evaluate([unresolved], "ssmmessages:OpenDataChannel")
    assert d.verdict is Verdict.MAYBE
    assert d.reason == (
        "may be allowed by managed policy arn:aws:iam::123456789012:policy/Custom: its document is not known statically"
    )
    assert d.statements[0].index is None and d.statements[0].unknown
    assert d.statements[0].policy is unresolved
    # known Allow / Deny still decide
    assert verdict([unresolved, policy(allow("*"))], "s3:GetObject") is Verdict.ALLOWED
    assert verdict([unresolved, policy(deny("*"))], "s3:GetObject") is Verdict.DENIED


def test_unknown_statement_list_and_element() -> None:
    whole = Policy({"Version": "2012-10-17", "Statement": Unknown()}, "X")
    assert verdict([whole], "s3:GetObject") is Verdict.MAYBE
    one = policy(allow("logs:*"), Unknown(), name="Y")  # type: ignore[arg-type]
    d = evaluate([one], "s3:GetObject")
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "may be allowed by statement 2 of Y: the statement is not known statically"
    assert d.statements[0].index == 1


def test_partial_document_string_is_unknown() -> None:
    assert verdict([Policy(Partial('{"Statement": ${Stmts}}'), "X")], "s3:GetObject") is Verdict.MAYBE


def test_statement_as_single_object() -> None:
    p = Policy({"Version": "2012-10-17", "Statement": allow("ecr:BatchGetImage", Sid="Pull")}, "X")
    d = evaluate([p], "ecr:BatchGetImage")
    assert d.verdict is Verdict.ALLOWED
    assert d.reason == "allowed by statement 'Pull' of X"
    assert d.statements[0].index == 0


def test_json_string_document() -> None:
    p = Policy(json.dumps({"Version": "2012-10-17", "Statement": [allow("ecr:*")]}), "aws_iam_role_policy.exec")
    assert verdict([p], "ecr:BatchGetImage") is Verdict.ALLOWED
    assert verdict([Policy("{not json", "X")], "ecr:BatchGetImage") is Verdict.MAYBE


def test_policies_may_be_a_generator() -> None:
    ps = (p for p in [policy(allow("ssmmessages:*"))])
    result = evaluate_all(ps, SSM_MESSAGES)
    assert all(d.verdict is Verdict.ALLOWED for d in result.values())


# --------------------------------------------------------------------------------------------
# evaluate_all / missing_actions / maybe_actions / closest_policy
# --------------------------------------------------------------------------------------------


def test_evaluate_all_missing_and_maybe() -> None:
    ps = [
        policy(allow(["ssmmessages:CreateControlChannel", "ssmmessages:OpenControlChannel"])),
        policy(allow("ssmmessages:CreateDataChannel", Condition={"StringEquals": {"aws:SourceVpce": "v"}})),
        policy(deny("ssmmessages:OpenControlChannel")),
    ]
    result = evaluate_all(ps, SSM_MESSAGES)
    assert list(result) == SSM_MESSAGES
    assert {a: d.verdict for a, d in result.items()} == {
        "ssmmessages:CreateControlChannel": Verdict.ALLOWED,
        "ssmmessages:CreateDataChannel": Verdict.MAYBE,
        "ssmmessages:OpenControlChannel": Verdict.DENIED,
        "ssmmessages:OpenDataChannel": Verdict.NOT_ALLOWED,
    }
    assert [d.action for d in missing_actions(ps, SSM_MESSAGES)] == [
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
    ]
    assert [d.action for d in maybe_actions(ps, SSM_MESSAGES)] == ["ssmmessages:CreateDataChannel"]
    assert all(isinstance(d, Decision) for d in missing_actions(ps, SSM_MESSAGES))


def test_missing_actions_with_a_resource() -> None:
    p = policy(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:*:*:secret:db-*"))
    assert missing_actions([p], ["secretsmanager:GetSecretValue", "kms:Decrypt"], SECRET)[0].action == "kms:Decrypt"
    assert len(missing_actions([p], ["secretsmanager:GetSecretValue"], SECRET)) == 0


def test_closest_policy_prefers_the_service() -> None:
    logs = policy(allow(["logs:CreateLogStream", "logs:PutLogEvents"]), name="Logs")
    ssm = policy(allow("ssmmessages:CreateControlChannel"), allow("ssm:GetParameters"), name="Exec")
    admin = policy(allow("*"), name="Admin")
    assert closest_policy([logs, ssm, admin], SSM_MESSAGES) is ssm
    assert closest_policy([logs, admin], SSM_MESSAGES) is None


def test_closest_policy_counts_actions_and_breaks_ties_by_order() -> None:
    a = policy(allow("ssmmessages:CreateControlChannel"), name="A")
    b = policy(allow(["ssmmessages:CreateControlChannel", "ssmmessages:OpenControlChannel"]), name="B")
    c = policy(allow("ssmmessages:CreateDataChannel"), name="C")
    assert closest_policy([a, b], SSM_MESSAGES) is b
    assert closest_policy([a, c], SSM_MESSAGES) is a


def test_closest_policy_skips_managed_unknown_and_deny_only() -> None:
    core = get_managed_policy_by_name("AmazonSSMManagedInstanceCore")
    assert core is not None
    deny_only = policy(deny("ssmmessages:*"), name="Deny")
    unknown = Policy(Unknown(), "Unknown")
    assert closest_policy([core, deny_only, unknown], SSM_MESSAGES) is None
    mine = policy(allow("ssm:GetParameters"), name="Mine")
    assert closest_policy([core, mine], ["ssm:GetParameter"]) is mine


# --------------------------------------------------------------------------------------------
# AWS-managed policies
# --------------------------------------------------------------------------------------------

EXEC_ARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"


def test_task_execution_role_policy() -> None:
    p = get_managed_policy(EXEC_ARN)
    assert p is not None
    assert p.name == "AmazonECSTaskExecutionRolePolicy"
    assert isinstance(p.origin, ManagedPolicyRef) and p.origin.arn == EXEC_ARN
    assert re.fullmatch(r"v\d+", p.origin.version)
    for action in ("ecr:GetAuthorizationToken", "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"):
        d = evaluate([p], action)
        assert d.verdict is Verdict.ALLOWED, action
        assert d.reason.endswith("of AmazonECSTaskExecutionRolePolicy")
    d = evaluate([p], "secretsmanager:GetSecretValue", SECRET)
    assert d.verdict is Verdict.NOT_ALLOWED
    assert d.reason == f"no statement allows secretsmanager:GetSecretValue on {SECRET}"


def test_administrator_access_allows_everything() -> None:
    admin = get_managed_policy("arn:aws:iam::aws:policy/AdministratorAccess")
    assert admin is not None
    for action in ("iam:CreateUser", "secretsmanager:GetSecretValue", "ssmmessages:OpenDataChannel", "made:Up"):
        assert verdict([admin], action, SECRET) is Verdict.ALLOWED


def test_ssm_managed_instance_core_allows_ssmmessages() -> None:
    core = get_managed_policy("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
    assert core is not None
    assert missing_actions([core], SSM_MESSAGES) == []
    assert verdict([core], "ssm:StartSession") is Verdict.NOT_ALLOWED


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws-us-gov:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        "arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        Partial("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
    ],
)
def test_other_partitions_resolve_to_the_same_policy(arn: str) -> None:
    assert get_managed_policy(arn) is get_managed_policy(EXEC_ARN)


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:iam::aws:policy/AmazonECSTaskExecutionRolePolicy",  # wrong path
        "arn:aws:iam::123456789012:policy/service-role/AmazonECSTaskExecutionRolePolicy",  # customer account
        "arn:aws:iam::aws:policy/NoSuchPolicyAtAll",
        Partial("arn:aws:iam::aws:policy/${PolicyName}"),
        "AmazonECSTaskExecutionRolePolicy",
    ],
)
def test_unresolvable_arns(arn: str) -> None:
    assert get_managed_policy(arn) is None


def test_aws_service_role_path_and_arn_shape() -> None:
    p = get_managed_policy("arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy")
    assert p is not None and p.name == "AmazonECSServiceRolePolicy"
    assert is_aws_managed_policy_arn("arn:aws:iam::aws:policy/aws-service-role/Whatever")
    assert not is_aws_managed_policy_arn("arn:aws:iam::123456789012:policy/Mine")
    assert not is_aws_managed_policy_arn(Unknown())


def test_lookup_by_name() -> None:
    assert get_managed_policy_by_name("AmazonECSTaskExecutionRolePolicy") is get_managed_policy(EXEC_ARN)
    assert get_managed_policy_by_name("amazonecstaskexecutionrolepolicy") is get_managed_policy(EXEC_ARN)
    assert get_managed_policy_by_name("NoSuchPolicyAtAll") is None


def test_collected_date_matches_the_file() -> None:
    raw = resources.files("ecslint.data").joinpath("aws-managed-policies.zip").read_bytes()
    script = _refresh_script()
    data = script.read_archive(raw)
    assert managed_policies_collected() == data["collected"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", managed_policies_collected())
    entry = data["policies"][EXEC_ARN]
    assert set(entry) == {"name", "version", "document"}
    assert len(data["policies"]) > 1000


def _refresh_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("refresh_managed_policies", ROOT / "scripts" / "refresh_managed_policies.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_shipped_file_is_deterministic_output_of_the_script() -> None:
    script = _refresh_script()
    raw = (ROOT / "ecslint" / "data" / "aws-managed-policies.zip").read_bytes()
    rebuilt = script.serialize(script.build(script.read_archive(raw)))
    assert rebuilt == raw
    with pytest.raises(ValueError, match="not an AWS-managed policy ARN"):
        script.build({"collected": "2026-01-01", "policies": {"arn:aws:iam::1:policy/X": {}}})


def test_importing_ecslint_iam_reads_no_data() -> None:
    code = (
        "import sys, ecslint.iam, ecslint.iam.managed as m\n"
        "assert m._store.cache_info().currsize == 0\n"
        "assert 'zipfile' not in sys.modules or 'ecslint.data' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# --------------------------------------------------------------------------------------------
# Trust policies
# --------------------------------------------------------------------------------------------


def trust(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def assume(principal: Any, **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole", **extra}


ECS_TASKS = "ecs-tasks.amazonaws.com"


def test_trust_allows_ecs_tasks() -> None:
    d = trust_allows(trust(assume({"Service": ECS_TASKS}, Sid="Tasks")), ECS_TASKS)
    assert d.verdict is Verdict.ALLOWED
    assert d.reason == "allowed by statement 'Tasks' of trust policy"
    assert d.action == "sts:AssumeRole"
    both = trust(assume({"Service": ["ec2.amazonaws.com", "ECS-Tasks.amazonaws.com"]}))
    assert trust_allows(both, ECS_TASKS).verdict is Verdict.ALLOWED
    assert trust_allows(trust(assume({"Service": ECS_TASKS}, Action=["sts:AssumeRole", "sts:TagSession"])), ECS_TASKS).verdict is Verdict.ALLOWED


def test_trust_for_another_service_only() -> None:
    d = trust_allows(trust(assume({"Service": "ecs.amazonaws.com"})), ECS_TASKS)
    assert d.verdict is Verdict.NOT_ALLOWED
    assert d.reason == "no statement of trust policy lets ecs-tasks.amazonaws.com call sts:AssumeRole"
    assert trust_allows(trust(assume({"AWS": "arn:aws:iam::123456789012:root"})), ECS_TASKS).verdict is Verdict.NOT_ALLOWED
    assert trust_allows(trust(assume({"Service": "ecs-tasks.*"})), ECS_TASKS).verdict is Verdict.NOT_ALLOWED


def test_trust_action_must_match() -> None:
    doc = trust(assume({"Service": ECS_TASKS}))
    assert trust_allows(doc, ECS_TASKS, "sts:TagSession").verdict is Verdict.NOT_ALLOWED
    assert trust_allows(trust(assume({"Service": ECS_TASKS}, Action="sts:*")), ECS_TASKS, "sts:TagSession").verdict is Verdict.ALLOWED


def test_trust_with_policy_object_keeps_the_name() -> None:
    p = Policy(trust(assume({"Service": ECS_TASKS})), "trust policy of TaskRole", origin=("TaskRole",))
    d = trust_allows(p, ECS_TASKS)
    assert d.reason == "allowed by statement 1 of trust policy of TaskRole"
    assert d.statements[0].policy.origin == ("TaskRole",)


def test_trust_partial_service_principal() -> None:
    doc = trust(assume({"Service": Partial("ecs-tasks.${AWS::URLSuffix}")}))
    assert trust_allows(doc, ECS_TASKS).verdict is Verdict.ALLOWED
    doc = trust(assume({"Service": Unknown()}))
    assert trust_allows(doc, ECS_TASKS).verdict is Verdict.MAYBE
    assert trust_allows(Unknown(), ECS_TASKS).verdict is Verdict.MAYBE


@pytest.mark.parametrize("principal", ["*", {"AWS": "*"}, {"AWS": ["arn:aws:iam::1:root", "*"]}])
def test_trust_any_principal(principal: Any) -> None:
    doc = trust(assume({"Service": ECS_TASKS}), assume(principal, Sid="Open"))
    assert trust_allows(doc, ECS_TASKS).verdict is Verdict.ALLOWED
    refs = trust_statements_for_any_principal(doc)
    assert [(r.index, r.sid) for r in refs] == [(1, "Open")]
    assert all(isinstance(r, StatementRef) for r in refs)


def test_trust_any_principal_with_condition_is_not_listed_and_is_maybe() -> None:
    stmt = assume("*", Sid="Scoped", Condition={"StringEquals": {"aws:PrincipalOrgID": "o-1"}})
    doc = trust(stmt)
    assert trust_statements_for_any_principal(doc) == []
    d = trust_allows(doc, ECS_TASKS)
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "allowed by statement 'Scoped' of trust policy only when its Condition (aws:PrincipalOrgID) holds"
    assert d.statements[0].sid == "Scoped"


def test_trust_any_principal_ignores_deny_and_specific_principals() -> None:
    doc = trust(
        assume({"Service": ECS_TASKS}),
        assume({"AWS": "arn:aws:iam::123456789012:role/ci"}),
        {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": "*", "Action": "sts:TagSession"},
    )
    assert trust_statements_for_any_principal(doc) == []


def test_trust_deny_wins() -> None:
    doc = trust(assume({"Service": ECS_TASKS}), {"Effect": "Deny", "Principal": {"Service": ECS_TASKS}, "Action": "sts:*", "Sid": "No"})
    d = trust_allows(doc, ECS_TASKS)
    assert d.verdict is Verdict.DENIED
    assert d.reason == "denied by statement 'No' of trust policy"


def test_trust_not_principal_is_conservative() -> None:
    grants_all_but_ec2 = trust({"Effect": "Allow", "NotPrincipal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})
    d = trust_allows(grants_all_but_ec2, ECS_TASKS)
    assert d.verdict is Verdict.MAYBE
    assert d.reason == "may be allowed by statement 1 of trust policy: it uses NotPrincipal"
    assert [r.index for r in trust_statements_for_any_principal(grants_all_but_ec2)] == [0]
    excludes_tasks = trust({"Effect": "Allow", "NotPrincipal": {"Service": ECS_TASKS}, "Action": "sts:AssumeRole"})
    assert trust_allows(excludes_tasks, ECS_TASKS).verdict is Verdict.NOT_ALLOWED
    deny_others = trust(assume({"Service": ECS_TASKS}), {"Effect": "Deny", "NotPrincipal": {"Service": ECS_TASKS}, "Action": "sts:*"})
    assert trust_allows(deny_others, ECS_TASKS).verdict is Verdict.ALLOWED


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"StringEquals": {"aws:SourceAccount": "123456789012"}}, True),
        ({"ArnLike": {"AWS:sourcearn": "arn:aws:ecs:us-east-1:123456789012:*"}}, True),
        ({"ForAnyValue:StringEquals": {"aws:SourceOrgID": "o-1"}}, True),
        ({"StringEquals": {"aws:PrincipalOrgID": "o-1"}}, False),
        ({}, False),
        (None, False),
        (Unknown(), True),
        ({"StringEquals": Unknown()}, True),
    ],
)
def test_confused_deputy_condition(condition: Any, expected: bool) -> None:
    stmt = assume({"Service": ECS_TASKS})
    if condition is not None:
        stmt["Condition"] = condition
    assert has_confused_deputy_condition(stmt) is expected
    ref = StatementRef(Policy(trust(stmt), "t"), 0, stmt)
    assert has_confused_deputy_condition(ref) is expected


def test_trust_with_source_account_condition_still_reports_statement() -> None:
    stmt = assume({"Service": ECS_TASKS}, Sid="Tasks", Condition={"StringEquals": {"aws:SourceAccount": "123456789012"}})
    d = trust_allows(trust(stmt), ECS_TASKS)
    assert d.verdict is Verdict.MAYBE
    assert d.statements[0].sid == "Tasks"
    assert has_confused_deputy_condition(d.statements[0])


# --------------------------------------------------------------------------------------------
# Matcher internals: caching and agreement of the two matching paths
# --------------------------------------------------------------------------------------------


def test_patterns_are_compiled_once() -> None:
    p = policy(allow(["kinesis:Put*", "kinesis:?etRecords"], "arn:aws:kinesis:*:*:stream/cache-test-*"))
    evaluate([p], "kinesis:PutRecord", "arn:aws:kinesis:us-east-1:1:stream/cache-test-a")
    sets, regexes = ev._pattern_set_cached.cache_info().misses, ev._regex.cache_info().misses
    for _ in range(3):
        # a new Policy object with an equal document: compiled again, but from the caches
        again = policy(allow(["kinesis:Put*", "kinesis:?etRecords"], "arn:aws:kinesis:*:*:stream/cache-test-*"))
        evaluate([again], "kinesis:GetRecords", "arn:aws:kinesis:us-east-1:1:stream/cache-test-b")
    assert ev._pattern_set_cached.cache_info().misses == sets
    assert ev._regex.cache_info().misses == regexes


def test_matching_paths_agree_on_plain_strings() -> None:
    """The fast paths (set, prefixes, alternation regex) agree with the token matcher."""
    rng = random.Random(20260307)
    alphabet = "ab:/"
    for _ in range(2000):
        patterns = tuple(
            "".join(rng.choice(alphabet + "*?") for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 3))
        )
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        req = ev._request(text, fold=False)
        by_tokens = max(ev._match_tokens(ev._pattern(p, False, False, True, False).tokens, req.tokens) for p in patterns)
        by_regex = ev._Q.YES if any(ev._regex(ev._glob_source(p)).fullmatch(text) for p in patterns) else ev._Q.NO
        pattern_set = ev._pattern_set(patterns, fold=False, policy_vars=False)
        assert pattern_set is not None
        assert by_tokens == by_regex == ev._match_set(pattern_set, req), (patterns, text)
