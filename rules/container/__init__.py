"""Container definition rules (ECS120-149)."""

MODULES: tuple[str, ...] = (
    "ecs120_invalid_container_resources",
    "ecs121_unbounded_container_memory",
    "ecs123_container_name_as_hostname",
    "ecs124_invalid_image",
    "ecs125_mutable_image_tag",
    "ecs126_invalid_port_mapping",
    "ecs127_port_mapping_name",
    "ecs128_unknown_container_reference",
    "ecs129_invalid_container_dependency",
    "ecs130_invalid_health_check",
    "ecs131_duplicate_environment_variable",
    "ecs132_plaintext_secret_in_environment",
    "ecs133_invalid_environment_files",
    "ecs134_invalid_ulimits",
    "ecs135_invalid_resource_requirements",
    "ecs136_invalid_restart_policy",
    "ecs137_privileged_container",
    "ecs138_invalid_mount_point",
    "ecs139_ipc_sysctl_with_host_ipc",
    "ecs140_invalid_container_user",
)
