"""Fargate platform rules (ECS200-239)."""

MODULES = (
    "ecs200_fargate_network_mode",
    "ecs201_fargate_task_size",
    "ecs202_fargate_unsupported_parameter",
    "ecs203_volume_unsupported_on_platform",
)
