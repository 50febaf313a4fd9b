"""service_connect rules."""

MODULES: tuple[str, ...] = (
    "ecs400_service_connect_port_name",
    "ecs401_service_connect_duplicate_name",
    "ecs402_service_connect_name_format",
    "ecs403_service_connect_task_memory",
    "ecs404_service_connect_proxy_headroom",
    "ecs405_service_connect_unsupported_task",
    "ecs406_service_connect_deployment_controller",
    "ecs407_service_connect_udp_port",
    "ecs408_service_connect_timeout",
    "ecs409_service_connect_tls",
    "ecs410_service_connect_access_log",
    "ecs411_service_connect_no_log_configuration",
    "ecs412_service_connect_no_namespace",
    "ecs413_service_connect_desired_count",
    "ecs414_service_connect_test_traffic_rules",
    "ecs415_service_connect_namespace_elsewhere",
)
