"""Service, deployment, load balancer and service networking rules (ECS300-339)."""

MODULES: tuple[str, ...] = (
    "ecs300_daemon_scheduling_conflict",
    "ecs301_daemon_with_replica_settings",
    "ecs302_deployment_cannot_progress",
    "ecs303_deployment_controller_conflict",
    "ecs304_service_role_conflict",
    "ecs305_network_configuration_mismatch",
    "ecs306_awsvpc_configuration_invalid",
    "ecs307_load_balancer_container_mismatch",
    "ecs308_vpc_lattice_port_name_mismatch",
    "ecs309_service_registry_invalid",
    "ecs310_invalid_placement",
    "ecs311_deployment_strategy_invalid",
    "ecs312_deployment_lifecycle_hook_invalid",
    "ecs313_classic_load_balancer_limitations",
    "ecs314_implicit_launch_type",
    "ecs315_health_check_grace_period_unused",
    "ecs316_desired_count_above_quota",
    "ecs317_service_definition_invalid",
    "ecs318_target_group_mismatch",
    "ecs319_invalid_service_monitoring",
)
