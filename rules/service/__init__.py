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
    "ecs310_invalid_placement",
)
