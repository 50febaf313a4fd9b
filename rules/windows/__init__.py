"""Windows and ECS Anywhere rules (ECS240-269)."""

MODULES: tuple[str, ...] = (
    "ecs240_windows_unsupported_parameter",
    "ecs241_windows_network_mode",
    "ecs242_windows_task_size_ignored",
    "ecs243_windows_fargate_unsupported",
    "ecs244_external_unsupported_task_feature",
    "ecs245_external_service_unsupported_feature",
    "ecs246_external_selinux_label",
    "ecs247_windows_mount_across_drives",
    "ecs248_windows_container_cpu_unset",
)
