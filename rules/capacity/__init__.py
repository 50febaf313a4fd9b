"""Capacity provider strategy, Spot, run-task and EBS volume configuration rules (ECS340-399)."""

MODULES: tuple[str, ...] = (
    "ecs340_launch_type_with_capacity_provider_strategy",
    "ecs341_invalid_capacity_provider_strategy",
    "ecs342_capacity_provider_not_in_cluster",
    "ecs343_capacity_provider_strategy_weights",
    "ecs344_spot_stop_timeout",
    "ecs345_fargate_spot_unsupported",
    "ecs346_spot_only_stateful_service",
    "ecs347_capacity_provider_name_invalid",
    "ecs348_managed_scaling_step_sizes",
    "ecs349_termination_protection_without_managed_scaling",
    "ecs350_ebs_volume_configuration_mismatch",
    "ecs351_ebs_managed_volume_invalid",
    "ecs352_run_task_override_size_invalid",
    "ecs353_ebs_filesystem_type_mismatch",
    "ecs354_ebs_volume_unencrypted",
    "ecs355_external_capacity_provider_strategy",
    "ecs356_service_ebs_not_persistent",
    "ecs357_capacity_strategy_change_without_new_deployment",
    "ecs358_tags_change_without_new_deployment",
    "ecs360_run_task_invalid_parameter",
)
