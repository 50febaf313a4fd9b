"""Task-level rules (ECS100-119)."""

MODULES = (
    "ecs100_no_essential_container",
    "ecs101_task_definition_quota",
    "ecs102_duplicate_container_name",
    "ecs103_task_size_format",
    "ecs104_container_resources_exceed_task",
    "ecs105_container_memory_missing",
    "ecs106_task_placement_constraint",
    "ecs107_invalid_tags",
    "ecs108_host_namespace_sharing",
    "ecs109_invalid_proxy_configuration",
    "ecs110_app_mesh_proxy",
    "ecs111_inference_accelerator",
    "ecs112_runtime_platform_mismatch",
    "ecs113_invalid_name",
    "ecs114_invalid_volume_definition",
    "ecs115_unused_volume",
    "ecs116_execution_role_not_arn",
    "ecs117_runtime_platform_not_declared",
)
