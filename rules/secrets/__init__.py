"""Secrets rules (ECS190-199): secrets, secretOptions, registry credentials, plain-text credentials."""

MODULES: tuple[str, ...] = (
    "ecs190_secrets_without_execution_role",
    "ecs191_invalid_secret_reference",
    "ecs192_duplicate_secret_name",
    "ecs193_sensitive_value_in_plain_option",
)
