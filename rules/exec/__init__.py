"""exec rules."""

MODULES: tuple[str, ...] = (
    "ecs430_exec_without_task_role",
    "ecs431_exec_task_role_permissions",
    "ecs432_exec_readonly_root_filesystem",
    "ecs433_exec_init_process_disabled",
    "ecs434_exec_unsupported_platform",
    "ecs435_exec_log_configuration_missing",
    "ecs436_exec_default_logging_without_awslogs",
    "ecs437_exec_logging_permissions",
    "ecs438_exec_enabled_without_new_deployment",
)
