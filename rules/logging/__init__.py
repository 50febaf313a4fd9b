"""Logging rules (ECS180-189): awslogs options, FireLens, other drivers."""

MODULES: tuple[str, ...] = (
    "ecs180_awslogs_missing_options",
    "ecs181_invalid_awslogs_option",
    "ecs182_firelens_router_count",
    "ecs183_invalid_firelens_options",
    "ecs184_firelens_router_not_essential",
    "ecs185_firelens_router_setup",
    "ecs186_splunk_missing_options",
    "ecs187_no_log_configuration",
)
