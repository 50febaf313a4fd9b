"""Fargate platform rules (ECS200-239)."""

MODULES = (
    "ecs200_fargate_network_mode",
    "ecs201_fargate_task_size",
    "ecs202_fargate_unsupported_parameter",
    "ecs203_volume_unsupported_on_platform",
    "ecs204_fargate_log_driver",
    "ecs205_fargate_firelens_s3_config",
    "ecs206_fargate_container_timeout",
    "ecs207_ephemeral_storage_size",
    "ecs208_ephemeral_storage_without_fargate",
    "ecs209_fargate_execution_role_required",
    "ecs210_fargate_platform_version",
    "ecs211_fargate_platform_version_feature",
    "ecs212_fargate_ebs_magnetic_volume",
    "ecs213_fargate_classic_load_balancer",
    "ecs214_fargate_image_pull_route",
)
