"""IAM policy evaluation shared by the rules: identity policies, trust policies, AWS-managed policies.

Importing this package reads no data; the AWS-managed policies are loaded on the first lookup.
"""
from __future__ import annotations

from ecslint.iam.evaluator import (
    Decision,
    Policy,
    StatementRef,
    Verdict,
    closest_policy,
    evaluate,
    evaluate_all,
    has_confused_deputy_condition,
    maybe_actions,
    missing_actions,
    trust_allows,
    trust_statements_for_any_principal,
)
from ecslint.iam.managed import (
    ManagedPolicyRef,
    get_managed_policy,
    get_managed_policy_by_name,
    is_aws_managed_policy_arn,
    managed_policies_collected,
)

__all__ = [
    "Decision",
    "ManagedPolicyRef",
    "Policy",
    "StatementRef",
    "Verdict",
    "closest_policy",
    "evaluate",
    "evaluate_all",
    "get_managed_policy",
    "get_managed_policy_by_name",
    "has_confused_deputy_condition",
    "is_aws_managed_policy_arn",
    "managed_policies_collected",
    "maybe_actions",
    "missing_actions",
    "trust_allows",
    "trust_statements_for_any_principal",
]
