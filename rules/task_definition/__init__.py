"""Task-level rules (ECS100-119)."""

MODULES = (
    "ecs100_no_essential_container",
    "ecs101_task_definition_quota",
    "ecs102_duplicate_container_name",
    "ecs103_task_size_format",
    "ecs104_container_resources_exceed_task",
    "ecs105_container_memory_missing",
)
