"""Rules the engine emits (parse errors, schema violations, suppressions, internal errors)."""

MODULES = (
    "ecs001_parse_error",
    "ecs002_schema_violation",
    "ecs003_unused_suppression",
    "ecs004_unknown_input",
    "ecs009_internal_error",
)
